package org.physml.heat;

import java.util.function.DoubleBinaryOperator;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Grid-convergence study of FTCS at a fixed mesh Fourier number r: dx is halved {@code levels - 1} times
 * (n_x - 1 doubles), dt = r dx^2 / a follows, and the L2 and max errors against the exact solution at one
 * time are fitted as err ~ C dx^p by least squares on (log dx, log err) (Commons Math
 * {@link SimpleRegression}). Because dt is proportional to dx^2 at fixed r, the O(dt) + O(dx^2) error of FTCS
 * shows as p = 2. At r = 1/6 the leading truncation error a dx^2 (r/2 - 1/12) T_xxxx cancels and smooth,
 * boundary-compatible data converge with p = 4; the lecture problem does not (its initial value 0 and
 * boundary value 1 disagree at x = L, and the sampled initial data then carry an O(dx^2) error of their
 * own), so it converges with p = 2 at every r, including 1/6.
 */
public final class ConvergenceStudy {
    private ConvergenceStudy() {
    }

    /**
     * Result of a study.
     *
     * @param dx       grid spacings, length levels, halving
     * @param dt       time steps r dx^2 / a
     * @param l2Error  trapezoidal L2 error at time t ({@link ErrorNorms#l2Error})
     * @param maxError max error at time t
     * @param l2Order  fitted slope of log(l2Error) versus log(dx)
     * @param maxOrder fitted slope of log(maxError) versus log(dx)
     */
    public record Result(double[] dx, double[] dt, double[] l2Error, double[] maxError, double l2Order,
                         double maxOrder) {
    }

    /**
     * Run FTCS on {@code exact.problem()} at fixed r and compare with the series solution; see
     * {@link #atFixedR(HeatProblem, DoubleBinaryOperator, double, int, int, double)}.
     */
    public static Result atFixedR(ExactSolution exact, double r, int nx0, int levels, double t) {
        return atFixedR(exact.problem(), exact::temperature, r, nx0, levels, t);
    }

    /**
     * Run FTCS on {@code problem} at fixed r for n_x - 1 = (nx0 - 1) 2^j, j = 0..levels-1, and compare with
     * {@code exact} at time t (reached with full steps if t is a multiple of dt, see {@link FtcsSolver#solve}).
     *
     * @param problem the problem to solve
     * @param exact   its exact solution (x, t) -&gt; T
     * @param r       a dt / dx^2, in (0, 1/2]
     * @param nx0     grid points on the coarsest grid, &gt;= 3
     * @param levels  number of grids, &gt;= 2
     * @param t       comparison time, &gt; 0
     * @throws IllegalArgumentException on r outside (0, 1/2], nx0 &lt; 3, levels &lt; 2, t &lt;= 0, or a finest grid
     *                                  above 2^24 points
     */
    public static Result atFixedR(HeatProblem problem, DoubleBinaryOperator exact, double r, int nx0, int levels,
                                  double t) {
        if (levels < 2) {
            throw new IllegalArgumentException("need at least 2 grid levels to fit an order, got " + levels);
        }
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("comparison time t must be finite and > 0, got " + t);
        }
        if (nx0 < 3 || (long) (nx0 - 1) << (levels - 1) > (1 << 24)) {
            throw new IllegalArgumentException("n_x0 must be >= 3 and the finest grid at most 2^24 points, got n_x0 = "
                    + nx0 + ", levels = " + levels);
        }
        double[] dx = new double[levels];
        double[] dt = new double[levels];
        double[] l2 = new double[levels];
        double[] max = new double[levels];
        SimpleRegression fitL2 = new SimpleRegression();
        SimpleRegression fitMax = new SimpleRegression();
        for (int j = 0; j < levels; j++) {
            int nx = (nx0 - 1) * (1 << j) + 1;
            FtcsSolver solver = FtcsSolver.withR(problem, nx, r);
            HeatSolution sol = solver.solve(t);
            double[] x = sol.x();
            double[] numeric = sol.temperature(sol.snapshotCount() - 1);
            double[] ref = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                ref[i] = exact.applyAsDouble(x[i], t);
            }
            dx[j] = solver.dx();
            dt[j] = solver.dt();
            l2[j] = ErrorNorms.l2Error(x, numeric, ref);
            max[j] = ErrorNorms.maxError(numeric, ref);
            fitL2.addData(Math.log(dx[j]), Math.log(l2[j]));
            fitMax.addData(Math.log(dx[j]), Math.log(max[j]));
        }
        return new Result(dx, dt, l2, max, fitL2.getSlope(), fitMax.getSlope());
    }
}
