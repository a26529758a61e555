package org.physml.descriptors.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.MathContext;

import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

class ModifiedSphericalBesselTest {
    private static final MathContext MC = new MathContext(60);

    static double[] scaled(double x, int lMax) {
        double[] out = new double[lMax + 1];
        ModifiedSphericalBessel.scaled(x, lMax, out);
        return out;
    }

    /** Closed forms: i_0 = sinh x/x, i_1 = (x cosh x - sinh x)/x^2, i_2 = ((x^2+3) sinh x - 3x cosh x)/x^3. */
    @Test
    void matchesClosedFormsForLowOrders() {
        for (double x : new double[]{0.5, 0.9999, 1.0, 1.7, 3.0, 7.5, 20.0, 45.0}) {
            double[] v = scaled(x, 2);
            double e = Math.exp(-x);
            double sh = Math.sinh(x);
            double ch = Math.cosh(x);
            assertEquals(e * sh / x, v[0], 1e-15 * v[0], "i_0(" + x + ")");
            assertEquals(e * (x * ch - sh) / (x * x), v[1], 1e-14 * v[1], "i_1(" + x + ")");
            assertEquals(e * ((x * x + 3) * sh - 3 * x * ch) / (x * x * x), v[2], 2e-13 * v[2], "i_2(" + x + ")");
        }
    }

    /** Exact-arithmetic power series i_l(x) = sum_k x^(l+2k) / (2^k k! (2l+2k+1)!!), times e^(-x). */
    static double series(double x, int l) {
        BigDecimal bx = new BigDecimal(x);
        BigDecimal x2half = bx.multiply(bx, MC).divide(BigDecimal.valueOf(2), MC);
        BigDecimal lead = BigDecimal.ONE;
        for (int k = 1; k <= l; k++) {
            lead = lead.multiply(bx, MC).divide(BigDecimal.valueOf(2L * k + 1), MC);
        }
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; k < 2000; k++) {
            term = term.multiply(x2half, MC).divide(BigDecimal.valueOf((long) k * (2L * l + 2L * k + 1)), MC);
            sum = sum.add(term, MC);
            if (term.compareTo(sum.multiply(new BigDecimal("1e-40"), MC)) < 0) {
                break;
            }
        }
        return lead.multiply(sum, MC).doubleValue() * Math.exp(-x);
    }

    @Test
    void matchesExactSeriesForHighOrdersInBothRegimes() {
        int lMax = 40;
        for (double x : new double[]{1e-6, 0.01, 0.3, 0.99, 1.0, 2.5, 8.0, 30.0, 90.0}) {
            double[] v = scaled(x, lMax);
            for (int l : new int[]{0, 1, 3, 6, 10, 20, 40}) {
                double expected = series(x, l);
                if (expected < 1e-300) {
                    continue;   // underflow region, nothing to compare
                }
                assertEquals(expected, v[l], 2e-14 * expected, "i_" + l + "(" + x + ")");
            }
        }
    }

    @Test
    void smallArgumentLimitAndZero() {
        double[] v = scaled(0.0, 5);
        assertEquals(1.0, v[0], 0.0);
        for (int l = 1; l <= 5; l++) {
            assertEquals(0.0, v[l], 0.0);
        }
        double x = 1e-4;
        double[] w = scaled(x, 3);
        // leading term x^l / (2l+1)!!, relative correction x^2 / (2 (2l+3)) minus the e^(-x) factor
        assertEquals(x * x * x / 105.0, w[3], 1e-3 * w[3]);
    }

    /**
     * For large x, e^(-x) i_l(x) = (1/(2x)) sum_{k=0..l} (-1)^k (l+k)! / (k! (l-k)! (2x)^k) up to a term of
     * order e^(-2x) (the finite closed form of i_l, whose other half carries e^(-2x)).
     */
    @Test
    void largeArgumentClosedForm() {
        for (double x : new double[]{60.0, 2e4}) {
            double[] v = scaled(x, 8);
            for (int l = 0; l <= 8; l++) {
                double sum = 0.0;
                for (int k = 0; k <= l; k++) {
                    sum += (k % 2 == 0 ? 1 : -1) * CombinatoricsUtils.factorialDouble(l + k)
                            / (CombinatoricsUtils.factorialDouble(k) * CombinatoricsUtils.factorialDouble(l - k)
                            * Math.pow(2 * x, k));
                }
                double expected = sum / (2 * x);
                assertEquals(expected, v[l], 1e-14 * expected, "x = " + x + ", l = " + l);
            }
        }
    }

    @Test
    void continuousAcrossTheRegimeBoundary() {
        double[] below = scaled(Math.nextDown(1.0), 20);
        double[] at = scaled(1.0, 20);
        for (int l = 0; l <= 20; l++) {
            assertEquals(at[l], below[l], 1e-14 * at[l], "l = " + l);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> scaled(-1e-3, 2));
        assertThrows(IllegalArgumentException.class, () -> scaled(Double.NaN, 2));
        assertThrows(IllegalArgumentException.class, () -> scaled(Double.POSITIVE_INFINITY, 2));
        assertThrows(IllegalArgumentException.class, () -> ModifiedSphericalBessel.scaled(1.0, -1, new double[1]));
    }
}
