package org.physml.descriptors.steinhardt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

/** {@link Wigner3j} and {@link ThirdOrderInvariant}. */
class Wigner3jTest {

    @Test
    void knownValue() {
        assertEquals(-Math.sqrt(2.0 / 35.0), Wigner3j.symbol(2, 0, 0, 0), 1e-16);
    }

    @Test
    void allZeroProjectionsFollowTheClosedForm() {
        // (l l l; 0 0 0) = (-1)^g sqrt((l!)^3/(3l+1)!) g!/((g-l)!)^3 for even 3l = 2g, 0 for odd l
        for (int l = 0; l <= 20; l++) {
            if (l % 2 == 1) {
                assertEquals(0.0, Wigner3j.symbol(l, 0, 0, 0), "odd l = " + l);
                continue;
            }
            int g = 3 * l / 2;
            double f = CombinatoricsUtils.factorialDouble(l);
            double expected = (g % 2 == 0 ? 1 : -1) * Math.sqrt(f * f * f / CombinatoricsUtils.factorialDouble(3 * l + 1))
                    * CombinatoricsUtils.factorialDouble(g) / Math.pow(CombinatoricsUtils.factorialDouble(g - l), 3);
            // the double-precision closed form itself carries ~1e-14 relative rounding at l = 20 (factorials up to 61!)
            assertEquals(expected, Wigner3j.symbol(l, 0, 0, 0), 5e-14 * Math.abs(expected), "l = " + l);
        }
    }

    @Test
    void orthogonality() {
        // sum_{m1, m2} (l l l; m1 m2 m3)(l l l; m1 m2 m3') = delta_{m3 m3'} / (2l + 1)
        for (int l = 0; l <= 14; l++) {
            double[][][] t = new double[2 * l + 1][2 * l + 1][2 * l + 1];
            for (int m1 = -l; m1 <= l; m1++) {
                for (int m2 = -l; m2 <= l; m2++) {
                    for (int m3 = -l; m3 <= l; m3++) {
                        t[m1 + l][m2 + l][m3 + l] = Wigner3j.symbol(l, m1, m2, m3);
                    }
                }
            }
            for (int m3 = -l; m3 <= l; m3++) {
                for (int m3p = -l; m3p <= l; m3p++) {
                    double sum = 0;
                    for (int m1 = 0; m1 <= 2 * l; m1++) {
                        for (int m2 = 0; m2 <= 2 * l; m2++) {
                            sum += t[m1][m2][m3 + l] * t[m1][m2][m3p + l];
                        }
                    }
                    assertEquals(m3 == m3p ? 1.0 / (2 * l + 1) : 0.0, sum, 1e-15, "l=" + l + " m3=" + m3);
                }
            }
        }
    }

    @Test
    void columnSymmetries() {
        for (int l = 1; l <= 12; l++) {
            double sign = l % 2 == 0 ? 1 : -1;
            for (int m1 = -l; m1 <= l; m1++) {
                for (int m2 = -l; m2 <= l; m2++) {
                    int m3 = -m1 - m2;
                    double v = Wigner3j.symbol(l, m1, m2, m3);
                    assertEquals(sign * v, Wigner3j.symbol(l, m2, m1, m3), 1e-16); // odd permutation
                    assertEquals(v, Wigner3j.symbol(l, m2, m3, m1), 1e-16);        // cyclic
                    assertEquals(sign * v, Wigner3j.symbol(l, -m1, -m2, -m3), 1e-16);
                }
            }
        }
        assertEquals(0.0, Wigner3j.symbol(4, 1, 1, 1));
        assertEquals(0.0, Wigner3j.symbol(2, 3, -3, 0));
        assertThrows(IllegalArgumentException.class, () -> Wigner3j.symbol(-1, 0, 0, 0));
    }

    @Test
    void reducedSumEqualsTheFullSum() {
        // the even-l representative sum with multiplicities 1, 6, 12 against the brute-force sum over all
        // (m1, m2) for random components q_lm; odd l vanishes
        Random rnd = new Random(5);
        int lMax = 12;
        double[] q = new double[new SphericalHarmonics(lMax).length()];
        for (int k = 0; k < q.length; k++) {
            q[k] = rnd.nextGaussian();
        }
        for (int l = 0; l <= lMax; l++) {
            double full = 0;
            for (int m1 = -l; m1 <= l; m1++) {
                for (int m2 = -l; m2 <= l; m2++) {
                    int m3 = -m1 - m2;
                    if (Math.abs(m3) > l) {
                        continue;
                    }
                    double[] a = component(q, l, m1), b = component(q, l, m2), c = component(q, l, m3);
                    double abr = a[0] * b[0] - a[1] * b[1], abi = a[0] * b[1] + a[1] * b[0];
                    full += Wigner3j.symbol(l, m1, m2, m3) * (abr * c[0] - abi * c[1]);
                }
            }
            double reduced = new ThirdOrderInvariant(l).evaluate(q);
            assertEquals(full, reduced, 1e-12 * (1 + Math.abs(full)), "l = " + l);
            if (l % 2 == 1) {
                assertEquals(0.0, reduced, 1e-12);
            } else if (l > 0) {
                assertEquals(true, Math.abs(full) > 1e-3, "even l must not vanish for random q");
            }
        }
    }

    /** q_lm for any sign of m from the m >= 0 storage: q_l,-m = (-1)^m conj(q_lm). */
    private static double[] component(double[] q, int l, int m) {
        int k = 2 * SphericalHarmonics.index(l, Math.abs(m));
        if (m >= 0) {
            return new double[]{q[k], q[k + 1]};
        }
        double s = (-m) % 2 == 0 ? 1 : -1;
        return new double[]{s * q[k], -s * q[k + 1]};
    }
}
