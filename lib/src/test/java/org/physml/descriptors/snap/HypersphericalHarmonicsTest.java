package org.physml.descriptors.snap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.apache.commons.math3.complex.Complex;

import org.junit.jupiter.api.Test;

/**
 * U^j of one neighbour: the j = 1/2 block against the Cayley-Klein matrix, unitarity, the SU(2) character, and
 * the analytic gradient against central finite differences.
 */
class HypersphericalHarmonicsTest {
    private static final int TWOJMAX = 8;
    private final SnaIndex idx = new SnaIndex(TWOJMAX);
    private final Random rng = new Random(42);

    /** z0 = r / tan(theta0) with theta0 = rfac0 pi r / R (rmin0 = 0), as in the descriptor. */
    private static double z0(double r, double rfac0, double rc) {
        return r / Math.tan(rfac0 * Math.PI * r / rc);
    }

    private double[] randomVector(double rMax) {
        double[] v;
        do {
            v = new double[]{rMax * (2 * rng.nextDouble() - 1), rMax * (2 * rng.nextDouble() - 1),
                    rMax * (2 * rng.nextDouble() - 1)};
        } while (norm(v) > rMax || norm(v) < 0.5);
        return v;
    }

    private static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    @Test
    void spinHalfBlockIsTheCayleyKleinMatrix() {
        double[] v = randomVector(4.0);
        double r = norm(v);
        double z0 = z0(r, 0.99363, 4.7);
        double[] ur = new double[idx.uSize];
        double[] ui = new double[idx.uSize];
        HypersphericalHarmonics.compute(idx, v[0], v[1], v[2], z0, r, ur, ui);
        double r0 = Math.sqrt(r * r + z0 * z0);
        // a = (z0 - i z)/r0, b = (y - i x)/r0; U^{1/2}(ma, mb) = [[a*, b], [-b*, a]] with (row mb, column ma)
        double aR = z0 / r0, aI = -v[2] / r0, bR = v[1] / r0, bI = -v[0] / r0;
        int base = idx.uBlock[1];
        assertEquals(aR, ur[base], 1e-15);
        assertEquals(-aI, ui[base], 1e-15);
        assertEquals(-bR, ur[base + 1], 1e-15);
        assertEquals(bI, ui[base + 1], 1e-15);
        assertEquals(bR, ur[base + 2], 1e-15);
        assertEquals(bI, ui[base + 2], 1e-15);
        assertEquals(aR, ur[base + 3], 1e-15);
        assertEquals(aI, ui[base + 3], 1e-15);
    }

    @Test
    void everyLayerIsUnitaryWithTheSu2Character() {
        for (int trial = 0; trial < 20; trial++) {
            double[] v = randomVector(4.5);
            double r = norm(v);
            double theta0 = 0.99363 * Math.PI * r / 4.7;
            double z0 = r / Math.tan(theta0);
            double[] ur = new double[idx.uSize];
            double[] ui = new double[idx.uSize];
            HypersphericalHarmonics.compute(idx, v[0], v[1], v[2], z0, r, ur, ui);
            for (int j = 0; j <= TWOJMAX; j++) {
                int base = idx.uBlock[j];
                for (int mb = 0; mb <= j; mb++) {
                    for (int mc = 0; mc <= j; mc++) {
                        // rows of U^j are orthonormal: sum_ma U(ma, mb) conj U(ma, mc) = delta
                        double re = 0.0, im = 0.0;
                        for (int ma = 0; ma <= j; ma++) {
                            int p = base + (j + 1) * mb + ma, q = base + (j + 1) * mc + ma;
                            re += ur[p] * ur[q] + ui[p] * ui[q];
                            im += ui[p] * ur[q] - ur[p] * ui[q];
                        }
                        assertEquals(mb == mc ? 1.0 : 0.0, re, 1e-13);
                        assertEquals(0.0, im, 1e-13);
                    }
                }
                // the trace is the character of spin j/2 for the rotation angle 2 theta0:
                // sin((j+1) theta0) / sin(theta0)
                double tr = 0.0, ti = 0.0;
                for (int m = 0; m <= j; m++) {
                    tr += ur[base + (j + 1) * m + m];
                    ti += ui[base + (j + 1) * m + m];
                }
                assertEquals(Math.sin((j + 1) * theta0) / Math.sin(theta0), tr, 1e-12);
                assertEquals(0.0, ti, 1e-12);
            }
        }
    }

