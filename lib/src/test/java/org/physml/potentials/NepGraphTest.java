package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The training step of {@link NepGraph}: its weight gradients, and that repeated steps do not leak memory. */
class NepGraphTest {

    /** A network with non-zero hidden biases (so that the L1 term is differentiable everywhere it is probed). */
    static NepNetwork network(int dim, int neurons) {
        NepNetwork r = NepNetwork.random(1, dim, neurons, 5.4, 11);
        double[] b0 = new double[neurons];
        for (int mu = 0; mu < neurons; mu++) {
            b0[mu] = 0.1 * (mu % 3 == 0 ? -1 : 1) * (1 + mu);
        }
        return new NepNetwork(new double[][]{r.w0(0)}, new double[][]{b0}, new double[][]{r.w1(0)}, r.b1());
    }

    /**
     * The loss of {@link NepTrainingConfig} evaluated independently in double precision with {@link NepPotential}
     * (energies per atom in eV/atom, forces in eV/Angstrom, L1 and L2 over all T (H D + 2 H) + 1 weights).
     */
    private static double loss(NepTrainingSet set, NepNetwork net, NepTrainingConfig cfg) {
        return loss(new NepPotential(set.parameters(), net), set.data(), cfg);
    }

    /** The loss of {@link NepTrainingConfig} for any potential with a NEP network, double precision. */
    static double loss(NepPotential pot, List<LabelledStructure> data, NepTrainingConfig cfg) {
        NepNetwork net = pot.network();
        double se = 0, sf = 0, sv = 0;
        int nf = 0, nv = 0;
        for (LabelledStructure d : data) {
            Potential.EnergyAndForces ef = pot.compute(d.structure());
            if (d.hasVirialStress()) {
                double[] w = Virials.finiteDifference(pot, d.structure());
                for (int c = 0; c < 6; c++) {
                    double dv = (w[c] - d.virial()[c]) / d.size();
                    sv += dv * dv;
                    nv++;
                }
            }
            double de = (ef.energy() - d.energy()) / d.size();
            se += de * de;
            for (int j = 0; j < d.size(); j++) {
                for (int a = 0; a < 3; a++) {
                    double df = ef.forces()[j][a] - d.forces()[j][a];
                    sf += df * df;
                    nf++;
                }
            }
        }
        double abs = Math.abs(net.b1()), sq = net.b1() * net.b1();
        for (double[] w : new double[][]{net.w0(0), net.b0(0), net.w1(0)}) {
            for (double x : w) {
                abs += Math.abs(x);
                sq += x * x;
            }
        }
        double nPar = net.parameterCount();
        return cfg.lambdaE() * Math.sqrt(se / data.size()) + cfg.lambdaF() * Math.sqrt(sf / nf)
                + cfg.lambdaV() * Math.sqrt(sv / Math.max(nv, 1))
                + cfg.lambda1() * abs / nPar + cfg.lambda2() * Math.sqrt(sq / nPar);
    }

    private static NepNetwork shifted(NepNetwork n, String name, int k, double h) {
        double[] w0 = n.w0(0), b0 = n.b0(0), w1 = n.w1(0);
        double b1 = n.b1();
        switch (name) {
            case "w0_0" -> w0[k] += h;
            case "b0_0" -> b0[k] += h;
            case "w1_0" -> w1[k] += h;
            default -> b1 += h;
        }
        return new NepNetwork(new double[][]{w0}, new double[][]{b0}, new double[][]{w1}, b1);
    }

    /**
     * SameDiff's gradient of the mini-batch loss (energy RMSE, force RMSE through the scatter-add of the Jacobian
     * contractions, virial RMSE, L1, L2) equals the central finite difference of the same loss computed in double
     * precision from the potential's own energies, forces and strain derivatives.
     */
    @Test
    void lossGradientMatchesFiniteDifferences() {
        List<LabelledStructure> all = PotentialTestData.siliconTraining();
        List<LabelledStructure> data = List.of(all.get(3), all.get(120), all.get(208));
        NepTrainingSet raw = NepTrainingSet.compute(NepSetup.silicon(), data);
        NepTrainingSet set = raw.scaled(raw.qScaler());
        NepTrainingConfig cfg = new NepTrainingConfig(6, 1, 3, 1e-2, 1e-3, 1.0, 1.0, 0.5, 0.05, 0.05, 1L);
        assertTrue(data.stream().allMatch(LabelledStructure::hasVirialStress), "the virial term is probed");
        NepNetwork net = network(set.parameters().dimension(), 6);
        NepGraph graph = new NepGraph(net, cfg);
        OutAndGrad og = graph.outputsAndGradients(graph.batch(set, new int[]{0, 1, 2}));
        assertEquals(loss(set, net, cfg), og.getOutputs().get(NepGraph.LOSS).getDouble(0),
                1e-5 * loss(set, net, cfg), "loss value");
        int dim = set.parameters().dimension();
        Object[][] probes = {{"w0_0", 0}, {"w0_0", 2 * dim + 7}, {"w0_0", 5 * dim + dim - 1}, {"b0_0", 1},
            {"b0_0", 4}, {"w1_0", 0}, {"w1_0", 5}, {"b1", 0}};
        double h = 1e-5;
        for (Object[] p : probes) {
            String name = (String) p[0];
            int k = (Integer) p[1];
            double fd = (loss(set, shifted(net, name, k, h), cfg) - loss(set, shifted(net, name, k, -h), cfg))
                    / (2 * h);
            double ad = og.getGradients().get(name).reshape(-1).getDouble(k);
            assertEquals(fd, ad, 2e-3 * Math.abs(fd) + 2e-4, name + "[" + k + "]");
        }
    }

