package org.physml.pinn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.physml.heat.ExactSolution;

/**
 * Benchmark of the PINN training step and of the shipped training configuration.
 *
 * <ol>
 *   <li>Cost of one training step (loss + gradient) for the shipped graph ({@link PinnConfig#notebook()}
 *   widths, point counts and data type) and for baselines measured in the same run: the other data type,
 *   the other derivative-stream layout, and boundary/initial points in separate passes instead of one batch.
 *   Each is printed with its ratio to the shipped variant.</li>
 *   <li>rel-L2 error versus iterations for the shipped configuration (t &gt;= 0.05 and all t).</li>
 * </ol>
 * Usage: {@code PinnBenchmark [steps|training|all]} (default all). Run single-threaded
 * (OMP_NUM_THREADS=1), as on the course's one-core Binder machines.
 */
public final class PinnBenchmark {
    private PinnBenchmark() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "all";
        if (!what.equals("steps") && !what.equals("training") && !what.equals("all")) {
            throw new IllegalArgumentException("usage: PinnBenchmark [steps|training|all], got '" + what + "'");
        }
        PinnConfig config = PinnConfig.notebook();
        System.out.println("OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS") + ", processors="
                + Runtime.getRuntime().availableProcessors());
        if (!what.equals("training")) {
            stepCosts(config);
        }
        if (!what.equals("steps")) {
            training(config);
        }
        System.out.println("\nJava heap max " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB; " + peakResidentMemory());
    }

    /** Peak resident memory of this process (Linux /proc/self/status VmHWM), or a note if unavailable. */
    static String peakResidentMemory() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return "peak resident memory (VmHWM) " + line.substring(6).trim();
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return "peak resident memory unavailable (" + e.getMessage() + ")";
        }
        return "peak resident memory unavailable";
    }

    /**
     * Time per training step of the shipped graph (first in the list: {@link ForwardDerivativeMlp.Layout#SEPARATE},
     * one batch, the configuration's data type) and of its baselines, printed with the CPU-time ratio to it.
     */
    public static List<StepTimer.Timing> stepCosts(PinnConfig config) {
        DataType shipped = config.dataType();
        DataType other = shipped == DataType.FLOAT ? DataType.DOUBLE : DataType.FLOAT;
        ForwardDerivativeMlp.Layout sep = ForwardDerivativeMlp.Layout.SEPARATE;
        ForwardDerivativeMlp.Layout stacked = ForwardDerivativeMlp.Layout.STACKED;
        List<StepTimer.Variant> variants = List.of(
                new StepTimer.Variant(sep, true, shipped),
                new StepTimer.Variant(sep, true, other),
                new StepTimer.Variant(stacked, true, shipped),
                new StepTimer.Variant(sep, false, shipped),
                new StepTimer.Variant(stacked, false, other));
        System.out.println("\n== time per training step (forward + backward), hidden "
                + java.util.Arrays.toString(config.hiddenWidths()) + "; first line = shipped graph ==");
        List<StepTimer.Timing> timings = StepTimer.time(config.hiddenWidths(), variants, config.sampler(), 40, 20, 6);
        double ref = timings.get(0).cpuMs();
        for (StepTimer.Timing t : timings) {
            System.out.printf("%s   CPU ratio to shipped %.2f%n", t, t.cpuMs() / ref);
        }
        return timings;
    }

    /** Train the shipped configuration and print rel-L2 versus iterations. */
    public static void training(PinnConfig config) {
        System.out.println("\n== training " + describe(config) + " ==");
        ExactSolution exact = ExactSolution.lecture();
        ForwardDerivativeMlp net = new ForwardDerivativeMlp(config.hiddenWidths(), exact.length(), config.tMax(),
                config.dataType(), config.seed());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long[] evalCpu = {0};
        System.out.println("phase  iter   loss        L_pde      L_bc       L_ic       rel-L2(t>=0.05) rel-L2(all)"
                + "  wall s");
        PinnTrainer.Result res = PinnTrainer.train(net, exact.problem(), config, p -> {
            long c = mx.getCurrentThreadCpuTime();
            PinnEvaluation ev = PinnEvaluation.onGrid(net, exact);
            evalCpu[0] += mx.getCurrentThreadCpuTime() - c;
            System.out.printf("%-5s %6d  %.3e  %.3e  %.3e  %.3e  %.3e       %.3e    %.1f%n", p.phase(), p.iteration(),
                    p.loss(), p.lossPde(), p.lossBc(), p.lossIc(), ev.relL2Late(), ev.relL2All(), p.seconds());
        });
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0 - evalCpu[0]) / 1e9;
        PinnEvaluation ev = PinnEvaluation.onGrid(net, exact);
        System.out.printf("training: %.1f s CPU (excluding the progress evaluations), %.1f s wall (Adam %.1f s,"
                        + " L-BFGS %.1f s), %d loss evaluations, %.2f ms CPU per evaluation%n", cpu,
                res.adamSeconds() + res.lbfgsSeconds(), res.adamSeconds(), res.lbfgsSeconds(), res.lossEvaluations(),
                cpu * 1e3 / res.lossEvaluations());
        System.out.println("final: " + ev);
    }

    static String describe(PinnConfig c) {
        return c.toString();
    }
}
