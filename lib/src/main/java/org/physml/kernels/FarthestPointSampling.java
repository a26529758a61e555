package org.physml.kernels;

import java.util.Arrays;

/**
 * The sparse-point rule of {@link SoapGap}: farthest-point sampling (greedy max-min) in descriptor space. The first
 * point is the given start; each next point is the candidate whose smallest Euclidean distance to the points
 * already chosen is largest (ties to the lower index). Deterministic; it spreads the sparse points over the whole
 * range of environments, outliers included, which random sampling would pick in proportion to their (small)
 * number. Cost O(N M D).
 */
public final class FarthestPointSampling {
    private FarthestPointSampling() {
    }

    /**
     * @param x     candidates, [N][D]
     * @param m     number of points to choose, 1..N
     * @param start index of the first point
     * @return indices of the chosen points, in the order chosen, length m
     * @throws IllegalArgumentException if m or start is out of range
     */
    public static int[] select(double[][] x, int m, int start) {
        int n = x.length;
        if (m < 1 || m > n) {
            throw new IllegalArgumentException("cannot choose " + m + " points out of " + n);
        }
        if (start < 0 || start >= n) {
            throw new IllegalArgumentException("start index " + start + " outside 0.." + (n - 1));
        }
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        int[] chosen = new int[m];
        chosen[0] = start;
        for (int k = 1; k < m; k++) {
            double[] last = x[chosen[k - 1]];
            int best = -1;
            double bestD = -1;
            for (int i = 0; i < n; i++) {
                double d = 0;
                for (int j = 0; j < last.length; j++) {
                    double t = x[i][j] - last[j];
                    d += t * t;
                }
                if (d < dist[i]) {
                    dist[i] = d;
                }
                if (dist[i] > bestD) {
                    bestD = dist[i];
                    best = i;
                }
            }
            chosen[k] = best;
        }
        return chosen;
    }
}
