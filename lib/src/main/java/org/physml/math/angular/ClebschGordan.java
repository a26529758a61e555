package org.physml.math.angular;

import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Clebsch-Gordan coefficients of SU(2), &lt;j1 m1 j2 m2 | j m&gt;, in the doubled-integer labels of the SNAP
 * literature: every angular momentum and projection is passed as twice its value, so half-integers are
 * integers ({@code twoJ1 = 2 j1}, {@code twoM1 = 2 m1}, ...).
 *
 * <p>Formula: Racah's closed form, Varshalovich, Moskalev and Khersonskii, <i>Quantum Theory of Angular
 * Momentum</i> (World Scientific 1988), Sec. 8.2.1 Eq. (3), with the triangle coefficient Delta of
 * Eq. 8.2(1) (the formula LAMMPS's sna.cpp uses); Condon-Shortley phase convention. Factorials come from Commons
 * Math (exact doubles up to 20!, tabulated up to {@link #TABLE_SIZE} - 1); the SNAP bispectrum needs at most
 * (3 twojmax / 2 + 1)!, which is 37! at its largest twojmax of 24.
 *
 * <p>Used by the bispectrum's coupling table and by notebooks 06 and 07 (by hand).
 */
public final class ClebschGordan {
    /** Number of tabulated factorials 0!..(TABLE_SIZE - 1)!; larger arguments are computed on demand. */
    public static final int TABLE_SIZE = 38;
    private static final double[] FACTORIAL = new double[TABLE_SIZE];

    static {
        for (int n = 0; n < FACTORIAL.length; n++) {
            FACTORIAL[n] = CombinatoricsUtils.factorialDouble(n);
        }
    }

    private ClebschGordan() {
    }

    /**
     * The coefficient &lt;j1 m1 j2 m2 | j m&gt;, all arguments doubled.
     *
     * @return the coefficient; 0 when m1 + m2 != m, when a projection lies outside -j..j or has the wrong
     *         parity, or when (j1, j2, j) violate the triangle rule or j1 + j2 + j is not an integer
     * @throws IllegalArgumentException if an angular momentum is negative
     */
    public static double coefficient(int twoJ1, int twoM1, int twoJ2, int twoM2, int twoJ, int twoM) {
        if (twoJ1 < 0 || twoJ2 < 0 || twoJ < 0) {
            throw new IllegalArgumentException("angular momenta must be >= 0, got 2j1=" + twoJ1 + ", 2j2=" + twoJ2
                    + ", 2j=" + twoJ);
        }
        if (twoM1 + twoM2 != twoM || !projectionValid(twoJ1, twoM1) || !projectionValid(twoJ2, twoM2)
                || !projectionValid(twoJ, twoM)) {
            return 0.0;
        }
        if (twoJ < Math.abs(twoJ1 - twoJ2) || twoJ > twoJ1 + twoJ2 || (twoJ1 + twoJ2 + twoJ) % 2 != 0) {
            return 0.0;
        }
        // integer arguments of the factorials in VMK 8.2.1(3)
        int a = (twoJ1 + twoJ2 - twoJ) / 2;
        int b = (twoJ1 - twoM1) / 2;
        int c = (twoJ2 + twoM2) / 2;
        int d = (twoJ - twoJ2 + twoM1) / 2;
        int e = (twoJ - twoJ1 - twoM2) / 2;
        int zMin = Math.max(0, Math.max(-d, -e));
        int zMax = Math.min(a, Math.min(b, c));
        double sum = 0.0;
        for (int z = zMin; z <= zMax; z++) {
            double term = 1.0 / (f(z) * f(a - z) * f(b - z) * f(c - z) * f(d + z) * f(e + z));
            sum += (z % 2 == 0) ? term : -term;
        }
        double delta = Math.sqrt(f(a) * f((twoJ1 - twoJ2 + twoJ) / 2) * f((-twoJ1 + twoJ2 + twoJ) / 2)
                / f((twoJ1 + twoJ2 + twoJ) / 2 + 1));
        double norm = Math.sqrt(f((twoJ1 + twoM1) / 2) * f((twoJ1 - twoM1) / 2) * f((twoJ2 + twoM2) / 2)
                * f((twoJ2 - twoM2) / 2) * f((twoJ + twoM) / 2) * f((twoJ - twoM) / 2) * (twoJ + 1));
        return sum * delta * norm;
    }

    private static boolean projectionValid(int twoJ, int twoM) {
        return Math.abs(twoM) <= twoJ && ((twoJ + twoM) % 2 == 0);
    }

    private static double f(int n) {
        return n < FACTORIAL.length ? FACTORIAL[n] : CombinatoricsUtils.factorialDouble(n);
    }
}
