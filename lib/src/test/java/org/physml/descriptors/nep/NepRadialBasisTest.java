package org.physml.descriptors.nep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Chebyshev radial basis against Commons Math's Chebyshev polynomials and finite differences. */
class NepRadialBasisTest {
    private static final int BASIS = 12;
    private static final double RC = 5.0;

    @Test
    void valuesMatchChebyshevPolynomialsTimesCutoff() {
        double[] f = new double[BASIS + 1];
        for (double r = 0.3; r < RC; r += 0.37) {
            NepRadialBasis.values(BASIS, RC, r, f);
            for (int k = 0; k <= BASIS; k++) {
                assertEquals(NepTestSupport.basis(k, r, RC), f[k], 1e-13, "k = " + k + ", r = " + r);
            }
        }
    }

    @Test
    void handValuesAtHalfTheCutoff() {
        // r = rc/2: f_c = 1/2, x = 2 (1/2)^2 - 1 = -1/2, T_0 = 1, T_1 = -1/2, T_2 = 2 x^2 - 1 = -1/2
        double[] f = new double[3];
        NepRadialBasis.values(2, RC, RC / 2, f);
        assertEquals(0.5, f[0], 1e-15);
        assertEquals(0.5 * 0.5 * 0.5, f[1], 1e-15);
        assertEquals(0.5 * 0.5 * 0.5, f[2], 1e-15);
    }

    @Test
    void derivativesMatchFiniteDifferencesAndValuesAgree() {
        double[] f = new double[BASIS + 1];
        double[] fp = new double[BASIS + 1];
        double[] v = new double[BASIS + 1];
        double[] plus = new double[BASIS + 1];
        double[] minus = new double[BASIS + 1];
        double h = 1e-6;
        for (double r = 0.4; r < RC - 0.01; r += 0.41) {
            NepRadialBasis.valuesAndDerivatives(BASIS, RC, r, f, fp);
            NepRadialBasis.values(BASIS, RC, r, v);
            NepRadialBasis.values(BASIS, RC, r + h, plus);
            NepRadialBasis.values(BASIS, RC, r - h, minus);
            for (int k = 0; k <= BASIS; k++) {
                assertEquals(v[k], f[k], 1e-15);
                assertEquals((plus[k] - minus[k]) / (2 * h), fp[k], 1e-7, "k = " + k + ", r = " + r);
            }
        }
    }

    @Test
    void valueAndSlopeVanishAtTheCutoff() {
        double[] f = new double[BASIS + 1];
        double[] fp = new double[BASIS + 1];
        NepRadialBasis.valuesAndDerivatives(BASIS, RC, RC - 1e-7, f, fp);
        for (int k = 0; k <= BASIS; k++) {
            assertEquals(0.0, f[k], 1e-12);
            assertEquals(0.0, fp[k], 1e-5);
        }
        NepRadialBasis.valuesAndDerivatives(BASIS, RC, RC, f, fp);
        for (int k = 0; k <= BASIS; k++) {
            assertEquals(0.0, f[k]);
            assertEquals(0.0, fp[k]);
        }
    }
}
