package org.physml.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.physml.structure.Composition;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;

/**
 * Densities and O-O distances of the built ices against the literature values of the sources the structures were
 * taken from (or, where the source gives only the lattice, against the value derived by hand from its lattice
 * parameters). Densities are of H2O (IUPAC standard atomic weights: M = 15.999 + 2 x 1.008 = 18.015 g/mol).
 */
class IceReferenceValuesTest {
    private static final double M_H2O = 15.999 + 2 * 1.008;
    private static final double AVOGADRO = 6.02214076e23;

    private static double density(IcePhase phase) {
        return Composition.density(IceBuilder.of(phase).repeat(2, 2, 2).build().structure());
    }

    private static double handDensity(int molecules, double volumeA3) {
        return molecules * M_H2O / AVOGADRO / (volumeA3 * 1e-24);
    }

    /** Sorted O-O distances up to 4 A around every O of a phase's cell. */
    private static double[][] ooDistances(IcePhase phase) {
        OxygenLattice lattice = IceBuilder.of(phase).oxygenLattice();
        NeighbourList nl = NeighbourList.build(lattice.structure(), 4.0);
        double[][] d = new double[lattice.size()][];
        for (int i = 0; i < d.length; i++) {
            LocalEnvironment env = nl.environment(i);
            d[i] = env.distance().clone();
            Arrays.sort(d[i]);
        }
        return d;
    }

    /**
     * Ice Ih, Goto, Hondoh and Mae, J. Chem. Phys. 93, 1412 (1990) (AIST structure table): a = 4.511 A, c = 7.346 A,
     * O at 4f with z = 0.06226; the table's calculated density is 0.93 g/cm3 (from the rounded volume 129 A^3).
     * The O-O bond along c is (1/2 - 2z) c = 2.758 A, the three others sqrt(a^2/3 + (2 z c)^2) = 2.760 A.
     */
    @Test
    void iceIh() {
        double a = 4.511, c = 7.346, z = 0.06226;
        double rho = density(IcePhase.IH);
        assertEquals(handDensity(4, Math.sqrt(3) / 2 * a * a * c), rho, 1e-9);
        assertEquals(0.93, rho, 0.01);
        double axial = (0.5 - 2 * z) * c, oblique = Math.sqrt(a * a / 3 + 4 * z * z * c * c);
        for (double[] d : ooDistances(IcePhase.IH)) {
            assertEquals(4, d.length, "4 O within 4 A");
            double[] expected = {axial, oblique, oblique, oblique};
            Arrays.sort(expected);
            assertArrayEqualsTol(expected, d, 1e-9);
            assertEquals(2.76, d[3], 0.005); // ~2.76 A hydrogen-bond length of ice Ih
        }
    }

    /**
     * Ice Ic, Arnold et al., J. Chem. Phys. 49, 4365 (1968): a0 = 6.353 A (D2O, 80 K). Diamond lattice: density
     * 8 M / (N_A a0^3), 4 neighbours at sqrt(3) a0 / 4 = 2.751 A, the next 12 at a0 / sqrt(2) = 4.49 A.
     */
    @Test
    void iceIc() {
        double a0 = 6.353;
        assertEquals(handDensity(8, a0 * a0 * a0), density(IcePhase.IC), 1e-9);
        assertEquals(0.933, density(IcePhase.IC), 0.001);
        for (double[] d : ooDistances(IcePhase.IC)) {
            assertEquals(4, d.length);
            for (double x : d) {
                assertEquals(Math.sqrt(3) * a0 / 4, x, 1e-9);
            }
        }
    }

    /**
     * Ice II: rhombohedral cell a = 7.78 A, alpha = 113.1 deg (Kamb 1964), 12 molecules:
     * V = a^3 sqrt(1 - 3 cos^2 alpha + 2 cos^3 alpha). A. D. Fortes et al., J. Appl. Cryst. 38, 612 (2005),
     * measured V0 = 306.95 A^3 for the same cell (D2O, 225 K, zero pressure); our volume must agree within 1.5 %
     * (different isotope, temperature, pressure). Hydrogen bonds 2.7-2.9 A.
     */
    @Test
    void iceII() {
        double a = 7.78, ca = Math.cos(Math.toRadians(113.1));
        double v = a * a * a * Math.sqrt(1 - 3 * ca * ca + 2 * ca * ca * ca);
        assertEquals(handDensity(12, v), density(IcePhase.II), 1e-9);
        assertEquals(306.95, v, 0.015 * 306.95);
        assertEquals(handDensity(12, 306.95), density(IcePhase.II), 0.015 * handDensity(12, 306.95));
        assertFourBondsThenGap(ooDistances(IcePhase.II), 2.7, 2.9, 3.2);
    }

