package org.physml.ice.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Training, validation and test rows of a {@link DescriptorMatrix}, split by simulation run.
 *
 * <p>Frames of one run are correlated in time (and every molecule of a frame shares its box, density and history),
 * so a split by frame or by molecule would put near-copies of test samples into training and overstate the accuracy.
 * Here the test set is made of whole runs that the network never sees. The validation set, used only to stop
 * training early, is the last block of frames (in time) of each training run: correlated with training but not
 * part of it, and disjoint from the test runs.
 *
 * @param train         rows used to fit the network (and the standardisation)
 * @param validation    rows used for early stopping
 * @param test          rows of the held-out runs
 * @param trainingRuns  runs that provide train and validation rows
 * @param testRuns      runs that provide the test rows
 */
public record RunSplit(int[] train, int[] validation, int[] test, Set<String> trainingRuns, Set<String> testRuns) {

    /** @throws IllegalArgumentException if a run is both a training and a test run */
    public RunSplit {
        trainingRuns = Set.copyOf(trainingRuns);
        testRuns = Set.copyOf(testRuns);
        for (String r : trainingRuns) {
            if (testRuns.contains(r)) {
                throw new IllegalArgumentException("run " + r + " is both a training and a test run");
            }
        }
    }

    /**
     * For each class the last of its runs in name order: with two runs per class, "X_a" and "X_b", the "_b" runs
     * (the study's test runs).
     */
    public static Set<String> lastRunOfEachClass(DescriptorMatrix m) {
        Set<String> test = new LinkedHashSet<>();
        runsOfEachClass(m).values().forEach(runs -> test.add(runs.last()));
        return test;
    }

    /**
     * For each class the first of its runs in name order: with two runs per class the "_a" runs. Holding these out
     * gives the reverse fold of a two-run data set (train on "_b", test on "_a"; {@link IceStudy#reverseFold()}).
     */
    public static Set<String> firstRunOfEachClass(DescriptorMatrix m) {
        Set<String> test = new LinkedHashSet<>();
        runsOfEachClass(m).values().forEach(runs -> test.add(runs.first()));
        return test;
    }

    private static Map<Integer, TreeSet<String>> runsOfEachClass(DescriptorMatrix m) {
        Map<Integer, TreeSet<String>> runsOfClass = new TreeMap<>();
        for (int i = 0; i < m.size(); i++) {
            runsOfClass.computeIfAbsent(m.label()[i], c -> new TreeSet<>()).add(m.runs().get(m.run()[i]));
        }
        return runsOfClass;
    }

    /**
     * Splits by run: rows of {@code testRuns} form the test set; of every other run the last
     * {@code ceil(validationFraction * frames)} frames go to validation and the rest to training.
     *
     * @param testRuns           run ids held out for testing; each must occur in the matrix
     * @param validationFraction fraction of each training run's frames used for validation, in [0, 1)
     * @throws IllegalArgumentException if a test run is unknown, a run belongs to two classes, the fraction is out of
     *                                  range, or a class ends up without training or test rows
     */
    public static RunSplit of(DescriptorMatrix m, Set<String> testRuns, double validationFraction) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        for (String r : testRuns) {
            if (!m.runs().contains(r)) {
                throw new IllegalArgumentException("test run '" + r + "' is not in the data; runs: " + m.runs());
            }
        }
        requireOneClassPerRun(m);
        int[] framesOfRun = new int[m.runs().size()];
        for (int i = 0; i < m.size(); i++) {
            framesOfRun[m.run()[i]] = Math.max(framesOfRun[m.run()[i]], m.frame()[i] + 1);
        }
        List<Integer> train = new ArrayList<>(), validation = new ArrayList<>(), test = new ArrayList<>();
        Set<String> trainingRuns = new TreeSet<>();
        for (int i = 0; i < m.size(); i++) {
            int r = m.run()[i];
            String id = m.runs().get(r);
            if (testRuns.contains(id)) {
                test.add(i);
                continue;
            }
            trainingRuns.add(id);
            int nValidation = (int) Math.ceil(validationFraction * framesOfRun[r]);
            if (m.frame()[i] >= framesOfRun[r] - nValidation) {
                validation.add(i);
            } else {
                train.add(i);
            }
        }
        RunSplit split = new RunSplit(toArray(train), toArray(validation), toArray(test), trainingRuns, testRuns);
        int[] trainCounts = count(m, split.train), testCounts = count(m, split.test);
        for (int c = 0; c < m.classes().size(); c++) {
            if (trainCounts[c] == 0 || testCounts[c] == 0) {
                throw new IllegalArgumentException("class " + m.classes().get(c) + " has " + trainCounts[c]
                        + " training and " + testCounts[c] + " test rows; every class needs a training run and a"
                        + " held-out run");
            }
        }
        return split;
    }

    /**
     * Checks that every run holds one class.
     *
     * @throws IllegalArgumentException naming a run with rows of two classes
     */
    static void requireOneClassPerRun(DescriptorMatrix m) {
        int[] classOfRun = new int[m.runs().size()];
        Arrays.fill(classOfRun, -1);
        for (int i = 0; i < m.size(); i++) {
            int r = m.run()[i];
            if (classOfRun[r] >= 0 && classOfRun[r] != m.label()[i]) {
                throw new IllegalArgumentException("run " + m.runs().get(r) + " holds two classes, "
                        + m.classes().get(classOfRun[r]) + " and " + m.classes().get(m.label()[i]));
            }
            classOfRun[r] = m.label()[i];
        }
    }

    /**
     * Checks that no run gives rows to the test set and to the training or validation set of {@code split}: the
     * leak of a split by frame or by molecule, whose test rows have near-copies (the neighbouring frames, the other
     * molecules of the same box) among the training rows.
     *
     * @throws IllegalArgumentException naming the first run found on both sides and its row counts
     */
    public static void requireSeparateRuns(DescriptorMatrix m, RunSplit split) {
        requireDisjointRuns(m, split.train(), "training", split.test(), "test");
        requireDisjointRuns(m, split.validation(), "validation", split.test(), "test");
    }

    /**
     * Checks that the rows {@code a} and {@code b} come from disjoint sets of runs.
     *
     * @param aName name of the first set in the message, e.g. "training"
     * @param bName name of the second set, e.g. "test"
     * @throws IllegalArgumentException naming the first run found in both sets and its row counts
     */
    public static void requireDisjointRuns(DescriptorMatrix m, int[] a, String aName, int[] b, String bName) {
        int[] inA = new int[m.runs().size()], inB = new int[m.runs().size()];
        for (int i : a) {
            inA[m.run()[i]]++;
        }
        for (int i : b) {
            inB[m.run()[i]]++;
        }
        for (int r = 0; r < inA.length; r++) {
            if (inA[r] > 0 && inB[r] > 0) {
                throw new IllegalArgumentException("run " + m.runs().get(r) + " gives " + inA[r] + " " + aName
                        + " rows and " + inB[r] + " " + bName + " rows: frames of one run are correlated, so a split"
                        + " by frame or molecule leaks near-copies of the " + bName + " rows into the " + aName
                        + " rows; split by run");
            }
        }
    }

    private static int[] count(DescriptorMatrix m, int[] rows) {
        int[] c = new int[m.classes().size()];
        for (int r : rows) {
            c[m.label()[r]]++;
        }
        return c;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "RunSplit[" + train.length + " train, " + validation.length + " validation, " + test.length
                + " test rows; test runs " + new TreeSet<>(testRuns) + "]";
    }
}
