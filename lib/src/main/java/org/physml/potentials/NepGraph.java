package org.physml.potentials;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SameDiff graph of the NEP-style loss on a mini-batch (single precision).
 *
 * <p>Per species t: z = q W0_t^T - b0_t, h = tanh z, U = h w1_t, dU/dq = ((1 - h^2) * w1_t^T) W0_t (written out,
 * since SameDiff cannot differentiate twice); U_i and dU_i/dq_i are selected by species masks, U_i gets - b1.
 * Energies per atom: an indicator matrix [n_structures x n_atoms] with entries 1/N_s times U.
 * Forces: the Jacobian blocks of each centre i are stored padded to a common count M per batch,
 * J [n_atoms, 3 M, D] (rows 3 m + a of centre i: d q_i / d r_{j(i,m),a}, zero for padding), so the contraction
 * with dU_i/dq_i is a batched matrix-vector product, [n_atoms, 3 M, 1]; the contributions are then added to their
 * atoms j(i, m) with a scatter-add into a zero [n_atoms, 3] array: F_j = -sum_i dU_i/dq_i . J_ij. (A gather of
 * dU/dq per pair would be the natural alternative, but its reverse pass hangs in DL4J 1.0.0-M2.1; the segment-sum
 * ops leak native memory on every call in that version, about the size of the Jacobian per training step with
 * their reverse pass, so scatter_add is used.) The loss is that of
 * {@link NepTrainingConfig}; SameDiff's reverse mode gives its gradient with respect to the weights.
 * Virials: per centre the blocks V_i [A, 6, D] of {@link NepTrainingSet} contracted with dU_i/dq_i, summed per
 * structure with the same indicator as the energies (so per atom), compared where a structure has a virial.
 */
final class NepGraph extends NepLossGraph {

    static final String LOSS = "loss";
    static final String RMSE_E = "rmseE";
    static final String RMSE_F = "rmseF";
    static final String RMSE_V = "rmseV";
    static final String VIRIAL = "virialPerAtom";
    static final String FORCES = "forces";
    static final String ENERGY = "energyPerAtom";

    private final int types;
    private final int dim;
    private final int neurons;

    NepGraph(NepNetwork init, NepTrainingConfig cfg) {
        this.types = init.types();
        this.dim = init.dimension();
        this.neurons = init.neurons();
        SDVariable q = sd.placeHolder("q", DataType.FLOAT, -1, dim);                // [A, D]
        SDVariable jac = sd.placeHolder("jac", DataType.FLOAT, -1, -1, dim);        // [A, 3 M, D]
        SDVariable pairAtom = sd.placeHolder("pairAtom", DataType.INT, -1);         // [A M]
        SDVariable perAtom = sd.placeHolder("perAtom", DataType.FLOAT, -1, -1);     // [B, A]
        SDVariable eRef = sd.placeHolder("eRef", DataType.FLOAT, -1, 1);            // [B, 1]
        SDVariable fRef = sd.placeHolder("fRef", DataType.FLOAT, -1, 3);            // [A, 3]
        SDVariable vir = sd.placeHolder("vir", DataType.FLOAT, -1, 6, dim);         // [A, 6, D]
        SDVariable vRef = sd.placeHolder("vRef", DataType.FLOAT, -1, 6);            // [B, 6]
        SDVariable vMask = sd.placeHolder("vMask", DataType.FLOAT, -1, 1);          // [B, 1]
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
        u = u.sub(b1);
        SDVariable ePerAtom = sd.mmul(ENERGY, perAtom, u);
        SDVariable contrib = sd.mmul(jac, sd.expandDims(g, 2));                     // [A, 3 M, 1]
        SDVariable flat = sd.reshape(contrib, -1, 3);                                // [A M, 3]
        SDVariable forces = sd.scatterAdd(sd.zerosLike(fRef), pairAtom, flat).neg(FORCES); // [A, 3]
        SDVariable rmseE = sd.math().sqrt(RMSE_E, sd.math().square(ePerAtom.sub(eRef)).mean());
        SDVariable rmseF = sd.math().sqrt(RMSE_F, sd.math().square(forces.sub(fRef)).mean());
        // virial per atom W_s / N_s = -sum_{i in s} (1/N_s) V_i g_i, compared only where the structure has one;
        // the 1e-12 under the root keeps the gradient finite when no structure of the batch has a virial
        SDVariable virAtom = sd.reshape(sd.mmul(vir, sd.expandDims(g, 2)), -1, 6).neg(); // [A, 6]
        SDVariable virPerAtom = sd.mmul(VIRIAL, perAtom, virAtom);                       // [B, 6]
        SDVariable vDiff = virPerAtom.sub(vRef).mul(vMask);
        SDVariable vCount = vMask.sum().mul(6.0).add(1e-12);
        SDVariable rmseV = sd.math().sqrt(RMSE_V, sd.math().square(vDiff).sum().div(vCount).add(1e-12));
        double nPar = init.parameterCount();
        SDVariable l1 = absSum.div(nPar);
        SDVariable l2 = sd.math().sqrt(sqSum.div(nPar));
        SDVariable loss = rmseE.mul(cfg.lambdaE()).add(rmseF.mul(cfg.lambdaF())).add(rmseV.mul(cfg.lambdaV()))
                .add(l1.mul(cfg.lambda1())).add(l2.mul(cfg.lambda2()));
        loss.rename(LOSS);
        sd.setLossVariables(LOSS);
        createGradientGraphQuietly();
    }

