package org.physml.pinn;

import java.util.Arrays;

import org.physml.heat.ErrorNorms;
import org.physml.heat.ExactSolution;

/**
 * A trained network compared with the exact solution on a uniform (t, x) grid.
 *
 * <p>The corner (x, t) = (L, 0), where the initial value and the boundary value disagree, cannot be fitted
 * by a smooth network and dominates the error at small t, so the relative L2 error
 * (||T_pinn - T_exact||_2 / ||T_exact||_2 over grid values, {@link ErrorNorms#relativeL2}) is reported both over
 * all grid times and over t &gt;= t_late (default 0.05).
 *
 * @param x          grid x, length n_x, from 0 to L
 * @param t          grid t, length n_t, from 0 to t_max
 * @param predicted  network T, shape [n_t][n_x]
 * @param exact      exact T, shape [n_t][n_x] (t = 0 row: initial value inside, boundary values at the ends)
 * @param tLate      threshold of the "late" error
 * @param relL2All   relative L2 error over the whole grid
 * @param relL2Late  relative L2 error over rows with t &gt;= t_late
 * @param maxErrAll  max |T_pinn - T_exact| over the whole grid
 * @param maxErrLate max |T_pinn - T_exact| over rows with t &gt;= t_late
 */
public record PinnEvaluation(double[] x, double[] t, double[][] predicted, double[][] exact, double tLate,
                             double relL2All, double relL2Late, double maxErrAll, double maxErrLate) {

    /** Default threshold t_late = 0.05 of the late-time error. */
    public static final double DEFAULT_T_LATE = 0.05;

    /**
     * Evaluate on an n_x x n_t grid over [0, L] x [0, t_max] (L and t_max of the network).
     *
     * @throws IllegalArgumentException if n_x or n_t &lt; 2, t_late is outside (0, t_max], or the exact solution's
     *                                  L differs from the network's
     */
    public static PinnEvaluation onGrid(ForwardDerivativeMlp net, ExactSolution exactSolution, int nx, int nt,
                                        double tLate) {
        if (nx < 2 || nt < 2) {
            throw new IllegalArgumentException("grid needs n_x, n_t >= 2, got " + nx + ", " + nt);
        }
        if (!(tLate > 0) || tLate > net.tMax()) {
            throw new IllegalArgumentException("t_late must lie in (0, t_max = " + net.tMax() + "], got " + tLate);
        }
        if (exactSolution.length() != net.length()) {
            throw new IllegalArgumentException("exact solution has L = " + exactSolution.length()
                    + " but the network was scaled for L = " + net.length());
        }
        double[] x = linspace(0, net.length(), nx);
        double[] t = linspace(0, net.tMax(), nt);
        double[] xs = new double[nx * nt];
        double[] ts = new double[nx * nt];
        for (int k = 0; k < nt; k++) {
            for (int i = 0; i < nx; i++) {
                xs[k * nx + i] = x[i];
                ts[k * nx + i] = t[k];
            }
        }
        double[] flat = net.temperature(xs, ts);
        double[][] pred = new double[nt][];
        for (int k = 0; k < nt; k++) {
            pred[k] = Arrays.copyOfRange(flat, k * nx, (k + 1) * nx);
        }
        double[][] ex = exactSolution.temperature(x, t);
        int first = 0;
        while (t[first] < tLate - 1e-12 * net.tMax()) {
            first++;
        }
        double[][] predLate = Arrays.copyOfRange(pred, first, nt);
        double[][] exLate = Arrays.copyOfRange(ex, first, nt);
        return new PinnEvaluation(x, t, pred, ex, tLate, ErrorNorms.relativeL2(pred, ex),
                ErrorNorms.relativeL2(predLate, exLate), ErrorNorms.maxError(pred, ex),
                ErrorNorms.maxError(predLate, exLate));
    }

    /** {@link #onGrid(ForwardDerivativeMlp, ExactSolution, int, int, double)} with a 101 x 101 grid, t_late = 0.05. */
    public static PinnEvaluation onGrid(ForwardDerivativeMlp net, ExactSolution exactSolution) {
        return onGrid(net, exactSolution, 101, 101, DEFAULT_T_LATE);
    }

    private static double[] linspace(double a, double b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = a + (b - a) * i / (n - 1);
        }
        v[n - 1] = b;
        return v;
    }

    @Override
    public String toString() {
        return String.format("rel-L2 %.3e (t >= %.3g), %.3e (all t); max error %.3e (t >= %.3g), %.3e (all t)",
                relL2Late, tLate, relL2All, maxErrLate, tLate, maxErrAll);
    }
}
