package org.physml.pinn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.physml.heat.HeatProblem;

/**
 * Trains a {@link ForwardDerivativeMlp} on a {@link HeatProblem} by minimising the {@link PinnLoss}:
 * <ol>
 *   <li>Adam (ND4J {@link Adam}, Kingma &amp; Ba, arXiv:1412.6980) with an exponentially decaying learning rate
 *   (ND4J {@link ExponentialSchedule}) from {@link PinnConfig#learningRate()} to
 *   {@link PinnConfig#learningRateFinal()}, drawing new training points every
 *   {@link PinnConfig#resampleEvery()} steps;</li>
 *   <li>then L-BFGS ({@link Lbfgs}) on one fixed set of points, which refines the Adam solution far faster
 *   than further Adam steps.</li>
 * </ol>
 * Training is deterministic for a given configuration (seeded initialisation and sampling; single-threaded
 * ND4J).
 */
public final class PinnTrainer {
    private PinnTrainer() {
    }

    /**
     * Outcome of a training run.
     *
     * @param network         the trained network
     * @param history         every progress report, in order
     * @param adamSeconds     wall-clock time of the Adam phase
     * @param lbfgsSeconds    wall-clock time of the L-BFGS phase
     * @param lossEvaluations number of loss-and-gradient evaluations (forward + backward passes)
     */
    public record Result(ForwardDerivativeMlp network, List<TrainingProgress> history, double adamSeconds,
                         double lbfgsSeconds, long lossEvaluations) {
        /** The last progress report. */
        public TrainingProgress last() {
            return history.get(history.size() - 1);
        }
    }

    /**
     * Train a new network.
     *
     * @param problem  PDE (a, L), boundary values and initial profile
     * @param config   settings
     * @param progress called every {@link PinnConfig#reportEvery()} iterations and at the end of each phase
     *                 (may be null)
     * @throws IllegalArgumentException if a loss becomes non-finite (diverged training), with the iteration
     */
    public static Result train(HeatProblem problem, PinnConfig config, Consumer<TrainingProgress> progress) {
        ForwardDerivativeMlp net = new ForwardDerivativeMlp(config.hiddenWidths(), problem.length(), config.tMax(),
                config.dataType(), config.seed());
        return train(net, problem, config, progress);
    }

    /**
     * Train (or continue training) a given network, e.g. one loaded with {@link PinnWeights#load}; its L and
     * t_max must match the problem and configuration. The first call attaches the loss for the problem's a to
     * the network's graph; later calls must use the same a.
     *
     * @throws IllegalArgumentException if L or t_max differ, a differs from an earlier training of this network,
     *                                  or the loss becomes non-finite
     */
    public static Result train(ForwardDerivativeMlp net, HeatProblem problem, PinnConfig config,
                               Consumer<TrainingProgress> progress) {
        if (net.length() != problem.length() || net.tMax() != config.tMax()) {
            throw new IllegalArgumentException("network scaling (L = " + net.length() + ", t_max = " + net.tMax()
                    + ") does not match the problem/configuration (L = " + problem.length() + ", t_max = "
                    + config.tMax() + ")");
        }
        PinnObjective objective = new PinnObjective(net, problem.a(), config.lambdaBc(), config.lambdaIc());
        CollocationSampler sampler = config.sampler();
        Random rnd = new Random(config.seed() ^ 0x5DEECE66DL);
        objective.setPoints(sampler.sample(problem, config.tMax(), rnd));
        List<TrainingProgress> history = new ArrayList<>();
        long start = System.nanoTime();
        Consumer<TrainingProgress> report = p -> {
            history.add(p);
            if (progress != null) {
                progress.accept(p);
            }
        };

        // Adam
        int nParams = net.parameterCount();
        int steps = config.adamSteps();
        double gamma = steps > 1 ? Math.pow(config.learningRateFinal() / config.learningRate(), 1.0 / (steps - 1)) : 1;
        ExponentialSchedule schedule = new ExponentialSchedule(ScheduleType.ITERATION, config.learningRate(), gamma);
        GradientUpdater<?> adam = new Adam(schedule).instantiate(Nd4j.zeros(DataType.DOUBLE, 1, 2L * nParams), true);
        double[] theta = net.parameters();
        INDArray step = Nd4j.zeros(DataType.DOUBLE, 1, nParams);
        for (int it = 0; it < steps; it++) {
            if (config.resampleEvery() > 0 && it > 0 && it % config.resampleEvery() == 0) {
                objective.setPoints(sampler.sample(problem, config.tMax(), rnd));
            }
            PinnObjective.Value v = objective.evaluate(theta);
            checkFinite(v, "adam", it);
            if (it % config.reportEvery() == 0 || it == steps - 1) {
                report.accept(progress("adam", it, v, schedule.valueAt(it, 0), start));
            }
            step.assign(Nd4j.createFromArray(v.gradient()).reshape(1, nParams));
            adam.applyUpdater(step, it, 0);
            double[] d = step.data().asDouble();
            for (int i = 0; i < nParams; i++) {
                theta[i] -= d[i];
            }
        }
        net.setParameters(theta);
        double adamSeconds = (System.nanoTime() - start) / 1e9;

        // L-BFGS on a fixed set of points
        long lbfgsStart = System.nanoTime();
        if (config.lbfgsIterations() > 0) {
            // L-BFGS stops after lbfgsIterations iterations, after lbfgsEvaluationBudget evaluations, or when
            // no step decreases the loss any more
            final PinnObjective.Value[] last = new PinnObjective.Value[1];
            final int[] lbfgsDone = {0};
            Lbfgs lbfgs = new Lbfgs(config.lbfgsMemory());
            double[] best = lbfgs.minimise(th -> {
                PinnObjective.Value v = objective.evaluate(th);
                last[0] = v;
                return new Lbfgs.Eval(v.loss(), v.gradient());
            }, theta, config.lbfgsIterations(), lbfgsEvaluationBudget(config.lbfgsIterations()), (it, at, th) -> {
                int global = steps + it;
                lbfgsDone[0] = it + 1;
                if (it % config.reportEvery() == 0) {
                    report.accept(progress("lbfgs", global, last[0], Double.NaN, start));
                }
                return true;
            });
            net.setParameters(best);
            PinnObjective.Value v = objective.evaluate();
            report.accept(progress("lbfgs", steps + lbfgsDone[0], v, Double.NaN, start));
        }
        double lbfgsSeconds = (System.nanoTime() - lbfgsStart) / 1e9;
        return new Result(net, Collections.unmodifiableList(history), adamSeconds, lbfgsSeconds,
                objective.evaluations());
    }

    /**
     * Evaluation budget of the L-BFGS phase: 1.25 evaluations per iteration (measured: about 1.1 are needed
     * while the loss still falls), so that a stalled line search cannot prolong the training.
     */
    static long lbfgsEvaluationBudget(int iterations) {
        return iterations + iterations / 4 + 1;
    }

    private static TrainingProgress progress(String phase, int it, PinnObjective.Value v, double lr, long start) {
        return new TrainingProgress(phase, it, v.loss(), v.lossPde(), v.lossBc(), v.lossIc(), lr,
                (System.nanoTime() - start) / 1e9);
    }

    private static void checkFinite(PinnObjective.Value v, String phase, int it) {
        if (!Double.isFinite(v.loss())) {
            throw new IllegalArgumentException("training diverged: loss = " + v.loss() + " at " + phase
                    + " iteration " + it + " (lower the learning rate)");
        }
    }
}
