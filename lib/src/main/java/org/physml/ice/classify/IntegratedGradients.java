package org.physml.ice.classify;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Integrated-gradients feature attribution (M. Sundararajan, A. Taly and Q. Yan, "Axiomatic Attribution for Deep
 * Networks", ICML 2017, arXiv:1703.01365, Eq. (1) and its Riemann approximation in Sec. 5) for a softmax classifier.
 *
 * <p>For an input z, a baseline z' and the class score F_c(z) = log p_c(z) (the log-probability of class c):
 * <pre>
 *   IG_i(z) = (z_i - z'_i) * integral_0^1 dF_c(z' + alpha (z - z')) / dz_i  d alpha
 *          ~= (z_i - z'_i) * (1/m) sum_{k=1..m} dF_c(z' + alpha_k (z - z')) / dz_i,   alpha_k = (k - 1/2) / m
 * </pre>
 * (the midpoint rule, a Riemann sum with error O(1/m^2) for smooth F). Completeness (their Proposition 1):
 * sum_i IG_i = F_c(z) - F_c(z') up to the quadrature error, checked by {@link #completenessGap}.
 *
 * <p>The network works on standardised inputs ({@link PhaseClassifier#network()}), and the baseline is z' = 0, the
 * training-set mean. IG is unchanged by a per-feature affine change of variables (z_i - z'_i scales as 1/std_i, the
 * derivative as std_i), so these are also the attributions of the raw descriptor features.
 *
 * <p>The input gradients come from DL4J's back-propagation: {@link MultiLayerNetwork#calculateGradients} with the
 * cross-entropy loss and the one-hot label c returns, per row, dL/dz = -d log p_c / dz. The network is evaluated in
 * double precision (a converted copy), so that completeness holds to many digits.
 */
public final class IntegratedGradients {
    private final MultiLayerNetwork net;
    private final int classes;

    /**
     * @param network a trained softmax classifier on standardised inputs, e.g. {@link PhaseClassifier#network()}; it
     *                is copied (converted to double precision), not modified
     */
    public IntegratedGradients(MultiLayerNetwork network) {
        this.net = network.convertDataType(DataType.DOUBLE);
        this.classes = (int) net.output(Nd4j.zeros(DataType.DOUBLE, 1, net.layerInputSize(0))).columns();
    }

    /** Number of input features. */
    public int featureCount() {
        return (int) net.layerInputSize(0);
    }

    /**
     * F_c(z) = log p_c(z) for standardised inputs.
     *
     * @param z standardised features, length {@link #featureCount()}
     * @throws IllegalArgumentException on a wrong length or class id
     */
    public double logProbability(double[] z, int c) {
        check(z, c);
        INDArray p = net.output(Nd4j.create(z, new long[]{1, z.length}, DataType.DOUBLE), false);
        return Math.log(p.getDouble(0, c));
    }

    /**
     * The gradient dF_c/dz_i = d log p_c / dz_i at z, by back-propagation.
     *
     * @throws IllegalArgumentException on a wrong length or class id
     */
    public double[] gradient(double[] z, int c) {
        check(z, c);
        return gradients(Nd4j.create(z, new long[]{1, z.length}, DataType.DOUBLE), c).toDoubleVector();
    }

    /** d log p_c / dz for every row of z, shape [rows][d]. */
    private INDArray gradients(INDArray z, int c) {
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, z.rows(), classes);
        labels.getColumn(c).assign(1.0);
        Pair<Gradient, INDArray> g = net.calculateGradients(z, labels, null, null);
        return g.getSecond().neg();
    }

    /**
     * Integrated gradients of class c at z, baseline 0, with m midpoint steps.
     *
     * @param z     standardised features, length {@link #featureCount()}
     * @param c     class id
     * @param steps number of steps m &gt;= 1
     * @return IG_i, length {@link #featureCount()}
     * @throws IllegalArgumentException on a wrong length, class id or number of steps
     */
    public double[] attribute(double[] z, int c, int steps) {
        check(z, c);
        if (steps < 1) {
            throw new IllegalArgumentException("need at least one integration step, got " + steps);
        }
        int d = z.length;
        INDArray path = Nd4j.zeros(DataType.DOUBLE, steps, d);
        INDArray zRow = Nd4j.create(z, new long[]{1, d}, DataType.DOUBLE);
        for (int k = 0; k < steps; k++) {
            path.getRow(k).assign(zRow.mul((k + 0.5) / steps));
        }
        double[] mean = gradients(path, c).mean(0).toDoubleVector();
        double[] ig = new double[d];
        for (int i = 0; i < d; i++) {
            ig[i] = z[i] * mean[i];
        }
        return ig;
    }

    /** sum_i IG_i - (F_c(z) - F_c(0)): zero for exact integration (completeness). */
    public double completenessGap(double[] z, int c, int steps) {
        double sum = 0;
        for (double v : attribute(z, c, steps)) {
            sum += v;
        }
        return sum - (logProbability(z, c) - logProbability(new double[z.length], c));
    }

    /**
     * Mean |IG_i| of class c over rows of standardised features (e.g. the test molecules of class c).
     *
     * @param z     standardised features, shape [n][d], n &gt;= 1
     * @param c     the class explained
     * @param steps integration steps per row
     * @return length d
     */
    public double[] meanAbsoluteAttribution(double[][] z, int c, int steps) {
        if (z.length == 0) {
            throw new IllegalArgumentException("need at least one row to average over");
        }
        double[] mean = new double[featureCount()];
        for (double[] row : z) {
            double[] ig = attribute(row, c, steps);
            for (int i = 0; i < mean.length; i++) {
                mean[i] += Math.abs(ig[i]) / z.length;
            }
        }
        return mean;
    }

    private void check(double[] z, int c) {
        if (z.length != featureCount()) {
            throw new IllegalArgumentException("input has " + z.length + " features, the network expects "
                    + featureCount());
        }
        if (c < 0 || c >= classes) {
            throw new IllegalArgumentException("class id " + c + " out of range 0.." + (classes - 1));
        }
    }
}
