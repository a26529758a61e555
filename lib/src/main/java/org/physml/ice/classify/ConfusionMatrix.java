package org.physml.ice.classify;

import java.util.List;
import java.util.Locale;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Counts of (true class, predicted class) pairs of a classifier on a labelled sample, and the metrics derived from
 * them.
 *
 * <p>With C[t][p] the number of samples of true class t predicted as p, n_t = sum_p C[t][p] and N = sum_t n_t:
 * <pre>
 *   accuracy           = sum_t C[t][t] / N
 *   recall_t           = C[t][t] / n_t                    (the fraction of class t recognised)
 *   precision_p        = C[p][p] / sum_t C[t][p]
 *   balanced accuracy  = (1/K) sum_{t with n_t &gt; 0} recall_t,   K = number of classes with n_t &gt; 0
 * </pre>
 * The balanced accuracy (the mean per-class recall; scikit-learn's {@code balanced_accuracy_score}, Brodersen et al.,
 * ICPR 2010) does not reward a classifier for favouring the classes that happen to have more samples. Classes
 * without samples are left out of it; their recall is NaN.
 *
 * <p>Immutable.
 */
public final class ConfusionMatrix {
    private final List<String> classes;
    private final long[][] counts;

    private ConfusionMatrix(List<String> classes, long[][] counts) {
        this.classes = List.copyOf(classes);
        this.counts = counts;
    }

    /**
     * Counts the pairs (trueClass[i], predicted[i]).
     *
     * @param classes   class names, index = class id, at least one
     * @param trueClass true class id of each sample, each in 0..classes.size()-1
     * @param predicted predicted class id of each sample, same length
     * @throws IllegalArgumentException on different lengths or a class id out of range
     */
    public static ConfusionMatrix of(List<String> classes, int[] trueClass, int[] predicted) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("need at least one class");
        }
        if (trueClass.length != predicted.length) {
            throw new IllegalArgumentException(trueClass.length + " true labels but " + predicted.length
                    + " predictions; expected one prediction per sample");
        }
        int k = classes.size();
        long[][] c = new long[k][k];
        for (int i = 0; i < trueClass.length; i++) {
            checkClass("true class", i, trueClass[i], k);
            checkClass("predicted class", i, predicted[i], k);
            c[trueClass[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(classes, c);
    }

    /**
     * A matrix from given counts.
     *
     * @param counts counts[t][p], shape [K][K], non-negative
     * @throws IllegalArgumentException if the shape does not match the classes or a count is negative
     */
    public static ConfusionMatrix ofCounts(List<String> classes, long[][] counts) {
        int k = classes.size();
        if (k == 0 || counts.length != k) {
            throw new IllegalArgumentException("counts must be " + k + " x " + k + " for " + k + " classes, got "
                    + counts.length + " rows");
        }
        long[][] c = new long[k][];
        for (int t = 0; t < k; t++) {
            if (counts[t].length != k) {
                throw new IllegalArgumentException("counts row " + t + " has " + counts[t].length
                        + " entries, expected " + k);
            }
            for (long v : counts[t]) {
                if (v < 0) {
                    throw new IllegalArgumentException("negative count " + v + " in row " + t);
                }
            }
            c[t] = counts[t].clone();
        }
        return new ConfusionMatrix(classes, c);
    }

    private static void checkClass(String what, int sample, int c, int k) {
        if (c < 0 || c >= k) {
            throw new IllegalArgumentException(what + " of sample " + sample + " is " + c + "; expected 0.." + (k - 1));
        }
    }

    /** Class names, index = class id. */
    public List<String> classes() {
        return classes;
    }

    /** Number of samples of true class t predicted as p. */
    public long count(int t, int p) {
        return counts[t][p];
    }

    /** Copy of the counts, [true][predicted]. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    /** Number of samples n_t of true class t. */
    public long support(int t) {
        long n = 0;
        for (long v : counts[t]) {
            n += v;
        }
        return n;
    }

    /** Total number of samples N. */
    public long total() {
        long n = 0;
        for (int t = 0; t < counts.length; t++) {
            n += support(t);
        }
        return n;
    }

    /** Fraction of samples predicted correctly; NaN without samples. */
    public double accuracy() {
        long right = 0;
        for (int t = 0; t < counts.length; t++) {
            right += counts[t][t];
        }
        long n = total();
        return n == 0 ? Double.NaN : (double) right / n;
    }

    /** Recall of class t, C[t][t] / n_t; NaN if the class has no samples. */
    public double recall(int t) {
        long n = support(t);
        return n == 0 ? Double.NaN : (double) counts[t][t] / n;
    }

    /** Precision of class p, C[p][p] / (samples predicted as p); NaN if nothing was predicted as p. */
    public double precision(int p) {
        long n = 0;
        for (long[] row : counts) {
            n += row[p];
        }
        return n == 0 ? Double.NaN : (double) counts[p][p] / n;
    }

    /** Mean recall over the classes that have samples; NaN without samples. */
    public double balancedAccuracy() {
        double sum = 0;
        int k = 0;
        for (int t = 0; t < counts.length; t++) {
            if (support(t) > 0) {
                sum += recall(t);
                k++;
            }
        }
        return k == 0 ? Double.NaN : sum / k;
    }

    /** Row-normalised matrix C[t][p] / n_t (each row sums to 1; rows of absent classes are 0), [true][predicted]. */
    public double[][] rowNormalised() {
        int k = counts.length;
        double[][] r = new double[k][k];
        for (int t = 0; t < k; t++) {
            long n = support(t);
            for (int p = 0; p < k && n > 0; p++) {
                r[t][p] = (double) counts[t][p] / n;
            }
        }
        return r;
    }

    /**
     * The matrix as a table: a column "true class", one column of counts per predicted class, then "recall (%)".
     */
    public Table table(String title) {
        Table t = Table.create(title);
        t.addColumns(StringColumn.create("true \\ predicted", classes));
        for (int p = 0; p < classes.size(); p++) {
            int[] col = new int[classes.size()];
            for (int r = 0; r < classes.size(); r++) {
                col[r] = Math.toIntExact(counts[r][p]);
            }
            t.addColumns(IntColumn.create(classes.get(p), col));
        }
        double[] recall = new double[classes.size()];
        for (int r = 0; r < recall.length; r++) {
            recall[r] = 100 * recall(r);
        }
        t.addColumns(tech.tablesaw.api.DoubleColumn.create("recall (%)", recall));
        return t;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "ConfusionMatrix[%d samples, accuracy %.4f, balanced accuracy %.4f]%n", total(), accuracy(),
                balancedAccuracy()));
        for (int t = 0; t < counts.length; t++) {
            b.append(String.format(Locale.ROOT, "%-8s", classes.get(t)));
            for (long v : counts[t]) {
                b.append(String.format(Locale.ROOT, " %6d", v));
            }
            b.append(System.lineSeparator());
        }
        return b.toString();
    }
}
