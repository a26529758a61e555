package org.physml.pinn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.physml.heat.HeatProblem;

/**
 * Measures the cost of one training step (one SameDiff forward + backward pass of the PINN loss, plus the
 * parameter copies of {@link PinnObjective}) for several graph variants in the same process.
 *
 * <p>All variants are built and warmed up first; then, in each of several rounds, a batch of steps of every
 * variant is timed in turn (interleaving, so that JIT compilation, other processes and thermal drift affect
 * all variants alike), and the best batch of each is reported. Times are thread CPU time (what a step costs
 * on one core, insensitive to other processes on a shared machine) and wall-clock time.
 */
public final class StepTimer {
    private StepTimer() {
    }

    /**
     * A graph variant.
     *
     * @param layout   derivative-stream layout
     * @param batched  true: boundary and initial points in the same batch as the collocation points (as in
     *                 training); false: separate value-only passes for them
     * @param dataType FLOAT or DOUBLE
     */
    public record Variant(ForwardDerivativeMlp.Layout layout, boolean batched, DataType dataType) {
    }

    /**
     * Timing of one variant.
     *
     * @param variant    the variant
     * @param points     points per step (N_pde + N_bc + N_ic)
     * @param forwardOps SameDiff ops of the forward graph (network and loss)
     * @param gradOps    SameDiff ops of the backward graph
     * @param cpuMs      thread CPU milliseconds per step (best batch mean)
     * @param wallMs     wall-clock milliseconds per step (best batch mean)
     */
    public record Timing(Variant variant, int points, int forwardOps, int gradOps, double cpuMs, double wallMs) {
        @Override
        public String toString() {
            return String.format("%-8s %-14s %-6s N = %5d  ops %3d + %3d  %7.2f ms CPU/step  %7.2f ms wall/step",
                    variant.layout(), variant.batched() ? "one batch" : "separate BC/IC", variant.dataType(), points,
                    forwardOps, gradOps, cpuMs, wallMs);
        }
    }

    /**
     * Time training steps of networks with the given hidden widths on the lecture problem.
     *
     * @param hiddenWidths hidden layer widths
     * @param variants     the graph variants to compare
     * @param sampler      training-point counts
     * @param warmup       untimed steps of each variant first (JIT, graph set-up), &gt;= 1
     * @param batch        steps per timed batch, &gt;= 1
     * @param rounds       timed rounds (the best batch of each variant is reported), &gt;= 1
     * @return one timing per variant, in the given order
     * @throws IllegalArgumentException on counts &lt; 1 or no variants
     */
    public static List<Timing> time(int[] hiddenWidths, List<Variant> variants, CollocationSampler sampler,
                                    int warmup, int batch, int rounds) {
        if (warmup < 1 || batch < 1 || rounds < 1 || variants.isEmpty()) {
            throw new IllegalArgumentException("need variants and warm-up, batch and rounds >= 1, got "
                    + variants.size() + " variants, " + warmup + ", " + batch + ", " + rounds);
        }
        HeatProblem problem = HeatProblem.lecture();
        CollocationPoints points = sampler.sample(problem, 1.0, new Random(1));
        List<PinnObjective> objectives = new ArrayList<>();
        List<double[]> thetas = new ArrayList<>();
        for (Variant v : variants) {
            ForwardDerivativeMlp net = new ForwardDerivativeMlp(hiddenWidths, problem.length(), 1.0, v.dataType(), 1,
                    v.layout());
            PinnObjective objective = new PinnObjective(net, problem.a(), 1, 1,
                    v.batched() ? PinnObjective.Batching.ONE_BATCH : PinnObjective.Batching.SEPARATE_PASSES);
            objective.setPoints(points);
            objectives.add(objective);
            thetas.add(net.parameters());
        }
        for (int k = 0; k < variants.size(); k++) {
            for (int i = 0; i < warmup; i++) {
                objectives.get(k).evaluate(thetas.get(k));
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] bestCpu = new double[variants.size()];
        double[] bestWall = new double[variants.size()];
        java.util.Arrays.fill(bestCpu, Double.MAX_VALUE);
        java.util.Arrays.fill(bestWall, Double.MAX_VALUE);
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < variants.size(); k++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                for (int i = 0; i < batch; i++) {
                    objectives.get(k).evaluate(thetas.get(k));
                }
                bestCpu[k] = Math.min(bestCpu[k], (mx.getCurrentThreadCpuTime() - c0) / 1e6 / batch);
                bestWall[k] = Math.min(bestWall[k], (System.nanoTime() - w0) / 1e6 / batch);
            }
        }
        List<Timing> out = new ArrayList<>();
        for (int k = 0; k < variants.size(); k++) {
            ForwardDerivativeMlp net = objectives.get(k).network();
            out.add(new Timing(variants.get(k), points.size(), net.sameDiff().getOps().size(),
                    net.sameDiff().getFunction("grad").getOps().size(), bestCpu[k], bestWall[k]));
        }
        return out;
    }
}
