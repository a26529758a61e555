package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.physml.ice.IcePhase;

class SeedEnsembleTest {
    static final List<String> PHASES = List.of("ice_Ih", "ice_VI");
    static DescriptorMatrix m;
    static RunSplit split;
    static PhaseClassifier a;
    static PhaseClassifier b;

    /** Two networks of different seeds on strongly rattled crystals (0.3 A), so that they disagree on some rows. */
    @BeforeAll
    static void train() {
        List<List<org.physml.structure.io.Frame>> runs = List.of(
                SyntheticIceData.crystalRun(IcePhase.IH, "ice_Ih", "Ih_a", 96, 2, 0.3, 21),
                SyntheticIceData.crystalRun(IcePhase.IH, "ice_Ih", "Ih_b", 96, 1, 0.3, 22),
                SyntheticIceData.crystalRun(IcePhase.VI, "ice_VI", "VI_a", 96, 2, 0.3, 23),
                SyntheticIceData.crystalRun(IcePhase.VI, "ice_VI", "VI_b", 96, 1, 0.3, 24));
        m = DatasetFeaturizer.compute(ListFrameSource.of(PHASES, runs), CentreSelection.allOxygen(),
                List.of(IceDescriptors.soapSmall()), null).get(0);
        split = RunSplit.of(m, RunSplit.lastRunOfEachClass(m), 0.34);
        a = net(1);
        b = net(2);
    }

    private static PhaseClassifier net(long seed) {
        return PhaseClassifier.train(m.featuresOf(split.train()), m.labelsOf(split.train()),
                m.featuresOf(split.validation()), m.labelsOf(split.validation()), PHASES,
                PhaseClassifier.Config.standard(seed).withEpochs(5, 5), null);
    }

    @Test
    void probabilitiesAreTheMeanOfTheMembers() {
        INDArray x = m.featuresOf(split.test());
        INDArray p = new SeedEnsemble(List.of(a, b)).probabilities(x);
        float[][] pa = a.probabilities(x).toFloatMatrix();
        float[][] pb = b.probabilities(x).toFloatMatrix();
        float[][] pe = p.toFloatMatrix();
        for (int i = 0; i < pe.length; i++) {
            assertEquals(1.0, pe[i][0] + pe[i][1], 1e-5);
            for (int c = 0; c < 2; c++) {
                assertEquals(0.5 * (pa[i][c] + pb[i][c]), pe[i][c], 1e-6);
            }
        }
    }

    @Test
    void oneMemberPredictsAsThatNetwork() {
        INDArray x = m.featuresOf(split.test());
        assertArrayEquals(a.predict(x), new SeedEnsemble(List.of(a)).predict(x));
    }

    @Test
    void scoreOfTheSeedsIsTheEnsembleOnTheTestRuns() {
        var ea = DescriptorEvaluation.of(m, split, a, false);
        var eb = DescriptorEvaluation.of(m, split, b, false);
        var figures = SeedEnsemble.score(m, List.of(ea, eb));
        var cm = new SeedEnsemble(List.of(a, b)).evaluate(m.featuresOf(split.test()), m.labelsOf(split.test()));
        assertEquals(2, figures.members());
        assertEquals(cm.balancedAccuracy(), figures.balancedAccuracy(), 0.0);
        assertEquals(cm.recall(1), figures.recall().get("ice_VI"), 0.0);
    }

    @Test
    void refusesEmptyAndMixedEnsembles() {
        assertThrows(IllegalArgumentException.class, () -> new SeedEnsemble(List.of()));
        assertThrows(IllegalArgumentException.class, () -> SeedEnsemble.score(m, List.of()));
        PhaseClassifier other = PhaseClassifier.train(m.featuresOf(split.train()), m.labelsOf(split.train()),
                m.featuresOf(split.validation()), m.labelsOf(split.validation()), List.of("x", "y"),
                PhaseClassifier.Config.standard(3).withEpochs(1, 1), null);
        var e = assertThrows(IllegalArgumentException.class, () -> new SeedEnsemble(List.of(a, other)));
        assertEquals(true, e.getMessage().contains("different classes"), e.getMessage());
    }
}
