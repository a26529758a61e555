package org.physml.md;

import java.util.Objects;

import org.physml.potentials.Potential;

/**
 * The velocity-Verlet integrator of Newton's equations m_i d^2 r_i/dt^2 = F_i(r) (W. C. Swope, H. C. Andersen,
 * P. H. Berens and K. R. Wilson, J. Chem. Phys. 76, 637 (1982)); one step of length dt:
 * <pre>
 *   v_i(t + dt/2) = v_i(t) + (dt / 2) F_i(t) / m_i
 *   r_i(t + dt)   = r_i(t) + dt v_i(t + dt/2)
 *   F_i(t + dt)   = F_i(r(t + dt))                       (one call of the potential)
 *   v_i(t + dt)   = v_i(t + dt/2) + (dt / 2) F_i(t + dt) / m_i
 * </pre>
 * with F/m converted by {@link MdUnits#EV_PER_ANGSTROM_AMU_IN_ANGSTROM_PER_FS2}. The scheme is symplectic and
 * time-reversible; its global error is O(dt^2) and, for a smooth potential, the energy error oscillates with an
 * amplitude proportional to dt^2 without drifting (it conserves a "shadow" Hamiltonian that differs from the true one
 * by O(dt^2); E. Hairer, C. Lubich and G. Wanner, Acta Numerica 12, 399 (2003)). With forces that sum to zero
 * (Newton's third law) the total momentum is conserved to round-off. NVE: particle number, volume (the cell) and
 * energy are constant.
 *
 * <p>Immutable; the state it advances is not.
 */
public final class VelocityVerlet {
    private final Potential potential;
    private final double dt;

    /**
     * @param potential energy and forces (eV, eV/Angstrom)
     * @param dt        time step, fs, finite and &gt; 0
     * @throws IllegalArgumentException on a non-positive or non-finite dt
     */
    public VelocityVerlet(Potential potential, double dt) {
        this.potential = Objects.requireNonNull(potential, "potential");
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("the time step dt must be finite and > 0 fs, got " + dt);
        }
        this.dt = dt;
    }

    /** The time step dt, fs. */
    public double dt() {
        return dt;
    }

    /** The potential. */
    public Potential potential() {
        return potential;
    }

    /**
     * Evaluates energy and forces at the current positions if the state does not hold those of this potential yet
     * (the first step does this itself).
     */
    public void prepare(MdState s) {
        if (!s.hasForcesOf(potential)) {
            s.evaluate(potential);
        }
    }

    /**
     * Advances the state by one step dt.
     *
     * @throws IllegalArgumentException if the potential rejects the structure (e.g. an unknown species)
     * @throws IllegalStateException    if a position or velocity becomes non-finite (a time step far too large, or
     *                                  atoms pushed into each other)
     */
    public void step(MdState s) {
        prepare(s);
        double[][] r = s.positionsView(), v = s.velocitiesView(), f = s.forcesView();
        double half = 0.5 * dt * MdUnits.EV_PER_ANGSTROM_AMU_IN_ANGSTROM_PER_FS2;
        for (int i = 0; i < s.size(); i++) {
            double c = half / s.mass(i);
            for (int a = 0; a < 3; a++) {
                v[i][a] += c * f[i][a];
                r[i][a] += dt * v[i][a];
            }
            if (!(Double.isFinite(r[i][0]) && Double.isFinite(r[i][1]) && Double.isFinite(r[i][2]))) {
                throw new IllegalStateException("atom " + i + " left to a non-finite position at t = " + s.time()
                        + " fs: the time step dt = " + dt + " fs is too large or the forces diverge");
            }
        }
        s.evaluate(potential);
        f = s.forcesView();
        for (int i = 0; i < s.size(); i++) {
            double c = half / s.mass(i);
            for (int a = 0; a < 3; a++) {
                v[i][a] += c * f[i][a];
            }
        }
        s.advanceTime(dt);
    }

    /**
     * Advances the state by {@code steps} steps, calling the observer after each (may be null).
     *
     * @throws IllegalArgumentException if steps is negative
     */
    public void run(MdState s, int steps, StepObserver observer) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        prepare(s);
        for (int k = 1; k <= steps; k++) {
            step(s);
            if (observer != null) {
                observer.afterStep(k, s);
            }
        }
    }

    /** Called after each step of {@link #run}. */
    @FunctionalInterface
    public interface StepObserver {
        /**
         * @param step  number of the step just taken, 1-based
         * @param state the state after it
         */
        void afterStep(int step, MdState state);
    }
}
