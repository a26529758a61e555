package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.physml.ice.IcePhase;

class PhaseClassifierTest {
    static final List<String> PHASES = List.of("ice_Ih", "ice_III", "ice_VI");

    /**
     * Nearly perfect crystals of ices Ih, III and VI (Gaussian displacements of 0.05 A): their SOAP environments are
     * separable, so a network trained on one run of each phase must classify the other run (another proton
     * arrangement and other displacements) almost perfectly.
     */
    @Test
    void learnsSeparableCrystals(@TempDir Path tmp) {
        List<List<org.physml.structure.io.Frame>> runs = List.of(
                SyntheticIceData.crystalRun(IcePhase.IH, "ice_Ih", "Ih_a", 96, 3, 0.05, 11),
                SyntheticIceData.crystalRun(IcePhase.IH, "ice_Ih", "Ih_b", 96, 1, 0.05, 12),
                SyntheticIceData.crystalRun(IcePhase.III, "ice_III", "III_a", 96, 3, 0.05, 13),
                SyntheticIceData.crystalRun(IcePhase.III, "ice_III", "III_b", 96, 1, 0.05, 14),
                SyntheticIceData.crystalRun(IcePhase.VI, "ice_VI", "VI_a", 96, 3, 0.05, 15),
                SyntheticIceData.crystalRun(IcePhase.VI, "ice_VI", "VI_b", 96, 1, 0.05, 16));
        DescriptorMatrix m = DatasetFeaturizer.compute(ListFrameSource.of(PHASES, runs), CentreSelection.allOxygen(),
                List.of(IceDescriptors.soapSmall()), null).get(0);
        RunSplit split = RunSplit.of(m, RunSplit.lastRunOfEachClass(m), 0.34);
        int[] train = ClassBalancer.subsample(split.train(), m.label(), 3, 0, 1);
        PhaseClassifier clf = PhaseClassifier.train(m.featuresOf(train), m.labelsOf(train),
                m.featuresOf(split.validation()), m.labelsOf(split.validation()), PHASES,
                PhaseClassifier.Config.standard(7).withEpochs(40, 5), null);
        INDArray xTest = m.featuresOf(split.test());
        ConfusionMatrix cm = clf.evaluate(xTest, m.labelsOf(split.test()));
        assertTrue(cm.balancedAccuracy() >= 0.99, cm.toString());
        int d = m.featureCount();
        assertEquals(d * 100 + 100 + 100 * 100 + 100 + 100 * 3 + 3, clf.parameterCount(), "d -> 100 -> 100 -> 3");
        // probabilities are a distribution per row
        INDArray p = clf.probabilities(xTest);
        for (int i = 0; i < p.rows(); i++) {
            assertEquals(1.0, p.getRow(i).sumNumber().doubleValue(), 1e-5);
        }
        // save / load gives the same predictions
        Path file = tmp.resolve("clf.zip");
        clf.save(file);
        PhaseClassifier loaded = PhaseClassifier.load(file);
        assertEquals(PHASES, loaded.classes());
        assertArrayEquals(p.toFloatMatrix()[3], loaded.probabilities(xTest).toFloatMatrix()[3], 1e-7f);
    }

    /**
     * Labels independent of the features: the validation loss cannot keep improving, so training stops after
     * `patience` epochs without improvement and restores the parameters of the best epoch.
     */
    @Test
    void earlyStoppingStopsAndRestoresTheBestEpoch() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 300, d = 5, patience = 4;
        INDArray x = Nd4j.rand(DataType.FLOAT, n, d);
        int[] y = rng.ints(n, 0, 3).toArray();
        INDArray xv = Nd4j.rand(DataType.FLOAT, 100, d);
        int[] yv = rng.ints(100, 0, 3).toArray();
        PhaseClassifier.Config cfg = new PhaseClassifier.Config(new int[]{100, 100}, 1e-2, 16, 500, patience, 0, 1);
        PhaseClassifier clf = PhaseClassifier.train(x, y, xv, yv, PHASES, cfg, null);
        PhaseClassifier.History h = clf.history();
        assertTrue(h.stoppedEarly());
        assertTrue(h.epochs().size() < 500);
        assertEquals(h.bestEpoch() + patience, h.epochs().size());
        double bestLoss = h.epochs().get(h.bestEpoch() - 1).validationLoss();
        for (PhaseClassifier.Epoch e : h.epochs()) {
            assertTrue(e.validationLoss() >= bestLoss);
        }
        // the returned network is the best epoch's: its validation loss is that epoch's
        INDArray zv = clf.standardise(xv);
        var ds = new org.nd4j.linalg.dataset.DataSet(zv, PhaseClassifier.oneHot(yv, 3, "v"));
        assertEquals(bestLoss, clf.network().score(ds, false), 1e-6);
    }

    /** An absurd Adam step (1e37) overflows the float weights: training must stop with a message, not go on. */
    @Test
    void stopsWithAMessageWhenTheLossIsNaN() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 200, 4);
        int[] y = new int[200];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 3;
        }
        var cfg = new PhaseClassifier.Config(new int[]{100, 100}, 1e37, 16, 5, 5, 0, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PhaseClassifier.train(x, y, x, y, PHASES, cfg, null));
        assertTrue(e.getMessage().contains("diverged at epoch 1") && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void rejectsBadInput() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 10, 3);
        int[] y = new int[10];
        var cfg = PhaseClassifier.Config.standard(1);
        assertThrows(IllegalArgumentException.class,
                () -> PhaseClassifier.train(x, new int[9], x, y, PHASES, cfg, null));
        int[] bad = y.clone();
        bad[2] = 3;
        assertThrows(IllegalArgumentException.class, () -> PhaseClassifier.train(x, bad, x, y, PHASES, cfg, null));
        INDArray nan = x.dup();
        nan.putScalar(1, 1, Float.NaN);
        assertThrows(IllegalArgumentException.class, () -> PhaseClassifier.train(nan, y, x, y, PHASES, cfg, null));
        assertThrows(IllegalArgumentException.class,
                () -> PhaseClassifier.train(x, y, Nd4j.rand(DataType.FLOAT, 10, 4), y, PHASES, cfg, null));
        assertThrows(IllegalArgumentException.class,
                () -> new PhaseClassifier.Config(new int[]{100, 0}, 1e-3, 10, 10, 3, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new PhaseClassifier.Config(new int[]{100}, Double.NaN, 10, 10, 3, 0, 1));
    }
}
