package org.physml.descriptors.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

import org.physml.math.angular.RealSphericalHarmonics;

/**
 * Independent check of the expansion coefficients: c^Z_nlm = integral d^3r g_nl(r) Y_lm(r_hat) rho^Z(r)
 * evaluated by brute-force quadrature on a product grid (Gauss-Legendre in r and in cos theta, trapezoid in
 * phi) for a small two-species environment with the centre atom, and compared with the analytic GTO
 * formula and with the Bessel-function radial quadrature of the polynomial basis. This checks alpha, beta,
 * the (pi/(alpha+eta))^(3/2) (eta/(alpha+eta))^l prefactors, the 4 pi i_l kernel and the Y_lm convention at
 * once.
 */
class SoapCoefficientQuadratureTest {
    static final double SIGMA = 0.5;
    /** Atoms relative to the centre (the first one is the centre), and their species index. */
    static final double[][] ATOMS = {{0, 0, 0}, {1.1, 0.3, -0.4}, {-0.7, 1.5, 0.9}, {0.2, -1.9, 1.2},
            {2.2, 1.0, 0.5}};
    static final int[] SPECIES = {1, 0, 1, 0, 0};

    interface Radial {
        double value(int n, int l, double r);
    }

    /** c[s][n][lm] by quadrature over the ball of radius rMax. */
    static double[][][] integrate(Radial g, int nMax, int lMax, double rMax) {
        RealSphericalHarmonics ylm = new RealSphericalHarmonics(lMax);
        int nLm = ylm.size();
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        GaussIntegrator radial = factory.legendre(120, 0.0, rMax);
        GaussIntegrator polar = factory.legendre(64, -1.0, 1.0);
        int nPhi = 128;
        double eta = 1 / (2 * SIGMA * SIGMA);
        double[][][] c = new double[2][nMax][nLm];
        double[] y = new double[nLm];
        double[][] gr = new double[nMax][lMax + 1];
        for (int a = 0; a < radial.getNumberOfPoints(); a++) {
            double r = radial.getPoint(a);
            for (int n = 0; n < nMax; n++) {
                for (int l = 0; l <= lMax; l++) {
                    gr[n][l] = g.value(n, l, r);
                }
            }
            for (int b = 0; b < polar.getNumberOfPoints(); b++) {
                double ct = polar.getPoint(b);
                double st = Math.sqrt(1 - ct * ct);
                for (int p = 0; p < nPhi; p++) {
                    double phi = 2 * Math.PI * p / nPhi;
                    double x = r * st * Math.cos(phi);
                    double yy = r * st * Math.sin(phi);
                    double z = r * ct;
                    double w = radial.getWeight(a) * r * r * polar.getWeight(b) * 2 * Math.PI / nPhi;
                    double[] rho = new double[2];
                    for (int j = 0; j < ATOMS.length; j++) {
                        double dx = x - ATOMS[j][0];
                        double dy = yy - ATOMS[j][1];
                        double dz = z - ATOMS[j][2];
                        rho[SPECIES[j]] += Math.exp(-eta * (dx * dx + dy * dy + dz * dz));
                    }
                    ylm.evaluate(st * Math.cos(phi), st * Math.sin(phi), ct, y);
                    for (int s = 0; s < 2; s++) {
                        for (int n = 0; n < nMax; n++) {
                            for (int l = 0; l <= lMax; l++) {
                                double f = w * rho[s] * gr[n][l];
                                for (int lm = l * l; lm < (l + 1) * (l + 1); lm++) {
                                    c[s][n][lm] += f * y[lm];
                                }
                            }
                        }
                    }
                }
            }
        }
        return c;
    }

    static double[] expand(SoapExpansion e) {
        double[] x = new double[ATOMS.length];
        double[] y = new double[ATOMS.length];
        double[] z = new double[ATOMS.length];
        for (int j = 0; j < ATOMS.length; j++) {
            x[j] = ATOMS[j][0];
            y[j] = ATOMS[j][1];
            z[j] = ATOMS[j][2];
        }
        double[] c = new double[e.coefficientCount()];
        e.expand(x, y, z, SPECIES, ATOMS.length, c);
        return c;
    }

    static void compare(double[][][] numeric, double[] analytic, int nMax, int nLm, double rel) {
        double scale = 0.0;
        for (double v : analytic) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 0.1, "coefficients of order one expected, max " + scale);
        for (int s = 0; s < 2; s++) {
            for (int n = 0; n < nMax; n++) {
                for (int lm = 0; lm < nLm; lm++) {
                    assertEquals(numeric[s][n][lm], analytic[(s * nMax + n) * nLm + lm], rel * scale,
                            "s=" + s + " n=" + n + " lm=" + lm);
                }
            }
        }
    }

    @Test
    void gtoCoefficientsAreTheDensityProjections() {
        int nMax = 4;
        int lMax = 4;
        GtoRadialBasis basis = new GtoRadialBasis(3.0, nMax, lMax);
        double[] analytic = expand(new GtoExpansion(basis, SIGMA, 2));
        // g_nl decays like exp(-alpha r^2) with alpha >= 0.77 A^-2 here: negligible beyond 9 A
        double[][][] numeric = integrate(basis::evaluate, nMax, lMax, 9.0);
        compare(numeric, analytic, nMax, (lMax + 1) * (lMax + 1), 1e-9);
    }

    @Test
    void polynomialCoefficientsAreTheDensityProjections() {
        int nMax = 4;
        int lMax = 4;
        PolynomialRadialBasis basis = new PolynomialRadialBasis(3.5, nMax);
        double[] analytic = expand(new PolynomialExpansion(basis, lMax, SIGMA, 2));
        double[][][] numeric = integrate((n, l, r) -> basis.evaluate(n, r), nMax, lMax, 3.5);
        compare(numeric, analytic, nMax, (lMax + 1) * (lMax + 1), 1e-9);
    }
}
