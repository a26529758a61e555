package org.physml.potentials;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.physml.descriptors.nep.NepParameters;

/**
 * A SameDiff graph of the NEP-style training loss that {@link NepTrainer} steps with Adam: the network's weights only
 * ({@link NepGraph}) or the radial coefficients c too ({@link NepCoefficientGraph}). Subclasses build the graph in
 * {@link #sd}, name its outputs as in {@link NepGraph} (LOSS, RMSE_E, RMSE_F, RMSE_V, FORCES, ENERGY, VIRIAL), list
 * their trainable variables in {@link #parameterNames} and call {@link #createGradientGraphQuietly()}.
 */
abstract class NepLossGraph {
    static {
        // ND4J 1.0.0-M2.1 warns about two duplicate TensorFlow op mappings (Pow, FloorMod) when SameDiff is first
        // used; they concern TF model import, not these graphs. Silence that one logger (slf4j-simple) unless the
        // user configured it.
        String key = "org.slf4j.simpleLogger.log.org.nd4j.imports.converters.ImportClassMapping";
        if (System.getProperty(key) == null) {
            System.setProperty(key, "error");
        }
    }

    /** The graph. */
    protected final SameDiff sd = SameDiff.create();
    /** Names of the trainable variables of {@link #sd}. */
    protected final List<String> parameterNames = new ArrayList<>();

    /** Placeholder arrays of the mini-batch of structures {@code idx} of {@code set}. */
    abstract Map<String, INDArray> batch(NepTrainingSet set, int[] idx);

    /** The current model as a double-precision potential, with the descriptor parameters of the training set. */
    abstract NepPotential potential(NepParameters parameters);

    /** Loss, its RMSE terms and the gradients of every trainable parameter, for one batch. */
    OutAndGrad outputsAndGradients(Map<String, INDArray> placeholders) {
        return sd.calculateGradientsAndOutputs(placeholders, List.of(NepGraph.LOSS, NepGraph.RMSE_E, NepGraph.RMSE_F,
                NepGraph.RMSE_V), parameterNames);
    }

    /** Selected outputs of a batch. */
    Map<String, INDArray> output(Map<String, INDArray> placeholders, String... names) {
        return sd.output(placeholders, names);
    }

    /** Names of the trainable parameters. */
    List<String> parameterNames() {
        return parameterNames;
    }

    /** The current value of a trainable parameter (updated in place by the trainer). */
    INDArray parameter(String name) {
        return sd.getVariable(name).getArr();
    }

    /**
     * Builds the reverse-mode graph now. SameDiff 1.0.0-M2.1 prints one "Added differentiated op" line per op to
     * System.out while doing so (unconditionally), which would flood a notebook cell; System.out is redirected to
     * a null stream for that call only.
     */
    protected void createGradientGraphQuietly() {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(out);
        }
    }
}
