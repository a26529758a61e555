package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.physml.CoursePaths;
import org.physml.descriptors.steinhardt.Steinhardt;
import org.physml.structure.Structure;

/**
 * The out-of-distribution score on the shipped v1 data set: a small network (few epochs, 16 molecules per frame) on
 * the Steinhardt descriptor, calibrated on the validation frames, must flag ices II and VII and ice Ih with
 * vacancies more often than the held-out runs of the nine known classes.
 */
class OodDetectorTest {
    private static DescriptorMatrix m;
    private static RunSplit split;
    private static PhaseClassifier clf;
    private static Map<String, INDArray> unknown;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainSmallNetwork() {
        FrameSource source = IceDataSource.open(CoursePaths.root().resolve("data/ice"));
        DescriptorSpec spec = IceDescriptors.steinhardt();
        m = DatasetFeaturizer.compute(source, CentreSelection.randomOxygen(16, 11), List.of(spec), null).get(0);
        split = RunSplit.of(m, RunSplit.lastRunOfEachClass(m), 0.25);
        var config = new PhaseClassifier.Config(new int[]{64, 64}, 3e-3, 64, 30, 5, 1e-4, 1);
        int k = m.classes().size();
        int[] train = ClassBalancer.subsample(split.train(), m.label(), k, 0, 1);
        clf = PhaseClassifier.train(m.featuresOf(train), m.labelsOf(train), m.featuresOf(split.validation()),
                m.labelsOf(split.validation()), m.classes(), config, null);
        unknown = new LinkedHashMap<>();
        UnknownStructures.standard(300, 0.1, 0.25, 5).forEach((name, s) -> unknown.put(name,
                Nd4j.create(spec.descriptor().compute(s, Steinhardt.atomsOfSpecies(s, 8)))));
    }

    @Test
    void unknownStructuresAreFlaggedMoreOftenThanHeldOutRunsOfKnownClasses() {
        ClassifierResults.Ood ood = OodDetector.evaluate(clf, m, split, unknown, 0.99);
        System.out.printf("OOD (Steinhardt, small network): threshold %.1f, false alarms on held-out runs %.3f,"
                + " detection %s%n", ood.threshold(), ood.falseAlarmRate(), ood.detectionRate());
        for (var e : ood.detectionRate().entrySet()) {
            assertTrue(e.getValue() > ood.falseAlarmRate() + 0.1, e.getKey() + " flagged " + e.getValue()
                    + ", held-out runs " + ood.falseAlarmRate());
        }
    }

    @Test
    void aboutOnePercentOfTheCalibrationRowsIsFlagged() {
        OodDetector det = OodDetector.fit(clf, m.featuresOf(split.train()), m.labelsOf(split.train()))
                .calibrate(clf, m.featuresOf(split.validation()), 0.99);
        double f = det.flaggedFraction(clf, m.featuresOf(split.validation()));
        assertTrue(f > 0.002 && f <= 0.01 + 1.0 / split.validation().length, "flagged fraction of the calibration rows: " + f);
        // the training rows lie closer to their class means than the threshold, nearly all of them
        assertTrue(det.flaggedFraction(clf, m.featuresOf(split.train())) < 0.02);
    }

    @Test
    void saveAndLoadGiveTheSameScores() {
        OodDetector det = OodDetector.fit(clf, m.featuresOf(split.train()), m.labelsOf(split.train()))
                .calibrate(clf, m.featuresOf(split.validation()), 0.95);
        Path f = dir.resolve("ood.json");
        det.save(f);
        OodDetector back = OodDetector.load(f);
        INDArray x = m.featuresOf(java.util.Arrays.copyOf(split.test(), 50));
        double[] a = det.scores(clf, x), b = back.scores(clf, x);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-9 * (1 + a[i]));
        }
        assertEquals(det.threshold(), back.threshold());
        assertThrows(IllegalArgumentException.class, () -> det.calibrate(clf, x, 1.0));
        assertThrows(IllegalStateException.class, () -> OodDetector.fit(clf, m.featuresOf(split.train()),
                m.labelsOf(split.train())).flags(new double[]{1}));
    }
}
