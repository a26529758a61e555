package org.physml.heat;

import java.util.ArrayList;
import java.util.List;

/**
 * Explicit forward-time centred-space (FTCS) finite differences for T_t = a T_xx with Dirichlet boundary
 * values:
 *
 * <pre>
 *   T_i^{k+1} = T_i^k + r (T_{i+1}^k - 2 T_i^k + T_{i-1}^k),   r = a dt / dx^2,
 *   T_0^{k+1} = leftBoundary(t_{k+1}),  T_{n-1}^{k+1} = rightBoundary(t_{k+1}),
 * </pre>
 *
 * on the uniform grid x_i = i dx, dx = L / (n_x - 1) (the standard explicit scheme, e.g. Strikwerda,
 * <i>Finite Difference Schemes and Partial Differential Equations</i>, 2nd ed., SIAM 2004, chapter on parabolic
 * equations). The scheme is first order in dt and
 * second order in dx; at fixed r its error is O(dx^2), except at r = 1/6 where the leading truncation
 * error a dx^2 (r/2 - 1/12) T_xxxx cancels and it becomes O(dx^4).
 *
 * <p>Stability (von Neumann): the amplification factor of the Fourier mode e^{i theta j} is
 * g = 1 - 4 r sin^2(theta/2), and |g| &lt;= 1 for all theta iff r &lt;= 1/2, i.e.
 * dt &lt;= dt_max = dx^2 / (2 a) (derived by inserting T_j^k = g^k e^{i theta j} into the update).
 * {@link #create} refuses larger steps;
 * {@link #allowUnstable} accepts them for demonstrations and the result is flagged
 * {@link HeatSolution#unstable()}. For r &lt;= 1/2 the update is a convex combination of old values, so the
 * discrete maximum principle holds.
 *
 * <p>Instances are immutable; {@code solve...} may be called repeatedly.
 */
public final class FtcsSolver {
    /** The von Neumann limit r = 1/2. */
    public static final double R_MAX = 0.5;
    /** Relative slack on r &lt;= 1/2 so that r = 1/2 computed in floating point is accepted. */
    static final double R_TOLERANCE = 1e-12;
    /** Output times within this fraction of dt of a step boundary are taken at that step. */
    private static final double TIME_SNAP = 1e-9;

    private final HeatProblem problem;
    private final int nx;
    private final double dt;
    private final double dx;
    private final double r;
    private final double[] x;

