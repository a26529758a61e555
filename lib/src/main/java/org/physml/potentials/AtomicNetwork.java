package org.physml.potentials;

import java.util.Arrays;

/**
 * The feed-forward network of one element in a Behler-Parrinello potential, in n2p2's convention (n2p2
 * documentation, keyword {@code global_activation_short}):
 * y^(l)_i = f_l(b^(l)_i + sum_j a^(l)_ij y^(l-1)_j), with y^(0) the scaled symmetry functions and one output
 * neuron, the atomic energy. Activations by n2p2's letters: {@code l} identity, {@code t} tanh, {@code s} logistic
 * 1/(1 + e^-x), {@code p} softplus ln(1 + e^x). Immutable and thread-safe.
 */
public final class AtomicNetwork {
    private final int[] sizes;
    private final char[] activations;
    private final double[][][] a;   // [layer l = 1..L][to][from], stored at l - 1
    private final double[][] b;     // [layer l = 1..L][to], stored at l - 1

    /**
     * @param sizes       neurons per layer, input first, output (1) last
     * @param activations one letter per non-input layer
     * @param a           weights a[l-1][i][j] from neuron j of layer l-1 to neuron i of layer l (copied)
     * @param b           biases b[l-1][i] of neuron i of layer l (copied)
     * @throws IllegalArgumentException on inconsistent shapes, an output layer with more than one neuron, an
     *                                  unknown activation letter or a non-finite weight
     */
    public AtomicNetwork(int[] sizes, char[] activations, double[][][] a, double[][] b) {
        int layers = sizes.length - 1;
        if (layers < 1 || sizes[layers] != 1 || activations.length != layers || a.length != layers
                || b.length != layers) {
            throw new IllegalArgumentException("expected " + (sizes.length - 1) + " weight layers, activations and "
                    + "bias layers ending in one output neuron; got sizes " + Arrays.toString(sizes) + ", "
                    + activations.length + " activations, " + a.length + " weight and " + b.length + " bias layers");
        }
        this.a = new double[layers][][];
        this.b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            if ("ltsp".indexOf(activations[l]) < 0) {
                throw new IllegalArgumentException("activation '" + activations[l] + "' of layer " + (l + 1)
                        + " is not supported (l, t, s or p)");
            }
            if (a[l].length != sizes[l + 1] || b[l].length != sizes[l + 1]) {
                throw new IllegalArgumentException("layer " + (l + 1) + " needs " + sizes[l + 1] + " neurons");
            }
            this.a[l] = new double[sizes[l + 1]][];
            for (int i = 0; i < sizes[l + 1]; i++) {
                if (a[l][i].length != sizes[l]) {
                    throw new IllegalArgumentException("neuron " + (i + 1) + " of layer " + (l + 1) + " needs "
                            + sizes[l] + " incoming weights, got " + a[l][i].length);
                }
                for (double w : a[l][i]) {
                    if (!Double.isFinite(w)) {
                        throw new IllegalArgumentException("non-finite weight in layer " + (l + 1));
                    }
                }
                this.a[l][i] = a[l][i].clone();
            }
            this.b[l] = b[l].clone();
        }
        this.sizes = sizes.clone();
        this.activations = activations.clone();
    }

    /** Number of inputs. */
    public int inputCount() {
        return sizes[0];
    }

    /** Number of weights and biases. */
    public int parameterCount() {
        int n = 0;
        for (int l = 1; l < sizes.length; l++) {
            n += sizes[l] * (sizes[l - 1] + 1);
        }
        return n;
    }

    /**
     * Output and its gradient with respect to the inputs.
     *
     * @param x    inputs, length {@link #inputCount()}
     * @param dydx receives dy/dx_j (may be null)
     * @return the output y
     */
    public double evaluate(double[] x, double[] dydx) {
        int layers = a.length;
        double[][] y = new double[layers + 1][];
        double[][] slope = new double[layers][];
        y[0] = x;
        for (int l = 0; l < layers; l++) {
            int n = sizes[l + 1];
            y[l + 1] = new double[n];
            slope[l] = new double[n];
            for (int i = 0; i < n; i++) {
                double z = b[l][i];
                double[] row = a[l][i];
                for (int j = 0; j < row.length; j++) {
                    z += row[j] * y[l][j];
                }
                switch (activations[l]) {
                    case 't' -> {
                        double t = Math.tanh(z);
                        y[l + 1][i] = t;
                        slope[l][i] = 1 - t * t;
                    }
                    case 's' -> {
                        double s = 1 / (1 + Math.exp(-z));
                        y[l + 1][i] = s;
                        slope[l][i] = s * (1 - s);
                    }
                    case 'p' -> {
                        y[l + 1][i] = z > 30 ? z : Math.log1p(Math.exp(z));
                        slope[l][i] = 1 / (1 + Math.exp(-z));
                    }
                    default -> {
                        y[l + 1][i] = z;
                        slope[l][i] = 1;
                    }
                }
            }
        }
        if (dydx != null) {
            double[] g = {slope[layers - 1][0]};
            for (int l = layers - 1; l >= 0; l--) {
                double[] prev = new double[sizes[l]];
                for (int i = 0; i < g.length; i++) {
                    double[] row = a[l][i];
                    for (int j = 0; j < row.length; j++) {
                        prev[j] += g[i] * row[j];
                    }
                }
                if (l > 0) {
                    for (int j = 0; j < prev.length; j++) {
                        prev[j] *= slope[l - 1][j];
                    }
                }
                g = prev;
            }
            System.arraycopy(g, 0, dydx, 0, g.length);
        }
        return y[layers][0];
    }
}
