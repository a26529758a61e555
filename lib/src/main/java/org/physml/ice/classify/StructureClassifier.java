package org.physml.ice.classify;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.physml.descriptors.steinhardt.Steinhardt;
import org.physml.structure.Structure;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Classifies every water molecule of a structure: the descriptor of each oxygen, then the trained network.
 *
 * @param spec       the descriptor the classifier was trained on
 * @param classifier the trained classifier
 */
public record StructureClassifier(DescriptorSpec spec, PhaseClassifier classifier) {

    /**
     * The class probabilities of each oxygen, shape [n_O][K], rows in the order of the O atoms.
     *
     * @throws IllegalArgumentException if the structure has no oxygen or the descriptor does not match the network
     */
    public double[][] probabilities(Structure s) {
        int[] oxygens = Steinhardt.atomsOfSpecies(s, 8);
        if (oxygens.length == 0) {
            throw new IllegalArgumentException("the structure has no oxygen atom to classify");
        }
        requireMatchingInput(spec, classifier);
        INDArray x = Nd4j.create(spec.descriptor().compute(s, oxygens));
        return classifier.probabilities(x).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleMatrix();
    }

    /**
     * Per class: how many molecules are assigned to it (most probable class) and the mean probability the network
     * gives it over all molecules.
     */
    public Table summary(String title, Structure s) {
        double[][] p = probabilities(s);
        List<String> classes = classifier.classes();
        int[] votes = new int[classes.size()];
        double[] mean = new double[classes.size()];
        for (double[] row : p) {
            int best = 0;
            for (int c = 0; c < row.length; c++) {
                mean[c] += row[c] / p.length;
                best = row[c] > row[best] ? c : best;
            }
            votes[best]++;
        }
        Table t = Table.create(title);
        t.addColumns(StringColumn.create("class", classes), IntColumn.create("molecules", votes),
                DoubleColumn.create("share (%)", java.util.Arrays.stream(votes).mapToDouble(v -> 100.0 * v / p.length)
                        .toArray()),
                DoubleColumn.create("mean probability", mean));
        return t;
    }

    /** @throws IllegalArgumentException if the network does not take the descriptor's number of features */
    static void requireMatchingInput(DescriptorSpec spec, PhaseClassifier classifier) {
        int nIn = classifier.network().layerInputSize(0);
        if (nIn != spec.featureCount()) {
            throw new IllegalArgumentException("descriptor " + spec.name() + " has " + spec.featureCount()
                    + " features but the network takes " + nIn);
        }
    }
}
