package org.physml.descriptors.nep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.apache.commons.math3.analysis.polynomials.PolynomialsUtils;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;

/**
 * The polynomial angular components against independent routes: the Legendre addition theorem, complex Y_lm
 * from the associated-Legendre recurrence, Wigner 3j symbols from Racah's formula, and NEP_CPU's own
 * constants C3B, C4B, C5B (src/nep.cpp of brucefan1983/NEP_CPU).
 */
class NepAngularBasisTest {
    private static final int L_MAX = 8;

    /** S_k = sum_j w_j h_k(u_j) for one set of weights. */
    private static double[] sums(NepAngularBasis basis, double[] w, double[][] r) {
        double[] s = new double[basis.size()];
        double[] h = new double[basis.size()];
        double[] scratch = new double[basis.scratchLength()];
        for (int j = 0; j < w.length; j++) {
            double d = Math.sqrt(r[j][0] * r[j][0] + r[j][1] * r[j][1] + r[j][2] * r[j][2]);
            basis.values(r[j][0] / d, r[j][1] / d, r[j][2] / d, h, scratch);
            for (int k = 0; k < h.length; k++) {
                s[k] += w[j] * h[k];
            }
        }
        return s;
    }

    private static double cosAngle(double[] a, double[] b) {
        double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
        return dot / Math.sqrt((a[0] * a[0] + a[1] * a[1] + a[2] * a[2]) * (b[0] * b[0] + b[1] * b[1] + b[2] * b[2]));
    }

    @Test
    void threeBodyEqualsLegendreDoubleSumIncludingSelfTerms() {
        Random rng = new Random(11);
        NepAngularBasis basis = new NepAngularBasis(L_MAX);
        double[][] r = NepTestSupport.randomVectors(rng, 7, 1.5, 4.0);
        double[] w = new double[r.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = rng.nextGaussian();
        }
        double[] s = sums(basis, w, r);
        for (int l = 1; l <= L_MAX; l++) {
            double legendre = 0.0;
            for (int j = 0; j < r.length; j++) {
                for (int k = 0; k < r.length; k++) {
                    legendre += w[j] * w[k] * PolynomialsUtils.createLegendrePolynomial(l).value(cosAngle(r[j], r[k]));
                }
            }
            legendre *= (2 * l + 1) / (4 * Math.PI);
            assertEquals(legendre, basis.threeBody(s, 0, l), 1e-12 * Math.max(1, Math.abs(legendre)), "l = " + l);
        }
    }

    @Test
    void threeBodyEqualsSumOfSquaredComplexHarmonicSums() {
        Random rng = new Random(12);
        NepAngularBasis basis = new NepAngularBasis(L_MAX);
        double[][] r = NepTestSupport.randomVectors(rng, 5, 2.0, 3.0);
        double[] w = {0.3, -1.2, 0.7, 2.0, -0.4};
        double[] s = sums(basis, w, r);
        for (int l = 1; l <= L_MAX; l++) {
            double expected = 0.0;
            for (Complex a : NepTestSupport.sphericalSums(l, w, r)) {
                expected += a.abs() * a.abs();
            }
            assertEquals(expected, basis.threeBody(s, 0, l), 1e-11 * Math.max(1, expected), "l = " + l);
        }
    }

    @Test
    void racahFormulaGivesTheClosedFormThreeJValuesUsed() {
        assertEquals(-Math.sqrt(2.0 / 35.0), NepTestSupport.wigner3j(2, 2, 2, 0, 0, 0), 1e-15);
        assertEquals(Math.sqrt(1.0 / 70.0), NepTestSupport.wigner3j(2, 2, 2, 1, -1, 0), 1e-15);
        assertEquals(Math.sqrt(2.0 / 35.0), NepTestSupport.wigner3j(2, 2, 2, 2, -2, 0), 1e-15);
        assertEquals(-Math.sqrt(3.0 / 35.0), NepTestSupport.wigner3j(2, 2, 2, 2, -1, -1), 1e-15);
        // orthogonality: sum_{m1 m2} (2 j3 + 1) (j1 j2 j3; m1 m2 m3)^2 = 1 for every fixed m3
        for (int m3 = -2; m3 <= 2; m3++) {
            double norm = 0.0;
            for (int m1 = -2; m1 <= 2; m1++) {
                double v = NepTestSupport.wigner3j(2, 2, 2, m1, -m1 - m3, m3);
                norm += 5 * v * v;
            }
            assertEquals(1.0, norm, 1e-14, "m3 = " + m3);
        }
    }

