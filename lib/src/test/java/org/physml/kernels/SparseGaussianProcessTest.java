package org.physml.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

class SparseGaussianProcessTest {
    private static final DotProductKernel KERNEL = new DotProductKernel(4, 0.7);
    private static final int N = 30;

    // unit vectors in R^6 with a zero last component, so that e_6 is orthogonal to all of them
    private static double[][] inputs() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] x = new double[N][];
        for (int i = 0; i < N; i++) {
            double[] v = new double[6];
            for (int d = 0; d < 5; d++) {
                v[d] = rng.nextGaussian();
            }
            x[i] = DotProductKernel.normalise(v);
        }
        return x;
    }

    private static double target(double[] x) {
        return Math.sin(3 * x[0]) + x[1] * x[2];
    }

    private static List<double[][]> single(double[][] x) {
        List<double[][]> obs = new ArrayList<>();
        for (double[] v : x) {
            obs.add(new double[][]{v});
        }
        return obs;
    }

    private static SparseGaussianProcess fullGp(double[][] x, double sigma) {
        double[] y = Arrays.stream(x).mapToDouble(SparseGaussianProcessTest::target).toArray();
        double[] s = new double[N];
        Arrays.fill(s, sigma);
        return SparseGaussianProcess.fit(KERNEL, single(x), y, s, x);
    }

    @Test
    void interpolatesTheTrainingPointsAsTheNoiseVanishes() {
        double[][] x = inputs();
        double previous = Double.POSITIVE_INFINITY;
        for (double sigma : new double[]{1e-1, 1e-3, 1e-5}) {
            SparseGaussianProcess gp = fullGp(x, sigma);
            double worst = 0;
            for (double[] v : x) {
                worst = Math.max(worst, Math.abs(gp.predict(new double[][]{v}) - target(v)));
            }
            assertTrue(worst < previous, "the residual shrinks with sigma: " + worst + " at sigma " + sigma);
            previous = worst;
        }
        assertTrue(previous < 1e-4, "residual at sigma = 1e-5: " + previous);
    }

    @Test
    void fullGpMatchesKernelRidgeRegressionSolvedDirectly() {
        double[][] x = inputs();
        double sigma = 0.05;
        SparseGaussianProcess gp = fullGp(x, sigma);
        double[][] k = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                k[i][j] = KERNEL.value(x[i], x[j]) + (i == j ? sigma * sigma : 0);
            }
        }
        double[] y = Arrays.stream(x).mapToDouble(SparseGaussianProcessTest::target).toArray();
        double[] alpha = new LUDecomposition(new Array2DRowRealMatrix(k)).getSolver()
                .solve(new ArrayRealVector(y)).toArray();
        double[] probe = DotProductKernel.normalise(new double[]{0.3, -0.2, 0.5, 0.1, 0.4, 0.0});
        double expected = 0;
        for (int i = 0; i < N; i++) {
            expected += alpha[i] * KERNEL.value(probe, x[i]);
        }
        assertEquals(expected, gp.predict(new double[][]{probe}), 1e-8);
    }

    @Test
    void varianceIsZeroAtTrainingPointsAndThePriorFarAway() {
        double[][] x = inputs();
        SparseGaussianProcess gp = fullGp(x, 1e-6);
        double prior = KERNEL.delta() * KERNEL.delta();
        for (double[] v : x) {
            assertEquals(0.0, gp.variance(new double[][]{v}), 1e-6 * prior);
        }
        double[] far = {0, 0, 0, 0, 0, 1};   // orthogonal to every training point: k = 0
        assertEquals(prior, gp.variance(new double[][]{far}), 1e-12);
        assertEquals(0.0, gp.predict(new double[][]{far}), 1e-12);
        // in between the variance lies strictly between 0 and the prior
        double[] mid = DotProductKernel.normalise(new double[]{0.2, 0.1, -0.3, 0.2, 0.1, 0.9});
        double v = gp.variance(new double[][]{mid});
        assertTrue(v > 1e-6 * prior && v < prior, "variance " + v);
    }

    @Test
    void sumsOfEnvironmentsAreLearnedAsSums() {
        // observations are sums of two environments; a sparse GP with all environments as sparse points
        // reproduces the sums it was trained on
        double[][] x = inputs();
        List<double[][]> obs = new ArrayList<>();
        double[] y = new double[N / 2];
        for (int s = 0; s < N / 2; s++) {
            obs.add(new double[][]{x[2 * s], x[2 * s + 1]});
            y[s] = target(x[2 * s]) + target(x[2 * s + 1]);
        }
        double[] sigma = new double[N / 2];
        Arrays.fill(sigma, 1e-6);
        SparseGaussianProcess gp = SparseGaussianProcess.fit(KERNEL, obs, y, sigma, x);
        for (int s = 0; s < N / 2; s++) {
            assertEquals(y[s], gp.predict(obs.get(s)), 1e-4);
        }
    }

    @Test
    void rejectsBadInput() {
        double[][] x = inputs();
        assertThrows(IllegalArgumentException.class, () -> SparseGaussianProcess.fit(KERNEL, single(x),
                new double[N], new double[N], x));
        assertThrows(IllegalArgumentException.class, () -> SparseGaussianProcess.fit(KERNEL, single(x),
                new double[N - 1], new double[N], x));
        assertThrows(IllegalArgumentException.class, () -> new DotProductKernel(0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> DotProductKernel.normalise(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> FarthestPointSampling.select(x, N + 1, 0));
    }
}
