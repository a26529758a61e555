package org.physml.pinn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

import org.nd4j.linalg.api.buffer.DataType;
import org.physml.heat.ExactSolution;

/**
 * Command-line training of the lecture PINN for longer than the notebook can afford; writes the weights
 * ({@link PinnWeights} format) for the notebook to load.
 *
 * <pre>
 * usage: PinnTrainMain [--out FILE] [--adam N] [--lbfgs N] [--dtype float|double] [--seed S]
 *   defaults: --out notebooks/data/pinn/heat-pinn-long.txt, the {@link PinnConfig#longRun()} settings
 * </pre>
 * Prints progress with the rel-L2 error every {@link PinnConfig#reportEvery()} iterations, the training time
 * and the final errors.
 */
public final class PinnTrainMain {
    private PinnTrainMain() {
    }

    /**
     * Entry point.
     *
     * @throws IllegalArgumentException on an unknown option or a malformed value
     */
    public static void main(String[] args) {
        Path out = Path.of("notebooks", "data", "pinn", "heat-pinn-long.txt");
        PinnConfig.Builder b = PinnConfig.longRun().toBuilder();
        for (int i = 0; i < args.length; i++) {
            String opt = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + opt + " needs a value");
            }
            String v = args[++i];
            try {
                switch (opt) {
                    case "--out" -> out = Path.of(v);
                    case "--adam" -> b.adamSteps(Integer.parseInt(v));
                    case "--lbfgs" -> b.lbfgsIterations(Integer.parseInt(v));
                    case "--seed" -> b.seed(Long.parseLong(v));
                    case "--dtype" -> b.dataType(switch (v) {
                        case "float" -> DataType.FLOAT;
                        case "double" -> DataType.DOUBLE;
                        default -> throw new IllegalArgumentException("--dtype must be float or double, got " + v);
                    });
                    default -> throw new IllegalArgumentException("unknown option " + opt
                            + " (known: --out, --adam, --lbfgs, --dtype, --seed)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + opt + " expects a number, got '" + v + "'");
            }
        }
        PinnConfig config = b.build();
        System.out.println("training " + PinnBenchmark.describe(config));
        ExactSolution exact = ExactSolution.lecture();
        ForwardDerivativeMlp net = new ForwardDerivativeMlp(config.hiddenWidths(), exact.length(), config.tMax(),
                config.dataType(), config.seed());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        PinnTrainer.Result res = PinnTrainer.train(net, exact.problem(), config,
                p -> System.out.println(p + "   " + PinnEvaluation.onGrid(net, exact)));
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        PinnWeights.save(net, out);
        System.out.printf("trained in %.1f s wall (Adam %.1f s, L-BFGS %.1f s), %.1f s CPU including progress"
                        + " evaluations; %d loss evaluations%n", res.adamSeconds() + res.lbfgsSeconds(),
                res.adamSeconds(), res.lbfgsSeconds(), cpu, res.lossEvaluations());
        System.out.println("final: " + PinnEvaluation.onGrid(net, exact));
        System.out.println("weights written to " + out.toAbsolutePath());
    }
}
