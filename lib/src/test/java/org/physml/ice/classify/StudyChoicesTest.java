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

    @Test
    void recordKeepsWhatOtherStudyProcessesWrote(@TempDir Path dir) throws Exception {
        Path models = dir.resolve("models");   // created by record
        var a = new StudyChoices.Choice(1e-3, Map.of(1e-3, 0.9));
        var b = new StudyChoices.Choice(3e-4, Map.of(3e-4, 0.8));
        StudyChoices.record(models, "A", a);
        // another process adds C directly to the file in between
        StudyChoices.inFolder(models).with("C", b).write(models.resolve(StudyChoices.FILE));
        StudyChoices now = StudyChoices.record(models, "B", b);
        assertEquals(List.of("A", "C", "B"), List.copyOf(now.byDescriptor().keySet()));
        assertEquals(now, StudyChoices.inFolder(models));
        StudyChoices.record(models, "A", b);   // a replaced entry keeps its place
        assertEquals(List.of("A", "C", "B"), List.copyOf(StudyChoices.inFolder(models).byDescriptor().keySet()));
        assertEquals(3e-4, StudyChoices.inFolder(models).learningRate("A").orElseThrow(), 0.0);
        try (var files = Files.list(models)) {
            assertEquals(List.of(StudyChoices.FILE), files.map(f -> f.getFileName().toString()).toList(),
                    "no temporary or lock file is left in the models folder");
        }
    }

    @Test
    void concurrentRecordsAllLand(@TempDir Path dir) throws Exception {
        int threads = 8, each = 10;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            var jobs = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < threads; t++) {
                final int tt = t;
                jobs.add(pool.submit(() -> {
                    for (int k = 0; k < each; k++) {
                        StudyChoices.record(dir, "d" + tt + "-" + k, new StudyChoices.Choice(1e-3, Map.of(1e-3, 0.5)));
                    }
                }));
            }
            for (var j : jobs) {
                j.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(threads * each, StudyChoices.inFolder(dir).byDescriptor().size());
    }
}
