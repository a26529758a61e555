package org.physml.potentials;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.physml.descriptors.nep.NepDescriptor;
import org.physml.descriptors.nep.NepParameters;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;

/**
 * The NEP-style loss with the radial expansion coefficients c trained too, as GPUMD trains them (Fan et al., J. Phys.:
 * Condens. Matter 34, 125902 (2022), Eq. 3: g_n(r) = sum_k c_nk f_k(r)), single precision, one species.
 *
 * <p>The graph starts from the basis terms of every neighbour entry p = (i, j) of a centre i (padded to a fixed M
 * entries per centre): f_k, df_k/dr of the radial and angular bases, the harmonic components h_kappa(u_p) and their
 * gradients ({@link NepDescriptor#basisTerms}). From them, with c^R [n_max^R + 1, N_bas^R + 1] and
 * c^A [n_max^A + 1, N_bas^A + 1] as variables:
 * <pre>
 *   q_n = sum_p g^R_n(r_p),  S_{kappa n} = sum_p g^A_n(r_p) h_kappa(u_p),  q_nl = sum_{kappa in l} w_kappa S_{kappa n}^2,
 *   q_n222 = the cubic form of {@link NepDescriptor#fourBodyConstants()} in S_{3..7, n},
 * </pre>
 * times q_scaler, then the network U(q) of {@link NepGraph} with its explicit dU/dq. Forces and virials come from
 * dU_i/dr_p = [sum_n (dU/dq_n) g^R'_n + sum_{kappa n} G_{kappa n} g^A'_n h_kappa] u_p + sum_{kappa n} G_{kappa n}
 * g^A_n grad h_kappa(u_p), with G = dU/dS (written out: SameDiff differentiates once, through these expressions, to
 * give the gradient of the loss with respect to c and the weights). F_j = sum over entries with neighbour j of -dU_i/dr_p
 * plus, for the centre, sum_p dU_i/dr_p; W = -sum_p sym(r_p dU_i/dr_p). The loss is that of
 * {@link NepTrainingConfig}. q_scaler stays that of the starting c (the training set's, {@link NepTrainingSet#qScaler()}),
 * so that the trained model is an ordinary {@link NepPotential} with the new c and the same q_scaler. The five-body term
 * (l_max^5b = 1) and several species are not supported.
 */
final class NepCoefficientGraph extends NepLossGraph {
    private final NepDescriptor descriptor;
    private final NepParameters parameters;
    private final int nR;
    private final int bR;
    private final int nA;
    private final int bA;
    private final int k3;
    private final int m;

