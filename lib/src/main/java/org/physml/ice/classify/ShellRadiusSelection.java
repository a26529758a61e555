package org.physml.ice.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;


import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The choice of the averaging radius r_avg of the shell averages ({@link NeighbourAveraged}) without scoring on the
 * study's test runs.
 *
 * <p>With two runs per class, "X_a" (training) and "X_b" (test), there is no third run to validate on. The reverse
 * fold ({@link IceStudy#reverseFold()}) swaps their roles: the network is trained on the "_b" runs (the last quarter
 * of their frames for early stopping) and scored on the "_a" runs. For every candidate radius r and scanned
 * descriptor d this gives a balanced accuracy BA(d, r); the chosen radius maximises the mean over descriptors,
 * <pre>
 *   r_avg = argmax_r (1/D) sum_d BA(d, r)
 * </pre>
 * (ties go to the smaller radius, which is cheaper). One radius for all descriptors rather than one per descriptor:
 * a mean over D networks is less noisy than the score of a single network, and the radius is a property of the
 * structures (which shells carry the signal) more than of the descriptor. The "_b" runs only ever provide training
 * rows here; the normal fold (train "_a", test "_b") then reports the test accuracy with the chosen radius.
 *
 * @param radii            candidate radii r_avg, Angstrom, shape [R]
 * @param descriptors      names of the scanned (plain) descriptors, [D]
 * @param balancedAccuracy reverse-fold balanced accuracy (fraction in [0, 1]), shape [D][R]
 */
public record ShellRadiusSelection(double[] radii, List<String> descriptors, double[][] balancedAccuracy) {

    /**
     * @throws IllegalArgumentException if there are no radii or descriptors, a radius is not a positive finite number
     *                                  or repeated, the score matrix is not [D][R] or a score is outside [0, 1]
     */
    public ShellRadiusSelection {
        radii = checkRadii(radii);
        descriptors = List.copyOf(descriptors);
        if (descriptors.isEmpty()) {
            throw new IllegalArgumentException("give at least one descriptor to scan");
        }
        if (balancedAccuracy.length != descriptors.size()) {
            throw new IllegalArgumentException("scores for " + balancedAccuracy.length + " descriptors, expected "
                    + descriptors.size() + " (" + descriptors + ")");
        }
        double[][] copy = new double[balancedAccuracy.length][];
        for (int d = 0; d < copy.length; d++) {
            if (balancedAccuracy[d].length != radii.length) {
                throw new IllegalArgumentException(descriptors.get(d) + ": " + balancedAccuracy[d].length
                        + " scores for " + radii.length + " radii");
            }
            for (double b : balancedAccuracy[d]) {
                if (!(b >= 0 && b <= 1)) {
                    throw new IllegalArgumentException(descriptors.get(d) + ": balanced accuracy " + b
                            + " is not a fraction in [0, 1]");
                }
            }
            copy[d] = balancedAccuracy[d].clone();
        }
        balancedAccuracy = copy;
    }

    /**
     * Candidate radii checked and copied.
     *
     * @throws IllegalArgumentException if empty, a radius is not positive and finite, or a radius repeats
     */
    static double[] checkRadii(double[] radii) {
        if (radii == null || radii.length == 0) {
            throw new IllegalArgumentException("give at least one candidate averaging radius");
        }
        Set<Double> seen = new HashSet<>();
        for (double r : radii) {
            if (!(r > 0) || !Double.isFinite(r)) {
                throw new IllegalArgumentException("averaging radius must be a positive number of Angstrom, got " + r);
            }
            if (!seen.add(r)) {
                throw new IllegalArgumentException("averaging radius " + r + " A is given twice in "
                        + Arrays.toString(radii));
            }
        }
        return radii.clone();
    }

    /** Called after each reverse-fold evaluation (e.g. to update a progress line). */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param rAverage   the radius, Angstrom
         * @param evaluation the reverse-fold evaluation of the averaged descriptor at that radius
         */
        void evaluated(double rAverage, DescriptorEvaluation evaluation);
    }

    /**
     * Runs the reverse-fold scan: the shell averages of every descriptor in {@code plain} at every radius
     * ({@link IceDescriptors#shellAverage(DescriptorSpec, double)}) are computed (or read from {@code cache}) in one
     * pass over the data, then one classifier per (descriptor, radius) is trained on the runs that
     * {@code study} holds out and scored on the runs it trains on ({@link IceStudy#reverseFold()}), or read from
     * {@code store} when {@code train} is false and a network with the same key is stored.
     *
     * @param study    the study whose test runs must not be scored (normally {@link IceStudy#standard()})
     * @param plain    the descriptors to scan (their plain versions), at least one
     * @param radii    candidate radii r_avg, Angstrom, at least one, each &gt; 0
     * @param progress called after each evaluation (may be null)
     * @throws IllegalArgumentException on empty or invalid radii or descriptors, or if the split is impossible
     */
    public static ShellRadiusSelection scan(IceStudy study, List<DescriptorSpec> plain, double[] radii,
                                            FrameSource source, FeatureCache cache, ModelStore store, boolean train,
                                            Progress progress) {
        double[] rs = checkRadii(radii);
        if (plain.isEmpty()) {
            throw new IllegalArgumentException("give at least one descriptor to scan");
        }
        List<DescriptorSpec> averaged = new ArrayList<>();
        for (DescriptorSpec p : plain) {
            for (double r : rs) {
                averaged.add(IceDescriptors.shellAverage(p, r));
            }
        }
        List<DescriptorMatrix> ms = cache.computeIfAbsent(source, study.centres(), averaged, null);
        IceStudy reverse = study.reverseFold();
        double[][] ba = new double[plain.size()][rs.length];
        for (int d = 0; d < plain.size(); d++) {
            for (int k = 0; k < rs.length; k++) {
                int i = d * rs.length + k;
                DescriptorEvaluation e = reverse.evaluate(averaged.get(i), ms.get(i), source, store, train, null);
                ba[d][k] = e.balancedAccuracy();
                if (progress != null) {
                    progress.evaluated(rs[k], e);
                }
            }
        }
        return new ShellRadiusSelection(rs, plain.stream().map(DescriptorSpec::name).toList(), ba);
    }

    /** Mean reverse-fold balanced accuracy over the descriptors, per radius, shape [R]. */
    public double[] meanBalancedAccuracy() {
        double[] mean = new double[radii.length];
        for (double[] row : balancedAccuracy) {
            for (int k = 0; k < radii.length; k++) {
                mean[k] += row[k] / balancedAccuracy.length;
            }
        }
        return mean;
    }

    /** The chosen radius, Angstrom: the largest mean balanced accuracy, ties to the smaller radius. */
    public double selectedRadius() {
        double[] mean = meanBalancedAccuracy();
        int best = 0;
        for (int k = 1; k < radii.length; k++) {
            if (mean[k] > mean[best] || (mean[k] == mean[best] && radii[k] < radii[best])) {
                best = k;
            }
        }
        return radii[best];
    }

    @Override
    public double[] radii() {
        return radii.clone();
    }

    /** Scores [D][R] (a copy). */
    @Override
    public double[][] balancedAccuracy() {
        return Arrays.stream(balancedAccuracy).map(double[]::clone).toArray(double[][]::new);
    }

    /** One row per descriptor and a last row "mean": reverse-fold balanced accuracy (%) per candidate radius. */
    public Table table(String title) {
        Table t = Table.create(title, StringColumn.create("descriptor"));
        for (double r : radii) {
            t.addColumns(DoubleColumn.create(String.format(Locale.ROOT, "r_avg = %.1f A (%%)", r)));
        }
        for (int d = 0; d <= descriptors.size(); d++) {
            double[] row = d < descriptors.size() ? balancedAccuracy[d] : meanBalancedAccuracy();
            t.stringColumn(0).append(d < descriptors.size() ? descriptors.get(d) : "mean");
            for (int k = 0; k < radii.length; k++) {
                t.doubleColumn(k + 1).append(100 * row[k]);
            }
        }
        return t;
    }

    /**
     * Command line: runs the scan of {@link IceDescriptors#radiusScan()} over
     * {@link IceDescriptors#shellRadiusCandidates()} with {@link IceStudy#standard()}, training every reverse-fold
     * network the models directory does not hold yet (the course ships them in notebooks/data/ice-models), and
     * prints the table and the chosen radius:
     * <pre>
     * java -cp ... org.physml.ice.classify.ShellRadiusSelection [data-dir [models-dir [cache-dir]]]
     * </pre>
     * Defaults as for {@link IceStudy#main}.
     */
    public static void main(String[] args) {
        StudyPaths paths = StudyPaths.of(args);
        Path data = paths.data();
        Path models = paths.models();
        Path cache = paths.cache();
        ShellRadiusSelection s = scan(IceStudy.standard(), IceDescriptors.radiusScan(),
                IceDescriptors.shellRadiusCandidates(), IceDataSource.open(data), new FeatureCache(cache),
                new ModelStore(List.of(models), models), false, (r, e) -> System.err.printf(Locale.ROOT,
                        "%s, r_avg = %.1f A: %.2f %% (%s)%n", e.name(), r, 100 * e.balancedAccuracy(),
                        e.trainedNow() ? "trained" : "stored"));
        System.out.println(s.table("reverse fold (train _b, test _a): balanced accuracy").printAll());
        System.out.printf(Locale.ROOT, "selected r_avg = %.1f A%n", s.selectedRadius());
    }
}
