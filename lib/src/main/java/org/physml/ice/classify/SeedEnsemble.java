package org.physml.ice.classify;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The networks of one descriptor trained with different seeds, used together: the class probabilities of a row are
 * the mean of the members' softmax outputs, p(y|x) = (1/M) sum_m p_m(y|x), and the predicted class is the most
 * probable one: the uniform mixture of a deep ensemble (B. Lakshminarayanan, A. Pritzel and C. Blundell, "Simple and
 * scalable predictive uncertainty estimation using deep ensembles", Advances in Neural Information Processing
 * Systems 30, 6402-6413 (2017)), here with members that differ only in their random seed.
 *
 * <p>Averaging removes the part of each network's errors that depends on its random initialisation and batch
 * order; the seeds' mean accuracy ({@link ClassifierResults.Row#balancedAccuracyMean()}) describes one network, this
 * describes the committee. Immutable.
 */
public final class SeedEnsemble {
    private final List<PhaseClassifier> members;

    /**
     * @param members the networks, at least one, all with the same classes in the same order
     * @throws IllegalArgumentException if there is no member or the members' classes differ
     */
    public SeedEnsemble(List<PhaseClassifier> members) {
        if (members == null || members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one network");
        }
        List<String> classes = members.get(0).classes();
        for (PhaseClassifier c : members) {
            if (!c.classes().equals(classes)) {
                throw new IllegalArgumentException("ensemble members have different classes: " + classes + " and "
                        + c.classes());
            }
        }
        this.members = List.copyOf(members);
    }

    /** Number of networks. */
    public int size() {
        return members.size();
    }

    /** The classes, in probability-column order. */
    public List<String> classes() {
        return members.get(0).classes();
    }

    /**
     * Mean of the members' class probabilities for raw descriptor rows.
     *
     * @param x raw features, shape [n][features]
     * @return shape [n][K], each row summing to 1
     */
    public INDArray probabilities(INDArray x) {
        INDArray sum = members.get(0).probabilities(x).dup();
        for (int k = 1; k < members.size(); k++) {
            sum.addi(members.get(k).probabilities(x));
        }
        return sum.divi(members.size());
    }

    /** Most probable class of each row under the mean probabilities. */
    public int[] predict(INDArray x) {
        return PhaseClassifier.argmax(probabilities(x));
    }

    /** Confusion matrix of the ensemble's predictions for raw features x against the true class ids y. */
    public ConfusionMatrix evaluate(INDArray x, int[] y) {
        return ConfusionMatrix.of(classes(), y, predict(x));
    }

    /**
     * The ensemble of the seeds of a results row, scored on the test rows of its split.
     *
     * @param m      the descriptor matrix the evaluations were made on
     * @param bySeed one evaluation per seed, sharing the split
     * @throws IllegalArgumentException if bySeed is empty
     */
    public static ClassifierResults.Ensemble score(DescriptorMatrix m, List<DescriptorEvaluation> bySeed) {
        if (bySeed.isEmpty()) {
            throw new IllegalArgumentException("give the evaluation of at least one seed");
        }
        RunSplit split = bySeed.get(0).split();
        SeedEnsemble e = new SeedEnsemble(bySeed.stream().map(DescriptorEvaluation::classifier).toList());
        ConfusionMatrix cm = e.evaluate(m.featuresOf(split.test()), m.labelsOf(split.test()));
        return ClassifierResults.Ensemble.of(cm, e.size());
    }
}
