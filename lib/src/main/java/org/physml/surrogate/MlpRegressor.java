package org.physml.surrogate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A fully connected network y = f(x) trained by minimising the mean squared error with Adam (DL4J).
 *
 * <p>Inputs and targets are standardised (zero mean, unit variance) on the training set with DL4J's
 * {@link NormalizerStandardize}; {@link #predict} returns values in the targets' own units. The loss
 * reported per epoch is the MSE of the standardised targets, on the training and on the test set.
 * Training stops with an {@link IllegalStateException} if the loss becomes NaN or infinite.
 *
 * <p>Typical use in the surrogate notebook: n_in = 3 inputs (log10 thickness, roughness, temperature),
 * one target (thermal conductivity in W/(m K)).
 */
public final class MlpRegressor {
    private final int nIn;
    private final int[] hidden;
    private final Activation activation;
    private final double learningRate;
    private final long seed;
    private MultiLayerNetwork network;
    private NormalizerStandardize normalizer;

    /**
     * Learning curves: MSE of the standardised targets after each epoch, on the training set and on the
     * held-out set passed to {@code fit} (a validation set when the curve decides when to stop).
     *
     * @param bestEpoch the epoch (1-based) whose parameters the network holds after {@code fit}: the last
     *                  one for {@link #fit(double[][], double[], double[][], double[], int, int, EpochListener)},
     *                  the one with the lowest held-out loss with early stopping
     */
    public record History(List<Double> trainLoss, List<Double> testLoss, int bestEpoch) {
        /** Number of epochs recorded. */
        public int epochs() {
            return trainLoss.size();
        }

        /** The training curve as an array, index epoch - 1. */
        public double[] trainCurve() {
            return trainLoss.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** The held-out (validation) curve as an array, index epoch - 1. */
        public double[] testCurve() {
            return testLoss.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** True if training stopped before the maximum number of epochs. */
        public boolean stoppedEarly(int maxEpochs) {
            return epochs() < maxEpochs;
        }
    }

    /** Called after every epoch with (epoch (1-based), train loss, test loss). */
    @FunctionalInterface
    public interface EpochListener {
        void epochDone(int epoch, double trainLoss, double testLoss);
    }

    /** Test-set metrics in the targets' units: RMSE, MAE and the coefficient of determination R^2. */
    public record Metrics(double rmse, double mae, double r2, int n) {
    }

    /**
     * @param nIn          number of inputs, &gt;= 1
     * @param hidden       widths of the hidden layers, each &gt;= 1 (at least one layer)
     * @param activation   activation of the hidden layers (e.g. TANH); the output layer is linear
     * @param learningRate Adam step size, &gt; 0
     * @param seed         seed of the weight initialisation and of the mini-batch shuffling
     * @throws IllegalArgumentException on invalid sizes or learning rate
     */
    public MlpRegressor(int nIn, int[] hidden, Activation activation, double learningRate, long seed) {
        if (nIn < 1) {
            throw new IllegalArgumentException("need at least one input, got nIn = " + nIn);
        }
        if (hidden == null || hidden.length == 0) {
            throw new IllegalArgumentException("need at least one hidden layer");
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden layer widths must be >= 1, got " + java.util.Arrays.toString(hidden));
            }
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        }
        this.nIn = nIn;
        this.hidden = hidden.clone();
        this.activation = Objects.requireNonNull(activation, "activation");
        this.learningRate = learningRate;
        this.seed = seed;
    }

    /** Number of trainable parameters of the network. */
    public long parameterCount() {
        requireTrained();
        return network.numParams();
    }

    /**
     * Trains from scratch for {@code epochs} passes over the training set in mini-batches.
     *
     * @param xTrain    training inputs, shape [n_train][nIn]
     * @param yTrain    training targets, length n_train
     * @param xTest     test inputs, shape [n_test][nIn] (used only for the learning curve)
     * @param yTest     test targets, length n_test
     * @param epochs    number of epochs, &gt;= 1
     * @param batchSize mini-batch size, &gt;= 1
     * @param listener  called after each epoch (may be null)
     * @return the learning curves
     * @throws IllegalArgumentException on inconsistent shapes or non-finite data
     * @throws IllegalStateException    if the loss becomes NaN or infinite (the message names the epoch)
     */
    public History fit(double[][] xTrain, double[] yTrain, double[][] xTest, double[] yTest, int epochs,
                       int batchSize, EpochListener listener) {
        return train(xTrain, yTrain, xTest, yTest, epochs, batchSize, 0, listener);
    }

    /**
     * Trains with early stopping: at most {@code maxEpochs} epochs, stopping once the validation loss has
     * not improved for {@code patience} epochs, and ends with the parameters of the epoch with the lowest
     * validation loss ({@link History#bestEpoch()}). The validation set takes the place of a test set: it
     * decides when to stop, so it must not be the set the final accuracy is reported on.
     *
     * @param xVal     validation inputs, shape [n_val][nIn]
     * @param yVal     validation targets, length n_val
     * @param patience epochs without improvement before stopping, &gt;= 1
     * @throws IllegalArgumentException as {@link #fit(double[][], double[], double[][], double[], int, int,
     *                                  EpochListener)}, or if patience &lt; 1
     */
    public History fitEarlyStopping(double[][] xTrain, double[] yTrain, double[][] xVal, double[] yVal,
                                    int maxEpochs, int batchSize, int patience, EpochListener listener) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1 epoch, got " + patience);
        }
        return train(xTrain, yTrain, xVal, yVal, maxEpochs, batchSize, patience, listener);
    }

    /** The training loop; patience 0 trains all epochs and keeps the last parameters. */
    private History train(double[][] xTrain, double[] yTrain, double[][] xTest, double[] yTest, int epochs,
                          int batchSize, int patience, EpochListener listener) {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("need epochs >= 1 and batchSize >= 1, got " + epochs + ", " + batchSize);
        }
        DataSet train = dataSet("training", xTrain, yTrain);
        DataSet test = dataSet("test", xTest, yTest);
        normalizer = new NormalizerStandardize();
        normalizer.fitLabel(true);
        normalizer.fit(train);
        normalizer.transform(train);
        normalizer.transform(test);
        network = new MultiLayerNetwork(configuration());
        network.init();

        List<Double> trainLoss = new ArrayList<>();
        List<Double> testLoss = new ArrayList<>();
        java.util.Random shuffle = new java.util.Random(seed);
        int n = train.numExamples();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParams = null;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            train.shuffle(shuffle.nextLong());
            for (int start = 0; start < n; start += batchSize) {
                int end = Math.min(n, start + batchSize);
                network.fit(batch(train, start, end));
            }
            double lTrain = mse(train);
            double lTest = mse(test);
            if (!Double.isFinite(lTrain) || !Double.isFinite(lTest)) {
                throw new IllegalStateException("training diverged at epoch " + epoch + ": train loss " + lTrain
                        + ", test loss " + lTest + "; lower the learning rate (now " + learningRate + ")");
            }
            trainLoss.add(lTrain);
            testLoss.add(lTest);
            if (listener != null) {
                listener.epochDone(epoch, lTrain, lTest);
            }
            if (patience > 0) {
                if (lTest < bestLoss) {
                    bestLoss = lTest;
                    bestEpoch = epoch;
                    bestParams = network.params().dup();
                } else if (epoch - bestEpoch >= patience) {
                    break;
                }
            } else {
                bestEpoch = epoch;
            }
        }
        if (bestParams != null) {
            network.setParams(bestParams);
        }
        return new History(List.copyOf(trainLoss), List.copyOf(testLoss), bestEpoch);
    }

    /** Trains on (x, y) with x as its own test set for 30 epochs of batch 32 and predicts x (for quick checks). */
    double[] fitAndPredict(double[][] x, double[] y) {
        fit(x, y, x, y, 30, 32, null);
        return predict(x);
    }

    /**
     * Predictions in the targets' units.
     *
     * @param x inputs, shape [n][nIn]
     * @return predictions, length n
     * @throws IllegalStateException    before {@link #fit}
     * @throws IllegalArgumentException on a wrong number of inputs
     */
    public double[] predict(double[][] x) {
        requireTrained();
        INDArray features = matrix("prediction", x);
        normalizer.transform(features);
        INDArray out = network.output(features, false);
        normalizer.revertLabels(out);
        return out.reshape(out.length()).toDoubleVector();
    }

    /** RMSE, MAE and R^2 of the predictions for {@code x} against {@code y} (DL4J RegressionEvaluation). */
    public Metrics evaluate(double[][] x, double[] y) {
        return metrics(y, predict(x));
    }

    /**
     * RMSE, MAE and R^2 of predictions {@code p} against true values {@code y}, in their units (DL4J
     * RegressionEvaluation), e.g. for predictions transformed back from a log target.
     *
     * @throws IllegalArgumentException if the lengths differ or are zero
     */
    public static Metrics metrics(double[] y, double[] p) {
        if (y.length == 0 || y.length != p.length) {
            throw new IllegalArgumentException("need as many predictions as true values (> 0), got "
                    + p.length + " and " + y.length);
        }
        RegressionEvaluation eval = new RegressionEvaluation(1);
        eval.eval(Nd4j.create(y, new long[]{y.length, 1}), Nd4j.create(p, new long[]{p.length, 1}));
        return new Metrics(eval.rootMeanSquaredError(0), eval.meanAbsoluteError(0), eval.rSquared(0), y.length);
    }

    private MultiLayerConfiguration configuration() {
        var list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(learningRate))
                .list();
        int in = nIn;
        for (int width : hidden) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(activation).build());
            in = width;
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(in).nOut(1)
                .activation(Activation.IDENTITY).build());
        return list.build();
    }

    private double mse(DataSet standardised) {
        INDArray out = network.output(standardised.getFeatures(), false);
        return out.squaredDistance(standardised.getLabels()) / standardised.numExamples();
    }

    private static DataSet batch(DataSet d, int start, int end) {
        var rows = org.nd4j.linalg.indexing.NDArrayIndex.interval(start, end);
        var all = org.nd4j.linalg.indexing.NDArrayIndex.all();
        return new DataSet(d.getFeatures().get(rows, all), d.getLabels().get(rows, all));
    }

    private DataSet dataSet(String name, double[][] x, double[] y) {
        INDArray features = matrix(name, x);
        if (y == null || y.length != x.length) {
            throw new IllegalArgumentException(name + " set: " + x.length + " input rows but "
                    + (y == null ? "no" : String.valueOf(y.length)) + " targets");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException(name + " set: target " + i + " is not finite: " + y[i]);
            }
        }
        return new DataSet(features, Nd4j.create(y, new long[]{y.length, 1}, DataType.FLOAT));
    }

    private INDArray matrix(String name, double[][] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException(name + " set is empty");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != nIn) {
                throw new IllegalArgumentException(name + " set: row " + i + " has " + x[i].length
                        + " inputs, expected " + nIn);
            }
            for (double v : x[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + " set: row " + i + " has a non-finite input " + v);
                }
            }
        }
        return Nd4j.create(x).castTo(DataType.FLOAT);
    }

    private void requireTrained() {
        if (network == null) {
            throw new IllegalStateException("the network is not trained yet; call fit(...) first");
        }
    }
}
