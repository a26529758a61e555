package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.physml.descriptors.nep.NepDescriptor;
import org.physml.descriptors.nep.NepParameters;
import org.physml.structure.Rattle;
import org.physml.structure.Structure;

class NepPotentialTest {

    private static Structure perturbed(int index, double amplitude, long seed) {
        return Rattle.gaussian(PotentialTestData.siliconTraining().get(index).structure(), amplitude, seed);
    }

    private static NepParameters scaledSilicon() {
        double[] scaler = new double[NepSetup.silicon().dimension()];
        java.util.Arrays.fill(scaler, 0.5);
        return NepSetup.silicon().toBuilder().qScaler(scaler).build();
    }

    /** Forces of a random network equal minus the central finite difference of its energy. */
    @Test
    void forcesAreMinusTheEnergyGradient() {
        NepParameters p = scaledSilicon();
        NepPotential pot = new NepPotential(p, NepNetwork.random(1, p.dimension(), 10, 5.0, 3));
        Structure s = perturbed(0, 0.05, 1);
        double[][] f = pot.compute(s).forces();
        double h = 1e-4;
        for (int j : new int[]{0, 17, s.size() - 1}) {
            for (int a = 0; a < 3; a++) {
                double fd = -(pot.energy(LinearSnapTest.displaced(s, j, a, h))
                        - pot.energy(LinearSnapTest.displaced(s, j, a, -h))) / (2 * h);
                assertEquals(fd, f[j][a], 1e-6 * (1 + Math.abs(fd)), "atom " + j + ", axis " + a);
            }
        }
        double total = 0;
        for (double[] fj : f) {
            total += fj[0];
        }
        assertEquals(0.0, total, 1e-10, "Newton's third law: the forces sum to zero");
    }

    /** dU/dq of the network equals the finite difference of U with respect to each descriptor component. */
    @Test
    void networkGradientMatchesFiniteDifferences() {
        NepNetwork net = NepNetwork.random(2, 6, 5, 1.0, 9);
        double[] q = {0.1, -0.3, 0.7, 0.2, 0.05, -0.4};
        double[] g = new double[6];
        net.energy(1, q, g);
        double h = 1e-6;
        for (int d = 0; d < 6; d++) {
            double[] qp = q.clone();
            double[] qm = q.clone();
            qp[d] += h;
            qm[d] -= h;
            double fd = (net.energy(1, qp, null) - net.energy(1, qm, null)) / (2 * h);
            assertEquals(fd, g[d], 1e-8, "component " + d);
        }
        // hand-evaluated network with one neuron: U = w1 tanh(w0 . q - b0) - b1
        NepNetwork one = new NepNetwork(new double[][]{{0.5, -1.0}}, new double[][]{{0.2}}, new double[][]{{2.0}}, 0.3);
        double z = 0.5 * 0.4 - 1.0 * 0.1 - 0.2;
        assertEquals(2.0 * Math.tanh(z) - 0.3, one.energy(0, new double[]{0.4, 0.1}, null), 1e-15);
    }

    /**
     * Chain rule of the precomputed training set: its Jacobian blocks are the finite-difference derivatives of
     * the descriptors with respect to the atoms' positions, and -sum_i dU_i/dq_i . J_ij reproduces the forces
     * of {@link NepPotential}.
     */
    @Test
    void jacobianBlocksAreDescriptorDerivatives() {
        NepParameters p = scaledSilicon();
        Structure s = perturbed(3, 0.05, 2);
        LabelledStructure d = new LabelledStructure(s, 0.0, new double[s.size()][3], null, "", "");
        NepTrainingSet set = NepTrainingSet.compute(p, List.of(d));
        NepTrainingSet.Item it = set.items().get(0);
        NepDescriptor desc = new NepDescriptor(p);
        int dim = p.dimension();
        double h = 1e-5;
        int checked = 0;
        for (int pair = 0; pair < it.pairs(); pair += 37) {
            int i = it.pairCentre[pair];
            int j = it.pairAtom[pair];
            for (int a = 0; a < 3; a++) {
                double[] qp = desc.compute(LinearSnapTest.displaced(s, j, a, h), new int[]{i})[0];
                double[] qm = desc.compute(LinearSnapTest.displaced(s, j, a, -h), new int[]{i})[0];
                for (int f = 0; f < dim; f++) {
                    double fd = (qp[f] - qm[f]) / (2 * h);
                    assertEquals(fd, it.jac[(pair * dim + f) * 3 + a], 2e-4 * (1 + Math.abs(fd)),
                            "pair (" + i + ", " + j + "), component " + f + ", axis " + a);
                }
            }
            checked++;
        }
        assertTrue(checked > 10);
        NepNetwork net = NepNetwork.random(1, dim, 8, 5.0, 4);
        double[][] expected = new NepPotential(p, net).compute(s).forces();
        double[][] f = new double[s.size()][3];
        for (int pair = 0; pair < it.pairs(); pair++) {
            int i = it.pairCentre[pair];
            double[] g = new double[dim];
            net.energy(0, set.descriptor(0, i), g);
            for (int a = 0; a < 3; a++) {
                for (int c = 0; c < dim; c++) {
                    f[it.pairAtom[pair]][a] -= g[c] * it.jac[(pair * dim + c) * 3 + a];
                }
            }
        }
        for (int j = 0; j < s.size(); j++) {
            for (int a = 0; a < 3; a++) {
                assertEquals(expected[j][a], f[j][a], 1e-4 * (1 + Math.abs(expected[j][a])), "atom " + j);
            }
        }
    }

