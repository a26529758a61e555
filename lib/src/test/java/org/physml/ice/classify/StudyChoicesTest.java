package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physml.CoursePaths;

/** The study's choices file: round trip in order, lookup, clear errors, and the shipped file of the v2 study. */
class StudyChoicesTest {

    @Test
    void roundTripKeepsOrderAndValues(@TempDir Path dir) {
        Map<Double, Double> byRate = new LinkedHashMap<>();
        byRate.put(1e-3, 0.80);
        byRate.put(3e-4, 0.82);
        StudyChoices c = new StudyChoices(Map.of()).with("SOAP large", new StudyChoices.Choice(3e-4, byRate))
                .with("ACSF", new StudyChoices.Choice(1e-3, Map.of(1e-3, 0.7)));
        Path f = dir.resolve(StudyChoices.FILE);
        c.write(f);
        StudyChoices back = StudyChoices.inFolder(dir);
        assertEquals(List.of("SOAP large", "ACSF"), List.copyOf(back.byDescriptor().keySet()));
        assertEquals(3e-4, back.learningRate("SOAP large").orElseThrow(), 0.0);
        assertEquals(0.82, back.byDescriptor().get("SOAP large").validationBalancedAccuracyByLearningRate()
                .get(3e-4), 0.0);
        assertTrue(back.learningRate("NEP").isEmpty());
        // replacing a descriptor keeps its place
        StudyChoices replaced = back.with("SOAP large", new StudyChoices.Choice(1e-3, byRate));
        assertEquals(List.of("SOAP large", "ACSF"), List.copyOf(replaced.byDescriptor().keySet()));
        assertEquals(1e-3, replaced.learningRate("SOAP large").orElseThrow(), 0.0);
    }

    @Test
    void aFolderWithoutChoicesHasNone(@TempDir Path dir) {
        assertTrue(StudyChoices.inFolder(dir).byDescriptor().isEmpty());
    }

    @Test
    void badFilesNameTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve(StudyChoices.FILE);
        Files.writeString(f, "[1, 2]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StudyChoices.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("not a study choices"),
                e.getMessage());
        Files.writeString(f, "{\"ACSF\": {\"learning_rate\": 1e-3}}");
        e = assertThrows(IllegalArgumentException.class, () -> StudyChoices.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("validation_balanced"),
                e.getMessage());
        Files.writeString(f, "{\"ACSF\": {\"learning_rate\": -1,"
                + " \"validation_balanced_accuracy_by_learning_rate\": {}}}");
        e = assertThrows(IllegalArgumentException.class, () -> StudyChoices.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StudyChoices.Choice(Double.NaN, Map.of()));
    }

    @Test
    void theShippedChoicesPickTheBestValidationRate() {
        StudyChoices c = StudyChoices.inFolder(CoursePaths.root().resolve("notebooks/data/ice-models-v2"));
        for (String name : IceDescriptors.study().stream().map(DescriptorSpec::name).toList()) {
            StudyChoices.Choice ch = c.byDescriptor().get(name);
            double best = ch.validationBalancedAccuracyByLearningRate().entrySet().stream()
                    .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertEquals(best, ch.learningRate(), 0.0, name);
        }
    }
}
