package org.physml.surrogate;

/**
 * The two fundamental constants the phonon model needs, SI units.
 *
 * <p>Exact values of the 2019 SI / CODATA 2018: k_B = 1.380649e-23 J/K and h = 6.62607015e-34 J s
 * (defining constants), hbar = h / (2 pi).
 */
public final class PhysicalConstants {

    /** Boltzmann constant k_B, J/K (exact, SI 2019). */
    public static final double K_B = 1.380649e-23;

    /** Planck constant h, J s (exact, SI 2019). */
    public static final double H = 6.62607015e-34;

    /** Reduced Planck constant hbar = h / (2 pi), J s. */
    public static final double HBAR = H / (2.0 * Math.PI);

    private PhysicalConstants() {
    }

    /** Angular frequency omega = k_B theta / hbar, rad/s, of the characteristic temperature theta, K. */
    public static double omegaOfTemperature(double theta) {
        return K_B * theta / HBAR;
    }
}
