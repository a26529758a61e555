package org.physml.math.angular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.analysis.polynomials.PolynomialFunction;
import org.apache.commons.math3.analysis.polynomials.PolynomialsUtils;
import org.junit.jupiter.api.Test;

/** {@link SphericalHarmonics}: closed forms, orthonormality on the sphere, the addition theorem, the poles. */
class SphericalHarmonicsTest {
    private static final int L_MAX = 12;
    private final SphericalHarmonics y = new SphericalHarmonics(L_MAX);

    private static double re(double[] v, int l, int m) {
        return v[2 * SphericalHarmonics.index(l, m)];
    }

    private static double im(double[] v, int l, int m) {
        return v[2 * SphericalHarmonics.index(l, m) + 1];
    }

    @Test
    void lowDegreesEqualTheirClosedForms() {
        // Condon-Shortley phase, e.g. Y_11 = -sqrt(3/(8 pi)) sin(theta) e^{i phi}
        Random rnd = new Random(3);
        for (int t = 0; t < 50; t++) {
            double th = Math.acos(2 * rnd.nextDouble() - 1), ph = 2 * Math.PI * rnd.nextDouble();
            double r = 0.5 + 3 * rnd.nextDouble();
            double s = Math.sin(th), c = Math.cos(th);
            double[] v = y.values(r * s * Math.cos(ph), r * s * Math.sin(ph), r * c);
            double pi = Math.PI;
            assertComplex(v, 0, 0, 1 / Math.sqrt(4 * pi), 0);
            assertComplex(v, 1, 0, Math.sqrt(3 / (4 * pi)) * c, 0);
            assertComplex(v, 1, 1, -Math.sqrt(3 / (8 * pi)) * s, ph);
            assertComplex(v, 2, 0, Math.sqrt(5 / (16 * pi)) * (3 * c * c - 1), 0);
            assertComplex(v, 2, 1, -Math.sqrt(15 / (8 * pi)) * s * c, ph);
            assertComplex(v, 2, 2, Math.sqrt(15 / (32 * pi)) * s * s, 2 * ph);
            assertComplex(v, 3, 3, -Math.sqrt(35 / (64 * pi)) * s * s * s, 3 * ph);
            assertComplex(v, 4, 0, 3 / (16 * Math.sqrt(pi)) * (35 * Math.pow(c, 4) - 30 * c * c + 3), 0);
        }
    }

    private static void assertComplex(double[] v, int l, int m, double amplitude, double phase) {
        assertEquals(amplitude * Math.cos(phase), re(v, l, m), 1e-14, "Re Y_" + l + m);
        assertEquals(amplitude * Math.sin(phase), im(v, l, m), 1e-14, "Im Y_" + l + m);
    }

    @Test
    void harmonicsAreOrthonormalOnTheSphere() {
        // Gauss-Legendre in cos(theta) (exact for the polynomial part) x uniform phi (exact for |m - m'| < 64)
        GaussIntegrator gl = new GaussIntegratorFactory().legendre(24, -1, 1);
        int nPhi = 64;
        int size = SphericalHarmonics.index(L_MAX, L_MAX) + 1;
        double[][] gramRe = new double[size][size];
        double[][] gramIm = new double[size][size];
        for (int a = 0; a < gl.getNumberOfPoints(); a++) {
            double c = gl.getPoint(a), s = Math.sqrt(1 - c * c);
            for (int b = 0; b < nPhi; b++) {
                double ph = 2 * Math.PI * b / nPhi;
                double w = gl.getWeight(a) * 2 * Math.PI / nPhi;
                double[] v = y.values(s * Math.cos(ph), s * Math.sin(ph), c);
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        // Y_i conj(Y_j)
                        gramRe[i][j] += w * (v[2 * i] * v[2 * j] + v[2 * i + 1] * v[2 * j + 1]);
                        gramIm[i][j] += w * (v[2 * i + 1] * v[2 * j] - v[2 * i] * v[2 * j + 1]);
                    }
                }
            }
        }
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                assertEquals(i == j ? 1.0 : 0.0, gramRe[i][j], 1e-13, "Gram " + i + "," + j);
                assertEquals(0.0, gramIm[i][j], 1e-13);
            }
        }
    }

    @Test
    void additionTheoremGivesLegendrePolynomials() {
        // sum_{m=-l..l} Y_lm(a) conj(Y_lm(b)) = (2l+1)/(4 pi) P_l(a.b), P_l from Commons Math
        Random rnd = new Random(11);
        for (int t = 0; t < 20; t++) {
            double[] a = unit(rnd), b = unit(rnd);
            double[] ya = y.values(a[0], a[1], a[2]), yb = y.values(b[0], b[1], b[2]);
            double cos = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
            for (int l = 0; l <= L_MAX; l++) {
                double sum = re(ya, l, 0) * re(yb, l, 0) + im(ya, l, 0) * im(yb, l, 0);
                for (int m = 1; m <= l; m++) {
                    sum += 2 * (re(ya, l, m) * re(yb, l, m) + im(ya, l, m) * im(yb, l, m));
                }
                PolynomialFunction p = PolynomialsUtils.createLegendrePolynomial(l);
                // P_l evaluated from its monomial coefficients (up to ~1e4 at l = 12) loses ~1e-13 near |cos| = 1
                assertEquals((2 * l + 1) / (4 * Math.PI) * p.value(cos), sum, 1e-12, "l = " + l);
            }
        }
    }

    @Test
    void polesNeedNoSpecialCase() {
        for (int sign : new int[]{1, -1}) {
            double[] v = y.values(0, 0, 2.5 * sign);
            for (int l = 0; l <= L_MAX; l++) {
                double expected = Math.sqrt((2 * l + 1) / (4 * Math.PI)) * (sign < 0 && l % 2 == 1 ? -1 : 1);
                assertEquals(expected, re(v, l, 0), 1e-13);
                for (int m = 1; m <= l; m++) {
                    assertEquals(0.0, re(v, l, m));
                    assertEquals(0.0, im(v, l, m));
                }
            }
        }
    }

    @Test
    void rejectsZeroDirectionAndNegativeDegree() {
        assertThrows(IllegalArgumentException.class, () -> y.values(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SphericalHarmonics(-1));
    }

    static double[] unit(Random rnd) {
        double[] v = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[]{v[0] / n, v[1] / n, v[2] / n};
    }
}
