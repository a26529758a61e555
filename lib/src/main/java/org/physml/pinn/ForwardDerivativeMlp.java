package org.physml.pinn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A tanh multilayer perceptron T_theta(x, t) built in SameDiff that computes, besides T, its input
 * derivatives T_x, T_t and T_xx by forward-mode differentiation, so that all four are ordinary SameDiff
 * expressions whose weight gradients SameDiff's reverse mode provides.
 *
 * <p><b>Input scaling.</b> The inputs are mapped to [-1, 1]: x~ = 2 x / L - 1, t~ = 2 t / t_max - 1, so
 * dx~/dx = 2 / L and dt~/dt = 2 / t_max. (Done in Java when the placeholders are filled.)
 *
 * <p><b>Layers.</b> Hidden layer l: z = h W_l + b_l, h' = tanh(z); the output layer is linear,
 * T = h W_out + b_out. Weights are initialised with the Glorot (Xavier) normal scheme,
 * N(0, 2 / (fan_in + fan_out)) (Glorot &amp; Bengio, AISTATS 2010), biases with 0, from a seeded
 * {@link Random}.
 *
 * <p><b>Derivative propagation.</b> With h_x, h_t, h_xx the derivatives of a layer's input
 * (for the first layer: (2/L, 0), (0, 2/t_max), (0, 0)), z_x = h_x W, z_t = h_t W, z_xx = h_xx W and, with
 * a = tanh(z), s = 1 - a^2 (so d tanh/dz = s, d^2 tanh/dz^2 = -2 a s):
 * <pre>
 *   a_x = s z_x,   a_t = s z_t,   a_xx = s (z_xx - 2 a z_x^2).
 * </pre>
 * All four streams are ordinary SameDiff expressions; every element-wise product is between arrays of equal
 * shape (broadcasting products have slow backprop ops in ND4J: a broadcast multiply_bp cost ~10x the
 * same-shape one in our profile). The output layer gives T_x = h_x W_out etc. (no bias).
 *
 * <p>Two {@link Layout}s: {@link Layout#SEPARATE} (default) keeps three [N x width] derivative matrices and
 * does three matmuls per layer; {@link Layout#STACKED} stacks them into one [3N x width] matrix so that one
 * matmul serves all three. Their numbers are identical. At the sizes of this problem the step cost is
 * dominated by SameDiff's per-op overhead (about 60 forward + 160 backward ops), not by the matmuls, and the
 * reshape/unstack/concat that stacking needs made STACKED measurably slower (see {@link PinnBenchmark}).
 *
 * <p>Placeholders: {@value #INPUT} (N x 2, scaled (x~, t~)) and {@value #SEED} (3N x 2, the stacked input
 * derivatives); {@link #placeholders} builds both. Outputs (length N): {@link #temperature()},
 * {@link #dTdx()}, {@link #dTdt()}, {@link #d2Tdx2()}.
 *
 * <p>Not thread-safe (SameDiff sessions are not).
 */
public final class ForwardDerivativeMlp {
    /** Placeholder name of the scaled inputs, shape [N, 2]. */
    public static final String INPUT = "xt";
    /** Placeholder name of the stacked input derivatives, shape [3N, 2]. */
    public static final String SEED = "dxt";
    /** Output variable names. */
    public static final String T = "T";
    public static final String T_X = "T_x";
    public static final String T_T = "T_t";
    public static final String T_XX = "T_xx";

    private final SameDiff sd;
    private final int[] widths;
    private final double length;
    private final double tMax;
    private final DataType dataType;
    private final Layout layout;
    private final List<String> paramNames = new ArrayList<>();
    private final List<SDVariable> weights = new ArrayList<>();
    private final List<SDVariable> biases = new ArrayList<>();
    private final List<long[]> paramShapes = new ArrayList<>();
    private final int parameterCount;
    /** Diffusivity a of the PINN loss attached to this graph by {@link PinnLoss}, NaN if none yet. */
    private double lossDiffusivity = Double.NaN;
    private final SDVariable temperature;
    private final SDVariable tx;
    private final SDVariable tt;
    private final SDVariable txx;

    /**
     * Build the network.
     *
     * @param hiddenWidths widths of the tanh hidden layers, each &gt;= 1, at least one layer
     * @param length       rod length L (x in [0, L]), &gt; 0
     * @param tMax         end of the time window (t in [0, t_max]), &gt; 0
     * @param dataType     {@link DataType#FLOAT} or {@link DataType#DOUBLE}
     * @param seed         seed of the Glorot initialisation
     * @throws IllegalArgumentException on empty or non-positive widths, L or t_max not positive and finite,
     *                                  or another data type
     */
    public ForwardDerivativeMlp(int[] hiddenWidths, double length, double tMax, DataType dataType, long seed) {
        this(hiddenWidths, length, tMax, dataType, seed, Layout.SEPARATE);
    }

    /**
     * How the three derivative streams are laid out in the graph. Both give identical numbers; they differ in
     * the number of SameDiff ops (see {@link PinnBenchmark}).
     */
    public enum Layout {
        /** One [3N x width] matrix per layer: one matmul serves T_x, T_t and T_xx. */
        STACKED,
        /** Three separate [N x width] matrices per layer, three matmuls. */
        SEPARATE
    }

    /**
     * Build the network with a given derivative-stream layout; see
     * {@link #ForwardDerivativeMlp(int[], double, double, DataType, long)}.
     */
    public ForwardDerivativeMlp(int[] hiddenWidths, double length, double tMax, DataType dataType, long seed,
                                Layout layout) {
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null");
        }
        this.layout = layout;
        if (hiddenWidths == null || hiddenWidths.length == 0) {
            throw new IllegalArgumentException("need at least one hidden layer");
        }
        for (int w : hiddenWidths) {
            if (w < 1) {
                throw new IllegalArgumentException("hidden layer widths must be >= 1, got " + Arrays.toString(hiddenWidths));
            }
        }
        if (!(length > 0) || !Double.isFinite(length) || !(tMax > 0) || !Double.isFinite(tMax)) {
            throw new IllegalArgumentException("L and t_max must be finite and > 0, got L = " + length
                    + ", t_max = " + tMax);
        }
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("data type must be FLOAT or DOUBLE, got " + dataType);
        }
        this.widths = new int[hiddenWidths.length + 2];
        widths[0] = 2;
        System.arraycopy(hiddenWidths, 0, widths, 1, hiddenWidths.length);
        widths[widths.length - 1] = 1;
        this.length = length;
        this.tMax = tMax;
        this.dataType = dataType;
        this.sd = SameDiff.create();

        Random rnd = new Random(seed);
        SDVariable h = sd.placeHolder(INPUT, dataType, -1, 2);
        SDVariable d = sd.placeHolder(SEED, dataType, -1, 2);
        int count = 0;
        SDVariable[] streams = layout == Layout.SEPARATE ? sd.unstack(d.reshape(3, -1, 2), 0, 3) : null;
        for (int l = 1; l < widths.length; l++) {
            int in = widths[l - 1];
            int out = widths[l];
            SDVariable w = sd.var("W" + l, glorot(rnd, in, out));
            SDVariable b = sd.var("b" + l, Nd4j.zeros(dataType, out));
            weights.add(w);
            biases.add(b);
            paramNames.add("W" + l);
            paramShapes.add(new long[]{in, out});
            paramNames.add("b" + l);
            paramShapes.add(new long[]{out});
            count += in * out + out;
            if (l == widths.length - 1) {
                h = sd.nn.linear(h, w, b);
                if (layout == Layout.STACKED) {
                    d = d.mmul(w);
                } else {
                    for (int k = 0; k < 3; k++) {
                        streams[k] = streams[k].mmul(w);
                    }
                }
                break;
            }
            SDVariable z = sd.nn.linear(h, w, b);                    // [N, out]
            SDVariable[] zd;                                          // z_x, z_t, z_xx
            if (layout == Layout.STACKED) {
                zd = sd.unstack(d.mmul(w).reshape(3, -1, out), 0, 3);
            } else {
                zd = new SDVariable[]{streams[0].mmul(w), streams[1].mmul(w), streams[2].mmul(w)};
            }
            SDVariable a = sd.math.tanh(z);
            SDVariable s = a.mul(a).rsub(1.0);                       // 1 - a^2
            SDVariable aXX = s.mul(zd[2].sub(a.mul(zd[0].mul(zd[0])).mul(2.0)));
            h = a;
            if (layout == Layout.STACKED) {
                d = sd.concat(0, s.mul(zd[0]), s.mul(zd[1]), aXX);
            } else {
                streams = new SDVariable[]{s.mul(zd[0]), s.mul(zd[1]), aXX};
            }
        }
        this.parameterCount = count;
        this.temperature = h.reshape(-1).rename(T);
        SDVariable[] out = layout == Layout.STACKED ? sd.unstack(d.reshape(3, -1), 0, 3)
                : new SDVariable[]{streams[0].reshape(-1), streams[1].reshape(-1), streams[2].reshape(-1)};
        this.tx = out[0].rename(T_X);
        this.tt = out[1].rename(T_T);
        this.txx = out[2].rename(T_XX);
    }

    private INDArray glorot(Random rnd, int in, int out) {
        double sigma = Math.sqrt(2.0 / (in + out));
        double[] v = new double[in * out];
        for (int i = 0; i < v.length; i++) {
            v[i] = sigma * rnd.nextGaussian();
        }
        return Nd4j.create(v, new long[]{in, out}, DataType.DOUBLE).castTo(dataType);
    }

    /** The SameDiff graph (the loss of {@link PinnLoss} is added to it by the trainer). */
    public SameDiff sameDiff() {
        return sd;
    }

    /** T, shape [N]. */
    public SDVariable temperature() {
        return temperature;
    }

    /** dT/dx, shape [N]. */
    public SDVariable dTdx() {
        return tx;
    }

    /** dT/dt, shape [N]. */
    public SDVariable dTdt() {
        return tt;
    }

    /** d^2T/dx^2, shape [N]. */
    public SDVariable d2Tdx2() {
        return txx;
    }

    /** Layer widths including input (2) and output (1). */
    public int[] widths() {
        return widths.clone();
    }

    /** Hidden layer widths. */
    public int[] hiddenWidths() {
        return Arrays.copyOfRange(widths, 1, widths.length - 1);
    }

    /** Rod length L used for the input scaling. */
    public double length() {
        return length;
    }

    /** End of the time window t_max used for the input scaling. */
    public double tMax() {
        return tMax;
    }

    /**
     * The network's value T (shape [M]) at other inputs (scaled as {@value #INPUT}, shape [M, 2]) in the same
     * graph and with the same weights, without derivative streams (used to time an unbatched loss).
     */
    SDVariable valueOnly(SDVariable scaledInput) {
        SDVariable h = scaledInput;
        for (int l = 0; l < weights.size(); l++) {
            h = sd.nn.linear(h, weights.get(l), biases.get(l));
            if (l < weights.size() - 1) {
                h = sd.math.tanh(h);
            }
        }
        return h.reshape(-1);
    }

    /** Scaled inputs (x~, t~) as a flat row-major [N, 2] array. */
    double[] scaledInputs(double[] x, double[] t) {
        double[] in = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            in[2 * i] = 2 * x[i] / length - 1;
            in[2 * i + 1] = 2 * t[i] / tMax - 1;
        }
        return in;
    }

    /** Diffusivity a of the loss attached to the graph, or NaN if no loss has been attached. */
    double lossDiffusivity() {
        return lossDiffusivity;
    }

    void setLossDiffusivity(double a) {
        this.lossDiffusivity = a;
    }

    /** Layout of the derivative streams in the graph. */
    public Layout layout() {
        return layout;
    }

    /** Floating-point type of weights and activations. */
    public DataType dataType() {
        return dataType;
    }

    /** Names of the trainable variables in flattening order W1, b1, W2, b2, ..., W_out, b_out. */
    public List<String> parameterNames() {
        return Collections.unmodifiableList(paramNames);
    }

    /** Total number of weights and biases. */
    public int parameterCount() {
        return parameterCount;
    }

    /** Shape of parameter {@code name}. @throws IllegalArgumentException for an unknown name */
    public long[] parameterShape(String name) {
        int i = paramNames.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no parameter named '" + name + "'; parameters are " + paramNames);
        }
        return paramShapes.get(i).clone();
    }

    /** All parameters flattened in {@link #parameterNames()} order (row-major within each), as doubles. */
    public double[] parameters() {
        double[] flat = new double[parameterCount];
        int p = 0;
        for (String name : paramNames) {
            double[] v = sd.getArrForVarName(name).castTo(DataType.DOUBLE).data().asDouble();
            System.arraycopy(v, 0, flat, p, v.length);
            p += v.length;
        }
        return flat;
    }

    /**
     * Set all parameters from a flat array in {@link #parameterNames()} order.
     *
     * @throws IllegalArgumentException if the length is not {@link #parameterCount()} or a value is not finite
     */
    public void setParameters(double[] flat) {
        if (flat == null || flat.length != parameterCount) {
            throw new IllegalArgumentException("expected " + parameterCount + " parameters, got "
                    + (flat == null ? "null" : flat.length));
        }
        int p = 0;
        for (int k = 0; k < paramNames.size(); k++) {
            long[] shape = paramShapes.get(k);
            int n = (int) Arrays.stream(shape).reduce(1, (u, v) -> u * v);
            for (int i = p; i < p + n; i++) {
                if (!Double.isFinite(flat[i])) {
                    throw new IllegalArgumentException("parameter " + paramNames.get(k) + " entry " + (i - p)
                            + " is not finite: " + flat[i]);
                }
            }
            INDArray arr = Nd4j.create(Arrays.copyOfRange(flat, p, p + n), shape, DataType.DOUBLE).castTo(dataType);
            sd.getArrForVarName(paramNames.get(k)).assign(arr);
            p += n;
        }
    }

    /** Flatten a gradient map (as returned by SameDiff) in {@link #parameterNames()} order. */
    double[] flatten(Map<String, INDArray> gradients) {
        double[] flat = new double[parameterCount];
        int p = 0;
        for (String name : paramNames) {
            double[] v = gradients.get(name).castTo(DataType.DOUBLE).data().asDouble();
            System.arraycopy(v, 0, flat, p, v.length);
            p += v.length;
        }
        return flat;
    }

    /**
     * The placeholder values for points (x_i, t_i): {@value #INPUT} holds the scaled inputs and
     * {@value #SEED} the stacked derivatives of the scaled inputs, [2/L, 0] (N rows), [0, 2/t_max] (N rows),
     * [0, 0] (N rows).
     *
     * @throws IllegalArgumentException if the arrays differ in length or are empty
     */
    public Map<String, INDArray> placeholders(double[] x, double[] t) {
        if (x == null || t == null || x.length != t.length || x.length == 0) {
            throw new IllegalArgumentException("x and t must have the same non-zero length, got "
                    + (x == null ? "null" : x.length) + " and " + (t == null ? "null" : t.length));
        }
        int n = x.length;
        double[] in = scaledInputs(x, t);
        double[] seed = new double[6 * n];
        for (int i = 0; i < n; i++) {
            seed[2 * i] = 2 / length;
            seed[2 * (n + i) + 1] = 2 / tMax;
        }
        Map<String, INDArray> ph = new HashMap<>();
        ph.put(INPUT, Nd4j.create(in, new long[]{n, 2}, DataType.DOUBLE).castTo(dataType));
        ph.put(SEED, Nd4j.create(seed, new long[]{3L * n, 2}, DataType.DOUBLE).castTo(dataType));
        return ph;
    }

    /**
     * Network values and input derivatives at points (x_i, t_i).
     *
     * @param temperature T, length N
     * @param dTdx        T_x
     * @param dTdt        T_t
     * @param d2Tdx2      T_xx
     */
    public record Outputs(double[] temperature, double[] dTdx, double[] dTdt, double[] d2Tdx2) {
    }

    /** Evaluate T, T_x, T_t, T_xx at the points. @throws IllegalArgumentException as {@link #placeholders} */
    public Outputs evaluate(double[] x, double[] t) {
        Map<String, INDArray> out = sd.output(placeholders(x, t), T, T_X, T_T, T_XX);
        return new Outputs(toDoubles(out.get(T)), toDoubles(out.get(T_X)), toDoubles(out.get(T_T)),
                toDoubles(out.get(T_XX)));
    }

    /** T at the points, length N. @throws IllegalArgumentException as {@link #placeholders} */
    public double[] temperature(double[] x, double[] t) {
        return toDoubles(sd.output(placeholders(x, t), T).get(T));
    }

    static double[] toDoubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).data().asDouble();
    }
}
