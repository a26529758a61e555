package org.physml.pairpotential;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The many-body part of lecture 11's hybrid potential: atomic energies U_i = NN(G_i) from angular symmetry
 * functions G_i, a D-50-70-1 network with the activation f(z) = tanh(z) + gamma z (gamma = 0.1: the linear
 * part keeps gradients alive in saturation), E_s = sum_{i in s} U_i, trained on energies per atom by full-batch
 * Adam on the mean squared error, in double precision (SameDiff reverse mode for the gradient).
 *
 * <p>Inputs are standardised with the training mean and standard deviation of each descriptor component and
 * the targets with the mean and standard deviation of the first call's targets (kept for later calls, so that
 * training can continue from the current weights; undone on output). Weights start as Gaussians of variance
 * 1 / fan-in from the given seed. Not thread-safe.
 */
public final class ManyBodyNetwork {
    /** gamma of the activation tanh(z) + gamma z. */
    public static final double GAMMA = 0.1;
    /** Hidden layer widths. */
    public static final int[] HIDDEN = {50, 70};

    private final SameDiff sd;
    private final List<String> params = new ArrayList<>();
    private final double[] mean;
    private final double[] scale;
    private double tMean;
    private double tScale = 1;
    private boolean targetsScaled;

    /**
     * @param inputMean  mean of each descriptor component (standardisation), length D
     * @param inputScale standard deviation of each component (1 where it is zero), length D
     * @param seed       seed of the initial weights
     */
    public ManyBodyNetwork(double[] inputMean, double[] inputScale, long seed) {
        this.mean = inputMean.clone();
        this.scale = inputScale.clone();
        int d = mean.length;
        sd = SameDiff.create();
        Nd4j.getRandom().setSeed(seed);
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, d);
        int in = d;
        SDVariable h = x;
        int[] widths = {HIDDEN[0], HIDDEN[1], 1};
        for (int l = 0; l < widths.length; l++) {
            SDVariable w = sd.var("w" + l, Nd4j.randn(DataType.DOUBLE, in, widths[l]).muli(Math.sqrt(1.0 / in)));
            SDVariable b = sd.var("b" + l, Nd4j.zeros(DataType.DOUBLE, 1, widths[l]));
            params.add("w" + l);
            params.add("b" + l);
            SDVariable z = h.mmul(w).add(b);
            h = l < widths.length - 1 ? sd.math().tanh(z).add(z.mul(GAMMA)) : z;
            in = widths[l];
        }
        SDVariable u = h.rename("u");                                                  // [A, 1]
        SDVariable perAtom = sd.placeHolder("perAtom", DataType.DOUBLE, -1, -1);       // [B, A], 1/N_s
        SDVariable target = sd.placeHolder("target", DataType.DOUBLE, -1, 1);          // [B, 1]
        SDVariable e = perAtom.mmul(u).rename("e");
        sd.math().squaredDifference(e, target).mean().rename("loss");
        sd.setLossVariables("loss");
        // SameDiff 1.0.0-M2.1 prints one "Added differentiated op" line per op to System.out when it builds the
        // gradient graph (as NepGraph notes); silence System.out for that call only
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(out);
        }
    }

    /**
     * Trains on structures given as blocks of atom rows.
     *
     * @param descriptors per structure the descriptor rows of its atoms, [B][n_s][D]
     * @param energyPerAtom target energy per atom of each structure, eV/atom, length B
     * @param steps         full-batch Adam steps
     * @param learningRate  Adam step size (on standardised targets)
     * @return the training loss (eV/atom)^2 after each step
     */
    public double[] train(List<double[][]> descriptors, double[] energyPerAtom, int steps, double learningRate) {
        int b = descriptors.size();
        if (!targetsScaled) {
            double m = 0, v = 0;
            for (double t : energyPerAtom) {
                m += t / b;
            }
            for (double t : energyPerAtom) {
                v += (t - m) * (t - m) / b;
            }
            tMean = m;
            tScale = v > 0 ? Math.sqrt(v) : 1.0;
            targetsScaled = true;
        }
        double[] scaled = new double[b];
        for (int s = 0; s < b; s++) {
            scaled[s] = (energyPerAtom[s] - tMean) / tScale;
        }
        Map<String, INDArray> ph = placeholders(descriptors);
        ph.put("target", Nd4j.create(scaled, new long[]{b, 1}, 'c'));
        Adam adam = new Adam(learningRate);
        Map<String, GradientUpdater<?>> updaters = new HashMap<>();
        for (String name : params) {
            long n = sd.getVariable(name).getArr().length();
            updaters.put(name, adam.instantiate(Nd4j.zeros(DataType.DOUBLE, 1, adam.stateSize(n)), true));
        }
        double[] loss = new double[steps];
        for (int it = 0; it < steps; it++) {
            OutAndGrad og = sd.calculateGradientsAndOutputs(ph, List.of("loss"), params);
            loss[it] = og.getOutputs().get("loss").getDouble(0) * tScale * tScale;
            if (!Double.isFinite(loss[it])) {
                throw new IllegalStateException("the many-body loss became " + loss[it] + " at step " + it
                        + "; lower the learning rate");
            }
            for (String name : params) {
                INDArray g = og.getGradients().get(name);
                updaters.get(name).applyUpdater(g, it, 0);
                sd.getVariable(name).getArr().subi(g);
            }
            // ND4J's arrays live off-heap and are freed only when their Java objects are collected, which a small
            // heap with little Java garbage does rarely: close them now (as NepTrainer does)
            close(og.getOutputs().values());
            close(og.getGradients().values());
            if (it % 10 == 9) {
                // SameDiff 1.0.0-M2.1 leaves the intermediate arrays of each step (about 40 MB here) to the garbage
                // collector's deallocator; without a collection the resident memory grew by 4 GB in 100 steps
                System.gc();
            }
        }
        close(ph.values());
        return loss;
    }

    /** Predicted energies per atom of structures, eV/atom. */
    public double[] energyPerAtom(List<double[][]> descriptors) {
        Map<String, INDArray> ph = placeholders(descriptors);
        ph.put("target", Nd4j.zeros(DataType.DOUBLE, descriptors.size(), 1));
        INDArray e = sd.output(ph, "e").get("e");
        double[] out = new double[descriptors.size()];
        for (int s = 0; s < out.length; s++) {
            out[s] = e.getDouble(s, 0) * tScale + tMean;
        }
        close(ph.values());
        close(List.of(e));
        return out;
    }

    private static void close(Iterable<INDArray> arrays) {
        for (INDArray a : arrays) {
            if (a != null && a.closeable()) {
                a.close();
            }
        }
    }

    private Map<String, INDArray> placeholders(List<double[][]> descriptors) {
        int atoms = descriptors.stream().mapToInt(a -> a.length).sum();
        int d = mean.length;
        double[] x = new double[atoms * d];
        double[] p = new double[descriptors.size() * atoms];
        int row = 0;
        for (int s = 0; s < descriptors.size(); s++) {
            double[][] block = descriptors.get(s);
            for (double[] g : block) {
                if (g.length != d) {
                    throw new IllegalArgumentException("descriptor rows must have " + d + " components, got "
                            + g.length + " in structure " + s);
                }
                for (int j = 0; j < d; j++) {
                    x[row * d + j] = (g[j] - mean[j]) / scale[j];
                }
                p[s * atoms + row] = 1.0 / block.length;
                row++;
            }
        }
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("x", Nd4j.create(x, new long[]{atoms, d}, 'c'));
        ph.put("perAtom", Nd4j.create(p, new long[]{descriptors.size(), atoms}, 'c'));
        return ph;
    }
}
