package org.physml.descriptors.steinhardt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.analysis.polynomials.PolynomialsUtils;
import org.junit.jupiter.api.Test;
import org.physml.structure.Structure;

/**
 * Perfect-crystal values from the literature and from hand derivations. Every atom of a perfect crystal is
 * equivalent, so every atom must carry the value.
 *
 * <p>Sources:
 * <ul>
 *   <li>LAMMPS documentation of compute orientorder/atom (29 Sep 2021, Debian lammps-doc), for fcc with nnn = 12:
 *       Q_4 = sqrt(7/192) = 0.19094..., W_4 = -sqrt(14/143) (49/4096) / pi^1.5 = -0.0006722136...,
 *       What_4 = -(7/3) sqrt(2/429) = -0.159317... ("values of What_l for a range of high-symmetry structures are
 *       given in Table I of Steinhardt").</li>
 *   <li>pyscal 3 documentation, "Steinhardt Bond-Order Parameters" example (v3.pyscal.org, perfect crystals, first
 *       shell): fcc q4 = 0.1909, q6 = 0.5745; bcc q4 = 0.0364, q6 = 0.5107 (reproduced with the 8 + 6 = 14
 *       neighbours of the first two bcc shells); hcp q4 = 0.0972, q6 = 0.4848. "Wigner W_l parameters" example:
 *       fcc What_4 = -0.15932, What_6 = -0.01316 ("textbook reference values from Steinhardt, Nelson and
 *       Ronchetti (1983)"), and What_6 of bcc has the opposite sign of fcc's (+0.013).</li>
 *   <li>Simple cubic, derived here: by the addition theorem q_l^2 = (1/N^2) sum_{j,k} P_l(cos theta_jk); the 6
 *       bonds +-x, +-y, +-z give 6 pairs at cos = 1, 6 at cos = -1 and 24 at cos = 0, so
 *       q_l^2 = (6 + 6 (-1)^l + 24 P_l(0)) / 36, i.e. q4 = sqrt(7/12), q6 = sqrt(1/8).</li>
 * </ul>
 */
class SteinhardtLiteratureTest {

    private static double[] everyAtomEqual(Steinhardt s, Structure st) {
        double[][] x = s.compute(st);
        for (double[] row : x) {
            for (int f = 0; f < row.length; f++) {
                assertEquals(x[0][f], row[f], 1e-13);
            }
        }
        return x[0];
    }

    @Test
    void fccClosedFormsOfTheLammpsDocumentation() {
        Steinhardt s = Steinhardt.builder().rCut(3.5).nearestNeighbours(12).q(4, 6).w(4).wHat(4, 6).build();
        double[] x = everyAtomEqual(s, Crystals.fcc(4.0, 3));
        assertEquals(Math.sqrt(7.0 / 192.0), x[0], 1e-14);
        assertEquals(0.19094, x[0], 5e-6);
        assertEquals(-Math.sqrt(14.0 / 143.0) * (49.0 / 4096.0) / Math.pow(Math.PI, 1.5), x[2], 1e-16);
        assertEquals(-0.0006722136, x[2], 1e-10);
        assertEquals(-7.0 / 3.0 * Math.sqrt(2.0 / 429.0), x[3], 1e-14);
        assertEquals(-0.159317, x[3], 5e-7);
        // pyscal documentation
        assertEquals(0.5745, x[1], 5e-5);
        assertEquals(-0.01316, x[4], 5e-6);
    }

    @Test
    void bccWithTwoShellsMatchesPyscal() {
        Steinhardt s = Steinhardt.builder().rCut(3.5).allNeighbours().q(4, 6).wHat(6).build();
        double[] x = everyAtomEqual(s, Crystals.bcc(3.0, 3));
        assertEquals(0.0364, x[0], 5e-5);
        assertEquals(0.5107, x[1], 5e-5);
        assertEquals(0.013, x[2], 5e-4);
    }

    @Test
    void hcpMatchesPyscal() {
        Steinhardt s = Steinhardt.builder().rCut(3.5).nearestNeighbours(12).q(4, 6).build();
        double[] x = everyAtomEqual(s, Crystals.hcp(3.0, 3, 2, 2));
        assertEquals(0.0972, x[0], 5e-5);
        assertEquals(0.4848, x[1], 5e-5);
    }

    @Test
    void simpleCubicEqualsTheHandDerivation() {
        int[] l = java.util.stream.IntStream.rangeClosed(0, 12).toArray();
        Steinhardt s = Steinhardt.builder().rCut(3.5).nearestNeighbours(6).q(l).build();
        double[] x = everyAtomEqual(s, Crystals.sc(3.0, 3));
        for (int k = 0; k < l.length; k++) {
            double p0 = PolynomialsUtils.createLegendrePolynomial(l[k]).value(0.0);
            double expected = Math.sqrt((6 + 6 * (l[k] % 2 == 0 ? 1 : -1) + 24 * p0) / 36.0);
            assertEquals(expected, x[k], 1e-14, "q" + l[k]);
        }
        assertEquals(Math.sqrt(7.0 / 12.0), x[4], 1e-14);
        assertEquals(Math.sqrt(1.0 / 8.0), x[6], 1e-14);
    }

    @Test
    void averagedEqualsPlainInAPerfectCrystal() {
        // all q_lm(k) are identical, so their average is too
        Steinhardt s = Steinhardt.builder().rCut(3.5).nearestNeighbours(12).q(4, 6, 8).qBar(4, 6, 8).wHat(4, 6)
                .wHatBar(4, 6).build();
        double[] x = everyAtomEqual(s, Crystals.fcc(4.0, 3));
        for (int k = 0; k < 3; k++) {
            assertEquals(x[k], x[3 + k], 1e-13);
        }
        assertEquals(x[6], x[8], 1e-13);
        assertEquals(x[7], x[9], 1e-13);
    }
}