    @Test
    void fourBodyEqualsThreeJContractionOfComplexSums() {
        Random rng = new Random(13);
        NepAngularBasis basis = new NepAngularBasis(4);
        for (int trial = 0; trial < 5; trial++) {
            double[][] r = NepTestSupport.randomVectors(rng, 4 + trial, 2.0, 4.0);
            double[] w = new double[r.length];
            for (int j = 0; j < w.length; j++) {
                w[j] = rng.nextGaussian();
            }
            Complex[] a = NepTestSupport.sphericalSums(2, w, r);
            Complex sum = Complex.ZERO;
            for (int m1 = -2; m1 <= 2; m1++) {
                for (int m2 = -2; m2 <= 2; m2++) {
                    int m3 = -m1 - m2;
                    if (Math.abs(m3) > 2) {
                        continue;
                    }
                    double w3j = NepTestSupport.wigner3j(2, 2, 2, m1, m2, m3);
                    sum = sum.add(a[m1 + 2].multiply(a[m2 + 2]).multiply(a[m3 + 2]).multiply(w3j));
                }
            }
            assertEquals(0.0, sum.getImaginary(), 1e-12);
            double[] s = sums(basis, w, r);
            assertEquals(sum.getReal(), NepAngularBasis.fourBody(s, 0), 1e-12 * Math.max(1, Math.abs(sum.getReal())));
        }
    }

    @Test
    void fiveBodyIsSevenFifteenthsOfSquaredLEqualsOneInvariant() {
        Random rng = new Random(14);
        NepAngularBasis basis = new NepAngularBasis(2);
        double[][] r = NepTestSupport.randomVectors(rng, 6, 2.0, 4.0);
        double[] w = {1.0, -0.5, 0.25, 2.0, 0.1, -1.5};
        double q1 = 0.0;
        for (Complex a : NepTestSupport.sphericalSums(1, w, r)) {
            q1 += a.abs() * a.abs();
        }
        double[] s = sums(basis, w, r);
        assertEquals(7.0 / 15.0 * q1 * q1, NepAngularBasis.fiveBody(s, 0), 1e-12 * q1 * q1);
    }

    /**
     * NEP_CPU (src/nep.cpp) writes the same sums with other polynomial normalisations: s3 = 3z^2 - 1 = 2 P_2,
     * s4 = xz, s5 = yz (= D_21 / 3 times x, y), s6 = x^2 - y^2, s7 = 2xy (= D_22 / 3 times Re, Im (x+iy)^2), and
     * for l = 1 s0 = z, s1 = x, s2 = y. Its constants C4B and C5B must then map onto this class's K0..K3, C5.
     */
    @Test
    void fourAndFiveBodyConstantsReproduceNepCpu() {
        double[] c4b = {-0.007499480826664, -0.134990654879954, 0.067495327439977, 0.404971964639861,
            -0.809943929279723};
        double[] c5b = {0.026596810706114, 0.053193621412227, 0.026596810706114};
        assertEquals(8.0 * c4b[0], NepAngularBasis.K0, 1e-14);
        assertEquals(2.0 * c4b[1] / 9.0, NepAngularBasis.K1, 1e-14);
        assertEquals(2.0 * c4b[2] / 9.0, NepAngularBasis.K2, 1e-14);
        assertEquals(-c4b[3] / 27.0, NepAngularBasis.K3, 1e-14);
        assertEquals(c4b[4] / 54.0, NepAngularBasis.K3, 1e-14);
        assertEquals(c5b[0], NepAngularBasis.C5, 1e-14);
        assertEquals(c5b[1], 2.0 * NepAngularBasis.C5, 1e-14);
        assertEquals(c5b[2], NepAngularBasis.C5, 1e-14);
    }

