package org.physml.surrogate;

/**
 * Heat capacity of a single harmonic mode in the Bose-Einstein distribution.
 *
 * <pre>  C(omega, T) = k_B x^2 e^x / (e^x - 1)^2 = k_B (x/2)^2 / sinh^2(x/2),   x = hbar omega / (k_B T)</pre>
 * (the derivative hbar omega dn/dT of the mode energy with n = 1/(e^x - 1)); the sinh form avoids overflow
 * for large x. Limits: C -&gt; k_B for x -&gt; 0 (classical equipartition), C ~ k_B x^2 e^-x for x &gt;&gt; 1.
 */
public final class BoseEinstein {

    private BoseEinstein() {
    }

    /**
     * Heat capacity of one mode, J/K.
     *
     * @param omega angular frequency, rad/s, &gt;= 0
     * @param T     temperature, K, &gt; 0
     * @throws IllegalArgumentException if omega &lt; 0 or T &lt;= 0 (or either is NaN)
     */
    public static double modeHeatCapacity(double omega, double T) {
        if (!(omega >= 0.0)) {
            throw new IllegalArgumentException("omega must be >= 0 rad/s, got " + omega);
        }
        if (!(T > 0.0)) {
            throw new IllegalArgumentException("temperature must be > 0 K, got " + T);
        }
        double half = 0.5 * PhysicalConstants.HBAR * omega / (PhysicalConstants.K_B * T);
        if (half == 0.0) {
            return PhysicalConstants.K_B;
        }
        double s = Math.sinh(half);
        if (Double.isInfinite(s)) {
            return 0.0;
        }
        return PhysicalConstants.K_B * (half / s) * (half / s);
    }
}
