package org.physml.ice.classify;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * An out-of-distribution score for a trained {@link PhaseClassifier}: how far a molecule's environment lies from the
 * training data, measured where the network itself separates the classes, in its last hidden layer.
 *
 * <p>Method (K. Lee, K. Lee, H. Lee and J. Shin, "A simple unified framework for detecting out-of-distribution
 * samples and adversarial attacks", NeurIPS 2018, Eqs. (1)-(2)): with h(x) the activations of the last hidden layer
 * (width d), the training rows give class means mu_c and one shared ("tied") covariance
 * <pre>
 *   Sigma = (1/n) sum_i (h_i - mu_{y_i}) (h_i - mu_{y_i})^T + lambda I,   lambda = 1e-6 tr(Sigma_0)/d,
 * </pre>
 * and the score of a row is the smallest squared Mahalanobis distance to a class,
 * <pre>
 *   M(x) = min_c (h(x) - mu_c)^T Sigma^{-1} (h(x) - mu_c)      (dimensionless; about d for typical training rows).
 * </pre>
 * The small ridge lambda keeps Sigma invertible when tanh units saturate. The threshold is calibrated on rows the
 * network was not fitted on ({@link #calibrate}): the q-quantile of their scores (Commons Math {@link Percentile},
 * estimation R-7, numpy's default), so that a fraction 1 - q of such rows is flagged by construction; structures of
 * another kind are flagged when their score exceeds it. A network ensemble's disagreement is the other common
 * choice; this one needs a single network, so it works with the shipped models.
 *
 * <p>Immutable; {@link #save}/{@link #load} write the means, the inverse covariance and the threshold as JSON.
 */
public final class OodDetector {
    /** Name of the method, for tables and JSON. */
    public static final String METHOD = "squared Mahalanobis distance in the last hidden layer (Lee et al. 2018)";

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();
    private final double[][] means;
    private final double[][] precision;
    private final double threshold;
    private final double quantile;

    private OodDetector(double[][] means, double[][] precision, double threshold, double quantile) {
        this.means = means;
        this.precision = precision;
        this.threshold = threshold;
        this.quantile = quantile;
    }

    /**
     * Fits the class means and the tied covariance on the last hidden layer of {@code clf} for training rows
     * (no threshold yet: {@link #threshold()} is NaN until {@link #calibrate}).
     *
     * @param x raw descriptor rows the network was trained on, shape [n][features]
     * @param y their class ids, length n, each in 0..K-1
     * @throws IllegalArgumentException if shapes disagree, a class id is out of range or a class has no row
     */
    public static OodDetector fit(PhaseClassifier clf, INDArray x, int[] y) {
        int k = clf.classes().size();
        double[][] h = hidden(clf, x);
        if (h.length != y.length) {
            throw new IllegalArgumentException(h.length + " rows but " + y.length + " labels");
        }
        int d = h[0].length;
        double[][] mu = new double[k][d];
        int[] n = new int[k];
        for (int i = 0; i < h.length; i++) {
            if (y[i] < 0 || y[i] >= k) {
                throw new IllegalArgumentException("label " + i + " is " + y[i] + "; expected 0.." + (k - 1));
            }
            n[y[i]]++;
            for (int j = 0; j < d; j++) {
                mu[y[i]][j] += h[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            if (n[c] == 0) {
                throw new IllegalArgumentException("class " + clf.classes().get(c) + " has no training row");
            }
            for (int j = 0; j < d; j++) {
                mu[c][j] /= n[c];
            }
        }
        double[][] cov = new double[d][d];
        for (int i = 0; i < h.length; i++) {
            double[] r = new double[d];
            for (int j = 0; j < d; j++) {
                r[j] = h[i][j] - mu[y[i]][j];
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    cov[a][b] += r[a] * r[b];
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= h.length;
                cov[b][a] = cov[a][b];
            }
            trace += cov[a][a];
        }
        double ridge = 1e-6 * Math.max(trace / d, 1e-12);
        for (int a = 0; a < d; a++) {
            cov[a][a] += ridge;
        }
        RealMatrix inv;
        try {
            inv = new CholeskyDecomposition(new Array2DRowRealMatrix(cov, false), 1e-15, 1e-300).getSolver()
                    .getInverse();
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new IllegalStateException("the covariance of the hidden layer is not positive definite even with"
                    + " the ridge " + ridge, e);
        }
        return new OodDetector(mu, inv.getData(), Double.NaN, Double.NaN);
    }

    /** Activations of the last hidden layer for raw rows, shape [n][d]. */
    static double[][] hidden(PhaseClassifier clf, INDArray x) {
        if (x.rank() != 2 || x.rows() == 0) {
            throw new IllegalArgumentException("expected a non-empty [n][features] matrix, got shape "
                    + Arrays.toString(x.shape()));
        }
        List<INDArray> acts = clf.network().feedForward(clf.standardise(x), false);
        return acts.get(acts.size() - 2).castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    /**
     * The score M(x) of each raw row, length n (see the class documentation).
     *
     * @throws IllegalArgumentException if the rows do not fit the network, or the network's last hidden layer is
     *                                  not the one this detector was fitted on
     */
    public double[] scores(PhaseClassifier clf, INDArray x) {
        double[][] h = hidden(clf, x);
        int d = means[0].length;
        if (h[0].length != d) {
            throw new IllegalArgumentException("the network's last hidden layer has " + h[0].length
                    + " units; this detector was fitted on " + d);
        }
        INDArray hm = Nd4j.create(h);
        INDArray p = Nd4j.create(precision);
        double[] best = new double[h.length];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (double[] mu : means) {
            INDArray r = hm.subRowVector(Nd4j.create(mu));
            double[] m = r.mmul(p).muli(r).sum(1).toDoubleVector();
            for (int i = 0; i < best.length; i++) {
                best[i] = Math.min(best[i], m[i]);
            }
        }
        return best;
    }

    /**
     * This detector with its threshold set to the q-quantile of the scores of {@code xValidation}: rows the network
     * was not trained on (validation runs), so that about a fraction 1 - q of comparable rows is flagged.
     *
     * @param quantile q in (0, 1), e.g. 0.99
     * @throws IllegalArgumentException if q is not in (0, 1)
     */
    public OodDetector calibrate(PhaseClassifier clf, INDArray xValidation, double quantile) {
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1), got " + quantile);
        }
        double[] s = scores(clf, xValidation);
        double t = new Percentile(100 * quantile).withEstimationType(Percentile.EstimationType.R_7).evaluate(s);
        return new OodDetector(means, precision, t, quantile);
    }

    /** The threshold on M(x) above which a row is flagged; NaN before {@link #calibrate}. */
    public double threshold() {
        return threshold;
    }

    /** The quantile of the validation scores the threshold was set to; NaN before {@link #calibrate}. */
    public double quantile() {
        return quantile;
    }

    /** Width d of the hidden layer the detector works in. */
    public int hiddenWidth() {
        return means[0].length;
    }

    /**
     * Whether each row's score exceeds the threshold.
     *
     * @throws IllegalStateException if the detector is not calibrated
     */
    public boolean[] flags(double[] scores) {
        if (Double.isNaN(threshold)) {
            throw new IllegalStateException("calibrate the detector on validation rows first");
        }
        boolean[] out = new boolean[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scores[i] > threshold;
        }
        return out;
    }

    /** Fraction of the raw rows flagged, in [0, 1]. */
    public double flaggedFraction(PhaseClassifier clf, INDArray x) {
        boolean[] f = flags(scores(clf, x));
        int n = 0;
        for (boolean b : f) {
            n += b ? 1 : 0;
        }
        return (double) n / f.length;
    }

    /**
     * The out-of-distribution figures of a trained classifier on a split descriptor matrix: the detector is fitted
     * on the training rows, calibrated on the validation rows (threshold = their {@code quantile}-quantile), then
     * the false-alarm rate is the fraction of test rows (held-out runs of the known classes) flagged and the
     * detection rate of each unknown structure the fraction of its rows flagged.
     *
     * @param unknown raw descriptor rows of each unknown structure (e.g. {@link UnknownStructures#standard}), by name
     * @throws IllegalArgumentException if the split has no validation or no test row
     */
    public static ClassifierResults.Ood evaluate(PhaseClassifier clf, DescriptorMatrix m, RunSplit split,
                                                 java.util.Map<String, INDArray> unknown, double quantile) {
        if (split.validation().length == 0 || split.test().length == 0) {
            throw new IllegalArgumentException("the split needs validation rows (to calibrate) and test rows, got "
                    + split);
        }
        OodDetector det = fit(clf, m.featuresOf(split.train()), m.labelsOf(split.train()))
                .calibrate(clf, m.featuresOf(split.validation()), quantile);
        java.util.Map<String, Double> detection = new java.util.LinkedHashMap<>();
        unknown.forEach((name, x) -> detection.put(name, det.flaggedFraction(clf, x)));
        return new ClassifierResults.Ood(METHOD, quantile, det.threshold(),
                det.flaggedFraction(clf, m.featuresOf(split.test())), detection);
    }

    private record State(String method, double[][] means, double[][] precision, double threshold, double quantile) {
    }

    /**
     * Writes the detector as JSON.
     *
     * @throws UncheckedIOException on write errors
     */
    public void save(Path file) {
        JsonFile.write(GSON, new State(METHOD, means, precision, threshold, quantile), file, "the OOD detector");
    }

    /**
     * Reads a detector written by {@link #save}.
     *
     * @throws IllegalArgumentException naming the file if it is not such a JSON file
     * @throws UncheckedIOException     if it cannot be read
     */
    public static OodDetector load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            State s = GSON.fromJson(r, State.class);
            if (s == null || s.means() == null || s.means().length == 0 || s.precision() == null
                    || s.precision().length != s.means()[0].length) {
                throw new IllegalArgumentException(file + " is not an OOD detector file (means and precision of"
                        + " matching sizes expected)");
            }
            return new OodDetector(s.means(), s.precision(), s.threshold(), s.quantile());
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not an OOD detector file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OOD detector " + file, e);
        }
    }
}