    /**
     * The graph's virial per atom is minus the strain derivative of the potential's energy per atom (central finite
     * differences, {@link Virials}), for a diamond cell, a liquid snapshot and a strained cell; the graph runs in
     * single precision.
     */
    @Test
    void virialIsTheStrainDerivativeOfTheEnergy() {
        List<LabelledStructure> all = PotentialTestData.siliconTraining();
        List<LabelledStructure> data = List.of(all.get(3), all.get(120), all.get(208));
        NepTrainingSet raw = NepTrainingSet.compute(NepSetup.silicon(), data);
        NepTrainingSet set = raw.scaled(raw.qScaler());
        NepNetwork net = network(set.parameters().dimension(), 6);
        NepGraph graph = new NepGraph(net, NepTrainingConfig.defaults().withVirialWeight(1.0));
        INDArray w = graph.output(graph.batch(set, new int[]{0, 1, 2}), NepGraph.VIRIAL).get(NepGraph.VIRIAL);
        NepPotential pot = new NepPotential(set.parameters(), net);
        double largest = 0;
        for (int s = 0; s < 3; s++) {
            double[] fd = Virials.finiteDifference(pot, data.get(s).structure());
            for (int c = 0; c < 6; c++) {
                double want = fd[c] / data.get(s).size();
                largest = Math.max(largest, Math.abs(want));
                assertEquals(want, w.getDouble(s, c), 2e-5 + 1e-4 * Math.abs(want), "structure " + s + ", component " + c);
            }
        }
        assertTrue(largest > 1e-3, "a virial that is all zero would pass trivially: largest " + largest + " eV/atom");
    }

    private static long residentKiloBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS line in /proc/self/status");
    }

    /**
     * Repeated training steps on the same mini-batch keep the resident size of the process bounded. (With DL4J
     * 1.0.0-M2.1's unsorted_segment_sum for the force scatter, each step of this batch of 8 structures leaked
     * native memory: the process grew by 138 and 181 MB over the 40 measured steps in two runs, against 5 and
     * -65 MB with scatter_add.) The 40 steps are measured after 30 warm-up steps: with the virial term the resident
     * size settles only after about 20 steps (350 -&gt; 450 MB, then flat within 25 MB to step 200), so a 10-step
     * warm-up counted the warm-up as growth. Linux only (reads /proc/self/status).
     */
    @Test
    void repeatedStepsDoNotLeakNativeMemory() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs /proc/self/status");
        List<LabelledStructure> all = PotentialTestData.siliconTraining();
        List<LabelledStructure> data = all.subList(0, 8);
        NepTrainingSet raw = NepTrainingSet.compute(NepSetup.silicon(), data);
        NepTrainingSet set = raw.scaled(raw.qScaler());
        NepGraph graph = new NepGraph(NepNetwork.random(1, set.parameters().dimension(), 8, 5.4, 3),
                NepTrainingConfig.defaults());
        int[] idx = {0, 1, 2, 3, 4, 5, 6, 7};
        long before = 0;
        for (int step = 0; step < 70; step++) {
            if (step == 30) {
                System.gc();
                before = residentKiloBytes();
            }
            Map<String, INDArray> ph = graph.batch(set, idx);
            OutAndGrad og = graph.outputsAndGradients(ph);
            og.getOutputs().values().forEach(INDArray::close);
            og.getGradients().values().forEach(INDArray::close);
            ph.values().forEach(INDArray::close);
        }
        System.gc();
        long after = residentKiloBytes();
        assertTrue(after - before < 60_000, "the resident size grew by " + (after - before) / 1000 + " MB in 40 steps");
    }
}
