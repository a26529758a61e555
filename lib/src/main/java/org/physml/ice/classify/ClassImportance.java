package org.physml.ice.classify;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * Integrated-gradients importance of every feature for every class ({@link IntegratedGradients}): for class c, the
 * mean |IG_i| of class c's score over test molecules of class c (Sundararajan et al. 2017; baseline the training
 * mean).
 *
 * @param classes     class names
 * @param features    feature names
 * @param importance  mean |IG|, shape [K][d]
 * @param samples     molecules averaged per class
 * @param steps       integration steps m
 * @param maxRelativeGap largest |sum_i IG_i - (F_c(z) - F_c(z'))| / max(1, |F_c(z) - F_c(z')|) over the samples
 */
public record ClassImportance(java.util.List<String> classes, java.util.List<String> features,
                              double[][] importance, int samples, int steps, double maxRelativeGap) {

    /**
     * Computes the importances on the held-out runs of an evaluation.
     *
     * @param e        a trained and tested descriptor
     * @param m        the descriptor matrix it was trained on
     * @param perClass test molecules per class to average over (a seeded random subset)
     * @param steps    integration steps m
     * @param seed     seed of the subset
     */
    public static ClassImportance of(DescriptorEvaluation e, DescriptorMatrix m, int perClass, int steps, long seed) {
        int k = m.classes().size();
        int[] rows = ClassBalancer.subsample(e.split().test(), m.label(), k, perClass, seed);
        IntegratedGradients ig = new IntegratedGradients(e.classifier().network());
        double[][] imp = new double[k][];
        double maxGap = 0;
        for (int c = 0; c < k; c++) {
            final int cls = c;
            int[] ofClass = Arrays.stream(rows).filter(r -> m.label()[r] == cls).toArray();
            double[][] z = e.classifier().standardise(m.featuresOf(ofClass)).castTo(DataType.DOUBLE).toDoubleMatrix();
            imp[c] = ig.meanAbsoluteAttribution(z, c, steps);
            for (double[] row : z) {
                double delta = ig.logProbability(row, c) - ig.logProbability(new double[row.length], c);
                maxGap = Math.max(maxGap, Math.abs(ig.completenessGap(row, c, steps)) / Math.max(1, Math.abs(delta)));
            }
        }
        return new ClassImportance(m.classes(), m.featureNames(), imp, perClass, steps, maxGap);
    }

    /** Indices of the {@code n} most important features of class c, most important first. */
    public int[] top(int c, int n) {
        Integer[] idx = new Integer[features.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(importance[c][b], importance[c][a]));
        return Arrays.stream(idx).limit(n).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Share of class c's total mean |IG| carried by the features whose names {@code group} accepts, in [0, 1]
     * (e.g. the G8 features: {@code n -> n.contains("G8[")}); compare with the group's share of the features.
     */
    public double share(int c, java.util.function.Predicate<String> group) {
        double total = 0;
        double in = 0;
        for (int j = 0; j < features.size(); j++) {
            total += importance[c][j];
            in += group.test(features.get(j)) ? importance[c][j] : 0;
        }
        return total > 0 ? in / total : 0;
    }

    /** A table: per class, its n most important features with their share of the class's total mean |IG| (%). */
    public tech.tablesaw.api.Table topTable(String title, int n) {
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create(title);
        t.addColumns(tech.tablesaw.api.StringColumn.create("class"));
        for (int j = 1; j <= n; j++) {
            t.addColumns(tech.tablesaw.api.StringColumn.create("#" + j + " (share)"));
        }
        for (int c = 0; c < classes.size(); c++) {
            double total = Arrays.stream(importance[c]).sum();
            t.stringColumn(0).append(classes.get(c));
            int[] best = top(c, n);
            for (int j = 0; j < n; j++) {
                t.stringColumn(j + 1).append(String.format(java.util.Locale.ROOT, "%s (%.0f %%)",
                        features.get(best[j]), 100 * importance[c][best[j]] / total));
            }
        }
        return t;
    }
}
