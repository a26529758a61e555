package org.physml.descriptors.soap;

/**
 * Exponentially scaled modified spherical Bessel functions of the first kind,
 * e^(-x) i_l(x) for l = 0..L and x &gt;= 0 (Commons Math has no i_l).
 *
 * <p>i_l(x) = sqrt(pi/(2x)) I_(l+1/2)(x); i_0 = sinh x / x,
 * i_1 = (x cosh x - sinh x)/x^2. The scaling keeps the values finite for any x (e^(-x) i_l(x) &lt;= 1/(2x)
 * for large x) and is what the SOAP radial integral needs:
 * e^(-eta (r^2 + r_j^2)) i_l(2 eta r r_j) = e^(-eta (r - r_j)^2) [e^(-x) i_l(x)], x = 2 eta r r_j.
 *
 * <p>Method (two regimes, both free of the cancellation that makes the upward recurrence
 * i_(l+1) = i_(l-1) - (2l+1)/x i_l useless for x &lt; l):
 * <ul>
 *   <li>x &lt; 1: the power series (all terms positive)
 *       i_l(x) = x^l/(2l+1)!! sum_k (x^2/2)^k / (k! (2l+3)(2l+5)...(2l+2k+1)), summed until the terms
 *       fall below 1e-17 of the sum, then multiplied by e^(-x).</li>
 *   <li>x &gt;= 1: Miller's downward recurrence f_(l-1) = f_(l+1) + (2l+1)/x f_l from f_(L'+1) = 0,
 *       f_(L') = 1 with L' = max(L + 20, ceil(sqrt(L^2 + 50 x)) + 20), normalised by the closed form
 *       e^(-x) i_0(x) = (1 - e^(-2x))/(2x). The dominant solution of the downward recurrence is i_l, and the
 *       start index makes the contamination by the other solution (k_l) smaller than 1e-17 relative: its
 *       relative size decays like exp(-(L'^2 - l^2)/x) for large x and factorially for small x.</li>
 * </ul>
 * Accuracy about 1e-15 relative for l &lt;= 40 (checked in the tests against the closed forms for
 * l = 0..3 and against an exact-arithmetic series for larger l).
 */
public final class ModifiedSphericalBessel {
    private ModifiedSphericalBessel() {
    }

    /**
     * e^(-x) i_l(x) for l = 0..lMax.
     *
     * @param x    argument, &gt;= 0 and finite
     * @param lMax largest order L &gt;= 0
     * @param out  receives L + 1 values
     * @throws IllegalArgumentException if x is negative or not finite, or lMax is negative
     */
    public static void scaled(double x, int lMax, double[] out) {
        if (!(x >= 0) || !Double.isFinite(x)) {
            throw new IllegalArgumentException("argument x must be finite and >= 0, got " + x);
        }
        if (lMax < 0) {
            throw new IllegalArgumentException("l_max must be >= 0, got " + lMax);
        }
        if (x < 1.0) {
            series(x, lMax, out);
        } else {
            miller(x, lMax, out);
        }
    }

    private static void series(double x, int lMax, double[] out) {
        double half = 0.5 * x * x;
        double scale = Math.exp(-x);
        double lead = 1.0;                       // x^l / (2l+1)!!
        for (int l = 0; l <= lMax; l++) {
            if (l > 0) {
                lead *= x / (2 * l + 1);
            }
            double term = 1.0, sum = 1.0;
            for (int k = 1; k < 200; k++) {
                term *= half / (k * (2.0 * l + 2 * k + 1));
                sum += term;
                if (term < 1e-17 * sum) {
                    break;
                }
            }
            out[l] = scale * lead * sum;
        }
    }

    private static void miller(double x, int lMax, double[] out) {
        int start = Math.max(lMax + 20, (int) Math.ceil(Math.sqrt((double) lMax * lMax + 50.0 * x)) + 20);
        double fNext = 0.0;   // f_(l+1)
        double f = 1.0;       // f_l
        double invX = 1.0 / x;
        for (int l = start; l > 0; l--) {
            double fPrev = fNext + (2 * l + 1) * invX * f;    // f_(l-1)
            fNext = f;
            f = fPrev;
            if (l - 1 <= lMax) {
                out[l - 1] = f;
            }
            if (Math.abs(f) > 1e250) {                         // rescale to stay finite
                fNext *= 1e-250;
                f *= 1e-250;
                for (int k = l - 1; k <= lMax; k++) {
                    out[k] *= 1e-250;
                }
            }
        }
        // e^(-x) i_0(x) = (1 - e^(-2x)) / (2x)
        double i0 = -Math.expm1(-2.0 * x) * 0.5 * invX;
        double norm = i0 / out[0];
        for (int l = 0; l <= lMax; l++) {
            out[l] *= norm;
        }
    }
}
