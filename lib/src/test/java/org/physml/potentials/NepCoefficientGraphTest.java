package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.physml.descriptors.nep.NepParameters;

/**
 * The NEP loss with trainable radial coefficients c ({@link NepCoefficientGraph}): its descriptor, energies, forces and
 * virials equal those of {@link NepPotential} with the same c, and its gradients with respect to c and the weights equal
 * central finite differences of the double-precision loss.
 */
class NepCoefficientGraphTest {

    private static List<LabelledStructure> data() {
        List<LabelledStructure> all = PotentialTestData.siliconTraining();
        return List.of(all.get(3), all.get(120), all.get(208));
    }

    /** Si descriptor (with the four-body term) scaled by the set's q_scaler, c moved away from the identity. */
    private static NepTrainingSet set(List<LabelledStructure> data) {
        NepTrainingSet raw = NepTrainingSet.compute(NepSetup.silicon(), data);
        NepParameters scaled = raw.scaled(raw.qScaler()).parameters();
        double[] c = scaled.coefficients();
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < c.length; i++) {
            c[i] += 0.2 * (rnd.nextDouble() - 0.5);
        }
        return NepTrainingSet.compute(scaled.toBuilder().coefficients(c).build(), data);
    }

    private static NepPotential withCoefficient(NepPotential p, int index, double h) {
        double[] c = p.parameters().coefficients();
        c[index] += h;
        return new NepPotential(p.parameters().toBuilder().coefficients(c).build(), p.network());
    }

    @Test
    void energiesForcesAndVirialsMatchThePotential() {
        List<LabelledStructure> data = data();
        NepTrainingSet set = set(data);
        NepNetwork net = NepGraphTest.network(set.parameters().dimension(), 6);
        NepTrainingConfig cfg = NepTrainingConfig.defaults().withCoefficientTraining(true);
        NepCoefficientGraph graph = new NepCoefficientGraph(set.parameters(), net, cfg,
                NepCoefficientGraph.slotsNeeded(set));
        Map<String, INDArray> out = graph.output(graph.batch(set, new int[]{0, 1, 2}), NepGraph.ENERGY,
                NepGraph.FORCES, NepGraph.VIRIAL);
        NepPotential pot = new NepPotential(set.parameters(), net);
        int atom = 0;
        for (int s = 0; s < 3; s++) {
            LabelledStructure d = data.get(s);
            Potential.EnergyAndForces ef = pot.compute(d.structure());
            assertEquals(ef.energy() / d.size(), out.get(NepGraph.ENERGY).getDouble(s, 0), 2e-5, "energy " + s);
            for (int i = 0; i < d.size(); i++, atom++) {
                for (int a = 0; a < 3; a++) {
                    assertEquals(ef.forces()[i][a], out.get(NepGraph.FORCES).getDouble(atom, a),
                            2e-4 + 1e-4 * Math.abs(ef.forces()[i][a]), "force " + s + "/" + i + "/" + a);
                }
            }
            double[] w = Virials.finiteDifference(pot, d.structure());
            for (int c = 0; c < 6; c++) {
                assertEquals(w[c] / d.size(), out.get(NepGraph.VIRIAL).getDouble(s, c), 2e-5 + 1e-4 * Math.abs(w[c]),
                        "virial " + s + "/" + c);
            }
        }
        // the trained-c potential of an untrained graph is the starting one
        NepPotential back = graph.potential(set.parameters());
        assertEquals(pot.energy(data.get(1).structure()), back.energy(data.get(1).structure()), 1e-3);
    }

    @Test
    void lossGradientWithRespectToCoefficientsMatchesFiniteDifferences() {
        List<LabelledStructure> data = data();
        NepTrainingSet set = set(data);
        NepNetwork net = NepGraphTest.network(set.parameters().dimension(), 6);
        NepTrainingConfig cfg = new NepTrainingConfig(6, 1, 3, 1e-2, 1e-3, 1.0, 1.0, 0.5, 0.05, 0.05, 1L, true);
        NepCoefficientGraph graph = new NepCoefficientGraph(set.parameters(), net, cfg,
                NepCoefficientGraph.slotsNeeded(set));
        OutAndGrad og = graph.outputsAndGradients(graph.batch(set, new int[]{0, 1, 2}));
        NepPotential pot = new NepPotential(set.parameters(), net);
        double loss = NepGraphTest.loss(pot, data, cfg);
        assertEquals(loss, og.getOutputs().get(NepGraph.LOSS).getDouble(0), 1e-4 * loss, "loss value");
        NepParameters p = set.parameters();
        int bR = p.basisSizeRadial() + 1;
        int bA = p.basisSizeAngular() + 1;
        int radial = p.radialCoefficientCount();
        // (graph variable, row n, column k, index in NepParameters' coefficient array)
        int[][] probes = {{0, 0, 0}, {0, 2, 3}, {0, 4, 4}, {1, 0, 0}, {1, 1, 2}, {1, 4, 1}, {1, 3, 4}};
        double h = 1e-4;
        for (int[] q : probes) {
            String name = q[0] == 0 ? "cR" : "cA";
            int cols = q[0] == 0 ? bR : bA;
            int index = (q[0] == 0 ? 0 : radial) + q[1] * cols + q[2];
            double fd = (NepGraphTest.loss(withCoefficient(pot, index, h), data, cfg)
                    - NepGraphTest.loss(withCoefficient(pot, index, -h), data, cfg)) / (2 * h);
            double ad = og.getGradients().get(name).getDouble(q[1], q[2]);
            assertEquals(fd, ad, 3e-3 * Math.abs(fd) + 3e-4, name + "[" + q[1] + "][" + q[2] + "]");
        }
        assertTrue(og.getGradients().containsKey("w0_0") && og.getGradients().containsKey("b1"));
    }

    @Test
    void refusesSeveralSpeciesAndTheFiveBodyTerm() {
        NepNetwork net = NepNetwork.random(2, 10, 4, 1.0, 1);
        NepParameters two = NepSetup.identityBasis(new String[]{"Si", "O"}, 5, 4, 4, 4, 4, 2, 0);
        assertThrows(IllegalArgumentException.class, () -> new NepCoefficientGraph(two, net,
                NepTrainingConfig.defaults(), 10));
        NepParameters five = NepSetup.identityBasis(new String[]{"Si"}, 5, 4, 4, 4, 4, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> new NepCoefficientGraph(five, net,
                NepTrainingConfig.defaults(), 10));
    }
}
