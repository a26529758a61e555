package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.physml.descriptors.snap.Bispectrum;

/**
 * The SNAP committee and the active-learning curve on Zuo et al.'s Si data (2J_max = 4, the cheapest bispectrum):
 * a committee fitted on the strained crystals disagrees more on the hot AIMD structures than on held-out strained
 * crystals; the curves grow the training set as asked, never pick a structure twice, start from the same set for
 * both strategies, and are reproducible.
 */
class ActiveLearningTest {
    private static final int[] SI = {14};
    private static Bispectrum b;
    private static List<LabelledStructure> train, test;
    private static List<SnapFeatures> trainF, testF;

    @BeforeAll
    static void rows() {
        b = SnapSetup.singleElement(14, 5.0, 4);
        train = PotentialTestData.siliconTraining();
        test = PotentialTestData.siliconTest();
        trainF = LinearSnapFitter.features(b, SI, train);
        testF = LinearSnapFitter.features(b, SI, test);
    }

    @Test
    void aCommitteeOfCrystalsDisagreesMoreOnTheHotLiquid() {
        List<Integer> elastic = indices(train, "Elastic");
        SnapCommittee c = SnapCommittee.fit(SnapSetup.fitter(), b, SI, elastic.stream().map(train::get).toList(),
                elastic.stream().map(trainF::get).toList(), 4, 7);
        double[] crystal = deviations(c, indices(test, "Elastic"));
        double[] hot = deviations(c, indices(test, "AIMD-NVT"));
        double mCrystal = new Median().evaluate(crystal), mHot = new Median().evaluate(hot);
        assertTrue(mHot > 3 * mCrystal, "median force deviation hot " + mHot + " vs crystal " + mCrystal + " eV/A");
        // reproducible with the seed, different with another
        SnapCommittee again = SnapCommittee.fit(SnapSetup.fitter(), b, SI, elastic.stream().map(train::get).toList(),
                elastic.stream().map(trainF::get).toList(), 4, 7);
        assertEquals(c.forceDeviation(testF.get(0)), again.forceDeviation(testF.get(0)), 0.0);
        assertThrows(IllegalArgumentException.class, () -> SnapCommittee.fit(SnapSetup.fitter(), b, SI, train,
                trainF, 1, 7));
        assertThrows(IllegalArgumentException.class, () -> new SnapCommittee(List.of(c.members().get(0))));
    }

    @Test
    void curvesGrowAsAskedAndStartTogether() {
        ActiveLearning al = new ActiveLearning(SnapSetup.fitter(), b, SI, 10, 8, 2, 3);
        List<ActiveLearning.Point> smart = al.run(train, trainF, test, testF, ActiveLearning.Strategy.DISAGREEMENT, 3);
        List<ActiveLearning.Point> random = al.run(train, trainF, test, testF, ActiveLearning.Strategy.RANDOM, 3);
        for (List<ActiveLearning.Point> curve : List.of(smart, random)) {
            assertEquals(3, curve.size());
            assertEquals(List.of(10, 18, 26), curve.stream().map(ActiveLearning.Point::trainingStructures).toList());
            Set<Integer> picked = new HashSet<>();
            curve.forEach(p -> picked.addAll(p.added()));
            assertEquals(16, picked.size(), "no structure is added twice");
            assertTrue(curve.get(2).added().isEmpty());
            curve.forEach(p -> assertTrue(p.test().energyMae() > 0 && Double.isFinite(p.test().forceMae())));
        }
        // the same seed gives the same initial set: the first points agree exactly
        assertEquals(smart.get(0).test().energyMae(), random.get(0).test().energyMae(), 0.0);
        assertNotEquals(smart.get(0).added(), random.get(0).added());
        assertEquals(random, al.run(train, trainF, test, testF, ActiveLearning.Strategy.RANDOM, 3));
        // a pool too small for the rounds is refused with the numbers
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ActiveLearning(
                SnapSetup.fitter(), b, SI, 200, 10, 3, 3).run(train, trainF, test, testF,
                ActiveLearning.Strategy.RANDOM, 1));
        assertTrue(e.getMessage().contains("200 + 3 x 10 = 230"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ActiveLearning(SnapSetup.fitter(), b, SI, 0, 1, 1, 2));
    }

    @Test
    void curvesOverSeedsAverageThePoints() {
        ActiveLearning al = new ActiveLearning(SnapSetup.fitter(), b, SI, 10, 8, 1, 3);
        ActiveLearningCurves c = ActiveLearningCurves.run(al, train, trainF, test, testF, 1, 2);
        assertEquals(2, c.seeds());
        assertTrue(java.util.Arrays.equals(new int[]{10, 18}, c.sizes()));
        for (ActiveLearning.Strategy st : ActiveLearning.Strategy.values()) {
            double a = c.bySeed().get(st).get(0).get(1).test().forceMae();
            double z = c.bySeed().get(st).get(1).get(1).test().forceMae();
            assertEquals((a + z) / 2, c.mean(st, ErrorMetrics::forceMae)[1], 1e-12);
            assertEquals(Math.abs(a - z) / Math.sqrt(2), c.sd(st, ErrorMetrics::forceMae)[1], 1e-12);
        }
        assertEquals(2, c.table("t").rowCount());
        int added = c.addedByGroup("g", train).intColumn(1).asList().stream().mapToInt(Integer::intValue).sum();
        assertEquals(2 * 8, added, "8 structures per seed for the first strategy");
        assertEquals(2, c.chart(true).getSeriesMap().size());
        java.util.Map<ActiveLearning.Strategy, List<List<ActiveLearning.Point>>> bad = new java.util.LinkedHashMap<>(
                c.bySeed());
        bad.put(ActiveLearning.Strategy.RANDOM, List.of(c.bySeed().get(ActiveLearning.Strategy.RANDOM).get(0)
                .subList(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> new ActiveLearningCurves(bad));
    }

    private static List<Integer> indices(List<LabelledStructure> data, String group) {
        return java.util.stream.IntStream.range(0, data.size()).filter(k -> data.get(k).group().equals(group))
                .boxed().toList();
    }

    private static double[] deviations(SnapCommittee c, List<Integer> idx) {
        return idx.stream().mapToDouble(k -> c.forceDeviation(testF.get(k))).toArray();
    }
}
