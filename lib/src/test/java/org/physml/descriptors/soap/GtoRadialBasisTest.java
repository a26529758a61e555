package org.physml.descriptors.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GtoRadialBasisTest {

    @Test
    void decayRadiiAreNumpyLinspaceAndAlphasHitTheThreshold() {
        GtoRadialBasis b = new GtoRadialBasis(5.0, 8, 6);
        assertEquals(1.0, b.decayRadius(0), 0.0);
        assertEquals(5.0, b.decayRadius(7), 0.0);
        for (int k = 0; k < 8; k++) {
            assertEquals(1.0 + k * 4.0 / 7.0, b.decayRadius(k), 1e-15);
            for (int l = 0; l <= 6; l++) {
                double a = b.decayRadius(k);
                // r^l exp(-alpha r^2) = 1e-3 at r = a_k
                assertEquals(1e-3, Math.pow(a, l) * Math.exp(-b.alpha(l, k) * a * a), 1e-15);
            }
        }
        GtoRadialBasis single = new GtoRadialBasis(3.0, 1, 0);
        assertEquals(1.0, single.decayRadius(0), 0.0);
        assertEquals(Math.log(1000), single.alpha(0, 0), 1e-15);
    }

    @Test
    void overlapFormulaIsTheRadialIntegral() {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(200, 0.0, 12.0);
        for (int l = 0; l <= 6; l++) {
            final int ll = l;
            double a1 = 0.7;
            double a2 = 1.9;
            double numeric = rule.integrate(r -> Math.pow(r, 2 * ll + 2) * Math.exp(-(a1 + a2) * r * r));
            assertEquals(numeric, GtoRadialBasis.overlap(l, a1, a2), 1e-13 * numeric, "l = " + l);
        }
    }

    /**
     * integral_0^inf r^2 g_nl g_n'l dr = delta_nn' by 300-point Gauss-Legendre on [0, 20 A]. The tolerance is
     * set by the cancellation in the sums of the g_n (beta entries up to about 1e4 for the condition number
     * 4e10 at r_cut 5, n_max 8).
     */
    @ParameterizedTest
    @CsvSource({"5.0, 8, 6, 1e-8", "3.0, 4, 9, 1e-12", "6.0, 10, 3, 1e-6"})
    void orthonormalOnTheHalfLine(double rCut, int nMax, int lMax, double tolerance) {
        GtoRadialBasis b = new GtoRadialBasis(rCut, nMax, lMax);
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(300, 0.0, 20.0);
        for (int l = 0; l <= lMax; l++) {
            for (int n = 0; n < nMax; n++) {
                for (int m = n; m < nMax; m++) {
                    final int ll = l, nn = n, mm = m;
                    double overlap = rule.integrate(r -> r * r * b.evaluate(nn, ll, r) * b.evaluate(mm, ll, r));
                    assertEquals(n == m ? 1.0 : 0.0, overlap, tolerance, "l=" + l + " n=" + n + " n'=" + m);
                }
            }
        }
    }

    @Test
    void betaIsSymmetric() {
        GtoRadialBasis b = new GtoRadialBasis(4.0, 6, 3);
        for (int l = 0; l <= 3; l++) {
            for (int n = 0; n < 6; n++) {
                for (int k = 0; k < 6; k++) {
                    assertEquals(b.beta(l, n, k), b.beta(l, k, n), 0.0);
                }
            }
        }
    }

    @Test
    void rejectsOutOfRangeParameters() {
        assertThrows(IllegalArgumentException.class, () -> new GtoRadialBasis(1.0, 4, 2));
        assertThrows(IllegalArgumentException.class, () -> new GtoRadialBasis(Double.NaN, 4, 2));
        assertThrows(IllegalArgumentException.class, () -> new GtoRadialBasis(3.0, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new GtoRadialBasis(3.0, 2, -1));
    }
}