    private FtcsSolver(HeatProblem problem, int nx, double dt, boolean allowUnstable) {
        if (problem == null) {
            throw new IllegalArgumentException("problem must not be null");
        }
        if (nx < 3) {
            throw new IllegalArgumentException("need n_x >= 3 grid points (two boundary nodes and at least one"
                    + " interior node), got " + nx);
        }
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("time step dt must be finite and > 0, got " + dt);
        }
        this.problem = problem;
        this.nx = nx;
        this.dt = dt;
        this.dx = problem.length() / (nx - 1);
        this.r = problem.a() * dt / (dx * dx);
        if (!allowUnstable && r > R_MAX * (1 + R_TOLERANCE)) {
            throw new IllegalArgumentException("FTCS is unstable for r = a dt / dx^2 = " + r + " > 1/2 (a = "
                    + problem.a() + ", dx = " + dx + ", dt = " + dt + "); the largest stable time step is dt_max"
                    + " = dx^2 / (2 a) = " + maxStableDt(problem.a(), dx)
                    + " (use FtcsSolver.allowUnstable(...) to run it anyway as a demonstration)");
        }
        this.x = new double[nx];
        for (int i = 0; i < nx; i++) {
            x[i] = i * dx;
        }
        x[nx - 1] = problem.length();
    }

    /**
     * A solver that requires stability.
     *
     * @param problem the PDE, boundary values and initial profile
     * @param nx      number of grid points including both boundary nodes, &gt;= 3
     * @param dt      time step, &gt; 0
     * @throws IllegalArgumentException if r = a dt / dx^2 &gt; 1/2 (the message states r and
     *                                  dt_max = dx^2 / (2 a)), or nx &lt; 3, or dt is not positive and finite
     */
    public static FtcsSolver create(HeatProblem problem, int nx, double dt) {
        return new FtcsSolver(problem, nx, dt, false);
    }

    /**
     * A solver with the time step chosen from the mesh Fourier number: dt = r dx^2 / a.
     *
     * @throws IllegalArgumentException if r &gt; 1/2 or is not positive and finite, or nx &lt; 3
     */
    public static FtcsSolver withR(HeatProblem problem, int nx, double r) {
        if (!(r > 0) || !Double.isFinite(r)) {
            throw new IllegalArgumentException("r = a dt / dx^2 must be finite and > 0, got " + r);
        }
        double dx = problem.length() / (nx - 1);
        return create(problem, nx, r * dx * dx / problem.a());
    }

    /**
     * A solver that accepts r &gt; 1/2, for demonstrating the instability. Results are flagged
     * {@link HeatSolution#unstable()}; growth to non-finite values is reported by
     * {@link HeatSolution#blewUp()}.
     *
     * @throws IllegalArgumentException if nx &lt; 3 or dt is not positive and finite
     */
    public static FtcsSolver allowUnstable(HeatProblem problem, int nx, double dt) {
        return new FtcsSolver(problem, nx, dt, true);
    }

    /** The largest stable FTCS time step dt_max = dx^2 / (2 a). */
    public static double maxStableDt(double a, double dx) {
        return dx * dx / (2 * a);
    }

    /** r = a dt / dx^2. */
    public double r() {
        return r;
    }

    /** The time step. */
    public double dt() {
        return dt;
    }

    /** dx = L / (n_x - 1). */
    public double dx() {
        return dx;
    }

    /** Number of grid points n_x. */
    public int nx() {
        return nx;
    }

    /**
     * March from t = 0 and store T at the requested times. An output time that is not a multiple of dt
     * (to within 1e-9 dt) is reached with one shortened step (smaller r, so still stable); the march then
     * continues from it with the full dt.
     *
     * @param outputTimes strictly increasing times &gt;= 0 (0 stores the initial grid values)
     * @throws IllegalArgumentException if the times are empty, negative, non-finite or not increasing, or a
     *                                  boundary value / the initial profile returns a non-finite number
     */
    public HeatSolution solve(double... outputTimes) {
        if (outputTimes == null || outputTimes.length == 0) {
            throw new IllegalArgumentException("need at least one output time");
        }
        for (int k = 0; k < outputTimes.length; k++) {
            double t = outputTimes[k];
            if (!(t >= 0) || !Double.isFinite(t)) {
                throw new IllegalArgumentException("output time " + k + " must be finite and >= 0, got " + t);
            }
            if (k > 0 && !(t > outputTimes[k - 1])) {
                throw new IllegalArgumentException("output times must be strictly increasing, got "
                        + outputTimes[k - 1] + " then " + t + " at index " + k);
            }
        }
        return march(outputTimes, 0);
    }

    /**
     * March from t = 0 to tEnd and store T at t = 0, after every {@code everySteps} steps and at tEnd
     * (reached with a shortened last step if tEnd is not a multiple of dt).
     *
     * @throws IllegalArgumentException if tEnd is not finite and &gt; 0 or everySteps &lt; 1
     */
    public HeatSolution solveEvery(double tEnd, int everySteps) {
        if (!(tEnd > 0) || !Double.isFinite(tEnd)) {
            throw new IllegalArgumentException("end time must be finite and > 0, got " + tEnd);
        }
        if (everySteps < 1) {
            throw new IllegalArgumentException("snapshot interval must be >= 1 step, got " + everySteps);
        }
        return march(new double[]{tEnd}, everySteps);
    }

    /** The core loop: outputs at the given times and, if every &gt; 0, every that many full steps. */
    private HeatSolution march(double[] outputTimes, int every) {
        double[] cur = new double[nx];
        double[] next = new double[nx];
        for (int i = 1; i < nx - 1; i++) {
            cur[i] = checked("initial profile T(0, x) at x = " + x[i], problem.initialProfile().applyAsDouble(x[i]));
        }
        cur[0] = boundary(true, 0);
        cur[nx - 1] = boundary(false, 0);

        List<Double> times = new ArrayList<>();
        List<double[]> snaps = new ArrayList<>();
        if (every > 0 || outputTimes[0] == 0) {
            times.add(0.0);
            snaps.add(cur.clone());
        }
        double t = 0;
        double tBase = 0;   // time of the last landing; t = tBase + m dt avoids accumulating round-off
        long m = 0;
        long steps = 0;
        long fullSteps = 0;
        double blowUp = Double.NaN;
        int nextOut = outputTimes[0] == 0 ? 1 : 0;
        march:
        while (nextOut < outputTimes.length) {
            double target = outputTimes[nextOut];
            while (true) {
                double remaining = target - t;
                boolean lands = remaining <= dt * (1 + TIME_SNAP);
                double h = lands ? remaining : dt;
                double tNew = lands ? target : tBase + (m + 1) * dt;
                step(cur, next, h, tNew);
                double[] swap = cur;
                cur = next;
                next = swap;
                t = tNew;
                m++;
                steps++;
                if (!allFinite(cur)) {
                    blowUp = t;
                    break march;
                }
                boolean full = !lands || Math.abs(remaining - dt) <= dt * TIME_SNAP;
                if (full) {
                    fullSteps++;
                }
                if (lands) {
                    tBase = t;
                    m = 0;
                    times.add(t);
                    snaps.add(cur.clone());
                    nextOut++;
                    break;
                }
                if (every > 0 && fullSteps % every == 0) {
                    times.add(t);
                    snaps.add(cur.clone());
                }
            }
        }
        double[] tArr = times.stream().mapToDouble(Double::doubleValue).toArray();
        return new HeatSolution(x.clone(), tArr, snaps.toArray(new double[0][]), r, dt, dx, steps, blowUp);
    }

    /** One FTCS step of size h from cur to next, with boundary values at the new time tNew. */
    private void step(double[] cur, double[] next, double h, double tNew) {
        double rh = problem.a() * h / (dx * dx);
        for (int i = 1; i < nx - 1; i++) {
            next[i] = cur[i] + rh * (cur[i + 1] - 2 * cur[i] + cur[i - 1]);
        }
        next[0] = boundary(true, tNew);
        next[nx - 1] = boundary(false, tNew);
    }

    private double boundary(boolean left, double t) {
        double v = (left ? problem.leftBoundary() : problem.rightBoundary()).applyAsDouble(t);
        return checked((left ? "left boundary value T(t, 0)" : "right boundary value T(t, L)") + " at t = " + t, v);
    }

    private static double checked(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite, got " + v);
        }
        return v;
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }
}
