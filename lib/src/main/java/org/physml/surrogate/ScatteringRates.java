package org.physml.surrogate;

/**
 * Phonon relaxation rates of Holland's model, combined by Matthiessen's rule.
 *
 * <pre>
 *   1/tau = 1/tau_pp(segment, omega, T) + 1/tau_I(omega) + 1/tau_B(v)
 *   1/tau_pp = B_TN omega T^4                         on TA_N (normal processes)
 *            = B_TU omega^2 / sinh(hbar omega / k_B T)  on TA_U (umklapp)
 *            = B_L omega^2 T^3                        on LA
 *   1/tau_I  = A omega^4                              point defects / isotopes (Rayleigh-like)
 *   1/tau_B  = v / L_C                                Casimir boundary scattering of a bulk crystal
 * </pre>
 * All rates in 1/s, omega in rad/s, T in K. Forms and coefficients: M. G. Holland, Phys. Rev. 132, 2461
 * (1963) (see {@link HollandParameters} for where the numbers were looked up). The film surfaces are NOT a
 * Matthiessen term here: they enter through the Fuchs-Sondheimer function ({@link FuchsSondheimer}).
 * L_C = infinity switches the Casimir term off (a laterally infinite film / an ideal bulk crystal).
 *
 * <p>Immutable and thread-safe.
 */
public final class ScatteringRates {
    private final HollandParameters params;
    private final double casimirLength;

    /**
     * @param params        Holland parameters
     * @param casimirLength Casimir length L_C of the bulk sample, m, &gt; 0; Double.POSITIVE_INFINITY for none
     * @throws IllegalArgumentException if params is null or L_C is not &gt; 0 (NaN rejected)
     */
    public ScatteringRates(HollandParameters params, double casimirLength) {
        if (params == null) {
            throw new IllegalArgumentException("Holland parameters must not be null");
        }
        if (!(casimirLength > 0.0)) {
            throw new IllegalArgumentException("Casimir length L_C must be > 0 m (or +Infinity for none), got "
                    + casimirLength);
        }
        this.params = params;
        this.casimirLength = casimirLength;
    }

    /** Rates without Casimir scattering (L_C = infinity). */
    public ScatteringRates(HollandParameters params) {
        this(params, Double.POSITIVE_INFINITY);
    }

    /** Casimir length L_C, m (+infinity when switched off). */
    public double casimirLength() {
        return casimirLength;
    }

    /**
     * Intrinsic three-phonon rate 1/tau_pp of the given segment, 1/s.
     *
     * @param kind  segment (selects the law)
     * @param omega angular frequency, rad/s, &gt; 0
     * @param T     temperature, K, &gt; 0
     * @throws IllegalArgumentException if omega or T is not positive and finite
     */
    public double phononPhonon(PhononSegment.Kind kind, double omega, double T) {
        checkOmega(omega);
        checkTemperature(T);
        switch (kind) {
            case TA_N:
                return params.bTN() * omega * T * T * T * T;
            case TA_U:
                return params.bTU() * omega * omega / Math.sinh(PhysicalConstants.HBAR * omega
                        / (PhysicalConstants.K_B * T));
            case LA:
                return params.bL() * omega * omega * T * T * T;
            default:
                throw new IllegalArgumentException("unknown segment kind " + kind);
        }
    }

    /**
     * Point-defect (isotope) rate 1/tau_I = A omega^4, 1/s.
     *
     * @throws IllegalArgumentException if omega is not positive and finite
     */
    public double pointDefect(double omega) {
        checkOmega(omega);
        double w2 = omega * omega;
        return params.a() * w2 * w2;
    }

    /** Casimir rate 1/tau_B = v / L_C, 1/s (0 when L_C is infinite). */
    public double casimir(double velocity) {
        return velocity / casimirLength;
    }

    /**
     * Matthiessen total 1/tau = 1/tau_pp + 1/tau_I + 1/tau_B for a phonon of the segment at omega, 1/s.
     *
     * @throws IllegalArgumentException if omega or T is not positive and finite
     */
    public double total(PhononSegment segment, double omega, double T) {
        return phononPhonon(segment.kind(), omega, T) + pointDefect(omega) + casimir(segment.velocity());
    }

    private static void checkOmega(double omega) {
        if (!(omega > 0.0) || Double.isInfinite(omega)) {
            throw new IllegalArgumentException("omega must be a positive finite angular frequency (rad/s), got "
                    + omega);
        }
    }

    private static void checkTemperature(double T) {
        if (!(T > 0.0) || Double.isInfinite(T)) {
            throw new IllegalArgumentException("temperature must be a positive finite number (K), got " + T);
        }
    }
}
