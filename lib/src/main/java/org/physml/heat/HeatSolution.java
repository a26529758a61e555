package org.physml.heat;

import java.util.Arrays;

/**
 * Result of an {@link FtcsSolver} run: the grid, the output times and the temperature at those times.
 *
 * <p>If the run was {@link #unstable()} (r &gt; 1/2, only possible with an explicit opt-in) the numbers are a
 * demonstration of the instability, not an approximation of the PDE. If it {@link #blewUp()}, the march was
 * stopped at the first step that produced a non-finite value; the snapshots stored before that step are
 * kept (all finite) and {@link #blowUpTime()} says when it happened.
 */
public final class HeatSolution {
    private final double[] x;
    private final double[] times;
    private final double[][] temperatures;
    private final double r;
    private final double dt;
    private final double dx;
    private final long steps;
    private final double blowUpTime;

    HeatSolution(double[] x, double[] times, double[][] temperatures, double r, double dt, double dx,
                 long steps, double blowUpTime) {
        this.x = x;
        this.times = times;
        this.temperatures = temperatures;
        this.r = r;
        this.dt = dt;
        this.dx = dx;
        this.steps = steps;
        this.blowUpTime = blowUpTime;
    }

    /** Grid points x_i = i dx, i = 0..n_x-1, length n_x (a copy). */
    public double[] x() {
        return x.clone();
    }

    /** Times of the stored snapshots, increasing, length n_t (a copy). */
    public double[] times() {
        return times.clone();
    }

    /** Temperatures, shape [n_t][n_x]: row k is T(times()[k], x) (a deep copy). */
    public double[][] temperatures() {
        double[][] c = new double[temperatures.length][];
        for (int k = 0; k < c.length; k++) {
            c[k] = temperatures[k].clone();
        }
        return c;
    }

    /** Snapshot k, length n_x (a copy). @throws IndexOutOfBoundsException if k is not in [0, n_t) */
    public double[] temperature(int k) {
        return temperatures[k].clone();
    }

    /** Number of stored snapshots n_t. */
    public int snapshotCount() {
        return times.length;
    }

    /** Mesh Fourier number r = a dt / dx^2 of the full steps. */
    public double r() {
        return r;
    }

    /** Time step of the full steps. */
    public double dt() {
        return dt;
    }

    /** Grid spacing dx = L / (n_x - 1). */
    public double dx() {
        return dx;
    }

    /** Number of time steps taken (including shortened steps that land on output times). */
    public long steps() {
        return steps;
    }

    /** True if r &gt; 1/2, i.e. the scheme violated the von Neumann limit (explicit opt-in). */
    public boolean unstable() {
        return r > FtcsSolver.R_MAX * (1 + FtcsSolver.R_TOLERANCE);
    }

    /** True if the march produced a non-finite temperature and was stopped. */
    public boolean blewUp() {
        return !Double.isNaN(blowUpTime);
    }

    /** Time of the first step that produced a non-finite value, or NaN if the run did not blow up. */
    public double blowUpTime() {
        return blowUpTime;
    }

    /** Largest |T| over all stored snapshots. */
    public double maxAbs() {
        double m = 0;
        for (double[] row : temperatures) {
            for (double v : row) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return "HeatSolution[n_x=" + x.length + ", n_t=" + times.length + ", dx=" + dx + ", dt=" + dt
                + ", r=" + r + ", steps=" + steps + (unstable() ? ", UNSTABLE" : "")
                + (blewUp() ? ", blew up at t=" + blowUpTime : "") + ", times=" + Arrays.toString(times) + "]";
    }
}