    @Test
    void rowRecursionAgreesWithTheFullMatrixOnTheAccumulatedRows() {
        double[] v = randomVector(4.5);
        double r = norm(v);
        double z0 = z0(r, 0.99363, 4.7);
        double[] fr = new double[idx.uSize], fi = new double[idx.uSize];
        double[] hr = new double[idx.uSize], hi = new double[idx.uSize];
        HypersphericalHarmonics.compute(idx, v[0], v[1], v[2], z0, r, fr, fi);
        HypersphericalHarmonics.computeRows(idx, v[0], v[1], v[2], z0, r, hr, hi);
        for (int j = 0; j <= TWOJMAX; j++) {
            for (int mb = 0; 2 * mb <= j; mb++) {
                for (int ma = 0; ma <= j; ma++) {
                    int k = idx.uBlock[j] + (j + 1) * mb + ma;
                    assertEquals(fr[k], hr[k], 1e-14);
                    assertEquals(fi[k], hi[k], 1e-14);
                }
            }
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        double rfac0 = 0.99363, rc = 4.9, h = 1e-6;
        for (int trial = 0; trial < 5; trial++) {
            double[] v = randomVector(4.5);
            double r = norm(v);
            double rscale0 = rfac0 * Math.PI / rc;
            double z0 = z0(r, rfac0, rc);
            double dz0dr = z0 / r - (r * rscale0) * (r * r + z0 * z0) / (r * r);
            double[] ur = new double[idx.uSize], ui = new double[idx.uSize];
            double[] dur = new double[3 * idx.uSize], dui = new double[3 * idx.uSize];
            HypersphericalHarmonics.computeWithGradient(idx, v[0], v[1], v[2], z0, r, dz0dr, ur, ui, dur, dui);
            for (int c = 0; c < 3; c++) {
                double[] vp = v.clone(), vm = v.clone();
                vp[c] += h;
                vm[c] -= h;
                double[] pr = new double[idx.uSize], pi = new double[idx.uSize];
                double[] mr = new double[idx.uSize], mi = new double[idx.uSize];
                HypersphericalHarmonics.compute(idx, vp[0], vp[1], vp[2], z0(norm(vp), rfac0, rc), norm(vp), pr, pi);
                HypersphericalHarmonics.compute(idx, vm[0], vm[1], vm[2], z0(norm(vm), rfac0, rc), norm(vm), mr, mi);
                for (int k = 0; k < idx.uSize; k++) {
                    assertEquals((pr[k] - mr[k]) / (2 * h), dur[3 * k + c], 1e-7, "d Re U[" + k + "]/dx_" + c);
                    assertEquals((pi[k] - mi[k]) / (2 * h), dui[3 * k + c], 1e-7, "d Im U[" + k + "]/dx_" + c);
                }
            }
        }
    }

    @Test
    void publicMatrixIsTheLayerOfTheArraysAndTheCayleyKleinMatrixAtSpinHalf() {
        double[] v = randomVector(4.5);
        double r = norm(v);
        double rfac0 = 0.99363, rc = 4.7;
        double theta0 = rfac0 * Math.PI * r / rc;
        double[] ur = new double[idx.uSize], ui = new double[idx.uSize];
        HypersphericalHarmonics.compute(idx, v[0], v[1], v[2], z0(r, rfac0, rc), r, ur, ui);
        for (int j = 0; j <= TWOJMAX; j++) {
            Complex[][] u = HypersphericalHarmonics.matrix(j, v[0], v[1], v[2], theta0);
            assertEquals(j + 1, u.length);
            for (int ma = 0; ma <= j; ma++) {
                for (int mb = 0; mb <= j; mb++) {
                    int k = idx.uBlock[j] + (j + 1) * mb + ma;
                    assertEquals(ur[k], u[ma][mb].getReal(), 1e-13, "Re U^" + j + "[" + ma + "][" + mb + "]");
                    assertEquals(ui[k], u[ma][mb].getImaginary(), 1e-13, "Im U^" + j + "[" + ma + "][" + mb + "]");
                }
            }
        }
        // the Cayley-Klein parameters from the angles alone (no z0): a = cos t0 - i sin t0 z/r, b = sin t0 (y - i x)/r
        Complex a = new Complex(Math.cos(theta0), -Math.sin(theta0) * v[2] / r);
        Complex b = new Complex(Math.sin(theta0) * v[1] / r, -Math.sin(theta0) * v[0] / r);
        Complex[][] half = HypersphericalHarmonics.matrix(1, v[0], v[1], v[2], theta0);
        Complex[][] expected = {{a.conjugate(), b}, {b.conjugate().negate(), a}};
        for (int ma = 0; ma < 2; ma++) {
            for (int mb = 0; mb < 2; mb++) {
                assertTrue(expected[ma][mb].subtract(half[ma][mb]).abs() < 1e-14, "U^1/2[" + ma + "][" + mb + "]");
            }
        }
    }

    @Test
    void publicMatrixRejectsBadInputByName() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HypersphericalHarmonics.matrix(-1, 1, 0, 0, 1.0)).getMessage().contains("twoJ"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HypersphericalHarmonics.matrix(Bispectrum.MAX_TWOJMAX + 1, 1, 0, 0, 1.0)).getMessage()
                .contains("twoJ"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HypersphericalHarmonics.matrix(2, 0, 0, 0, 1.0)).getMessage().contains("length"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HypersphericalHarmonics.matrix(2, 1, 0, 0, Math.PI)).getMessage().contains("theta0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HypersphericalHarmonics.matrix(2, 1, 0, 0, 0.0)).getMessage().contains("theta0"));
    }
}
