package org.physml.potentials;

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

/**
 * The SameDiff graph of the NEP-style loss on a mini-batch (single precision).
 *
 * <p>Per species t: z = q W0_t^T - b0_t, h = tanh z, U = h w1_t, dU/dq = ((1 - h^2) * w1_t^T) W0_t (written out,
 * since SameDiff cannot differentiate twice); U_i and dU_i/dq_i are selected by species masks, U_i gets - b1.
 * The atoms of the B structures of a batch are padded to a common count n_max (padding atoms have zero masks,
 * so U = -b1 is removed by the mask on the energy sum and dU/dq = 0). Energies per atom: the padded U reshaped to
 * [B, n_max], masked, summed and divided by N_s. Forces: each structure's descriptor Jacobian is scattered into a
 * dense block J_s [3 n_max x n_max D] (row 3 j + a, column D i + d: d q_{i,d} / d r_{j,a}) and
 * F_s = -J_s vec(dU/dq) by a batched matrix product. (A gather/segment-sum formulation of the same sparse
 * product hangs in the reverse pass of gather in DL4J 1.0.0-M2.1.) The loss is that of {@link NepTrainingConfig};
 * SameDiff's reverse mode gives its gradient with respect to the weights.
 */
final class NepGraph {
    static final String LOSS = "loss";
    static final String RMSE_E = "rmseE";
    static final String RMSE_F = "rmseF";
    static final String FORCES = "forces";
    static final String ENERGY = "energyPerAtom";

    private final SameDiff sd;
    private final int types;
    private final int dim;
    private final int neurons;
    private final List<String> parameterNames = new ArrayList<>();

    NepGraph(NepNetwork init, NepTrainingConfig cfg) {
        this.types = init.types();
        this.dim = init.dimension();
        this.neurons = init.neurons();
        sd = SameDiff.create();
        SDVariable q = sd.placeHolder("q", DataType.FLOAT, -1, dim);                // [B n_max, D]
        SDVariable jac = sd.placeHolder("jac", DataType.FLOAT, -1, -1, -1);         // [B, 3 n_max, n_max D]
        SDVariable atomMask = sd.placeHolder("atomMask", DataType.FLOAT, -1, -1);   // [B, n_max]
        SDVariable invAtoms = sd.placeHolder("invAtoms", DataType.FLOAT, -1, 1);    // [B, 1]
        SDVariable eRef = sd.placeHolder("eRef", DataType.FLOAT, -1, 1);            // [B, 1]
        SDVariable fRef = sd.placeHolder("fRef", DataType.FLOAT, -1, -1, 1);        // [B, 3 n_max, 1]
        SDVariable forceScale = sd.placeHolder("forceScale", DataType.FLOAT);       // padded / real components
        SDVariable b1 = sd.var("b1", Nd4j.scalar(DataType.FLOAT, (float) init.b1()).reshape(1, 1));
        parameterNames.add("b1");
        SDVariable u = null;
        SDVariable g = null;
        SDVariable absSum = sd.math().abs(b1).sum();
        SDVariable sqSum = sd.math().square(b1).sum();
        for (int t = 0; t < types; t++) {
            SDVariable mask = sd.placeHolder("mask" + t, DataType.FLOAT, -1, 1);
            SDVariable w0 = sd.var("w0_" + t, Nd4j.create(init.w0(t), new long[]{neurons, dim}, 'c').castTo(DataType.FLOAT));
            SDVariable b0 = sd.var("b0_" + t, Nd4j.create(init.b0(t), new long[]{1, neurons}, 'c').castTo(DataType.FLOAT));
            SDVariable w1 = sd.var("w1_" + t, Nd4j.create(init.w1(t), new long[]{neurons, 1}, 'c').castTo(DataType.FLOAT));
            parameterNames.add("w0_" + t);
            parameterNames.add("b0_" + t);
            parameterNames.add("w1_" + t);
            SDVariable z = sd.mmul(q, w0, false, true, false).sub(b0);
            SDVariable h = sd.math().tanh(z);
            SDVariable ut = h.mmul(w1).mul(mask);
            SDVariable dz = h.mul(h).rsub(1.0).mul(sd.transpose(w1));
            SDVariable gt = dz.mmul(w0).mul(mask);
            u = u == null ? ut : u.add(ut);
            g = g == null ? gt : g.add(gt);
            for (SDVariable w : new SDVariable[]{w0, b0, w1}) {
                absSum = absSum.add(sd.math().abs(w).sum());
                sqSum = sqSum.add(sd.math().square(w).sum());
            }
        }
        SDVariable batch = sd.sizeAt(atomMask, 0);
        SDVariable uPadded = sd.reshape(u, sd.concat(0, batch.reshape(1), sd.constant(Nd4j.createFromArray(-1L))));
        SDVariable sumU = uPadded.mul(atomMask).sum(true, 1);                         // [B, 1]
        SDVariable ePerAtom = sumU.mul(invAtoms).sub(ENERGY, b1);
        SDVariable gVec = sd.reshape(g, sd.concat(0, batch.reshape(1), sd.constant(Nd4j.createFromArray(-1L, 1L))));
        SDVariable forces = sd.mmul(jac, gVec).neg(FORCES);                           // [B, 3 n_max, 1]
        SDVariable rmseE = sd.math().sqrt(RMSE_E, sd.math().square(ePerAtom.sub(eRef)).mean());
        SDVariable rmseF = sd.math().sqrt(RMSE_F, sd.math().square(forces.sub(fRef)).mean().mul(forceScale));
        double nPar = init.parameterCount();
        SDVariable l1 = absSum.div(nPar);
        SDVariable l2 = sd.math().sqrt(sqSum.div(nPar));
        SDVariable loss = rmseE.mul(cfg.lambdaE()).add(rmseF.mul(cfg.lambdaF()))
                .add(l1.mul(cfg.lambda1())).add(l2.mul(cfg.lambda2()));
        loss.rename(LOSS);
        sd.setLossVariables(LOSS);
    }

