package org.physml.potentials;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Trains a NEP-style network ({@link NepNetwork}) on a precomputed {@link NepTrainingSet} by minimising GPUMD's
 * loss ({@link NepTrainingConfig}) with Adam; the gradients come from SameDiff's reverse mode through the
 * explicitly written dU/dq (see {@link NepGraph}).
 *
 * <p>The weights start from {@link NepNetwork#random} with b1 = minus the mean energy per atom of the training set.
 * Each epoch visits the structures in a fresh random order (seeded) in mini-batches of
 * {@link NepTrainingConfig#batchSize()} structures. Training stops with an {@link IllegalStateException} if the
 * loss becomes NaN or infinite.
 */
public final class NepTrainer {
    private NepTrainer() {
    }

    /** Called after each epoch with the mean over its mini-batches of the loss and its two RMSE terms. */
    @FunctionalInterface
    public interface EpochListener {
        /**
         * @param epoch       1-based epoch
         * @param loss        mean mini-batch loss
         * @param energyRmse  mean mini-batch energy RMSE, meV/atom
         * @param forceRmse   mean mini-batch force RMSE, eV/Angstrom
         */
        void epochDone(int epoch, double loss, double energyRmse, double forceRmse);
    }

    /**
     * Learning curves and the trained potential.
     *
     * @param potential  the trained potential (descriptor parameters of the training set, with its q_scaler)
     * @param loss       mean mini-batch loss per epoch
     * @param energyRmse mean mini-batch energy RMSE per epoch, meV/atom
     * @param forceRmse  mean mini-batch force RMSE per epoch, eV/Angstrom
     * @param seconds    wall time of the training loop, s (descriptors not included)
     */
    public record Result(NepPotential potential, List<Double> loss, List<Double> energyRmse, List<Double> forceRmse,
                         double seconds) {
    }

    private static void close(Iterable<INDArray> arrays) {
        for (INDArray a : arrays) {
            if (a != null && a.closeable()) {
                a.close();
            }
        }
    }

    /**
     * Trains a network on {@code set} (which should be scaled with its own q_scaler, see
     * {@link NepTrainingSet#scaled}).
     *
     * @param listener called after each epoch, may be null
     * @throws IllegalStateException if the loss diverges
     */
    public static Result train(NepTrainingSet set, NepTrainingConfig cfg, EpochListener listener) {
        double meanEnergy = 0;
        for (LabelledStructure d : set.data()) {
            meanEnergy += d.energyPerAtom();
        }
        meanEnergy /= set.size();
        NepNetwork init = NepNetwork.random(set.parameters().speciesCount(), set.parameters().dimension(),
                cfg.neurons(), -meanEnergy, cfg.seed());
        NepLossGraph graph = cfg.trainCoefficients()
                ? new NepCoefficientGraph(set.parameters(), init, cfg, NepCoefficientGraph.slotsNeeded(set))
                : new NepGraph(init, cfg);
        int batches = (set.size() + cfg.batchSize() - 1) / cfg.batchSize();
        int iterations = batches * cfg.epochs();
        double gamma = Math.pow(cfg.finalLearningRate() / cfg.learningRate(), 1.0 / Math.max(1, iterations - 1));
        Adam adam = new Adam(new ExponentialSchedule(ScheduleType.ITERATION, cfg.learningRate(), gamma));
        Map<String, GradientUpdater<?>> updaters = new HashMap<>();
        for (String name : graph.parameterNames()) {
            long n = graph.parameter(name).length();
            INDArray state = Nd4j.zeros(DataType.FLOAT, 1, adam.stateSize(n));
            updaters.put(name, adam.instantiate(state, true));
        }
        SplittableRandom rng = new SplittableRandom(cfg.seed() ^ 0x9E3779B97F4A7C15L);
        List<Double> loss = new ArrayList<>();
        List<Double> rmseE = new ArrayList<>();
        List<Double> rmseF = new ArrayList<>();
        long start = System.nanoTime();
        int iteration = 0;
        int[] order = new int[set.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < cfg.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double sumL = 0, sumE = 0, sumF = 0;
            for (int b = 0; b < batches; b++) {
                int from = b * cfg.batchSize();
                int to = Math.min(order.length, from + cfg.batchSize());
                int[] idx = java.util.Arrays.copyOfRange(order, from, to);
                Map<String, INDArray> placeholders = graph.batch(set, idx);
                OutAndGrad og = graph.outputsAndGradients(placeholders);
                double l = og.getOutputs().get(NepGraph.LOSS).getDouble(0);
                if (!Double.isFinite(l)) {
                    throw new IllegalStateException("the NEP loss became " + l + " at epoch " + (epoch + 1)
                            + ", batch " + b + "; lower the learning rate");
                }
                sumL += l;
                sumE += og.getOutputs().get(NepGraph.RMSE_E).getDouble(0);
                sumF += og.getOutputs().get(NepGraph.RMSE_F).getDouble(0);
                for (String name : graph.parameterNames()) {
                    INDArray grad = og.getGradients().get(name);
                    updaters.get(name).applyUpdater(grad, iteration, epoch);
                    graph.parameter(name).subi(grad);
                }
                // ND4J's arrays live off-heap and are otherwise freed only when their small Java objects are
                // collected, which a 1 GB heap with little Java garbage does rarely (the Jacobian is ~10 MB per batch).
                close(placeholders.values());
                close(og.getOutputs().values());
                close(og.getGradients().values());
                iteration++;
            }
            loss.add(sumL / batches);
            rmseE.add(1000.0 * sumE / batches);
            rmseF.add(sumF / batches);
            if (listener != null) {
                listener.epochDone(epoch + 1, loss.get(epoch), rmseE.get(epoch), rmseF.get(epoch));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        NepPotential potential = graph.potential(set.parameters());
        return new Result(potential, List.copyOf(loss), List.copyOf(rmseE), List.copyOf(rmseF), seconds);
    }
}
