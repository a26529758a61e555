package org.physml.md;

/**
 * The weak-coupling thermostat of H. J. C. Berendsen, J. P. M. Postma, W. F. van Gunsteren, A. DiNola and
 * J. R. Haak, J. Chem. Phys. 81, 3684 (1984): after each integrator step every velocity is multiplied by
 * <pre>
 *   lambda = sqrt( 1 + (dt / tau) (T_0 / T - 1) ),
 * </pre>
 * so that the instantaneous temperature T relaxes to T_0 as dT/dt = (T_0 - T) / tau. It is meant for equilibration
 * only: it does not sample the canonical ensemble (kinetic-energy fluctuations are suppressed), which is why the
 * measurements of {@code org.physml.md} are taken in a following NVE run. Immutable.
 */
public final class BerendsenThermostat {
    private final double t0;
    private final double tau;

    /**
     * @param t0  target temperature T_0, K, finite and &gt; 0
     * @param tau coupling time tau, fs, finite and &gt; 0 (tau = dt rescales to T_0 in one step)
     * @throws IllegalArgumentException if T_0 or tau is not positive and finite
     */
    public BerendsenThermostat(double t0, double tau) {
        if (!(t0 > 0) || !Double.isFinite(t0)) {
            throw new IllegalArgumentException("the target temperature T_0 must be finite and > 0 K, got " + t0);
        }
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("the coupling time tau must be finite and > 0 fs, got " + tau);
        }
        this.t0 = t0;
        this.tau = tau;
    }

    /** Target temperature T_0, K. */
    public double targetTemperature() {
        return t0;
    }

    /** Coupling time tau, fs. */
    public double tau() {
        return tau;
    }

    /**
     * The scaling factor lambda for a state at temperature T after a step dt.
     *
     * @throws IllegalArgumentException if dt &gt; tau (lambda could become imaginary) or dt is not positive
     * @throws IllegalStateException    if T is zero (velocities at rest cannot be rescaled)
     */
    public double lambda(double temperature, double dt) {
        if (!(dt > 0) || dt > tau) {
            throw new IllegalArgumentException("need 0 < dt <= tau, got dt = " + dt + " fs, tau = " + tau + " fs");
        }
        if (!(temperature > 0)) {
            throw new IllegalStateException("the temperature is " + temperature + " K: all atoms at rest cannot be"
                    + " rescaled; assign velocities first (MaxwellBoltzmann.assign)");
        }
        return Math.sqrt(1 + dt / tau * (t0 / temperature - 1));
    }

    /** Rescales the velocities of the state after a step dt (see {@link #lambda}). */
    public void apply(MdState s, double dt) {
        s.scaleVelocities(lambda(s.temperature(), dt));
    }

    /**
     * Runs {@code steps} thermostatted steps: each a velocity-Verlet step followed by the rescaling.
     *
     * @param observer called after each step and rescaling (may be null)
     */
    public void run(VelocityVerlet integrator, MdState s, int steps, VelocityVerlet.StepObserver observer) {
        integrator.run(s, steps, (k, state) -> {
            apply(state, integrator.dt());
            if (observer != null) {
                observer.afterStep(k, state);
            }
        });
    }
}
