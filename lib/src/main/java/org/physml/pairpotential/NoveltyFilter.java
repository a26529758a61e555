package org.physml.pairpotential;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A novelty filter for building a training set (after V. Botu and R. Ramprasad, "Adaptive machine learning
 * framework to accelerate ab initio molecular dynamics", arXiv:1410.3353, who add a configuration only if its
 * fingerprint is new): candidates are visited in order and a structure is accepted only if some descriptor
 * component of some of its atoms lies outside the range [min_j - m r_j,
 * max_j + m r_j] of the structures accepted so far (r_j = max_j - min_j, m the margin). The first candidate is
 * always accepted. Cost O(atoms x D).
 */
public final class NoveltyFilter {
    private NoveltyFilter() {
    }

    /**
     * @param descriptors per candidate structure the descriptor rows of its atoms, [B][n_s][D]
     * @param margin      relative margin m &gt;= 0 of the range (0: any value outside the seen range is new)
     * @return indices of the accepted structures, in the order visited
     * @throws IllegalArgumentException if margin is negative or the rows differ in length
     */
    public static int[] select(List<double[][]> descriptors, double margin) {
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("margin must be >= 0, got " + margin);
        }
        List<Integer> accepted = new ArrayList<>();
        double[] lo = null;
        double[] hi = null;
        for (int s = 0; s < descriptors.size(); s++) {
            double[][] rows = descriptors.get(s);
            if (lo == null) {
                int d = rows[0].length;
                lo = new double[d];
                hi = new double[d];
                Arrays.fill(lo, Double.POSITIVE_INFINITY);
                Arrays.fill(hi, Double.NEGATIVE_INFINITY);
            }
            boolean novel = accepted.isEmpty();
            for (double[] g : rows) {
                if (g.length != lo.length) {
                    throw new IllegalArgumentException("structure " + s + " has rows of " + g.length
                            + " components, expected " + lo.length);
                }
                for (int j = 0; j < g.length && !novel; j++) {
                    double range = hi[j] - lo[j];
                    novel = g[j] < lo[j] - margin * range || g[j] > hi[j] + margin * range;
                }
            }
            if (novel) {
                accepted.add(s);
                for (double[] g : rows) {
                    for (int j = 0; j < g.length; j++) {
                        lo[j] = Math.min(lo[j], g[j]);
                        hi[j] = Math.max(hi[j], g[j]);
                    }
                }
            }
        }
        return accepted.stream().mapToInt(Integer::intValue).toArray();
    }
}
