package org.physml.potentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.physml.descriptors.snap.Bispectrum;

/**
 * A committee of linear SNAP models, each fitted to a bootstrap resample of the training structures (drawn with
 * replacement, as many as there are), whose spread of predicted forces estimates how far a structure lies from the
 * training data: the query-by-committee idea behind active-learning schemes such as DP-GEN (Y. Zhang, H. Wang,
 * W. Chen, J. Zeng, L. Zhang, H. Wang and W. E, "DP-GEN: A concurrent learning platform for the generation of
 * reliable deep learning based potential energy models", arXiv:1910.12690), whose error indicator is the maximal
 * standard deviation of the atomic forces predicted by an ensemble of models.
 *
 * @param members the fitted models, at least two
 */
public record SnapCommittee(List<LinearSnap> members) {

    /** @throws IllegalArgumentException if fewer than two members are given */
    public SnapCommittee {
        members = List.copyOf(Objects.requireNonNull(members, "members"));
        if (members.size() < 2) {
            throw new IllegalArgumentException("a committee needs at least two members, got " + members.size());
        }
    }

    /**
     * Fits {@code size} members, member m to a bootstrap resample of {@code data} drawn with the random stream of
     * {@code seed} (the same seed gives the same committee).
     *
     * @param features the rows of {@code data} ({@link LinearSnapFitter#features}), in the same order
     * @param size     number of members, &gt;= 2
     * @throws IllegalArgumentException if size &lt; 2, or the lists are empty or of different lengths
     * @throws IllegalStateException    if a resample gives a rank-deficient system (too few structures)
     */
    public static SnapCommittee fit(LinearSnapFitter fitter, Bispectrum b, int[] species,
                                    List<LabelledStructure> data, List<SnapFeatures> features, int size, long seed) {
        if (size < 2) {
            throw new IllegalArgumentException("a committee needs at least two members, got " + size);
        }
        if (data.isEmpty() || data.size() != features.size()) {
            throw new IllegalArgumentException("need one feature set per structure and at least one structure, got "
                    + data.size() + " structures and " + features.size() + " feature sets");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<LinearSnap> out = new ArrayList<>(size);
        for (int m = 0; m < size; m++) {
            List<LabelledStructure> d = new ArrayList<>(data.size());
            List<SnapFeatures> f = new ArrayList<>(data.size());
            for (int k = 0; k < data.size(); k++) {
                int pick = rng.nextInt(data.size());
                d.add(data.get(pick));
                f.add(features.get(pick));
            }
            out.add(fitter.fit(b, species, d, f));
        }
        return new SnapCommittee(out);
    }

    /**
     * The committee's force disagreement on one structure, eV/Angstrom: the largest over atoms i of the standard
     * deviation of the members' force vectors, max_i sqrt(mean_m |F_i^m - mean_m' F_i^m'|^2) (the "max force
     * deviation" of DP-GEN, arXiv:1910.12690).
     *
     * @param f the structure's rows, computed with the members' bispectrum and species
     */
    public double forceDeviation(SnapFeatures f) {
        List<double[][]> forces = members.stream().map(m -> m.compute(f).forces()).toList();
        int n = forces.get(0).length;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double[] mean = new double[3];
            for (double[][] fm : forces) {
                for (int a = 0; a < 3; a++) {
                    mean[a] += fm[i][a] / forces.size();
                }
            }
            double var = 0;
            for (double[][] fm : forces) {
                for (int a = 0; a < 3; a++) {
                    var += (fm[i][a] - mean[a]) * (fm[i][a] - mean[a]) / forces.size();
                }
            }
            worst = Math.max(worst, Math.sqrt(var));
        }
        return worst;
    }
}
