package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierResultsTest {
    @TempDir
    Path dir;

    private static final List<String> CLASSES = List.of("ice", "glass");

    /** An evaluation whose test confusion matrix has the given recalls (10 molecules per class). */
    private static DescriptorEvaluation evaluation(String name, int correctIce, int correctGlass) {
        long[][] counts = {{correctIce, 10 - correctIce}, {10 - correctGlass, correctGlass}};
        return new DescriptorEvaluation(name, 36, new DescriptorCost(2.0, 10_000, 1), null, null,
                ConfusionMatrix.ofCounts(CLASSES, counts), false);
    }

    @Test
    void aRowOverSeedsHasTheMeanAndSampleStandardDeviation() {
        // balanced accuracies 0.8, 0.9, 1.0: mean 0.9, sample sd 0.1
        var row = ClassifierResults.Row.of(5.0, List.of(evaluation("SOAP", 8, 8), evaluation("SOAP", 9, 9),
                evaluation("SOAP", 10, 10)), null);
        assertEquals(0.9, row.balancedAccuracyMean(), 1e-12);
        assertEquals(0.1, row.balancedAccuracySd(), 1e-12);
        assertEquals(0.9, row.recall().get("ice"), 1e-12);
        assertEquals(200.0, row.costMicroseconds(), 1e-9);   // 2 s / 10 000 environments
        assertEquals(3, row.seeds());
        assertEquals(0.0, ClassifierResults.Row.of(0, List.of(evaluation("SOAP", 8, 6)), null)
                .balancedAccuracySd());
        assertThrows(IllegalArgumentException.class, () -> ClassifierResults.Row.of(0,
                List.of(evaluation("SOAP", 8, 6), evaluation("ACSF", 8, 6)), null));
    }

    @Test
    void jsonRoundTripsWithSnakeCaseKeys() throws IOException {
        var ood = new ClassifierResults.Ood("Mahalanobis distance in the last hidden layer", 0.99, 123.4, 0.031,
                Map.of("ice_II", 0.84, "ice_VII", 0.97));
        var results = new ClassifierResults("data/ice (v1)", "by run: last run of each class",
                List.of(ClassifierResults.Row.of(0, List.of(evaluation("SOAP", 8, 9), evaluation("SOAP", 9, 9)),
                        ood), ClassifierResults.Row.of(5.0, List.of(evaluation("SOAP + first-shell average", 9, 10)),
                        null)));
        Path f = dir.resolve("sub/ice-classifier-results.json");
        results.write(f);
        String text = Files.readString(f);
        assertTrue(text.contains("\"balanced_accuracy_mean\"") && text.contains("\"averaging_radius\": 5.0")
                && text.contains("\"false_alarm_rate\": 0.031") && text.contains("\"cost_microseconds\""), text);
        assertEquals(results, ClassifierResults.read(f));
    }

    @Test
    void badValuesAndBadFilesAreRejected() throws IOException {
        var e = assertThrows(IllegalArgumentException.class, () -> new ClassifierResults.Row("ACSF", 66, 0, 3, 89.0,
                0.01, Map.of(), 10, null));
        assertTrue(e.getMessage().contains("balanced accuracy") && e.getMessage().contains("ACSF"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClassifierResults.Row("ACSF", 66, -1, 3, 0.89,
                0.01, Map.of(), 10, null));
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"data_set\": \"x\", \"split\": \"y\", \"rows\": [{\"descriptor\": \"ACSF\", "
                + "\"features\": 66, \"seeds\": 3, \"balanced_accuracy_mean\": 1.5, \"recall\": {}}]}");
        e = assertThrows(IllegalArgumentException.class, () -> ClassifierResults.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("balanced accuracy"),
                e.getMessage());
    }

    @Test
    void confusionCountsRoundTripAndMakeTheTable() throws IOException {
        Map<String, Double> recall = new java.util.LinkedHashMap<>();
        recall.put("LDA", 0.75);
        recall.put("MDA", 0.5);
        var row = new ClassifierResults.Row("SOAP", 36, 5.0, 2, 0.625, 0.01, recall, 3.0,
                new ClassifierResults.Ood("m", 0.99, 1.0, 0.02, Map.of("ice_II", 0.5)),
                List.of(List.of(6L, 2L), List.of(4L, 4L)));
        var results = new ClassifierResults("d", "s", List.of(row));
        Path f = dir.resolve("c.json");
        results.write(f);
        var back = ClassifierResults.read(f);
        assertEquals(results, back);
        var cm = back.rows().get(0).confusionMatrix();
        assertEquals(0.75, cm.recall(0), 1e-12);
        assertEquals(0.5, cm.recall(1), 1e-12);
        assertEquals(16, cm.total());
        var t = back.table("t");
        assertEquals(62.5, t.doubleColumn("balanced accuracy (%)").get(0), 1e-9);
        assertEquals(50.0, t.doubleColumn("recall MDA (%)").get(0), 1e-9);
        assertEquals(50.0, t.doubleColumn("flagged ice_II (%)").get(0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new ClassifierResults.Row("SOAP", 36, 5.0, 2, 0.625,
                0.01, recall, 3.0, null, List.of(List.of(1L, -1L), List.of(0L, 1L))));
        assertThrows(IllegalStateException.class, () -> new ClassifierResults.Row("SOAP", 36, 5.0, 2, 0.625,
                0.01, recall, 3.0, null).confusionMatrix());
    }

    @Test
    void ensembleFiguresRoundTripAndMakeTheirColumns() throws IOException {
        var cm = ConfusionMatrix.ofCounts(List.of("LDA", "MDA"), new long[][]{{9, 1}, {3, 7}});
        var ensemble = ClassifierResults.Ensemble.of(cm, 3);
        assertEquals(0.8, ensemble.balancedAccuracy(), 1e-12);
        assertEquals(0.7, ensemble.recall().get("MDA"), 1e-12);
        Map<String, Double> recall = new java.util.LinkedHashMap<>();
        recall.put("LDA", 0.75);
        recall.put("MDA", 0.5);
        var plain = new ClassifierResults.Row("ACSF", 10, 0, 3, 0.6, 0.02, recall, 1.0, null);
        var row = new ClassifierResults.Row("SOAP", 36, 5.0, 3, 0.625, 0.01, recall, 3.0, null)
                .withEnsemble(ensemble);
        var results = new ClassifierResults("d", "s", List.of(plain, row));
        Path f = dir.resolve("e.json");
        results.write(f);
        var back = ClassifierResults.read(f);
        assertEquals(results, back);
        assertEquals(null, back.rows().get(0).ensemble());
        var t = back.table("t");
        assertTrue(t.doubleColumn("ensemble (%)").isMissing(0));   // Tablesaw stores NaN as missing
        assertEquals(80.0, t.doubleColumn("ensemble (%)").get(1), 1e-9);
        var e = back.ensembleTable("e");
        assertEquals(1, e.rowCount());
        assertEquals(70.0, e.doubleColumn("recall MDA (%)").get(0), 1e-9);
        assertEquals(62.5, e.doubleColumn("seeds' mean (%)").get(0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new ClassifierResults.Ensemble(0, 0.5, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new ClassifierResults.Ensemble(2, 1.5, Map.of()));
    }
}
