package org.physml.math.angular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;


import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

/** {@link Wigner3j}; the Steinhardt w_l sum that uses it is tested in ThirdOrderInvariantTest. */
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

}
