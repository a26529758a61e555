package org.physml.ice.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The descriptor of every environment of a data set, with where each row comes from.
 *
 * <p>Row i holds the features of centre atom {@code centre[i]} of frame {@code frame[i]} (0-based position in its
 * run) of run {@code runs.get(run[i])}; its class is {@code classes.get(label[i])}. Features are stored as float
 * (what the network trains on). The arrays are shared, not copied (the matrices are large): callers must not modify
 * them.
 *
 * @param name         descriptor name
 * @param featureNames name of each feature, length d
 * @param classes      class labels, index = class id
 * @param runs         run ids, index = run id
 * @param features     shape [n][d]
 * @param label        class id per row, length n
 * @param run          run id per row, length n
 * @param frame        frame position within its run per row, length n
 * @param centre       atom index of the centre in its frame per row, length n
 * @param cost         what computing the rows cost
 */
public record DescriptorMatrix(String name, List<String> featureNames, List<String> classes, List<String> runs,
                               float[][] features, int[] label, int[] run, int[] frame, int[] centre,
                               DescriptorCost cost) {

    /** @throws IllegalArgumentException on inconsistent lengths or ids out of range */
    public DescriptorMatrix {
        Objects.requireNonNull(features, "features");
        featureNames = List.copyOf(featureNames);
        classes = List.copyOf(classes);
        runs = List.copyOf(runs);
        int n = features.length;
        if (label.length != n || run.length != n || frame.length != n || centre.length != n) {
            throw new IllegalArgumentException("descriptor matrix " + name + ": " + n + " rows but " + label.length
                    + " labels, " + run.length + " run ids, " + frame.length + " frame indices, " + centre.length
                    + " centres");
        }
        for (int i = 0; i < n; i++) {
            if (features[i].length != featureNames.size()) {
                throw new IllegalArgumentException("row " + i + " has " + features[i].length + " features, expected "
                        + featureNames.size());
            }
            if (label[i] < 0 || label[i] >= classes.size() || run[i] < 0 || run[i] >= runs.size()) {
                throw new IllegalArgumentException("row " + i + " has class id " + label[i] + " and run id " + run[i]
                        + " for " + classes.size() + " classes and " + runs.size() + " runs");
            }
        }
    }

    /** Number of rows n. */
    public int size() {
        return features.length;
    }

    /** Number of features d. */
    public int featureCount() {
        return featureNames.size();
    }

    /** The rows {@code rows} as a float matrix, shape [rows.length][d]. */
    public INDArray featuresOf(int[] rows) {
        float[][] x = new float[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            x[k] = features[rows[k]];
        }
        return Nd4j.create(x).castTo(DataType.FLOAT);
    }

    /** Class ids of the rows {@code rows}. */
    public int[] labelsOf(int[] rows) {
        return Arrays.stream(rows).map(r -> label[r]).toArray();
    }

    /** Number of rows of each class, length = number of classes. */
    public int[] classCounts() {
        int[] c = new int[classes.size()];
        for (int l : label) {
            c[l]++;
        }
        return c;
    }

    /**
     * The same rows with only the features whose names {@code keep} accepts (e.g. an ablation without the G8
     * columns), named {@code newName}; the cost is kept (the features were computed together).
     *
     * @throws IllegalArgumentException if no feature or every feature is kept out (nothing would change)
     */
    public DescriptorMatrix selectFeatures(java.util.function.Predicate<String> keep, String newName) {
        int[] cols = java.util.stream.IntStream.range(0, featureCount()).filter(j -> keep.test(featureNames.get(j)))
                .toArray();
        if (cols.length == 0 || cols.length == featureCount()) {
            throw new IllegalArgumentException("selecting features of " + name + " keeps " + cols.length + " of "
                    + featureCount() + "; expected a proper, non-empty subset");
        }
        float[][] x = new float[size()][cols.length];
        for (int i = 0; i < size(); i++) {
            for (int k = 0; k < cols.length; k++) {
                x[i][k] = features[i][cols[k]];
            }
        }
        List<String> names = Arrays.stream(cols).mapToObj(featureNames::get).toList();
        return new DescriptorMatrix(newName, names, classes, runs, x, label, run, frame, centre, cost);
    }

    @Override
    public String toString() {
        return "DescriptorMatrix[" + name + ", " + size() + " x " + featureCount() + ", " + classes.size()
                + " classes, " + runs.size() + " runs]";
    }
}
