package org.physml.math.angular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.analysis.polynomials.PolynomialFunction;
import org.apache.commons.math3.analysis.polynomials.PolynomialsUtils;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

class RealSphericalHarmonicsTest {

    /**
     * Independent evaluation through trigonometry and derivatives of the Legendre polynomials:
     * P_l^m(x) = (1 - x^2)^(m/2) d^m/dx^m P_l(x) (no Condon-Shortley phase),
     * Y_lm = sqrt(2) N_lm P_l^|m|(cos theta) cos(m phi) (m &gt; 0), sin(|m| phi) (m &lt; 0), N_l0 P_l(cos theta) (m = 0).
     */
    static double reference(int l, int m, double theta, double phi) {
        PolynomialFunction p = PolynomialsUtils.createLegendrePolynomial(l);
        int am = Math.abs(m);
        for (int k = 0; k < am; k++) {
            p = p.polynomialDerivative();
        }
        double x = Math.cos(theta);
        double plm = Math.pow(1 - x * x, am / 2.0) * p.value(x);
        double n = Math.sqrt((2 * l + 1) / (4 * Math.PI) * CombinatoricsUtils.factorialDouble(l - am)
                / CombinatoricsUtils.factorialDouble(l + am));
        if (m == 0) {
            return n * plm;
        }
        return Math.sqrt(2) * n * plm * (m > 0 ? Math.cos(am * phi) : Math.sin(am * phi));
    }

