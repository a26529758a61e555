package org.physml.surrogate;

import java.util.List;

/**
 * Parameters of Holland's two-mode (Callaway-type) lattice thermal-conductivity model.
 *
 * <p>Holland splits the acoustic spectrum into three linear (Debye-like) segments:
 * <ul>
 *   <li>TA_N: transverse, 0 &lt; omega &lt;= omega_1, group velocity v_T, normal three-phonon scattering
 *       1/tau_TN = B_TN omega T^4;</li>
 *   <li>TA_U: transverse, omega_1 &lt; omega &lt;= omega_2, group velocity v_TU, umklapp scattering
 *       1/tau_TU = B_TU omega^2 / sinh(hbar omega / k_B T);</li>
 *   <li>LA: longitudinal, 0 &lt; omega &lt;= omega_3, group velocity v_L,
 *       1/tau_L = B_L omega^2 T^3;</li>
 * </ul>
 * with omega_i = k_B theta_i / hbar and point-defect (isotope) scattering 1/tau_I = A omega^4 on all
 * segments. Source of the model: M. G. Holland, "Analysis of lattice thermal conductivity",
 * Phys. Rev. 132, 2461 (1963).
 *
 * <p>Provenance of the numbers in {@link #silicon()}: Holland's paper itself was not reachable through the
 * project's literature search, so the table number in the paper is NOT verified. The values were looked
 * up in two independent public implementations of Holland's Si model that agree digit for digit:
 * (i) {@code MicrosystemsLab/PiezoD}, file {@code cantilever.m}, method
 * {@code thermal_conductivity_profile} (Stanford Microsystems Lab; it cites W. Liu et al., "Modeling and
 * data for thermal conductivity of ultrathin single-crystal SOI layers at high temperature",
 * IEEE Trans. Electron Devices 53, 1868 (2006), which uses Holland's parameters): v_T, v_TU, v_L,
 * theta_1..3, B_TN, B_TU, B_L; (ii) an unattributed MATLAB "Model Holland" script in the code index
 * (search id 6433203479) with the same v, theta and B values and A = 1.32e-45 s^3 in
 * 1/tau_I = A omega^4. PiezoD instead builds A from a mass-variance parameter, which gives 1.18e-45 s^3,
 * within 11 % of 1.32e-45 s^3.
 *
 * @param vT     TA group velocity below omega_1, m/s
 * @param vTU    TA group velocity between omega_1 and omega_2, m/s
 * @param vL     LA group velocity, m/s
 * @param theta1 TA split temperature, K (omega_1 = k_B theta_1 / hbar)
 * @param theta2 TA maximum temperature, K
 * @param theta3 LA maximum temperature, K
 * @param bTN    normal-process coefficient of TA_N, K^-4 (1/tau = B_TN omega T^4)
 * @param bTU    umklapp coefficient of TA_U, s (1/tau = B_TU omega^2 / sinh(hbar omega / k_B T))
 * @param bL     LA coefficient, s K^-3 (1/tau = B_L omega^2 T^3)
 * @param a      point-defect (isotope) coefficient, s^3 (1/tau = A omega^4)
 */
public record HollandParameters(double vT, double vTU, double vL, double theta1, double theta2, double theta3,
                                double bTN, double bTU, double bL, double a) {

    /**
     * @throws IllegalArgumentException if a velocity, temperature or coefficient is not a positive finite
     *                                  number, or theta_1 &gt;= theta_2
     */
    public HollandParameters {
        positive("v_T (m/s)", vT);
        positive("v_TU (m/s)", vTU);
        positive("v_L (m/s)", vL);
        positive("theta_1 (K)", theta1);
        positive("theta_2 (K)", theta2);
        positive("theta_3 (K)", theta3);
        positive("B_TN (K^-4)", bTN);
        positive("B_TU (s)", bTU);
        positive("B_L (s K^-3)", bL);
        positive("A (s^3)", a);
        if (theta1 >= theta2) {
            throw new IllegalArgumentException("theta_1 must be below theta_2, got theta_1 = " + theta1
                    + " K, theta_2 = " + theta2 + " K");
        }
    }

    /**
     * Holland's parameter set for natural silicon (provenance in the class comment):
     * v_T = 5860 m/s, v_TU = 2000 m/s, v_L = 8480 m/s, theta_1 = 180 K, theta_2 = 210 K, theta_3 = 570 K,
     * B_TN = 9.3e-13 K^-4, B_TU = 5.5e-18 s, B_L = 2.0e-24 s K^-3, A = 1.32e-45 s^3.
     */
    public static HollandParameters silicon() {
        return new HollandParameters(5860.0, 2000.0, 8480.0, 180.0, 210.0, 570.0,
                9.3e-13, 5.5e-18, 2.0e-24, 1.32e-45);
    }

    /** omega_1 = k_B theta_1 / hbar, rad/s. */
    public double omega1() {
        return PhysicalConstants.omegaOfTemperature(theta1);
    }

    /** omega_2 = k_B theta_2 / hbar, rad/s. */
    public double omega2() {
        return PhysicalConstants.omegaOfTemperature(theta2);
    }

    /** omega_3 = k_B theta_3 / hbar, rad/s. */
    public double omega3() {
        return PhysicalConstants.omegaOfTemperature(theta3);
    }

    /**
     * The three spectral segments TA_N, TA_U and LA.
     *
     * <p>Wavevectors follow the continuous piecewise-linear dispersion with these slopes: q = omega / v_T on
     * TA_N, q = omega_1 / v_T + (omega - omega_1) / v_TU on TA_U, q = omega / v_L on LA. (Holland's kinetic
     * integrand uses the Debye-like density of states of each segment, see {@link PhononSegment}; the
     * wavevector is only used for the phonon wavelength in the specularity.)
     */
    public List<PhononSegment> segments() {
        double w1 = omega1();
        return List.of(
                new PhononSegment(PhononSegment.Kind.TA_N, 2, vT, 0.0, w1, 0.0),
                new PhononSegment(PhononSegment.Kind.TA_U, 2, vTU, w1, omega2(), w1 / vT),
                new PhononSegment(PhononSegment.Kind.LA, 1, vL, 0.0, omega3(), 0.0));
    }

    private static void positive(String name, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
        }
    }
}