    /** Placeholder arrays of a mini-batch of structures {@code idx} of {@code set}. */
    @Override
    Map<String, INDArray> batch(NepTrainingSet set, int[] idx) {
        List<NepTrainingSet.Item> items = set.items();
        int atoms = 0;
        int m = 0;
        for (int k : idx) {
            NepTrainingSet.Item it = items.get(k);
            atoms += it.atoms;
            int[] count = new int[it.atoms];
            for (int p = 0; p < it.pairs(); p++) {
                m = Math.max(m, ++count[it.pairCentre[p]]);
            }
        }
        int b = idx.length;
        float[] q = new float[atoms * dim];
        float[] jac = new float[atoms * m * dim * 3];
        int[] pa = new int[atoms * m];
        float[] perAtom = new float[b * atoms];
        float[] eRef = new float[b];
        float[] fRef = new float[atoms * 3];
        float[] vir = new float[atoms * 6 * dim];
        float[] vRef = new float[b * 6];
        float[] vMask = new float[b];
        float[][] masks = new float[types][atoms];
        int ao = 0;
        for (int s = 0; s < b; s++) {
            NepTrainingSet.Item it = items.get(idx[s]);
            LabelledStructure d = set.data().get(idx[s]);
            System.arraycopy(it.q, 0, q, ao * dim, it.atoms * dim);
            System.arraycopy(it.vir, 0, vir, ao * 6 * dim, it.atoms * 6 * dim);
            if (d.hasVirialStress()) {
                double[] w = d.virial();
                for (int c = 0; c < 6; c++) {
                    vRef[s * 6 + c] = (float) (w[c] / it.atoms);
                }
                vMask[s] = 1.0f;
            }
            for (int i = 0; i < it.atoms; i++) {
                java.util.Arrays.fill(pa, (ao + i) * m, (ao + i + 1) * m, ao + i);
            }
            int prev = -1;
            int slot = 0;
            for (int p = 0; p < it.pairs(); p++) {
                int i = it.pairCentre[p];
                slot = i == prev ? slot + 1 : 0;
                prev = i;
                int row = (ao + i) * m + slot;
                pa[row] = ao + it.pairAtom[p];
                for (int f = 0; f < dim; f++) {
                    for (int a = 0; a < 3; a++) {
                        jac[(row * 3 + a) * dim + f] = it.jac[(p * dim + f) * 3 + a];
                    }
                }
            }
            double[][] force = d.forces();
            for (int i = 0; i < it.atoms; i++) {
                perAtom[s * atoms + ao + i] = 1.0f / it.atoms;
                masks[it.species[i]][ao + i] = 1.0f;
                for (int a = 0; a < 3; a++) {
                    fRef[(ao + i) * 3 + a] = (float) force[i][a];
                }
            }
            eRef[s] = (float) d.energyPerAtom();
            ao += it.atoms;
        }
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("q", Nd4j.create(q, new long[]{atoms, dim}, 'c'));
        ph.put("jac", Nd4j.create(jac, new long[]{atoms, 3L * m, dim}, 'c'));
        ph.put("pairAtom", Nd4j.createFromArray(pa));
        ph.put("perAtom", Nd4j.create(perAtom, new long[]{b, atoms}, 'c'));
        ph.put("eRef", Nd4j.create(eRef, new long[]{b, 1}, 'c'));
        ph.put("fRef", Nd4j.create(fRef, new long[]{atoms, 3}, 'c'));
        ph.put("vir", Nd4j.create(vir, new long[]{atoms, 6, dim}, 'c'));
        ph.put("vRef", Nd4j.create(vRef, new long[]{b, 6}, 'c'));
        ph.put("vMask", Nd4j.create(vMask, new long[]{b, 1}, 'c'));
        for (int t = 0; t < types; t++) {
            ph.put("mask" + t, Nd4j.create(masks[t], new long[]{atoms, 1}, 'c'));
        }
        return ph;
    }

    @Override
    NepPotential potential(org.physml.descriptors.nep.NepParameters parameters) {
        return new NepPotential(parameters, network());
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
