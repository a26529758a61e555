package org.physml.pinn;

import java.util.Random;

import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.physml.heat.HeatProblem;

/**
 * Draws {@link CollocationPoints} for a {@link HeatProblem} on [0, L] x [0, t_max].
 *
 * <ul>
 *   <li>Collocation points: a 2D Sobol sequence (Commons Math {@link SobolSequenceGenerator}) with a random
 *   shift modulo 1 (Cranley-Patterson rotation, so every draw is a different low-discrepancy set),
 *   (u, v) -&gt; (x, t) = (L u, t_max v^p).</li>
 *   <li>Boundary points: half at x = 0, half at x = L, t = t_max w^p with w stratified (one uniform draw in
 *   each of N equal strata).</li>
 *   <li>Initial points: t = 0, x = L w with w stratified in (0, 1); the corners x = 0, L belong to the
 *   boundary (where they disagree, as at (x, t) = (L, 0) in the lecture problem, the boundary value is
 *   what {@link HeatProblem} prescribes).</li>
 * </ul>
 * The time-warp exponent p &gt;= 1 concentrates points near t = 0, where the solution changes fastest
 * (density proportional to t^{1/p - 1}); p = 1 is uniform.
 */
public final class CollocationSampler {
    private final int nPde;
    private final int nBoundary;
    private final int nInitial;
    private final double timeWarp;

    /**
     * @param nPde      number of collocation points, &gt;= 1
     * @param nBoundary number of boundary points, even, &gt;= 2
     * @param nInitial  number of initial points, &gt;= 1
     * @param timeWarp  exponent p &gt;= 1 of t = t_max v^p
     * @throws IllegalArgumentException on counts or p out of range
     */
    public CollocationSampler(int nPde, int nBoundary, int nInitial, double timeWarp) {
        if (nPde < 1 || nInitial < 1 || nBoundary < 2 || nBoundary % 2 != 0) {
            throw new IllegalArgumentException("need N_pde >= 1, N_ic >= 1 and an even N_bc >= 2, got N_pde = "
                    + nPde + ", N_bc = " + nBoundary + ", N_ic = " + nInitial);
        }
        if (!(timeWarp >= 1) || !Double.isFinite(timeWarp)) {
            throw new IllegalArgumentException("time-warp exponent p must be finite and >= 1, got " + timeWarp);
        }
        this.nPde = nPde;
        this.nBoundary = nBoundary;
        this.nInitial = nInitial;
        this.timeWarp = timeWarp;
    }

    /**
     * Draw a set of points.
     *
     * @param problem boundary values and initial profile (targets), L
     * @param tMax    end of the time window, &gt; 0
     * @param rnd     source of the random shift and strata draws
     * @throws IllegalArgumentException if t_max is not positive and finite, or a target is not finite
     */
    public CollocationPoints sample(HeatProblem problem, double tMax, Random rnd) {
        if (!(tMax > 0) || !Double.isFinite(tMax)) {
            throw new IllegalArgumentException("t_max must be finite and > 0, got " + tMax);
        }
        double len = problem.length();
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2);
        sobol.skipTo(1); // the first Sobol point is the origin
        double s0 = rnd.nextDouble();
        double s1 = rnd.nextDouble();
        double[] xPde = new double[nPde];
        double[] tPde = new double[nPde];
        for (int i = 0; i < nPde; i++) {
            double[] uv = sobol.nextVector();
            xPde[i] = len * frac(uv[0] + s0);
            tPde[i] = tMax * Math.pow(frac(uv[1] + s1), timeWarp);
        }
        int half = nBoundary / 2;
        double[] xBc = new double[nBoundary];
        double[] tBc = new double[nBoundary];
        double[] tempBc = new double[nBoundary];
        for (int side = 0; side < 2; side++) {
            for (int k = 0; k < half; k++) {
                int i = side * half + k;
                double t = tMax * Math.pow((k + rnd.nextDouble()) / half, timeWarp);
                xBc[i] = side == 0 ? 0 : len;
                tBc[i] = t;
                tempBc[i] = finite("boundary value at t = " + t,
                        (side == 0 ? problem.leftBoundary() : problem.rightBoundary()).applyAsDouble(t));
            }
        }
        double[] xIc = new double[nInitial];
        double[] tempIc = new double[nInitial];
        for (int k = 0; k < nInitial; k++) {
            double x = len * (k + rnd.nextDouble()) / nInitial;
            xIc[k] = x;
            tempIc[k] = finite("initial value at x = " + x, problem.initialProfile().applyAsDouble(x));
        }
        return new CollocationPoints(xPde, tPde, xBc, tBc, tempBc, xIc, tempIc);
    }

    private static double frac(double v) {
        return v - Math.floor(v);
    }

    private static double finite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite, got " + v);
        }
        return v;
    }
}
