package org.physml.ice.classify;

import java.util.List;
import java.util.Set;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Trains and tests the phase classifier on one descriptor: split by run ({@link RunSplit}), class-balanced
 * subsampling of the training and validation rows ({@link ClassBalancer}), training with early stopping
 * ({@link PhaseClassifier}) and the confusion matrix on every row of the held-out runs.
 *
 * @param name       descriptor name
 * @param features   number of features d
 * @param cost       descriptor cost on the data set
 * @param split      the split used
 * @param classifier the trained classifier
 * @param test       confusion matrix on the held-out runs
 * @param trainedNow whether the classifier was trained in this call (false: read from a {@link ModelStore})
 */
public record DescriptorEvaluation(String name, int features, DescriptorCost cost, RunSplit split,
                                   PhaseClassifier classifier, ConfusionMatrix test, boolean trainedNow) {

    /**
     * Evaluates one descriptor.
     *
     * @param m                  the descriptor matrix of the whole data set
     * @param testRuns           runs held out for testing (e.g. {@link RunSplit#lastRunOfEachClass})
     * @param validationFraction fraction of each training run's last frames used for early stopping
     * @param perClass           training rows per class after balancing (0 = as many as the smallest class has);
     *                           validation rows are balanced to at most perClass / 4 per class
     * @param config             network and training settings
     * @param listener           called after every epoch (may be null)
     * @throws IllegalArgumentException if the split is impossible (see {@link RunSplit#of})
     */
    public static DescriptorEvaluation run(DescriptorMatrix m, Set<String> testRuns, double validationFraction,
                                           int perClass, PhaseClassifier.Config config,
                                           PhaseClassifier.EpochListener listener) {
        return run(m, RunSplit.of(m, testRuns, validationFraction), perClass, config, listener);
    }

    /**
     * Evaluates one descriptor on a given split (e.g. {@link SplitFile#split}): trains on its balanced training rows,
     * stops early on its (balanced) validation rows, tests on its test rows.
     *
     * @param perClass see {@link #run(DescriptorMatrix, Set, double, int, PhaseClassifier.Config,
     *                 PhaseClassifier.EpochListener)}
     * @throws IllegalArgumentException if a run gives rows to the test set and to the training or validation set
     */
    public static DescriptorEvaluation run(DescriptorMatrix m, RunSplit split, int perClass,
                                           PhaseClassifier.Config config, PhaseClassifier.EpochListener listener) {
        RunSplit.requireSeparateRuns(m, split);
        int k = m.classes().size();
        int[] train = ClassBalancer.subsample(split.train(), m.label(), k, perClass, config.seed());
        int perClassValidation = perClass == 0 ? 0 : Math.max(1, perClass / 4);
        int[] val = ClassBalancer.subsample(split.validation(), m.label(), k, perClassValidation, config.seed() + 1);
        PhaseClassifier clf = PhaseClassifier.train(m.featuresOf(train), m.labelsOf(train), m.featuresOf(val),
                m.labelsOf(val), m.classes(), config, listener);
        return of(m, split, clf, true);
    }

    /**
     * The evaluation of an already trained classifier on the held-out runs of {@code split}.
     *
     * @param trainedNow recorded as given (false for a classifier read from disk)
     * @throws IllegalArgumentException if the classifier's classes differ from the matrix's
     */
    public static DescriptorEvaluation of(DescriptorMatrix m, RunSplit split, PhaseClassifier clf, boolean trainedNow) {
        if (!clf.classes().equals(m.classes())) {
            throw new IllegalArgumentException("classifier classes " + clf.classes() + " differ from the data's "
                    + m.classes());
        }
        ConfusionMatrix cm = clf.evaluate(m.featuresOf(split.test()), m.labelsOf(split.test()));
        return new DescriptorEvaluation(m.name(), m.featureCount(), m.cost(), split, clf, cm, trainedNow);
    }

    /** Balanced accuracy on the held-out runs. */
    public double balancedAccuracy() {
        return test.balancedAccuracy();
    }

    /**
     * One row per evaluation: descriptor, features, balanced accuracy and accuracy on the held-out runs (%),
     * descriptor time for the data set (s) and per environment (microseconds), training epochs and time (s).
     */
    public static Table table(String title, List<DescriptorEvaluation> results) {
        Table t = Table.create(title);
        t.addColumns(StringColumn.create("descriptor"), IntColumn.create("features"),
                DoubleColumn.create("balanced accuracy (%)"), DoubleColumn.create("accuracy (%)"),
                DoubleColumn.create("descriptor time (s)"), DoubleColumn.create("per environment (us)"),
                IntColumn.create("environments"), IntColumn.create("epochs (best)"),
                DoubleColumn.create("training time (s)"), StringColumn.create("network"));
        for (DescriptorEvaluation r : results) {
            t.stringColumn(0).append(r.name());
            t.intColumn(1).append(r.features());
            t.doubleColumn(2).append(100 * r.balancedAccuracy());
            t.doubleColumn(3).append(100 * r.test().accuracy());
            t.doubleColumn(4).append(r.cost().seconds());
            t.doubleColumn(5).append(r.cost().microsecondsPerEnvironment());
            t.intColumn(6).append((int) r.cost().environments());
            t.intColumn(7).append(r.classifier().history().bestEpoch());
            t.doubleColumn(8).append(r.classifier().history().seconds());
            t.stringColumn(9).append(r.trainedNow() ? "trained here" : "read from disk");
        }
        return t;
    }
}
