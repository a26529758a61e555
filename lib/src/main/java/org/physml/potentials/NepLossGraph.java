package org.physml.potentials;

import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.physml.descriptors.nep.NepParameters;

/**
 * A SameDiff graph of the NEP-style training loss that {@link NepTrainer} steps with Adam: the network's weights only
 * ({@link NepGraph}) or the radial coefficients c too ({@link NepCoefficientGraph}).
 */
interface NepLossGraph {
    /** Placeholder arrays of the mini-batch of structures {@code idx} of {@code set}. */
    Map<String, INDArray> batch(NepTrainingSet set, int[] idx);

    /** Loss, its RMSE terms and the gradients of every trainable parameter, for one batch. */
    OutAndGrad outputsAndGradients(Map<String, INDArray> placeholders);

    /** Names of the trainable parameters. */
    List<String> parameterNames();

    /** The current value of a trainable parameter (updated in place by the trainer). */
    INDArray parameter(String name);

    /** The current model as a double-precision potential, with the descriptor parameters of the training set. */
    NepPotential potential(NepParameters parameters);
}
