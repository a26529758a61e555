package org.physml.descriptors.snap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.physml.structure.LocalEnvironment;
import org.physml.math.angular.ClebschGordan;

/**
 * The bispectrum rebuilt from the public building blocks ({@link HypersphericalHarmonics#matrix} and
 * {@link ClebschGordan#coefficient}) by the textbook formula of the LAMMPS compute sna/atom documentation,
 * u^j = I + sum_k f_c(r_k) w_k U^j(r_k) and
 * B_{j1 j2 j} = sum conj(u^j_{m m'}) C^{j m}_{j1 m1 j2 m2} C^{j m'}_{j1 m1' j2 m2'} u^{j1}_{m1 m1'} u^{j2}_{m2 m2'},
 * with full complex matrices and no index tables: an independent path to the numbers of {@link Bispectrum}
 * (notebook 06 does the same by hand).
 */
class BispectrumFromBuildingBlocksTest {
    private static final double RCUTFAC = 1.0;
    private static final double RFAC0 = 0.99363;
    private static final double R_O = 2.6;
    private static final double R_H = 1.8;
    private static final double W_O = 1.0;
    private static final double W_H = 0.5;

    /** u^j of the centre, matrices [ma][mb], for j = 0..twojmax; LAMMPS's vector convention centre - neighbour. */
    private static Complex[][][] density(LocalEnvironment env, int twojmax) {
        Complex[][][] u = new Complex[twojmax + 1][][];
        for (int j = 0; j <= twojmax; j++) {
            u[j] = new Complex[j + 1][j + 1];
            for (int ma = 0; ma <= j; ma++) {
                for (int mb = 0; mb <= j; mb++) {
                    u[j][ma][mb] = ma == mb ? Complex.ONE : Complex.ZERO;
                }
            }
        }
        double ri = env.centreZ() == 8 ? R_O : R_H;
        for (int k = 0; k < env.size(); k++) {
            int zk = env.neighbourZ()[k];
            double rc = RCUTFAC * (ri + (zk == 8 ? R_O : R_H));
            double r = env.distance()[k];
            if (r >= rc) {
                continue;
            }
            double theta0 = RFAC0 * Math.PI * r / rc;
            double s = 0.5 * (Math.cos(Math.PI * r / rc) + 1.0) * (zk == 8 ? W_O : W_H);
            double[] v = env.r()[k];
            for (int j = 0; j <= twojmax; j++) {
                Complex[][] uk = HypersphericalHarmonics.matrix(j, -v[0], -v[1], -v[2], theta0);
                for (int ma = 0; ma <= j; ma++) {
                    for (int mb = 0; mb <= j; mb++) {
                        u[j][ma][mb] = u[j][ma][mb].add(uk[ma][mb].multiply(s));
                    }
                }
            }
        }
        return u;
    }

    /** B_{j1 j2 j} by the full sum over m1, m2, m1', m2' (m = m1 + m2, m' = m1' + m2'), doubled labels. */
    private static double bispectrum(Complex[][][] u, int j1, int j2, int j) {
        Complex sum = Complex.ZERO;
        for (int a1 = 0; a1 <= j1; a1++) {
            for (int a2 = 0; a2 <= j2; a2++) {
                int twoM = (2 * a1 - j1) + (2 * a2 - j2);
                if (Math.abs(twoM) > j) {
                    continue;
                }
                double cgA = ClebschGordan.coefficient(j1, 2 * a1 - j1, j2, 2 * a2 - j2, j, twoM);
                int ma = (twoM + j) / 2;
                for (int b1 = 0; b1 <= j1; b1++) {
                    for (int b2 = 0; b2 <= j2; b2++) {
                        int twoMp = (2 * b1 - j1) + (2 * b2 - j2);
                        if (Math.abs(twoMp) > j) {
                            continue;
                        }
                        double cgB = ClebschGordan.coefficient(j1, 2 * b1 - j1, j2, 2 * b2 - j2, j, twoMp);
                        int mb = (twoMp + j) / 2;
                        sum = sum.add(u[j][ma][mb].conjugate().multiply(u[j1][a1][b1]).multiply(u[j2][a2][b2])
                                .multiply(cgA * cgB));
                    }
                }
            }
        }
        assertEquals(0.0, sum.getImaginary(), 1e-10, "B must be real");
        return sum.getReal();
    }

    @Test
    void textbookFormulaWithPublicBuildingBlocksReproducesTheDescriptor() {
        Random rng = new Random(7);
        // a water-like cluster: an O centre with O and H neighbours at random positions inside the cutoffs
        int m = 9;
        int[] z = new int[m];
        double[][] r = new double[m][];
        double[] d = new double[m];
        int[] index = new int[m];
        for (int k = 0; k < m; k++) {
            z[k] = k % 3 == 0 ? 8 : 1;
            double[] v;
            do {
                v = new double[]{5 * (2 * rng.nextDouble() - 1), 5 * (2 * rng.nextDouble() - 1),
                        5 * (2 * rng.nextDouble() - 1)};
            } while (Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]) < 0.9);
            r[k] = v;
            d[k] = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            index[k] = k + 1;
        }
        LocalEnvironment env = new LocalEnvironment(0, 8, index, z, r, d);
        for (int twojmax : new int[]{2, 5}) {
            Bispectrum b = Bispectrum.builder().rcutfac(RCUTFAC).rfac0(RFAC0).twojmax(twojmax).bzeroflag(0)
                    .species(8, R_O, W_O).species(1, R_H, W_H).build();
            double[] expected = new double[b.featureCount()];
            b.compute(env, expected);
            Complex[][][] u = density(env, twojmax);
            int[][] idx = b.indices();
            for (int l = 0; l < idx.length; l++) {
                double byHand = bispectrum(u, idx[l][0], idx[l][1], idx[l][2]);
                assertEquals(expected[l], byHand, 1e-10 * Math.max(1.0, Math.abs(expected[l])),
                        "twojmax " + twojmax + ", B" + java.util.Arrays.toString(idx[l]));
            }
        }
    }
}