    /**
     * @param parameters descriptor parameters of the training set (q_scaler included; c is the starting point)
     * @param init       starting weights
     * @param slots      entries per centre M, at least the largest number of neighbours of any centre in the data
     * @throws IllegalArgumentException for more than one species, a five-body term, or M &lt; 1
     */
    NepCoefficientGraph(NepParameters parameters, NepNetwork init, NepTrainingConfig cfg, int slots) {
        if (parameters.speciesCount() != 1) {
            throw new IllegalArgumentException("training the radial coefficients c is implemented for one species, got "
                    + parameters.species());
        }
        if (parameters.lMax5Body() != 0) {
            throw new IllegalArgumentException("training the radial coefficients c is not implemented with the"
                    + " five-body term (l_max^5b = 1)");
        }
        if (slots < 1) {
            throw new IllegalArgumentException("need at least one entry per centre, got " + slots);
        }
        this.parameters = parameters;
        this.descriptor = new NepDescriptor(parameters);
        this.nR = parameters.nMaxRadial() + 1;
        this.bR = parameters.basisSizeRadial() + 1;
        this.nA = parameters.nMaxAngular() + 1;
        this.bA = parameters.basisSizeAngular() + 1;
        this.k3 = descriptor.angularComponentCount();
        this.m = slots;
        int lMax = parameters.lMax();
        boolean fourBody = parameters.lMax4Body() == 2;
        int dim = parameters.dimension();
        int neurons = init.neurons();

        // placeholders: per entry (A M rows) and per centre
        SDVariable fR = sd.placeHolder("fR", DataType.FLOAT, -1, bR);
        SDVariable fpR = sd.placeHolder("fpR", DataType.FLOAT, -1, bR);
        SDVariable fA = sd.placeHolder("fA", DataType.FLOAT, -1, bA);
        SDVariable fpA = sd.placeHolder("fpA", DataType.FLOAT, -1, bA);
        SDVariable hT = sd.placeHolder("hT", DataType.FLOAT, -1, k3, m);            // [A, K, M]
        SDVariable hMK = sd.placeHolder("hMK", DataType.FLOAT, -1, m, k3);          // [A, M, K]
        SDVariable gradH = sd.placeHolder("gradH", DataType.FLOAT, -1, k3, 3);      // [A M, K, 3]
        SDVariable u = sd.placeHolder("u", DataType.FLOAT, -1, m, 3);               // [A, M, 3]
        SDVariable rT = sd.placeHolder("rT", DataType.FLOAT, -1, 3, m);             // [A, 3, M]
        SDVariable nbr = sd.placeHolder("nbr", DataType.INT, -1);                   // [A M]
        SDVariable perAtom = sd.placeHolder("perAtom", DataType.FLOAT, -1, -1);     // [B, A]
        SDVariable eRef = sd.placeHolder("eRef", DataType.FLOAT, -1, 1);
        SDVariable fRef = sd.placeHolder("fRef", DataType.FLOAT, -1, 3);
        SDVariable vRef = sd.placeHolder("vRef", DataType.FLOAT, -1, 6);
        SDVariable vMask = sd.placeHolder("vMask", DataType.FLOAT, -1, 1);

        // trainable: c^R, c^A and the network
        SDVariable cR = sd.var("cR", matrix(nR, bR, (n, k) -> parameters.radialCoefficient(n, k, 0, 0)));
        SDVariable cA = sd.var("cA", matrix(nA, bA, (n, k) -> parameters.angularCoefficient(n, k, 0, 0)));
        SDVariable b1 = sd.var("b1", Nd4j.scalar(DataType.FLOAT, (float) init.b1()).reshape(1, 1));
        SDVariable w0 = sd.var("w0_0", Nd4j.create(init.w0(0), new long[]{neurons, dim}, 'c').castTo(DataType.FLOAT));
        SDVariable b0 = sd.var("b0_0", Nd4j.create(init.b0(0), new long[]{1, neurons}, 'c').castTo(DataType.FLOAT));
        SDVariable w1 = sd.var("w1_0", Nd4j.create(init.w1(0), new long[]{neurons, 1}, 'c').castTo(DataType.FLOAT));
        parameterNames.addAll(List.of("cR", "cA", "b1", "w0_0", "b0_0", "w1_0"));

        // constants
        int lBlocks = lMax;
        double[] qScaler = parameters.qScaler();
        SDVariable scaler = sd.constant("qScaler", row(qScaler));
        SDVariable lMat = sd.constant("lMat", matrix(lBlocks, k3, (l, k) -> descriptor.angularOrder(k) == l + 1 ? 1 : 0));
        SDVariable wRow = sd.constant("wRow", row(k3, k -> descriptor.angularWeight(k)));
        SDVariable twoWRow = sd.constant("twoWRow", row(k3, k -> 2 * descriptor.angularWeight(k)));
        int d3 = lBlocks * nA;
        int d4 = fourBody ? nA : 0;
        SDVariable selR = sd.constant("selR", matrix(dim, nR, (i, j) -> i == j ? 1 : 0));
        SDVariable sel3 = sd.constant("sel3", matrix(dim, d3, (i, j) -> i == nR + j ? 1 : 0));

        // descriptor
        SDVariable gR = sd.mmul(fR, cR, false, true, false);                           // [A M, nR]
        SDVariable qR = sd.reshape(gR, -1, m, nR).sum(1);                              // [A, nR]
        SDVariable gA = sd.reshape(sd.mmul(fA, cA, false, true, false), -1, m, nA);    // [A, M, nA]
        SDVariable s = sd.mmul(hT, gA);                                                // [A, K, nA]
        SDVariable sFlat = sd.reshape(sd.permute(s, 0, 2, 1), -1, k3);                 // [A nA, K]
        SDVariable q3 = sd.mmul(sd.math().square(sFlat).mul(wRow), lMat, false, true, false); // [A nA, L]
        q3 = sd.reshape(sd.permute(sd.reshape(q3, -1, nA, lBlocks), 0, 2, 1), -1, d3);       // [A, L nA]
        SDVariable q;
        SDVariable[] us = new SDVariable[5];
        if (fourBody) {
            for (int i = 0; i < 5; i++) {
                int kappa = 3 + i;
                us[i] = sd.mmul(sFlat, sd.constant("e" + kappa, matrix(k3, 1, (a, b) -> a == kappa ? 1 : 0)));
            }
            double[] kc = NepDescriptor.fourBodyConstants();
            SDVariable u0 = us[0], u1c = us[1], u1s = us[2], u2c = us[3], u2s = us[4];
            SDVariable sq1 = u1c.mul(u1c).add(u1s.mul(u1s));
            SDVariable sq2 = u2c.mul(u2c).add(u2s.mul(u2s));
            SDVariable q4 = u0.mul(u0).mul(u0).mul(kc[0]).add(u0.mul(sq1).mul(kc[1])).add(u0.mul(sq2).mul(kc[2]))
                    .add(u2c.mul(u1c.mul(u1c).sub(u1s.mul(u1s))).add(u2s.mul(u1c).mul(u1s).mul(2.0)).mul(kc[3]));
            q = sd.concat(1, qR, q3, sd.reshape(q4, -1, nA));
        } else {
            q = sd.concat(1, qR, q3);
        }
        SDVariable qs = q.mul(scaler);
        q.rename("q");

        // network and dU/dq (scaled q in, gradient with respect to the unscaled q out)
        SDVariable z = sd.mmul(qs, w0, false, true, false).sub(b0);
        SDVariable h = sd.math().tanh(z);
        SDVariable energyAtom = h.mmul(w1).sub(b1);                                  // [A, 1]
        SDVariable dUdq = h.mul(h).rsub(1.0).mul(sd.transpose(w1)).mmul(w0).mul(scaler); // [A, D]
        SDVariable ePerAtom = sd.mmul(NepGraph.ENERGY, perAtom, energyAtom);

        // G = dU/dS [A nA, K]
        SDVariable g3 = sd.reshape(sd.permute(sd.reshape(sd.mmul(dUdq, sel3), -1, lBlocks, nA), 0, 2, 1), -1, lBlocks);
        SDVariable gS = sd.mmul(g3, lMat).mul(twoWRow).mul(sFlat);
        if (fourBody) {
            double[] kc = NepDescriptor.fourBodyConstants();
            SDVariable sel4 = sd.constant("sel4", matrix(dim, d4, (i, j) -> i == nR + d3 + j ? 1 : 0));
            SDVariable g4 = sd.reshape(sd.mmul(dUdq, sel4), -1, 1);                    // [A nA, 1]
            SDVariable u0 = us[0], u1c = us[1], u1s = us[2], u2c = us[3], u2s = us[4];
            SDVariable[] d = {
                u0.mul(u0).mul(3 * kc[0]).add(u1c.mul(u1c).add(u1s.mul(u1s)).mul(kc[1]))
                        .add(u2c.mul(u2c).add(u2s.mul(u2s)).mul(kc[2])),
                u0.mul(u1c).mul(2 * kc[1]).add(u2c.mul(u1c).add(u2s.mul(u1s)).mul(2 * kc[3])),
                u0.mul(u1s).mul(2 * kc[1]).add(u2s.mul(u1c).sub(u2c.mul(u1s)).mul(2 * kc[3])),
                u0.mul(u2c).mul(2 * kc[2]).add(u1c.mul(u1c).sub(u1s.mul(u1s)).mul(kc[3])),
                u0.mul(u2s).mul(2 * kc[2]).add(u1c.mul(u1s).mul(2 * kc[3]))};
            for (int i = 0; i < 5; i++) {
                int kappa = 3 + i;
                gS = gS.add(sd.mmul(d[i].mul(g4), sd.constant("eT" + kappa,
                        matrix(1, k3, (a, b) -> b == kappa ? 1 : 0))));
            }
        }
        SDVariable gSn = sd.reshape(gS, -1, nA, k3);                                     // [A, nA, K]

        // dU_i/dr_p [A, M, 3]
        SDVariable gRp = sd.reshape(sd.mmul(fpR, cR, false, true, false), -1, m, nR);  // [A, M, nR]
        SDVariable dUdqR = sd.expandDims(sd.mmul(dUdq, selR), 2);                      // [A, nR, 1]
        SDVariable t1 = sd.mmul(gRp, dUdqR);                                            // [A, M, 1]
        SDVariable gAp = sd.reshape(sd.mmul(fpA, cA, false, true, false), -1, m, nA);  // [A, M, nA]
        SDVariable t2 = sd.mmul(gAp, gSn).mul(hMK).sum(true, 2);                       // [A, M, 1]
        SDVariable radial = t1.add(t2).mul(u);                                          // [A, M, 3]
        // sum_kappa B2 grad h_kappa as a broadcast product and a sum (a batched matrix product over the A M
        // entries would run A M tiny products)
        SDVariable b2 = sd.reshape(sd.mmul(gA, gSn), -1, k3, 1);                       // [A M, K, 1]
        SDVariable tangential = sd.reshape(b2.mul(gradH).sum(1), -1, m, 3);            // [A, M, 3]
        SDVariable dUdr = radial.add(tangential);

        SDVariable flat = sd.reshape(dUdr, -1, 3);
        SDVariable onNeighbours = sd.scatterAdd(sd.zerosLike(fRef), nbr, flat);
        SDVariable forces = dUdr.sum(1).sub(onNeighbours);
        forces.rename(NepGraph.FORCES);
        SDVariable rDr = sd.reshape(sd.mmul(rT, dUdr), -1, 9);                         // sum_p r_a dU/dr_b
        SDVariable toSix = sd.constant("toSix", matrix(9, 6, (ab, c) -> {
            int a = LabelledStructure.VIRIAL_COMPONENTS[c][0];
            int b = LabelledStructure.VIRIAL_COMPONENTS[c][1];
            return (ab == 3 * a + b ? -0.5 : 0) + (ab == 3 * b + a ? -0.5 : 0);
        }));
        SDVariable virPerAtom = sd.mmul(NepGraph.VIRIAL, perAtom, sd.mmul(rDr, toSix));

        SDVariable rmseE = sd.math().sqrt(NepGraph.RMSE_E, sd.math().square(ePerAtom.sub(eRef)).mean());
        SDVariable rmseF = sd.math().sqrt(NepGraph.RMSE_F, sd.math().square(forces.sub(fRef)).mean());
        SDVariable vCount = vMask.sum().mul(6.0).add(1e-12);
        SDVariable rmseV = sd.math().sqrt(NepGraph.RMSE_V,
                sd.math().square(virPerAtom.sub(vRef).mul(vMask)).sum().div(vCount).add(1e-12));
        // L1 and L2 over the network weights, as in NepGraph (c is not regularised)
        SDVariable absSum = sd.math().abs(b1).sum();
        SDVariable sqSum = sd.math().square(b1).sum();
        for (SDVariable w : new SDVariable[]{w0, b0, w1}) {
            absSum = absSum.add(sd.math().abs(w).sum());
            sqSum = sqSum.add(sd.math().square(w).sum());
        }
        double nPar = init.parameterCount();
        SDVariable loss = rmseE.mul(cfg.lambdaE()).add(rmseF.mul(cfg.lambdaF())).add(rmseV.mul(cfg.lambdaV()))
                .add(absSum.div(nPar).mul(cfg.lambda1())).add(sd.math().sqrt(sqSum.div(nPar)).mul(cfg.lambda2()));
        loss.rename(NepGraph.LOSS);
        sd.setLossVariables(NepGraph.LOSS);
        createGradientGraphQuietly();
    }