    /** Placeholder arrays of a mini-batch of structures {@code idx} of {@code set}. */
    Map<String, INDArray> batch(NepTrainingSet set, int[] idx) {
        List<NepTrainingSet.Item> items = set.items();
        int nMax = 0;
        int realAtoms = 0;
        for (int k : idx) {
            nMax = Math.max(nMax, items.get(k).atoms);
            realAtoms += items.get(k).atoms;
        }
        int b = idx.length;
        int rows = 3 * nMax;
        int cols = nMax * dim;
        float[] q = new float[b * nMax * dim];
        float[] jac = new float[b * rows * cols];
        float[] atomMask = new float[b * nMax];
        float[] invAtoms = new float[b];
        float[] eRef = new float[b];
        float[] fRef = new float[b * rows];
        float[][] masks = new float[types][b * nMax];
        for (int s = 0; s < b; s++) {
            NepTrainingSet.Item it = items.get(idx[s]);
            LabelledStructure d = set.data().get(idx[s]);
            System.arraycopy(it.q, 0, q, s * nMax * dim, it.atoms * dim);
            int base = s * rows * cols;
            for (int p = 0; p < it.pairs(); p++) {
                int i = it.pairCentre[p];
                int j = it.pairAtom[p];
                for (int f = 0; f < dim; f++) {
                    for (int a = 0; a < 3; a++) {
                        jac[base + (3 * j + a) * cols + i * dim + f] = it.jac[(p * dim + f) * 3 + a];
                    }
                }
            }
            double[][] force = d.forces();
            for (int i = 0; i < it.atoms; i++) {
                atomMask[s * nMax + i] = 1.0f;
                masks[it.species[i]][s * nMax + i] = 1.0f;
                for (int a = 0; a < 3; a++) {
                    fRef[s * rows + 3 * i + a] = (float) force[i][a];
                }
            }
            invAtoms[s] = 1.0f / it.atoms;
            eRef[s] = (float) d.energyPerAtom();
        }
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("q", Nd4j.create(q, new long[]{(long) b * nMax, dim}, 'c'));
        ph.put("jac", Nd4j.create(jac, new long[]{b, rows, cols}, 'c'));
        ph.put("atomMask", Nd4j.create(atomMask, new long[]{b, nMax}, 'c'));
        ph.put("invAtoms", Nd4j.create(invAtoms, new long[]{b, 1}, 'c'));
        ph.put("eRef", Nd4j.create(eRef, new long[]{b, 1}, 'c'));
        ph.put("fRef", Nd4j.create(fRef, new long[]{b, rows, 1}, 'c'));
        ph.put("forceScale", Nd4j.scalar(DataType.FLOAT, (float) nMax * b / realAtoms));
        for (int t = 0; t < types; t++) {
            ph.put("mask" + t, Nd4j.create(masks[t], new long[]{(long) b * nMax, 1}, 'c'));
        }
        return ph;
    }

    /** Loss outputs and weight gradients of a batch. */
    OutAndGrad outputsAndGradients(Map<String, INDArray> ph) {
        return sd.calculateGradientsAndOutputs(ph, List.of(LOSS, RMSE_E, RMSE_F), parameterNames);
    }

    Map<String, INDArray> gradientsOnly(Map<String, INDArray> ph) {
        return sd.calculateGradients(ph, parameterNames);
    }

    /** Selected outputs of a batch. */
    Map<String, INDArray> output(Map<String, INDArray> ph, String... names) {
        return sd.output(ph, names);
    }

    List<String> parameterNames() {
        return parameterNames;
    }

    INDArray parameter(String name) {
        return sd.getVariable(name).getArr();
    }

    /** The current weights as a double-precision network. */
    NepNetwork network() {
        double[][] w0 = new double[types][];
        double[][] b0 = new double[types][];
        double[][] w1 = new double[types][];
        for (int t = 0; t < types; t++) {
            w0[t] = parameter("w0_" + t).castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
            b0[t] = parameter("b0_" + t).castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
            w1[t] = parameter("w1_" + t).castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
        }
        return new NepNetwork(w0, b0, w1, parameter("b1").getDouble(0));
    }
}