    /** The SameDiff graph (single precision) gives the energies and forces of the double-precision potential. */
    @Test
    void graphMatchesPotential() {
        NepParameters p = NepSetup.silicon();
        List<LabelledStructure> data = List.of(PotentialTestData.siliconTraining().get(0),
                PotentialTestData.siliconTraining().get(150), PotentialTestData.siliconTraining().get(210));
        NepTrainingSet raw = NepTrainingSet.compute(p, data);
        NepTrainingSet set = raw.scaled(raw.qScaler());
        NepNetwork net = NepNetwork.random(1, p.dimension(), 12, 5.0, 8);
        NepGraph graph = new NepGraph(net, NepTrainingConfig.defaults());
        Map<String, INDArray> out = graph.output(graph.batch(set, new int[]{0, 1, 2}), NepGraph.ENERGY,
                NepGraph.FORCES);
        NepPotential pot = new NepPotential(set.parameters(), net);
        int offset = 0;
        for (int s = 0; s < data.size(); s++) {
            Potential.EnergyAndForces ef = pot.compute(data.get(s).structure());
            int n = data.get(s).size();
            assertEquals(ef.energy() / n, out.get(NepGraph.ENERGY).getDouble(s, 0), 2e-5 * Math.abs(ef.energy() / n));
            for (int j = 0; j < n; j++) {
                for (int a = 0; a < 3; a++) {
                    assertEquals(ef.forces()[j][a], out.get(NepGraph.FORCES).getDouble(offset + j, a), 2e-4,
                            "structure " + s + ", atom " + j);
                }
            }
            offset += n;
        }
        NepNetwork back = graph.network();
        assertEquals(net.b1(), back.b1(), 1e-6);
        assertEquals(net.w0(0)[5], back.w0(0)[5], 1e-6);
    }

    /** After scaling with q_scaler = 1/(max - min), every component spans exactly 1 over the training set. */
    @Test
    void qScalerNormalisesTheRanges() {
        List<LabelledStructure> data = PotentialTestData.siliconTraining().subList(0, 6);
        NepTrainingSet raw = NepTrainingSet.compute(NepSetup.silicon(), data);
        double[] s = raw.qScaler();
        NepTrainingSet scaled = raw.scaled(s);
        int dim = s.length;
        for (int f = 0; f < dim; f++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < data.size(); k++) {
                for (int i = 0; i < data.get(k).size(); i++) {
                    double v = scaled.descriptor(k, i)[f];
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            assertEquals(1.0, max - min, 1e-5, "component " + f);
        }
        // the scaled set matches descriptors computed with the scaled parameters
        double[] q = new NepDescriptor(scaled.parameters()).compute(data.get(2).structure(), new int[]{5})[0];
        for (int f = 0; f < dim; f++) {
            assertEquals(q[f], scaled.descriptor(2, 5)[f], 1e-5 * (1 + Math.abs(q[f])));
        }
    }

    @Test
    void rejectsMismatchedNetworks() {
        NepParameters p = NepSetup.silicon();
        assertThrows(IllegalArgumentException.class, () -> new NepPotential(p, NepNetwork.random(1, 7, 4, 0, 1)));
        assertThrows(IllegalArgumentException.class, () -> new NepPotential(p, NepNetwork.random(2, p.dimension(), 4, 0, 1)));
        assertThrows(IllegalArgumentException.class, () -> new NepTrainingConfig(0, 1, 1, 1e-3, 1e-3, 1, 1, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new NepTrainingConfig(4, 1, 1, 1e-3, 1e-2, 1, 1, 0, 0, 1));
    }
}