    /**
     * Ice III: a = 6.666 A, c = 6.936 A, 12 molecules (Petrenko and Whitworth, Table 11.2, via GenIce2); Wikipedia
     * "Ice III" (citing Chaplin) gives 1.16 g/cm3 at 350 MPa.
     */
    @Test
    void iceIII() {
        assertEquals(handDensity(12, 6.666 * 6.666 * 6.936), density(IcePhase.III), 1e-9);
        assertEquals(1.16, density(IcePhase.III), 0.01);
        assertFourBondsThenGap(ooDistances(IcePhase.III), 2.7, 2.9, 3.3);
    }

    /**
     * Ice V: a = 9.22, b = 7.54, c = 10.35 A, beta = 109.2 deg (Kamb, Prakash and Knobler 1967), 28 molecules;
     * Wikipedia "Ice V" gives 1.24 g/cm3 at 350 MPa (citing Eisenberg and Kauzmann 1969).
     */
    @Test
    void iceV() {
        double v = 9.22 * 7.54 * 10.35 * Math.sin(Math.toRadians(109.2));
        assertEquals(handDensity(28, v), density(IcePhase.V), 1e-9);
        assertEquals(1.24, density(IcePhase.V), 0.01);
        assertFourBondsThenGap(ooDistances(IcePhase.V), 2.7, 2.9, 3.2);
    }

    /**
     * Ice VI, Kamb, Science 150, 205 (1965): a = 6.27 A, c = 5.79 A, O at 2a (0,0,0) and 8g (0, 0.276, 0.382);
     * SklogWiki "Ice VI": 1.31 g/cm3, 10 molecules. The 2a O bonds to four 8g O at
     * sqrt((0.276 a)^2 + (0.382 c)^2) = 2.808 A; the nearest O of the other network is farther than 3.4 A.
     */
    @Test
    void iceVI() {
        double a = 6.27, c = 5.79;
        assertEquals(handDensity(10, a * a * c), density(IcePhase.VI), 1e-9);
        assertEquals(1.31, density(IcePhase.VI), 0.01);
        OxygenLattice lattice = IceBuilder.of(IcePhase.VI).oxygenLattice();
        double[][] d = ooDistances(IcePhase.VI);
        double bond2a8g = Math.hypot(0.276 * a, 0.382 * c);
        for (int i = 0; i < d.length; i++) {
            double[] f = lattice.fractional()[i];
            boolean on2a = Math.abs(f[0] - Math.rint(f[0] * 2) / 2) < 1e-9 && Math.abs(f[1] - f[0]) < 1e-9
                    && Math.abs(f[2] - f[0]) < 1e-9;
            if (on2a) {
                for (int k = 0; k < 4; k++) {
                    assertEquals(bond2a8g, d[i][k], 1e-9);
                }
            }
        }
        assertFourBondsThenGap(d, 2.79, 2.82, 3.4);
    }

    /**
     * Ice VII, Kamb and Davis, PNAS 52, 1433 (1964) (AMCSD 0018369): a = 3.30 A at 2.5 GPa, 223 K, 2 molecules per
     * cubic cell; the CIF's density is 1.665 g/cm3. Every O has 8 nearest O at sqrt(3) a / 2 = 2.858 A (body-centred
     * cubic O sublattice), then 6 at a.
     */
    @Test
    void iceVII() {
        double a = 3.30;
        assertEquals(handDensity(2, a * a * a), density(IcePhase.VII), 1e-9);
        assertEquals(1.665, density(IcePhase.VII), 0.001);
        for (double[] d : ooDistances(IcePhase.VII)) {
            assertEquals(8 + 6, d.length, "8 + 6 O within 4 A");
            for (int k = 0; k < 8; k++) {
                assertEquals(Math.sqrt(3) * a / 2, d[k], 1e-9);
            }
            assertEquals(a, d[8], 1e-9);
        }
    }

    private static void assertFourBondsThenGap(double[][] distances, double lo, double hi, double gap) {
        for (double[] d : distances) {
            assertTrue(d.length >= 4, "fewer than 4 O within 4 A");
            for (int k = 0; k < 4; k++) {
                assertTrue(d[k] >= lo && d[k] <= hi, "bond length " + d[k] + " outside [" + lo + ", " + hi + "]");
            }
            if (d.length > 4) {
                assertTrue(d[4] > gap, "5th neighbour at " + d[4] + " A, expected beyond " + gap + " A");
            }
        }
    }

    private static void assertArrayEqualsTol(double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol);
        }
    }
}
