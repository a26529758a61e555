package org.physml.potentials;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The per-species single-hidden-layer network of NEP (Fan et al., Phys. Rev. B 104, 104309 (2021), Eq. 1; NEP4's
 * one network per species with a shared output bias, J. Chem. Phys. 157, 114801 (2022)):
 * <pre>
 *   U_i = sum_mu w1^t_mu tanh( sum_nu W0^t_{mu nu} q_nu - b0^t_mu ) - b1,     t = species of atom i
 *   dU_i/dq_nu = sum_mu w1^t_mu (1 - tanh^2(z_mu)) W0^t_{mu nu}
 * </pre>
 * with H hidden neurons and a descriptor q of length D. U_i in eV. Immutable.
 */
public final class NepNetwork {
    private final int types;
    private final int dim;
    private final int neurons;
    private final double[][] w0;   // [t][mu * D + nu]
    private final double[][] b0;   // [t][mu]
    private final double[][] w1;   // [t][mu]
    private final double b1;

    /**
     * @param w0 per species the H x D input weights, row-major ([t][mu D + nu])
     * @param b0 per species the H hidden biases
     * @param w1 per species the H output weights
     * @param b1 the shared output bias, eV
     * @throws IllegalArgumentException on inconsistent shapes or non-finite values
     */
    public NepNetwork(double[][] w0, double[][] b0, double[][] w1, double b1) {
        types = w0.length;
        if (types == 0 || b0.length != types || w1.length != types) {
            throw new IllegalArgumentException("need the same number (>= 1) of species in w0, b0 and w1, got "
                    + w0.length + ", " + b0.length + ", " + w1.length);
        }
        neurons = b0[0].length;
        if (neurons == 0 || w0[0].length % neurons != 0) {
            throw new IllegalArgumentException("w0 must have H x D entries per species (H = " + neurons + "), got "
                    + w0[0].length);
        }
        dim = w0[0].length / neurons;
        this.w0 = new double[types][];
        this.b0 = new double[types][];
        this.w1 = new double[types][];
        for (int t = 0; t < types; t++) {
            if (w0[t].length != neurons * dim || b0[t].length != neurons || w1[t].length != neurons) {
                throw new IllegalArgumentException("species " + t + ": expected w0 of " + neurons * dim + ", b0 and w1 of "
                        + neurons + " entries");
            }
            this.w0[t] = finite(w0[t], "w0");
            this.b0[t] = finite(b0[t], "b0");
            this.w1[t] = finite(w1[t], "w1");
        }
        if (!Double.isFinite(b1)) {
            throw new IllegalArgumentException("b1 is not finite");
        }
        this.b1 = b1;
    }

    /**
     * Random initial weights: W0 ~ N(0, 1/D), w1 ~ N(0, 1/H), b0 = 0, and the given b1 (use minus the mean energy
     * per atom of the training set so that training starts from the right energy scale).
     *
     * @throws IllegalArgumentException if a size is &lt; 1
     */
    public static NepNetwork random(int types, int dim, int neurons, double b1, long seed) {
        if (types < 1 || dim < 1 || neurons < 1) {
            throw new IllegalArgumentException("types, dimension and neurons must be >= 1, got " + types + ", " + dim
                    + ", " + neurons);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] w0 = new double[types][neurons * dim];
        double[][] b0 = new double[types][neurons];
        double[][] w1 = new double[types][neurons];
        for (int t = 0; t < types; t++) {
            for (int i = 0; i < w0[t].length; i++) {
                w0[t][i] = gaussian(rng) / Math.sqrt(dim);
            }
            for (int i = 0; i < neurons; i++) {
                w1[t][i] = gaussian(rng) / Math.sqrt(neurons);
            }
        }
        return new NepNetwork(w0, b0, w1, b1);
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(1.0 - u)) * Math.cos(2.0 * Math.PI * v);
    }

    private static double[] finite(double[] v, String name) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException(name + " contains a non-finite value");
            }
        }
        return v.clone();
    }

    /**
     * Site energy U_i (eV) of an atom of species index t with descriptor q, and dU/dq into {@code dUdq}
     * (length D; may be null).
     *
     * @throws IllegalArgumentException if q has the wrong length or t is out of range
     */
    public double energy(int t, double[] q, double[] dUdq) {
        if (t < 0 || t >= types) {
            throw new IllegalArgumentException("species index " + t + " outside 0.." + (types - 1));
        }
        if (q.length != dim) {
            throw new IllegalArgumentException("descriptor has length " + q.length + ", expected " + dim);
        }
        if (dUdq != null) {
            Arrays.fill(dUdq, 0.0);
        }
        double[] w = w0[t];
        double u = -b1;
        for (int mu = 0; mu < neurons; mu++) {
            int o = mu * dim;
            double z = -b0[t][mu];
            for (int nu = 0; nu < dim; nu++) {
                z += w[o + nu] * q[nu];
            }
            double h = Math.tanh(z);
            u += w1[t][mu] * h;
            if (dUdq != null) {
                double s = w1[t][mu] * (1.0 - h * h);
                for (int nu = 0; nu < dim; nu++) {
                    dUdq[nu] += s * w[o + nu];
                }
            }
        }
        return u;
    }

    /** Number of species T. */
    public int types() {
        return types;
    }

    /** Descriptor length D. */
    public int dimension() {
        return dim;
    }

    /** Hidden neurons H. */
    public int neurons() {
        return neurons;
    }

    /** Input weights of species t, H x D row-major (a copy). */
    public double[] w0(int t) {
        return w0[t].clone();
    }

    /** Hidden biases of species t (a copy). */
    public double[] b0(int t) {
        return b0[t].clone();
    }

    /** Output weights of species t (a copy). */
    public double[] w1(int t) {
        return w1[t].clone();
    }

    /** Shared output bias, eV. */
    public double b1() {
        return b1;
    }

    /** Total number of parameters T (H D + 2 H) + 1. */
    public int parameterCount() {
        return types * (neurons * dim + 2 * neurons) + 1;
    }
}