    /** The largest number of neighbour entries of any centre of the set within the descriptor's cutoff. */
    static int slotsNeeded(NepTrainingSet set) {
        NepDescriptor d = new NepDescriptor(set.parameters());
        int max = 1;
        for (LabelledStructure ls : set.data()) {
            NeighbourList nl = NeighbourList.build(ls.structure(), d.cutoff());
            for (int i = 0; i < ls.size(); i++) {
                max = Math.max(max, nl.environment(i).size());
            }
        }
        return max;
    }

    @Override
    Map<String, INDArray> batch(NepTrainingSet set, int[] idx) {
        int atoms = 0;
        for (int k : idx) {
            atoms += set.data().get(k).size();
        }
        int rows = atoms * m;
        float[] fR = new float[rows * bR];
        float[] fpR = new float[rows * bR];
        float[] fA = new float[rows * bA];
        float[] fpA = new float[rows * bA];
        float[] hT = new float[atoms * k3 * m];
        float[] hMK = new float[rows * k3];
        float[] gradH = new float[rows * k3 * 3];
        float[] u = new float[rows * 3];
        float[] rT = new float[atoms * 3 * m];
        int[] nbr = new int[rows];
        float[] perAtom = new float[idx.length * atoms];
        float[] eRef = new float[idx.length];
        float[] fRef = new float[atoms * 3];
        float[] vRef = new float[idx.length * 6];
        float[] vMask = new float[idx.length];
        double[] tR = new double[bR];
        double[] tpR = new double[bR];
        double[] tA = new double[bA];
        double[] tpA = new double[bA];
        double[] th = new double[Math.max(k3, 1)];
        double[] gx = new double[Math.max(k3, 1)];
        double[] gy = new double[Math.max(k3, 1)];
        double[] gz = new double[Math.max(k3, 1)];
        int ao = 0;
        for (int s = 0; s < idx.length; s++) {
            LabelledStructure d = set.data().get(idx[s]);
            NeighbourList nl = NeighbourList.build(d.structure(), descriptor.cutoff());
            for (int i = 0; i < d.size(); i++) {
                int a = ao + i;
                LocalEnvironment env = nl.environment(i);
                if (env.size() > m) {
                    throw new IllegalArgumentException("atom " + i + " of structure " + idx[s] + " has " + env.size()
                            + " neighbours, more than the graph's " + m + " entries per centre");
                }
                java.util.Arrays.fill(nbr, a * m, (a + 1) * m, a);
                for (int p = 0; p < env.size(); p++) {
                    int row = a * m + p;
                    descriptor.basisTerms(env, p, tR, tpR, tA, tpA, th, gx, gy, gz);
                    double dist = env.distance()[p];
                    for (int k = 0; k < bR; k++) {
                        fR[row * bR + k] = (float) tR[k];
                        fpR[row * bR + k] = (float) tpR[k];
                    }
                    for (int k = 0; k < bA; k++) {
                        fA[row * bA + k] = (float) tA[k];
                        fpA[row * bA + k] = (float) tpA[k];
                    }
                    for (int k = 0; k < k3; k++) {
                        hT[(a * k3 + k) * m + p] = (float) th[k];
                        hMK[row * k3 + k] = (float) th[k];
                        gradH[(row * k3 + k) * 3] = (float) gx[k];
                        gradH[(row * k3 + k) * 3 + 1] = (float) gy[k];
                        gradH[(row * k3 + k) * 3 + 2] = (float) gz[k];
                    }
                    for (int c = 0; c < 3; c++) {
                        u[row * 3 + c] = (float) (env.r()[p][c] / dist);
                        rT[(a * 3 + c) * m + p] = (float) env.r()[p][c];
                    }
                    nbr[row] = ao + env.neighbourIndex()[p];
                }
                perAtom[s * atoms + a] = 1.0f / d.size();
                for (int c = 0; c < 3; c++) {
                    fRef[a * 3 + c] = (float) d.forces()[i][c];
                }
            }
            eRef[s] = (float) d.energyPerAtom();
            if (d.hasVirialStress()) {
                double[] w = d.virial();
                for (int c = 0; c < 6; c++) {
                    vRef[s * 6 + c] = (float) (w[c] / d.size());
                }
                vMask[s] = 1.0f;
            }
            ao += d.size();
        }
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("fR", Nd4j.create(fR, new long[]{rows, bR}, 'c'));
        ph.put("fpR", Nd4j.create(fpR, new long[]{rows, bR}, 'c'));
        ph.put("fA", Nd4j.create(fA, new long[]{rows, bA}, 'c'));
        ph.put("fpA", Nd4j.create(fpA, new long[]{rows, bA}, 'c'));
        ph.put("hT", Nd4j.create(hT, new long[]{atoms, k3, m}, 'c'));
        ph.put("hMK", Nd4j.create(hMK, new long[]{atoms, m, k3}, 'c'));
        ph.put("gradH", Nd4j.create(gradH, new long[]{rows, k3, 3}, 'c'));
        ph.put("u", Nd4j.create(u, new long[]{atoms, m, 3}, 'c'));
        ph.put("rT", Nd4j.create(rT, new long[]{atoms, 3, m}, 'c'));
        ph.put("nbr", Nd4j.createFromArray(nbr));
        ph.put("perAtom", Nd4j.create(perAtom, new long[]{idx.length, atoms}, 'c'));
        ph.put("eRef", Nd4j.create(eRef, new long[]{idx.length, 1}, 'c'));
        ph.put("fRef", Nd4j.create(fRef, new long[]{atoms, 3}, 'c'));
        ph.put("vRef", Nd4j.create(vRef, new long[]{idx.length, 6}, 'c'));
        ph.put("vMask", Nd4j.create(vMask, new long[]{idx.length, 1}, 'c'));
        return ph;
    }

