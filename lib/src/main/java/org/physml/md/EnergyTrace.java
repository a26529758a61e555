package org.physml.md;

import java.util.Arrays;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Time series of a run: time (fs), kinetic, potential and total energy (eV) and temperature (K), one row per
 * {@link #add} call, with the energy drift and fluctuation of an NVE run.
 *
 * <p>Drift: the slope of the least-squares line through E_tot(t) (Commons Math {@link SimpleRegression}), per atom,
 * reported in meV/atom/ns. A velocity-Verlet run with a smooth potential oscillates around a constant energy, so the
 * slope measures systematic heating or cooling (non-smooth forces, a too large dt), not the O(dt^2) oscillation,
 * which {@link #totalEnergyStd()} measures.
 */
public final class EnergyTrace {
    private final int atoms;
    private double[] t = new double[64], kin = new double[64], pot = new double[64], temp = new double[64];
    private int n;

    /**
     * @param atoms number of atoms (for the per-atom values), &gt;= 1
     * @throws IllegalArgumentException if atoms &lt; 1
     */
    public EnergyTrace(int atoms) {
        if (atoms < 1) {
            throw new IllegalArgumentException("need at least one atom, got " + atoms);
        }
        this.atoms = atoms;
    }

    /**
     * Records the state's time and energies.
     *
     * @throws IllegalArgumentException if the state has another number of atoms or no potential energy yet
     */
    public void add(MdState s) {
        if (s.size() != atoms) {
            throw new IllegalArgumentException("trace of " + atoms + " atoms, state has " + s.size());
        }
        if (Double.isNaN(s.potentialEnergy())) {
            throw new IllegalArgumentException("the state has no potential energy yet: call VelocityVerlet.prepare");
        }
        if (n == t.length) {
            t = Arrays.copyOf(t, 2 * n);
            kin = Arrays.copyOf(kin, 2 * n);
            pot = Arrays.copyOf(pot, 2 * n);
            temp = Arrays.copyOf(temp, 2 * n);
        }
        t[n] = s.time();
        kin[n] = s.kineticEnergy();
        pot[n] = s.potentialEnergy();
        temp[n] = s.temperature();
        n++;
    }

    /** Number of rows. */
    public int size() {
        return n;
    }

    /** Times, fs. */
    public double[] time() {
        return Arrays.copyOf(t, n);
    }

    /** Kinetic energies, eV. */
    public double[] kineticEnergy() {
        return Arrays.copyOf(kin, n);
    }

    /** Potential energies, eV. */
    public double[] potentialEnergy() {
        return Arrays.copyOf(pot, n);
    }

    /** Total energies E_kin + E_pot, eV. */
    public double[] totalEnergy() {
        double[] e = new double[n];
        for (int k = 0; k < n; k++) {
            e[k] = kin[k] + pot[k];
        }
        return e;
    }

    /** Instantaneous temperatures, K. */
    public double[] temperature() {
        return Arrays.copyOf(temp, n);
    }

    /** Mean temperature, K. */
    public double meanTemperature() {
        requireRows(1);
        return Arrays.stream(temp, 0, n).average().orElseThrow();
    }

    /**
     * Slope of the least-squares line through E_tot(t) divided by the number of atoms, meV/atom/ns.
     *
     * @throws IllegalStateException with fewer than 3 rows
     */
    public double driftMeVPerAtomPerNs() {
        requireRows(3);
        SimpleRegression fit = new SimpleRegression();
        double[] e = totalEnergy();
        for (int k = 0; k < n; k++) {
            fit.addData(t[k], e[k]);
        }
        return fit.getSlope() * 1000 * MdUnits.FS_PER_NS / atoms;
    }

    /**
     * Standard deviation of E_tot over the rows, eV (the size of the integrator's energy oscillation).
     *
     * @throws IllegalStateException with fewer than 2 rows
     */
    public double totalEnergyStd() {
        requireRows(2);
        double[] e = totalEnergy();
        double mean = Arrays.stream(e).average().orElseThrow();
        double ss = 0;
        for (double x : e) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (n - 1));
    }

    /** Largest |E_tot - E_tot(first row)|, eV. */
    public double maxTotalEnergyDeviation() {
        requireRows(1);
        double[] e = totalEnergy();
        double max = 0;
        for (double x : e) {
            max = Math.max(max, Math.abs(x - e[0]));
        }
        return max;
    }

    private void requireRows(int k) {
        if (n < k) {
            throw new IllegalStateException("need at least " + k + " rows, the trace has " + n);
        }
    }
}