    /**
     * NEP_CPU's C3B weights for l = 1..8 (src/nep.cpp) with its polynomials Z_COEFFICIENT_l (coefficients of z^p
     * multiplying Re/Im (x+iy)^m): C3B_lm Q_lm^2 must equal this class's w_lm D_lm^2 / (m &gt; 0 ? 2 : 1).
     */
    @Test
    void threeBodyWeightsReproduceNepCpuConstants() {
        double[] c3b = {0.238732414637843, 0.119366207318922, 0.119366207318922, 0.099471839432435,
            0.596831036594608, 0.596831036594608, 0.149207759148652, 0.149207759148652, 0.139260575205408,
            0.104445431404056, 0.104445431404056, 1.044454314040563, 1.044454314040563, 0.174075719006761,
            0.174075719006761, 0.011190581936149, 0.223811638722978, 0.223811638722978, 0.111905819361489,
            0.111905819361489, 1.566681471060845, 1.566681471060845, 0.195835183882606, 0.195835183882606,
            0.013677377921960, 0.102580334414698, 0.102580334414698, 2.872249363611549, 2.872249363611549,
            0.119677056817148, 0.119677056817148, 2.154187022708661, 2.154187022708661, 0.215418702270866,
            0.215418702270866, 0.004041043476943, 0.169723826031592, 0.169723826031592, 0.106077391269745,
            0.106077391269745, 0.424309565078979, 0.424309565078979, 0.127292869523694, 0.127292869523694,
            2.800443129521260, 2.800443129521260, 0.233370260793438, 0.233370260793438, 0.004662742473395,
            0.004079899664221, 0.004079899664221, 0.024479397985326, 0.024479397985326, 0.012239698992663,
            0.012239698992663, 0.538546755677165, 0.538546755677165, 0.134636688919291, 0.134636688919291,
            3.500553911901575, 3.500553911901575, 0.250039565135827, 0.250039565135827, 0.000082569397966,
            0.005944996653579, 0.005944996653579, 0.104037441437634, 0.104037441437634, 0.762941237209318,
            0.762941237209318, 0.114441185581398, 0.114441185581398, 5.950941650232678, 5.950941650232678,
            0.141689086910302, 0.141689086910302, 4.250672607309055, 4.250672607309055, 0.265667037956816,
            0.265667037956816};
        double[][][] zc = {
            {{0, 1}, {1, 0}},
            {{-1, 0, 3}, {0, 1, 0}, {1, 0, 0}},
            {{0, -3, 0, 5}, {-1, 0, 5, 0}, {0, 1, 0, 0}, {1, 0, 0, 0}},
            {{3, 0, -30, 0, 35}, {0, -3, 0, 7, 0}, {-1, 0, 7, 0, 0}, {0, 1, 0, 0, 0}, {1, 0, 0, 0, 0}},
            {{0, 15, 0, -70, 0, 63}, {1, 0, -14, 0, 21, 0}, {0, -1, 0, 3, 0, 0}, {-1, 0, 9, 0, 0, 0},
                {0, 1, 0, 0, 0, 0}, {1, 0, 0, 0, 0, 0}},
            {{-5, 0, 105, 0, -315, 0, 231}, {0, 5, 0, -30, 0, 33, 0}, {1, 0, -18, 0, 33, 0, 0},
                {0, -3, 0, 11, 0, 0, 0}, {-1, 0, 11, 0, 0, 0, 0}, {0, 1, 0, 0, 0, 0, 0}, {1, 0, 0, 0, 0, 0, 0}},
            {{0, -35, 0, 315, 0, -693, 0, 429}, {-5, 0, 135, 0, -495, 0, 429, 0}, {0, 15, 0, -110, 0, 143, 0, 0},
                {3, 0, -66, 0, 143, 0, 0, 0}, {0, -3, 0, 13, 0, 0, 0, 0}, {-1, 0, 13, 0, 0, 0, 0, 0},
                {0, 1, 0, 0, 0, 0, 0, 0}, {1, 0, 0, 0, 0, 0, 0, 0}},
            {{35, 0, -1260, 0, 6930, 0, -12012, 0, 6435}, {0, -35, 0, 385, 0, -1001, 0, 715, 0},
                {-1, 0, 33, 0, -143, 0, 143, 0, 0}, {0, 3, 0, -26, 0, 39, 0, 0, 0}, {1, 0, -26, 0, 65, 0, 0, 0, 0},
                {0, -1, 0, 5, 0, 0, 0, 0, 0}, {-1, 0, 15, 0, 0, 0, 0, 0, 0}, {0, 1, 0, 0, 0, 0, 0, 0, 0},
                {1, 0, 0, 0, 0, 0, 0, 0, 0}}};
        NepAngularBasis basis = new NepAngularBasis(8);
        double[] h = new double[basis.size()];
        double[] scratch = new double[basis.scratchLength()];
        double ux = 0.48;
        double uy = -0.36;
        double uz = Math.sqrt(1 - ux * ux - uy * uy);
        basis.values(ux, uy, uz, h, scratch);
        Complex xy = new Complex(ux, uy);
        for (int l = 1; l <= 8; l++) {
            for (int m = 0; m <= l; m++) {
                double q = 0.0;
                for (int p = 0; p < zc[l - 1][m].length; p++) {
                    q += zc[l - 1][m][p] * Math.pow(uz, p);
                }
                int k = NepAngularBasis.start(l) + (m == 0 ? 0 : 2 * m - 1);
                double d = m == 0 ? h[k] : h[k] / xy.pow(m).getReal();
                double derived = basis.weight(k) * d * d / (q * q * (m == 0 ? 1 : 2));
                // C3B is printed with 15 decimals
                assertEquals(c3b[k], derived, 1e-15 + 1e-13 * c3b[k], "l = " + l + ", m = " + m);
                assertEquals(basis.weight(k), basis.weight(k + (m == 0 ? 0 : 1)), 0.0);
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        NepAngularBasis basis = new NepAngularBasis(L_MAX);
        int k3 = basis.size();
        double[] h = new double[k3];
        double[] gx = new double[k3];
        double[] gy = new double[k3];
        double[] gz = new double[k3];
        double[] hp = new double[k3];
        double[] hm = new double[k3];
        double[] scratch = new double[basis.scratchLength()];
        double[] u = {0.3, -0.5, 0.7};
        basis.valuesAndGradients(u[0], u[1], u[2], h, gx, gy, gz, scratch);
        double eps = 1e-6;
        double[][] g = {gx, gy, gz};
        for (int a = 0; a < 3; a++) {
            double[] up = u.clone();
            double[] um = u.clone();
            up[a] += eps;
            um[a] -= eps;
            basis.values(up[0], up[1], up[2], hp, scratch);
            basis.values(um[0], um[1], um[2], hm, scratch);
            for (int k = 0; k < k3; k++) {
                double fd = (hp[k] - hm[k]) / (2 * eps);
                assertEquals(fd, g[a][k], 1e-6 * Math.max(1, Math.abs(fd)), "component " + k + ", axis " + a);
            }
        }
    }
}
