package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RunSplitTest {

    /**
     * A matrix of 3 classes x 2 runs ("X_a", "X_b"), 10 frames per run, a class-dependent number of centres per
     * frame (so the classes are unbalanced), rows in frame order.
     */
    static DescriptorMatrix matrix() {
        List<String> classes = List.of("ice", "glass", "liquid");
        List<String> runs = List.of("ice_a", "ice_b", "glass_a", "glass_b", "liquid_a", "liquid_b");
        List<float[]> x = new ArrayList<>();
        List<int[]> meta = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            int c = r / 2;
            for (int f = 0; f < 10; f++) {
                for (int k = 0; k < 3 + 2 * c; k++) {
                    x.add(new float[]{r, f, k});
                    meta.add(new int[]{c, r, f, k});
                }
            }
        }
        int n = x.size();
        return new DescriptorMatrix("test", List.of("run", "frame", "k"), classes, runs, x.toArray(new float[0][]),
                meta.stream().mapToInt(m -> m[0]).toArray(), meta.stream().mapToInt(m -> m[1]).toArray(),
                meta.stream().mapToInt(m -> m[2]).toArray(), meta.stream().mapToInt(m -> m[3]).toArray(),
                new DescriptorCost(0, n, 1));
    }

    @Test
    void noRunIsInTwoParts() {
        DescriptorMatrix m = matrix();
        Set<String> testRuns = RunSplit.lastRunOfEachClass(m);
        assertEquals(Set.of("ice_b", "glass_b", "liquid_b"), testRuns);
        RunSplit s = RunSplit.of(m, testRuns, 0.2);
        Set<Integer> testRunIds = runsOf(m, s.test());
        Set<Integer> fitRunIds = runsOf(m, s.train());
        fitRunIds.addAll(runsOf(m, s.validation()));
        for (int r : testRunIds) {
            assertFalse(fitRunIds.contains(r), "run " + m.runs().get(r) + " is in training and test");
        }
        assertEquals(Set.of(1, 3, 5), testRunIds);
        // every row is used exactly once
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())),
                Arrays.stream(s.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, m.size()).toArray(), all);
    }

    /**
     * The reverse fold: the first run of each class ("_a") is held out, so the test rows are exactly the "_a" rows
     * and no "_a" row is used for training or validation (which come from the "_b" runs only).
     */
    @Test
    void reverseFoldTestsOnExactlyTheFirstRuns() {
        DescriptorMatrix m = matrix();
        Set<String> first = RunSplit.firstRunOfEachClass(m);
        assertEquals(Set.of("ice_a", "glass_a", "liquid_a"), first);
        RunSplit s = RunSplit.of(m, first, 0.25);
        int[] aRows = IntStream.range(0, m.size()).filter(i -> m.runs().get(m.run()[i]).endsWith("_a")).toArray();
        assertArrayEquals(aRows, Arrays.stream(s.test()).sorted().toArray());
        IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())).forEach(i ->
                assertTrue(m.runs().get(m.run()[i]).endsWith("_b"), "row " + i + " of run " + m.runs().get(m.run()[i])
                        + " is used for fitting"));
        assertEquals(Set.of("ice_b", "glass_b", "liquid_b"), s.trainingRuns());
        // ceil(0.25 x 10) = 3 validation frames of each "_b" run: (3 + 5 + 7) centres x 3 frames
        assertEquals(3 * (3 + 5 + 7), s.validation().length);
        // the study's two folds hold out complementary runs
        IceStudy normal = IceStudy.standard();
        assertEquals(RunSplit.lastRunOfEachClass(m), normal.testRuns(m));
        assertEquals(first, normal.reverseFold().testRuns(m));
        assertEquals(normal, normal.reverseFold().reverseFold());
    }

    /** Validation = the last 20% of the frames of each training run (frames 8 and 9 of 10), training the rest. */
    @Test
    void validationIsTheLastBlockOfFrames() {
        DescriptorMatrix m = matrix();
        RunSplit s = RunSplit.of(m, RunSplit.lastRunOfEachClass(m), 0.2);
        for (int r : s.validation()) {
            assertTrue(m.frame()[r] >= 8, "validation row from frame " + m.frame()[r]);
        }
        for (int r : s.train()) {
            assertTrue(m.frame()[r] < 8, "training row from frame " + m.frame()[r]);
        }
        // 2 of 10 frames of each training run: (3 + 5 + 7) centres x 2 frames
        assertEquals(2 * (3 + 5 + 7), s.validation().length);
        assertEquals(8 * (3 + 5 + 7), s.train().length);
    }

    @Test
    void rejectsImpossibleSplits() {
        DescriptorMatrix m = matrix();
        assertThrows(IllegalArgumentException.class, () -> RunSplit.of(m, Set.of("nope"), 0.2));
        // both liquid runs held out: no training data for the liquid
        assertThrows(IllegalArgumentException.class,
                () -> RunSplit.of(m, Set.of("ice_b", "glass_b", "liquid_a", "liquid_b"), 0.2));
        assertThrows(IllegalArgumentException.class, () -> RunSplit.of(m, Set.of("ice_b"), 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> new RunSplit(new int[0], new int[0], new int[0], Set.of("a"), Set.of("a")));
    }

    /** Balancing keeps the same number of rows of every class, drawn only from the given rows. */
    @Test
    void balancingEqualisesTheClasses() {
        DescriptorMatrix m = matrix();
        RunSplit s = RunSplit.of(m, RunSplit.lastRunOfEachClass(m), 0.2);
        int[] b = ClassBalancer.subsample(s.train(), m.label(), 3, 0, 5);
        int[] counts = new int[3];
        Set<Integer> allowed = new HashSet<>();
        Arrays.stream(s.train()).forEach(allowed::add);
        for (int r : b) {
            counts[m.label()[r]]++;
            assertTrue(allowed.contains(r));
        }
        assertArrayEquals(new int[]{24, 24, 24}, counts);   // the smallest class has 3 centres x 8 frames
        assertEquals(b.length, Arrays.stream(b).distinct().count());
        // a cap below the smallest class, and reproducibility with the same seed
        int[] capped = ClassBalancer.subsample(s.train(), m.label(), 3, 10, 5);
        assertEquals(30, capped.length);
        assertArrayEquals(capped, ClassBalancer.subsample(s.train(), m.label(), 3, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> ClassBalancer.subsample(s.train(), m.label(), 3, -1, 5));
    }

    private static Set<Integer> runsOf(DescriptorMatrix m, int[] rows) {
        Set<Integer> s = new HashSet<>();
        for (int r : rows) {
            s.add(m.run()[r]);
        }
        return s;
    }
}
