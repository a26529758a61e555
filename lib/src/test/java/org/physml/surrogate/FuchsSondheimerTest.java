package org.physml.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

class FuchsSondheimerTest {
    private final FuchsSondheimer fs = new FuchsSondheimer();

    /**
     * {Kn, p, F} from the ORIGINAL t-integral evaluated with scipy.integrate.quad (adaptive, epsrel 1e-13):
     * src/test/resources/surrogate/fuchs_sondheimer_reference.py, output in fuchs_sondheimer_reference.out.
     */
    private static final double[][] SCIPY_REFERENCE = {
        {0.1, 0.0, 9.625000688550458e-01},
        {0.1, 0.3, 9.737500337391273e-01},
        {0.1, 0.7, 9.887500061970205e-01},
        {0.1, 0.95, 9.981250001721401e-01},
        {1.0, 0.0, 6.838565946040597e-01},
        {1.0, 0.3, 7.684433893751501e-01},
        {1.0, 0.7, 8.938125048557631e-01},
        {1.0, 0.95, 9.814387658644288e-01},
        {10.0, 0.0, 2.091325850199744e-01},
        {10.0, 0.3, 2.926879318973451e-01},
        {10.0, 0.7, 5.010615090775501e-01},
        {10.0, 0.95, 8.479140747238630e-01},
    };

    /**
     * Exponential integral E_n(x) = int_1^inf e^{-xt} t^-n dt from its power series (Abramowitz & Stegun
     * 5.1.12): E_n(x) = (-x)^(n-1)/(n-1)! (psi(n) - ln x) - sum_{k != n-1} (-x)^k / ((k - n + 1) k!),
     * with psi(n) = -gamma_E + sum_{m &lt; n} 1/m exactly (Commons Math's Gamma.digamma is only good to
     * ~3e-9 at small integers). Good to ~1e-15 for 0 &lt; x &lt;= 2.
     */
    private static double expIntegral(int n, double x) {
        double psi = -Gamma.GAMMA;
        for (int m = 1; m < n; m++) {
            psi += 1.0 / m;
        }
        double lead = Math.pow(-x, n - 1) / CombinatoricsUtils.factorialDouble(n - 1) * (psi - Math.log(x));
        double sum = 0.0;
        double term = 1.0; // (-x)^k / k!
        for (int k = 0; k < 80; k++) {
            if (k != n - 1) {
                sum += term / (k - n + 1);
            }
            term *= -x / (k + 1);
        }
        return lead - sum;
    }

    /** p = 0 closed form: int_1^inf (t^-3 - t^-5)(1 - e^{-kt}) dt = 1/4 - E_3(k) + E_5(k). */
    private static double closedFormDiffuse(double kn) {
        double kappa = 1.0 / kn;
        return 1.0 - 1.5 * kn * (0.25 - expIntegral(3, kappa) + expIntegral(5, kappa));
    }

    @Test
    void specularSurfacesOrThickFilmsAreUnsuppressed() {
        for (double kn : new double[] {1e-3, 0.1, 1.0, 10.0, 1e6}) {
            assertEquals(1.0, fs.reduction(kn, 1.0), 0.0);
        }
        for (double p : new double[] {0.0, 0.5, 0.99}) {
            assertEquals(1.0, fs.reduction(0.0, p), 0.0);
        }
    }

    @Test
    void thickFilmLimit() {
        // kappa = 1/Kn = 50: F = 1 - 3 (1 - p) Kn / 8 up to terms of order e^-50
        double kn = 0.02;
        for (double p : new double[] {0.0, 0.4, 0.9}) {
            assertEquals(1.0 - 3.0 * (1.0 - p) * kn / 8.0, fs.reduction(kn, p), 1e-12, "p=" + p);
        }
    }

    @Test
    void diffuseFilmMatchesExponentialIntegralClosedForm() {
        for (double kn : new double[] {0.5, 1.0, 2.0, 10.0, 100.0, 1000.0}) {
            double expected = closedFormDiffuse(kn);
            assertEquals(expected, fs.reduction(kn, 0.0), 1e-10 * expected, "Kn=" + kn);
        }
    }

    @Test
    void thinFilmAsymptote() {
        // p = 0, Kn -> inf: F = (3 / (4 Kn)) (ln Kn + 1 - gamma_E) + O(ln Kn / Kn^2)
        for (double kn : new double[] {1e3, 1e4, 1e5, 1e6}) {
            double asymptote = 0.75 / kn * (Math.log(kn) + 1.0 - Gamma.GAMMA);
            double f = fs.reduction(kn, 0.0);
            assertEquals(asymptote, f, 2.0 * Math.log(kn) / kn * f, "Kn=" + kn);
        }
        // and the relative deviation shrinks with Kn
        double r3 = Math.abs(fs.reduction(1e3, 0) / (0.75e-3 * (Math.log(1e3) + 1 - Gamma.GAMMA)) - 1);
        double r6 = Math.abs(fs.reduction(1e6, 0) / (0.75e-6 * (Math.log(1e6) + 1 - Gamma.GAMMA)) - 1);
        assertTrue(r6 < r3 / 100, r3 + " " + r6);
    }

    @Test
    void matchesIndependentScipyQuadratureForPartlySpecularSurfaces() {
        for (double[] row : SCIPY_REFERENCE) {
            assertEquals(row[2], fs.reduction(row[0], row[1]), 1e-10, "Kn=" + row[0] + " p=" + row[1]);
        }
    }

    @Test
    void monotoneInKnudsenNumberAndSpecularity() {
        for (double p : new double[] {0.0, 0.5, 0.9}) {
            double prev = 1.0;
            for (double kn = 1e-3; kn < 1e5; kn *= 1.7) {
                double f = fs.reduction(kn, p);
                assertTrue(f < prev && f > 0, "p=" + p + " Kn=" + kn);
                prev = f;
            }
        }
        for (double kn : new double[] {0.05, 1.0, 50.0}) {
            double prev = 0.0;
            for (double p = 0.0; p <= 1.0; p += 0.1) {
                double f = fs.reduction(kn, Math.min(p, 1.0));
                assertTrue(f > prev, "Kn=" + kn + " p=" + p);
                prev = f;
            }
        }
    }

    @Test
    void resolutionIsConverged() {
        FuchsSondheimer fine = new FuchsSondheimer(new GaussLegendreQuadrature(40), 1.5);
        for (double kn : new double[] {1e-2, 0.3, 3.0, 3e2, 3e6}) {
            for (double p : new double[] {0.0, 0.6}) {
                double f = fine.reduction(kn, p);
                assertEquals(f, fs.reduction(kn, p), 1e-11 * f);
            }
        }
    }

    @Test
    void badInputsThrow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fs.reduction(-1.0, 0.5));
        assertTrue(e.getMessage().contains("Knudsen"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fs.reduction(Double.NaN, 0.5));
        assertThrows(IllegalArgumentException.class, () -> fs.reduction(Double.POSITIVE_INFINITY, 0.5));
        e = assertThrows(IllegalArgumentException.class, () -> fs.reduction(1.0, 1.2));
        assertTrue(e.getMessage().contains("specularity"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fs.reduction(1.0, -0.1));
        assertThrows(IllegalArgumentException.class, () -> fs.reduction(1.0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new FuchsSondheimer(null, 4));
        assertThrows(IllegalArgumentException.class, () -> new FuchsSondheimer(new GaussLegendreQuadrature(4), 1.0));
    }
}