    @Test
    void matchesTrigonometricEvaluationAndTheLowOrderTable() {
        int lMax = 10;
        RealSphericalHarmonics y = new RealSphericalHarmonics(lMax);
        double[] out = new double[y.size()];
        Random rnd = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            double theta = Math.PI * rnd.nextDouble();
            double phi = 2 * Math.PI * rnd.nextDouble();
            double r = 0.5 + 3 * rnd.nextDouble();
            double x = r * Math.sin(theta) * Math.cos(phi);
            double yy = r * Math.sin(theta) * Math.sin(phi);
            double z = r * Math.cos(theta);
            y.evaluate(x, yy, z, out);
            for (int l = 0; l <= lMax; l++) {
                for (int m = -l; m <= l; m++) {
                    assertEquals(reference(l, m, theta, phi), out[RealSphericalHarmonics.index(l, m)], 1e-12,
                            "l=" + l + " m=" + m);
                }
            }
            // the sign/orientation convention in Cartesian form: Y_1,-1 ~ y, Y_1,0 ~ z, Y_1,1 ~ x,
            // Y_2,-2 ~ xy, Y_2,-1 ~ yz, Y_2,1 ~ xz, Y_2,2 ~ x^2 - y^2
            double c1 = Math.sqrt(3 / (4 * Math.PI));
            assertEquals(c1 * yy / r, out[RealSphericalHarmonics.index(1, -1)], 1e-14);
            assertEquals(c1 * z / r, out[RealSphericalHarmonics.index(1, 0)], 1e-14);
            assertEquals(c1 * x / r, out[RealSphericalHarmonics.index(1, 1)], 1e-14);
            double c2 = 0.5 * Math.sqrt(15 / Math.PI) / (r * r);
            assertEquals(c2 * x * yy, out[RealSphericalHarmonics.index(2, -2)], 1e-14);
            assertEquals(c2 * yy * z, out[RealSphericalHarmonics.index(2, -1)], 1e-14);
            assertEquals(c2 * x * z, out[RealSphericalHarmonics.index(2, 1)], 1e-14);
            assertEquals(0.5 * c2 * (x * x - yy * yy), out[RealSphericalHarmonics.index(2, 2)], 1e-14);
            assertEquals(0.25 * Math.sqrt(5 / Math.PI) * (3 * z * z - r * r) / (r * r),
                    out[RealSphericalHarmonics.index(2, 0)], 1e-14);
        }
    }

    @Test
    void orthonormalOnTheSphere() {
        int lMax = 8;
        RealSphericalHarmonics y = new RealSphericalHarmonics(lMax);
        int size = y.size();
        // Gauss-Legendre in cos(theta) (exact to degree 39) times the trapezoid rule in phi (exact for
        // trigonometric degree < 40)
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(20, -1, 1);
        int nPhi = 40;
        double[][] gram = new double[size][size];
        double[] v = new double[size];
        for (int i = 0; i < rule.getNumberOfPoints(); i++) {
            double ct = rule.getPoint(i);
            double st = Math.sqrt(1 - ct * ct);
            for (int j = 0; j < nPhi; j++) {
                double phi = 2 * Math.PI * j / nPhi;
                y.evaluate(st * Math.cos(phi), st * Math.sin(phi), ct, v);
                double w = rule.getWeight(i) * 2 * Math.PI / nPhi;
                for (int a = 0; a < size; a++) {
                    for (int b = 0; b < size; b++) {
                        gram[a][b] += w * v[a] * v[b];
                    }
                }
            }
        }
        for (int a = 0; a < size; a++) {
            for (int b = 0; b < size; b++) {
                assertEquals(a == b ? 1.0 : 0.0, gram[a][b], 1e-13, "<" + a + "|" + b + ">");
            }
        }
    }

    /** Addition theorem: sum_m Y_lm(u) Y_lm(v) = (2l+1)/(4 pi) P_l(u.v), the rotation invariance SOAP uses. */
    @Test
    void additionTheorem() {
        int lMax = 20;
        RealSphericalHarmonics y = new RealSphericalHarmonics(lMax);
        double[] yu = new double[y.size()];
        double[] yv = new double[y.size()];
        Random rnd = new Random(5);
        for (int trial = 0; trial < 10; trial++) {
            double[] u = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double[] v = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            y.evaluate(u[0], u[1], u[2], yu);
            y.evaluate(v[0], v[1], v[2], yv);
            double cos = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2])
                    / Math.sqrt((u[0] * u[0] + u[1] * u[1] + u[2] * u[2]) * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]));
            for (int l = 0; l <= lMax; l++) {
                double sum = 0.0;
                for (int m = -l; m <= l; m++) {
                    sum += yu[RealSphericalHarmonics.index(l, m)] * yv[RealSphericalHarmonics.index(l, m)];
                }
                double expected = (2 * l + 1) / (4 * Math.PI) * legendre(l, cos);
                assertEquals(expected, sum, 1e-12 * (2 * l + 1), "l = " + l);
            }
        }
    }

    /** P_l(x) by Bonnet's recurrence (l+1) P_(l+1) = (2l+1) x P_l - l P_(l-1), stable for |x| &lt;= 1. */
    static double legendre(int l, double x) {
        double prev = 1.0;
        double cur = x;
        if (l == 0) {
            return prev;
        }
        for (int k = 1; k < l; k++) {
            double next = ((2 * k + 1) * x * cur - k * prev) / (k + 1);
            prev = cur;
            cur = next;
        }
        return cur;
    }

    @Test
    void solidHarmonicsScaleAsRToTheLAndBatchAgreesWithScalar() {
        int lMax = 6;
        RealSphericalHarmonics y = new RealSphericalHarmonics(lMax);
        double[] unit = new double[y.size()];
        double[] solid = new double[y.size()];
        double[] x = {0.3, -1.2, 2.5, 0.0};
        double[] yy = {1.1, 0.4, -0.7, 0.0};
        double[] z = {-0.8, 2.0, 0.1, 0.0};
        double[][] batch = new double[y.size()][5];
        y.solid(x, yy, z, 4, batch, new double[3][4]);
        for (int i = 0; i < 4; i++) {
            y.solid(x[i], yy[i], z[i], solid);
            double r = Math.sqrt(x[i] * x[i] + yy[i] * yy[i] + z[i] * z[i]);
            if (r > 0) {
                y.evaluate(x[i], yy[i], z[i], unit);
            }
            for (int l = 0; l <= lMax; l++) {
                for (int m = -l; m <= l; m++) {
                    int k = RealSphericalHarmonics.index(l, m);
                    double expected = r > 0 ? Math.pow(r, l) * unit[k] : (l == 0 ? 0.5 / Math.sqrt(Math.PI) : 0.0);
                    assertEquals(expected, solid[k], 1e-13 * Math.max(1, Math.pow(r, l)));
                    assertEquals(solid[k], batch[k][i], 0.0);
                }
            }
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new RealSphericalHarmonics(-1));
        assertThrows(IllegalArgumentException.class, () -> new RealSphericalHarmonics(RealSphericalHarmonics.MAX_L + 1));
        RealSphericalHarmonics y = new RealSphericalHarmonics(2);
        assertThrows(IllegalArgumentException.class, () -> y.evaluate(0, 0, 0, new double[9]));
    }
}
