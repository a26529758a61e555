package org.physml.surrogate;

/**
 * One linear (Debye-like) piece of an acoustic phonon branch in Holland's model: group velocity v on
 * omegaLow &lt; omega &lt;= omegaHigh, with degeneracy g (2 for the transverse pair, 1 for LA).
 *
 * <p>Density of states per unit volume and unit angular frequency, as in Holland's kinetic integrand
 * (Phys. Rev. 132, 2461 (1963); the per-segment prefactor C_i = k_B (k_B/hbar)^3 / (2 pi^2 v_i) of his
 * conductivity integrals):
 * <pre>  D(omega) = g omega^2 / (2 pi^2 v^3)   [s m^-3]</pre>
 * Wavevector of the continuous piecewise-linear dispersion: q(omega) = qLow + (omega - omegaLow) / v, and
 * wavelength lambda = 2 pi / q.
 *
 * @param kind      which of Holland's segments this is (selects the phonon-phonon scattering law)
 * @param degeneracy number of polarisations g, &gt;= 1
 * @param velocity  group velocity v, m/s
 * @param omegaLow  lower frequency limit, rad/s, &gt;= 0
 * @param omegaHigh upper frequency limit, rad/s, &gt; omegaLow
 * @param qLow      wavevector at omegaLow, 1/m, &gt;= 0
 */
public record PhononSegment(Kind kind, int degeneracy, double velocity, double omegaLow, double omegaHigh,
                            double qLow) {

    /** Holland's spectral segments. */
    public enum Kind {
        /** Transverse acoustic, low-frequency part (normal three-phonon scattering). */
        TA_N,
        /** Transverse acoustic, high-frequency part (umklapp scattering). */
        TA_U,
        /** Longitudinal acoustic. */
        LA
    }

    /** @throws IllegalArgumentException on a null kind, g &lt; 1, v &lt;= 0, or an empty frequency range */
    public PhononSegment {
        if (kind == null) {
            throw new IllegalArgumentException("segment kind must not be null");
        }
        if (degeneracy < 1) {
            throw new IllegalArgumentException("degeneracy must be >= 1, got " + degeneracy);
        }
        if (!(velocity > 0.0) || !Double.isFinite(velocity)) {
            throw new IllegalArgumentException("velocity must be a positive finite number (m/s), got " + velocity);
        }
        if (!(omegaLow >= 0.0) || !(omegaHigh > omegaLow) || !Double.isFinite(omegaHigh)) {
            throw new IllegalArgumentException("need 0 <= omegaLow < omegaHigh < inf (rad/s), got ["
                    + omegaLow + ", " + omegaHigh + "]");
        }
        if (!(qLow >= 0.0) || !Double.isFinite(qLow)) {
            throw new IllegalArgumentException("qLow must be >= 0 and finite (1/m), got " + qLow);
        }
    }

    /** Density of states D(omega) = g omega^2 / (2 pi^2 v^3), s m^-3 (states per m^3 per rad/s). */
    public double densityOfStates(double omega) {
        return degeneracy * omega * omega / (2.0 * Math.PI * Math.PI * velocity * velocity * velocity);
    }

    /** Wavevector q(omega) = qLow + (omega - omegaLow) / v, 1/m. */
    public double wavevector(double omega) {
        return qLow + (omega - omegaLow) / velocity;
    }

    /** Phonon wavelength lambda = 2 pi / q(omega), m. */
    public double wavelength(double omega) {
        return 2.0 * Math.PI / wavevector(omega);
    }
}
