package org.physml.descriptors.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolynomialRadialBasisTest {

    /**
     * integral_0^r_cut r^2 g_n g_n' dr = delta_nn' (the integrand is a polynomial of degree &lt;= 2 n_max + 6,
     * integrated exactly by the 100-point rule). Tolerances follow the conditioning of S (1e16 at r_cut 5,
     * n_max 8, where sums of g_n cancel over about ten digits).
     */
    @ParameterizedTest
    @CsvSource({"4.0, 5, 1e-10", "3.0, 6, 1e-8", "5.0, 8, 1e-4"})
    void orthonormalOnTheCutoffSphere(double rCut, int nMax, double tolerance) {
        PolynomialRadialBasis b = new PolynomialRadialBasis(rCut, nMax);
        for (int n = 0; n < nMax; n++) {
            for (int m = n; m < nMax; m++) {
                double sum = 0.0;
                for (int q = 0; q < PolynomialRadialBasis.QUADRATURE_POINTS; q++) {
                    double r = b.node(q);
                    sum += b.weight(q) * r * r * b.evaluate(n, r) * b.evaluate(m, r);
                }
                assertEquals(n == m ? 1.0 : 0.0, sum, tolerance, "n=" + n + " n'=" + m);
            }
        }
    }

    @Test
    void overlapFormulaIsTheRadialIntegral() {
        double rc = 3.3;
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(30, 0.0, rc);
        for (int i = 1; i <= 5; i++) {
            for (int j = 1; j <= 5; j++) {
                final int ii = i, jj = j;
                double numeric = rule.integrate(r -> r * r * Math.pow(rc - r, ii + 2) * Math.pow(rc - r, jj + 2));
                double formula = 2 * Math.pow(rc, 7 + i + j) / ((5.0 + i + j) * (6.0 + i + j) * (7.0 + i + j));
                assertEquals(numeric, formula, 1e-12 * formula);
            }
        }
    }

    @Test
    void quadratureIsGaussLegendreOnTheCutoffInterval() {
        PolynomialRadialBasis b = new PolynomialRadialBasis(4.5, 3);
        double weights = 0.0;
        double moment = 0.0;
        for (int q = 0; q < PolynomialRadialBasis.QUADRATURE_POINTS; q++) {
            assertTrue(b.node(q) > 0 && b.node(q) < 4.5);
            weights += b.weight(q);
            moment += b.weight(q) * Math.pow(b.node(q), 199);
        }
        assertEquals(4.5, weights, 1e-13);
        // exact for degree 199: integral_0^4.5 r^199 dr = 4.5^200 / 200
        double exact = Math.pow(4.5, 200) / 200;
        assertEquals(exact, moment, 1e-10 * exact);
    }

    @Test
    void vanishesAtAndBeyondTheCutoff() {
        PolynomialRadialBasis b = new PolynomialRadialBasis(4.0, 4);
        for (int n = 0; n < 4; n++) {
            assertEquals(0.0, b.evaluate(n, 4.0), 0.0);
            assertEquals(0.0, b.evaluate(n, 7.0), 0.0);
            assertTrue(Math.abs(b.evaluate(n, 1.0)) > 0);
        }
    }

    @Test
    void rejectsOutOfRangeParameters() {
        assertThrows(IllegalArgumentException.class, () -> new PolynomialRadialBasis(0.0, 4));
        assertThrows(IllegalArgumentException.class, () -> new PolynomialRadialBasis(3.0, 0));
    }
}