    /**
     * The current weights and coefficients as a double-precision potential ({@code setParameters} must be the
     * parameters this graph was built with; their c is replaced by the trained one).
     */
    @Override
    NepPotential potential(NepParameters setParameters) {
        NepNetwork net = new NepNetwork(new double[][]{vector("w0_0")}, new double[][]{vector("b0_0")},
                new double[][]{vector("w1_0")}, parameter("b1").getDouble(0));
        double[] cRv = vector("cR");
        double[] cAv = vector("cA");
        double[] c = parameters.coefficients();
        int radial = nR * bR;
        for (int n = 0; n < nR; n++) {
            for (int k = 0; k < bR; k++) {
                c[n * bR + k] = cRv[n * bR + k];
            }
        }
        for (int n = 0; n < nA; n++) {
            for (int k = 0; k < bA; k++) {
                c[radial + n * bA + k] = cAv[n * bA + k];
            }
        }
        return new NepPotential(parameters.toBuilder().coefficients(c).build(), net);
    }

    private double[] vector(String name) {
        return parameter(name).castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
    }

    private interface Entry {
        double at(int i, int j);
    }

    private static INDArray matrix(int rows, int cols, Entry e) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                v[i * cols + j] = (float) e.at(i, j);
            }
        }
        return Nd4j.create(v, new long[]{rows, cols}, 'c');
    }

    private static INDArray row(double[] values) {
        return row(values.length, k -> values[k]);
    }

    private static INDArray row(int n, java.util.function.IntToDoubleFunction f) {
        return matrix(1, n, (i, j) -> f.applyAsDouble(j));
    }
}
