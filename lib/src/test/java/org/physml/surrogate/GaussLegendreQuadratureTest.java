package org.physml.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussLegendreQuadratureTest {

    @Test
    void nPointRuleIsExactUpToDegree2nMinus1() {
        GaussLegendreQuadrature q = new GaussLegendreQuadrature(4);
        double a = 0.3;
        double b = 1.7;
        for (int k = 0; k <= 7; k++) {
            int kk = k;
            double exact = (Math.pow(b, k + 1) - Math.pow(a, k + 1)) / (k + 1);
            assertEquals(exact, q.integrate(x -> Math.pow(x, kk), a, b, 1), 1e-13 * Math.max(1, exact), "x^" + k);
        }
        // degree 8 is not integrated exactly by 4 points on one panel
        double exact8 = (Math.pow(b, 9) - Math.pow(a, 9)) / 9;
        assertTrue(Math.abs(q.integrate(x -> Math.pow(x, 8), a, b, 1) - exact8) > 1e-6);
    }

    @Test
    void compositeRuleConverges() {
        GaussLegendreQuadrature q = new GaussLegendreQuadrature(4);
        assertEquals(2.0, q.integrate(Math::sin, 0.0, Math.PI, 10), 1e-12);
        assertEquals(Math.E - 1, q.integrate(Math::exp, 0.0, 1.0, 3), 1e-12);
    }

    @Test
    void breakPointsMatchSeparatePanels() {
        GaussLegendreQuadrature q = new GaussLegendreQuadrature(6);
        double[] br = {0.0, 0.1, 0.5, 2.0};
        double sum = q.integrate(Math::exp, 0.0, 0.1, 1) + q.integrate(Math::exp, 0.1, 0.5, 1)
                + q.integrate(Math::exp, 0.5, 2.0, 1);
        assertEquals(sum, q.integrate(Math::exp, br), 1e-14);
        assertEquals(Math.exp(2.0) - 1.0, q.integrate(Math::exp, br), 1e-12);
    }

    @Test
    void endPointsAreNeverEvaluated() {
        GaussLegendreQuadrature q = new GaussLegendreQuadrature(8);
        // int_0^1 x^-1/2 dx = 2: the integrable singularity at 0 must not produce inf/NaN, and geometric
        // panels (ratio 4) towards the singularity make the composite rule converge; the first panel
        // [0, 4^-20] holds only 2 * 2^-20 = 1.9e-6 of the integral
        double[] br = new double[22];
        for (int j = 1; j <= 21; j++) {
            br[j] = Math.pow(4.0, j - 21);
        }
        double v = q.integrate(x -> 1.0 / Math.sqrt(x), br);
        assertTrue(Double.isFinite(v));
        assertEquals(2.0, v, 2e-6);
    }

    @Test
    void badInputsThrow() {
        assertThrows(IllegalArgumentException.class, () -> new GaussLegendreQuadrature(0));
        assertThrows(IllegalArgumentException.class, () -> new GaussLegendreQuadrature(65));
        GaussLegendreQuadrature q = new GaussLegendreQuadrature(3);
        assertThrows(IllegalArgumentException.class, () -> q.integrate(Math::sin, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> q.integrate(Math::sin, 1, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> q.integrate(Math::sin, 0, Double.NaN, 2));
        assertThrows(IllegalArgumentException.class, () -> q.integrate(Math::sin, new double[] {0.0}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> q.integrate(Math::sin, new double[] {0.0, 0.5, 0.5, 1.0}));
        assertTrue(e.getMessage().contains("strictly increasing"), e.getMessage());
    }
}
