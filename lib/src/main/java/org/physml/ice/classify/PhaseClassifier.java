package org.physml.ice.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.google.gson.Gson;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A fully connected classifier of local environments: n_features -&gt; hidden (tanh) -&gt; ... -&gt; K (softmax),
 * trained with Adam on the cross-entropy (DL4J {@link MultiLayerNetwork}), with early stopping on a validation set.
 *
 * <p>Inputs are standardised with the training set's mean and standard deviation (DL4J
 * {@link NormalizerStandardize}); {@link #network()} works on standardised inputs, the other methods take raw
 * descriptor rows. The loss is the mean cross-entropy L = -(1/n) sum_i log p_{y_i}(x_i).
 *
 * <p>Early stopping: after every epoch (one pass over the shuffled training set in mini-batches) the validation loss
 * is computed; training stops when it has not improved by more than {@link Config#minDelta()} for
 * {@link Config#patience()} epochs or after {@link Config#maxEpochs()}, and the parameters of the best epoch are
 * restored. A NaN or infinite loss stops training with an {@link IllegalStateException}.
 */
public final class PhaseClassifier {
    private static final String MODEL_ENTRY = "network.zip", MEAN_ENTRY = "mean.npy", STD_ENTRY = "std.npy",
            CLASSES_ENTRY = "classes.json", HISTORY_ENTRY = "history.json";

    private final MultiLayerNetwork network;
    private final NormalizerStandardize normalizer;
    private final List<String> classes;
    private final History history;

    /**
     * Training settings.
     *
     * @param hidden       widths of the hidden layers (tanh), each &gt;= 1, at least one
     * @param learningRate Adam step size, &gt; 0
     * @param batchSize    mini-batch size, &gt;= 1
     * @param maxEpochs    largest number of epochs, &gt;= 1
     * @param patience     epochs without improvement of the validation loss before stopping, &gt;= 1
     * @param minDelta     smallest decrease of the validation loss that counts as improvement, &gt;= 0
     * @param seed         seed of the weight initialisation and the shuffling
     */
    public record Config(int[] hidden, double learningRate, int batchSize, int maxEpochs, int patience,
                         double minDelta, long seed) {
        /** @throws IllegalArgumentException for out-of-range values (the message names the value) */
        public Config {
            if (hidden == null || hidden.length == 0 || Arrays.stream(hidden).anyMatch(h -> h < 1)) {
                throw new IllegalArgumentException("hidden layer widths must be >= 1, at least one layer, got "
                        + Arrays.toString(hidden));
            }
            hidden = hidden.clone();
            if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
                throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
            }
            if (batchSize < 1 || maxEpochs < 1 || patience < 1) {
                throw new IllegalArgumentException("need batchSize, maxEpochs, patience >= 1, got " + batchSize + ", "
                        + maxEpochs + ", " + patience);
            }
            if (!(minDelta >= 0)) {
                throw new IllegalArgumentException("minDelta must be >= 0, got " + minDelta);
            }
        }

        /** The study's network: two hidden layers of 100, Adam 1e-3, batch 64, at most 200 epochs, patience 10. */
        public static Config standard(long seed) {
            return new Config(new int[]{100, 100}, 1e-3, 64, 200, 10, 1e-4, seed);
        }

        /** This configuration with another Adam step size and seed (a seed study's networks, {@link SeedStudy}). */
        public Config withLearningRate(double learningRate, long seed) {
            return new Config(hidden, learningRate, batchSize, maxEpochs, patience, minDelta, seed);
        }

        /** This configuration with another maximum number of epochs and patience. */
        public Config withEpochs(int maxEpochs, int patience) {
            return new Config(hidden, learningRate, batchSize, maxEpochs, patience, minDelta, seed);
        }

        @Override
        public int[] hidden() {
            return hidden.clone();
        }
    }

    /**
     * Losses after one epoch.
     *
     * @param epoch                      1-based
     * @param trainLoss                  mean cross-entropy on the training set
     * @param validationLoss             mean cross-entropy on the validation set
     * @param validationBalancedAccuracy mean per-class recall on the validation set
     */
    public record Epoch(int epoch, double trainLoss, double validationLoss, double validationBalancedAccuracy) {
    }

    /**
     * The learning curve.
     *
     * @param epochs       every epoch run
     * @param bestEpoch    the epoch whose parameters were kept (lowest validation loss)
     * @param stoppedEarly whether the patience ran out before maxEpochs
     * @param seconds      wall time of the training, s
     */
    public record History(List<Epoch> epochs, int bestEpoch, boolean stoppedEarly, double seconds) {
        public History {
            epochs = List.copyOf(epochs);
        }
    }

    /** Called after every epoch. */
    @FunctionalInterface
    public interface EpochListener {
        void epochDone(Epoch epoch);
    }

    private PhaseClassifier(MultiLayerNetwork network, NormalizerStandardize normalizer, List<String> classes,
                            History history) {
        this.network = network;
        this.normalizer = normalizer;
        this.classes = List.copyOf(classes);
        this.history = history;
    }

    /**
     * Trains a classifier from scratch.
     *
     * @param xTrain   raw training features, shape [n][d]
     * @param yTrain   class ids of the training rows, each in 0..K-1
     * @param xVal     raw validation features, shape [m][d]
     * @param yVal     class ids of the validation rows
     * @param classes  the K class names
     * @param config   settings
     * @param listener called after each epoch (may be null)
     * @throws IllegalArgumentException on inconsistent shapes, empty sets, class ids out of range or non-finite
     *                                  features
     * @throws IllegalStateException    if a loss becomes NaN or infinite (the message names the epoch)
     */
    public static PhaseClassifier train(INDArray xTrain, int[] yTrain, INDArray xVal, int[] yVal, List<String> classes,
                                        Config config, EpochListener listener) {
        int k = classes.size();
        DataSet train = dataSet("training", xTrain, yTrain, k);
        DataSet val = dataSet("validation", xVal, yVal, k);
        if (xVal.columns() != xTrain.columns()) {
            throw new IllegalArgumentException("validation rows have " + xVal.columns() + " features, training rows "
                    + xTrain.columns());
        }
        long start = System.nanoTime();
        NormalizerStandardize normalizer = new NormalizerStandardize();
        normalizer.fit(train);
        normalizer.transform(train);
        normalizer.transform(val);

        MultiLayerNetwork net = new MultiLayerNetwork(configuration((int) xTrain.columns(), k, config));
        net.init();
        Random shuffle = new Random(config.seed());
        List<Epoch> epochs = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParams = net.params().dup();
        int n = train.numExamples();
        boolean stoppedEarly = false;
        for (int e = 1; e <= config.maxEpochs(); e++) {
            train.shuffle(shuffle.nextLong());
            for (int from = 0; from < n; from += config.batchSize()) {
                int to = Math.min(n, from + config.batchSize());
                var rows = NDArrayIndex.interval(from, to);
                net.fit(new DataSet(train.getFeatures().get(rows, NDArrayIndex.all()),
                        train.getLabels().get(rows, NDArrayIndex.all())));
            }
            double trainLoss = net.score(train, false);
            double valLoss = net.score(val, false);
            if (!Double.isFinite(trainLoss) || !Double.isFinite(valLoss)) {
                throw new IllegalStateException("training diverged at epoch " + e + ": training loss " + trainLoss
                        + ", validation loss " + valLoss + "; lower the learning rate (now " + config.learningRate()
                        + ") or check the features for extreme values");
            }
            int[] pred = argmax(net.output(val.getFeatures(), false));
            double valBalanced = ConfusionMatrix.of(classes, yVal, pred).balancedAccuracy();
            Epoch ep = new Epoch(e, trainLoss, valLoss, valBalanced);
            epochs.add(ep);
            if (listener != null) {
                listener.epochDone(ep);
            }
            if (valLoss < best - config.minDelta()) {
                best = valLoss;
                bestEpoch = e;
                bestParams = net.params().dup();
            } else if (e - bestEpoch >= config.patience()) {
                stoppedEarly = true;
                break;
            }
        }
        net.setParams(bestParams);
        History h = new History(epochs, bestEpoch, stoppedEarly, (System.nanoTime() - start) * 1e-9);
        return new PhaseClassifier(net, normalizer, classes, h);
    }

    private static MultiLayerConfiguration configuration(int nIn, int classes, Config c) {
        var list = new NeuralNetConfiguration.Builder()
                .seed(c.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(c.learningRate()))
                .list();
        int in = nIn;
        for (int width : c.hidden()) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(Activation.TANH).build());
            in = width;
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(in).nOut(classes)
                .activation(Activation.SOFTMAX).build());
        return list.build();
    }

    private static DataSet dataSet(String name, INDArray x, int[] y, int classes) {
        if (x.rank() != 2 || x.rows() == 0) {
            throw new IllegalArgumentException(name + " set must be a non-empty [n][d] matrix, got shape "
                    + Arrays.toString(x.shape()));
        }
        if (x.rows() != y.length) {
            throw new IllegalArgumentException(name + " set: " + x.rows() + " rows but " + y.length + " labels");
        }
        if (!Double.isFinite(x.sumNumber().doubleValue())) {
            throw new IllegalArgumentException(name + " set has non-finite features");
        }
        return new DataSet(x.castTo(DataType.FLOAT).dup(), oneHot(y, classes, name));
    }

    static INDArray oneHot(int[] y, int classes, String name) {
        INDArray labels = Nd4j.zeros(DataType.FLOAT, y.length, classes);
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException(name + " label " + i + " is " + y[i] + "; expected 0.."
                        + (classes - 1));
            }
            labels.putScalar(i, y[i], 1f);
        }
        return labels;
    }

    static int[] argmax(INDArray p) {
        return p.argMax(1).toIntVector();
    }

    /** Class names, index = class id. */
    public List<String> classes() {
        return classes;
    }

    /** The learning curve (also for a classifier read with {@link #load}). */
    public History history() {
        return history;
    }

    /** The network, which takes standardised inputs (z = (x - mean) / std of the training set). */
    public MultiLayerNetwork network() {
        return network;
    }

    /** The standardisation fitted on the training set. */
    public NormalizerStandardize normalizer() {
        return normalizer;
    }

    /** Standardised copy of raw features, shape [n][d], float. */
    public INDArray standardise(INDArray x) {
        INDArray z = x.castTo(DataType.FLOAT).dup();
        normalizer.transform(z);
        return z;
    }

    /** Class probabilities of raw features, shape [n][K]. */
    public INDArray probabilities(INDArray x) {
        return network.output(standardise(x), false);
    }

    /** Most probable class of each row of raw features. */
    public int[] predict(INDArray x) {
        return argmax(probabilities(x));
    }

    /** Confusion matrix of the predictions for raw features x against the true class ids y. */
    public ConfusionMatrix evaluate(INDArray x, int[] y) {
        return ConfusionMatrix.of(classes, y, predict(x));
    }

    /** Number of trainable parameters. */
    public long parameterCount() {
        return network.numParams();
    }

    /**
     * Writes the network (DL4J {@link ModelSerializer} format, without updater state), the standardisation (mean
     * and std as .npy), the class names and the training history (JSON) as entries of one zip file.
     *
     * @throws UncheckedIOException on write errors
     */
    public void save(Path file) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            ByteArrayOutputStream model = new ByteArrayOutputStream();
            ModelSerializer.writeModel(network, model, false);
            entry(zip, MODEL_ENTRY, model.toByteArray());
            entry(zip, MEAN_ENTRY, Nd4j.toNpyByteArray(normalizer.getMean()));
            entry(zip, STD_ENTRY, Nd4j.toNpyByteArray(normalizer.getStd()));
            entry(zip, CLASSES_ENTRY, new Gson().toJson(classes).getBytes(StandardCharsets.UTF_8));
            entry(zip, HISTORY_ENTRY, new Gson().toJson(history).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write classifier to " + file, e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * Reads a classifier written by {@link #save}, with its training history.
     *
     * @throws UncheckedIOException     if the file cannot be read
     * @throws IllegalArgumentException if an entry is missing (the message names it)
     */
    public static PhaseClassifier load(Path file) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
            for (String name : List.of(MODEL_ENTRY, MEAN_ENTRY, STD_ENTRY, CLASSES_ENTRY)) {
                if (!entries.containsKey(name)) {
                    throw new IllegalArgumentException(file + " is not a saved PhaseClassifier: no entry " + name);
                }
            }
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(
                    new ByteArrayInputStream(entries.get(MODEL_ENTRY)), false);
            NormalizerStandardize ns = new NormalizerStandardize(Nd4j.createNpyFromByteArray(entries.get(MEAN_ENTRY)),
                    Nd4j.createNpyFromByteArray(entries.get(STD_ENTRY)));
            String[] classes = new Gson().fromJson(new String(entries.get(CLASSES_ENTRY), StandardCharsets.UTF_8),
                    String[].class);
            History history = entries.containsKey(HISTORY_ENTRY)
                    ? new Gson().fromJson(new String(entries.get(HISTORY_ENTRY), StandardCharsets.UTF_8), History.class)
                    : new History(List.of(), 0, false, 0);
            return new PhaseClassifier(net, ns, List.of(classes), history);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classifier from " + file, e);
        }
    }
}
