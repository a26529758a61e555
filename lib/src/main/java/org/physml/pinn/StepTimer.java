package org.physml.pinn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.physml.heat.HeatProblem;

/**
 * Measures the cost of one training step (one SameDiff forward + backward pass of the PINN loss, plus the
 * parameter copies of {@link PinnObjective}) for a given network layout and data type.
 *
 * <p>Reports thread CPU time (what the step costs on one core, insensitive to other processes on a shared
 * machine) and wall-clock time, each the best of several repeats of a batch of steps after a warm-up.
 */
public final class StepTimer {
    private StepTimer() {
    }

    /**
     * Timing of one configuration.
     *
     * @param layout     derivative-stream layout
     * @param batched    true: boundary and initial points in the same batch as the collocation points (as
     *                   in training); false: separate value-only passes for them
     * @param dataType   FLOAT or DOUBLE
     * @param points     points per step (N_pde + N_bc + N_ic)
     * @param forwardOps SameDiff ops of the forward graph (network and loss)
     * @param gradOps    SameDiff ops of the backward graph
     * @param cpuMs      thread CPU milliseconds per step (best batch mean)
     * @param wallMs     wall-clock milliseconds per step (best batch mean)
     */
    public record Timing(ForwardDerivativeMlp.Layout layout, boolean batched, DataType dataType, int points,
                         int forwardOps, int gradOps, double cpuMs, double wallMs) {
        @Override
        public String toString() {
            return String.format("%-8s %-9s %-6s N = %5d  ops %3d + %3d  %7.2f ms CPU/step  %7.2f ms wall/step",
                    layout, batched ? "batched" : "separate", dataType, points, forwardOps, gradOps, cpuMs, wallMs);
        }
    }

    /**
     * Time training steps of a network with the given hidden widths on the lecture problem.
     *
     * @param hiddenWidths hidden layer widths
     * @param layout       derivative-stream layout
     * @param dataType     FLOAT or DOUBLE
     * @param sampler      training-point counts
     * @param warmup       untimed steps first (JIT, graph set-up), &gt;= 1
     * @param batch        steps per timed batch, &gt;= 1
     * @param repeats      timed batches (the best is reported), &gt;= 1
     * @throws IllegalArgumentException on counts &lt; 1
     */
    public static Timing time(int[] hiddenWidths, ForwardDerivativeMlp.Layout layout, boolean batched,
                              DataType dataType, CollocationSampler sampler, int warmup, int batch, int repeats) {
        if (warmup < 1 || batch < 1 || repeats < 1) {
            throw new IllegalArgumentException("warm-up, batch and repeats must be >= 1, got " + warmup + ", "
                    + batch + ", " + repeats);
        }
        HeatProblem problem = HeatProblem.lecture();
        ForwardDerivativeMlp net = new ForwardDerivativeMlp(hiddenWidths, problem.length(), 1.0, dataType, 1, layout);
        PinnObjective objective = new PinnObjective(net, problem.a(), 1, 1,
                batched ? PinnObjective.Batching.ONE_BATCH : PinnObjective.Batching.SEPARATE_PASSES);
        CollocationPoints points = sampler.sample(problem, 1.0, new Random(1));
        objective.setPoints(points);
        double[] theta = net.parameters();
        for (int i = 0; i < warmup; i++) {
            objective.evaluate(theta);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double bestCpu = Double.MAX_VALUE;
        double bestWall = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                objective.evaluate(theta);
            }
            bestCpu = Math.min(bestCpu, (mx.getCurrentThreadCpuTime() - c0) / 1e6 / batch);
            bestWall = Math.min(bestWall, (System.nanoTime() - w0) / 1e6 / batch);
        }
        return new Timing(layout, batched, dataType, points.size(), net.sameDiff().getOps().size(),
                net.sameDiff().getFunction("grad").getOps().size(), bestCpu, bestWall);
    }
}
