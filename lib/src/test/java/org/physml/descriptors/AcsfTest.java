package org.physml.descriptors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

class AcsfTest {
    private static final double TOL = 1e-12;

    /** Behler's cosine cutoff, written out independently of the class under test. */
    private static double fc(double r, double rc) {
        return r <= rc ? 0.5 * (Math.cos(Math.PI * r / rc) + 1) : 0.0;
    }

    /** 2^(1-zeta) (1 + lambda cos)^zeta. */
    private static double angular(double cos, double zeta, double lambda) {
        return Math.pow(2, 1 - zeta) * Math.pow(1 + lambda * cos, zeta);
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)), what);
    }

    private static void assertRowsClose(double[][] expected, double[][] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            for (int f = 0; f < expected[i].length; f++) {
                assertEquals(expected[i][f], actual[i][f], tol * Math.max(1, Math.abs(expected[i][f])),
                        "atom " + i + ", feature " + f);
            }
        }
    }

    // ---------------------------------------------------------------- hand-computable geometries

    @Test
    void dimerHasOnlyRadialTermsWithClosedForms() {
        double d = 1.7, rc = 5.0;
        double[][] g2 = {{0.5, 0.0}, {2.0, 1.5}};
        double[] g3 = {1.3, 2.7};
        Acsf acsf = Acsf.builder().rCut(rc).species("C").g2Params(g2).g3Params(g3)
                .g4Params(new double[][]{{0.1, 2, 1}}).g5Params(new double[][]{{0.1, 1, -1}}).build();
        Structure dimer = Structure.molecule(new double[][]{{0, 0, 0}, {0, 0, d}}, new int[]{6, 6});
        double[][] x = acsf.compute(dimer);
        assertEquals(7, acsf.featureCount());
        for (double[] row : x) {
            assertClose(fc(d, rc), row[0], "G1");
            assertClose(Math.exp(-0.5 * d * d) * fc(d, rc), row[1], "G2[0.5,0]");
            assertClose(Math.exp(-2.0 * (d - 1.5) * (d - 1.5)) * fc(d, rc), row[2], "G2[2,1.5]");
            assertClose(Math.cos(1.3 * d) * fc(d, rc), row[3], "G3[1.3]");
            assertClose(Math.cos(2.7 * d) * fc(d, rc), row[4], "G3[2.7]");
            assertEquals(0.0, row[5], 0, "G4 needs two neighbours");
            assertEquals(0.0, row[6], 0, "G5 needs two neighbours");
        }
    }

    @Test
    void equilateralTrimerHasSixtyDegreeAngularTerms() {
        double d = 2.0, rc = 4.5;
        double[][] g4 = {{0.05, 1, 1}, {0.05, 2, -1}, {0.2, 4, 1}, {0.1, 1.5, -1}};
        double[][] g5 = {{0.05, 1, 1}, {0.3, 3, -1}};
        Acsf acsf = Acsf.builder().rCut(rc).species(14).g4Params(g4).g5Params(g5).build();
        double h = d * Math.sqrt(3) / 2;
        Structure trimer = Structure.molecule(new double[][]{{0, 0, 0}, {d, 0, 0}, {d / 2, h, 0}},
                new int[]{14, 14, 14});
        double[][] x = acsf.compute(trimer);
        double cos60 = 0.5;
        for (double[] row : x) {
            assertClose(2 * fc(d, rc), row[0], "G1");
            for (int t = 0; t < g4.length; t++) {
                double expected = angular(cos60, g4[t][1], g4[t][2]) * Math.exp(-g4[t][0] * 3 * d * d)
                        * Math.pow(fc(d, rc), 3);
                assertClose(expected, row[1 + t], "G4 #" + t);
            }
            for (int t = 0; t < g5.length; t++) {
                double expected = angular(cos60, g5[t][1], g5[t][2]) * Math.exp(-g5[t][0] * 2 * d * d)
                        * Math.pow(fc(d, rc), 2);
                assertClose(expected, row[1 + g4.length + t], "G5 #" + t);
            }
        }
    }

    @Test
    void tetrahedralMoleculeHasTetrahedralAnglesAndCorrectSpeciesPairBlocks() {
        // CH4-like: C at the centre of a regular tetrahedron of four H at distance d. Species order H (Z=1),
        // C (Z=6); pair blocks (H,H), (C,H), (C,C). H-H edge e = d sqrt(8/3); angle H-C-H has cos = -1/3;
        // at an H: angle C-H-H' has cos = e/(2d) = sqrt(2/3) (isosceles C-H-H'), angle H'-H-H'' is 60 degrees.
        double d = 1.1, rc = 3.0, eta = 0.3, zeta = 2, lambda = -1;
        double e = d * Math.sqrt(8.0 / 3.0);
        double s = d / Math.sqrt(3);
        Structure ch4 = Structure.molecule(new double[][]{{0, 0, 0}, {s, s, s}, {s, -s, -s}, {-s, s, -s},
                {-s, -s, s}}, new int[]{6, 1, 1, 1, 1});
        Acsf acsf = Acsf.builder().rCut(rc).species("C", "H").g4Params(new double[][]{{eta, zeta, lambda}})
                .g5Params(new double[][]{{eta, zeta, lambda}}).build();
        assertEquals(List.of("G1|H", "G1|C", "G4[eta=0.3,zeta=2,lambda=-1]|H-H", "G5[eta=0.3,zeta=2,lambda=-1]|H-H",
                "G4[eta=0.3,zeta=2,lambda=-1]|H-C", "G5[eta=0.3,zeta=2,lambda=-1]|H-C",
                "G4[eta=0.3,zeta=2,lambda=-1]|C-C", "G5[eta=0.3,zeta=2,lambda=-1]|C-C"), acsf.featureNames());
        double[][] x = acsf.compute(ch4);

        double[] c = x[0];
        assertClose(4 * fc(d, rc), c[0], "C: G1|H");
        assertEquals(0.0, c[1], 0, "C: G1|C");
        assertClose(6 * angular(-1.0 / 3, zeta, lambda) * Math.exp(-eta * (2 * d * d + e * e)) * fc(d, rc) * fc(d, rc)
                * fc(e, rc), c[2], "C: G4|H-H");
        assertClose(6 * angular(-1.0 / 3, zeta, lambda) * Math.exp(-eta * 2 * d * d) * fc(d, rc) * fc(d, rc),
                c[3], "C: G5|H-H");
        for (int f = 4; f < 8; f++) {
            assertEquals(0.0, c[f], 0, "C has no C neighbour: " + acsf.featureNames().get(f));
        }

        double cosCHH = Math.sqrt(2.0 / 3.0);
        for (int i = 1; i < 5; i++) {
            double[] hRow = x[i];
            assertClose(3 * fc(e, rc), hRow[0], "H: G1|H");
            assertClose(fc(d, rc), hRow[1], "H: G1|C");
            // Three H'-H-H'' pairs at 60 degrees with R_jk = e.
            assertClose(3 * angular(0.5, zeta, lambda) * Math.exp(-eta * 3 * e * e) * Math.pow(fc(e, rc), 3),
                    hRow[2], "H: G4|H-H");
            assertClose(3 * angular(0.5, zeta, lambda) * Math.exp(-eta * 2 * e * e) * Math.pow(fc(e, rc), 2),
                    hRow[3], "H: G5|H-H");
            // Three C-H-H' pairs: R_ij = d (to C), R_ik = e, R_jk = d.
            assertClose(3 * angular(cosCHH, zeta, lambda) * Math.exp(-eta * (2 * d * d + e * e)) * fc(d, rc) * fc(d, rc)
                    * fc(e, rc), hRow[4], "H: G4|H-C");
            assertClose(3 * angular(cosCHH, zeta, lambda) * Math.exp(-eta * (d * d + e * e)) * fc(d, rc) * fc(e, rc),
                    hRow[5], "H: G5|H-C");
            assertEquals(0.0, hRow[6], 0);
            assertEquals(0.0, hRow[7], 0);
        }
    }

    @Test
    void waterMatchesTheTermsWrittenOutPerAtom() {
        // Water-like geometry (O-H 0.96 A, H-O-H 104.5 degrees are test inputs, not reference data).
        double dOH = 0.96, ang = Math.toRadians(104.5), rc = 6.0;
        Structure water = Structure.molecule(new double[][]{{0, 0, 0},
                        {dOH * Math.sin(ang / 2), 0, dOH * Math.cos(ang / 2)},
                        {-dOH * Math.sin(ang / 2), 0, dOH * Math.cos(ang / 2)}},
                new int[]{8, 1, 1});
        double eta = Math.sqrt(5), rs = Math.sqrt(2), kappa = Math.sqrt(3), zeta = Math.sqrt(7), lambda = 1;
        Acsf acsf = Acsf.builder().rCut(rc).species(8, 1).g2Params(new double[][]{{eta, rs}}).g3Params(kappa)
                .g4Params(new double[][]{{eta, zeta, lambda}}).g5Params(new double[][]{{eta, zeta, lambda}}).build();
        double[][] x = acsf.compute(water);
        double dHH = AcsfTestStructures.distance(water, 1, 2);
        double angHOH = AcsfTestStructures.angle(water, 0, 1, 2);
        double angOHH = AcsfTestStructures.angle(water, 1, 0, 2);
        // Layout: H block [G1,G2,G3] = 0..2, O block = 3..5, pairs (H,H) = 6..7, (O,H) = 8..9, (O,O) = 10..11.
        assertEquals(12, acsf.featureCount());
        double[] o = x[0];
        assertClose(2 * fc(dOH, rc), o[0], "O: G1|H");
        assertClose(2 * Math.exp(-eta * Math.pow(dOH - rs, 2)) * fc(dOH, rc), o[1], "O: G2|H");
        assertClose(2 * Math.cos(kappa * dOH) * fc(dOH, rc), o[2], "O: G3|H");
        assertEquals(0.0, o[3], 0, "O: G1|O");
        assertClose(angular(Math.cos(angHOH), zeta, lambda) * Math.exp(-eta * (2 * dOH * dOH + dHH * dHH))
                * fc(dOH, rc) * fc(dOH, rc) * fc(dHH, rc), o[6], "O: G4|H-H");
        assertClose(angular(Math.cos(angHOH), zeta, lambda) * Math.exp(-eta * 2 * dOH * dOH)
                * fc(dOH, rc) * fc(dOH, rc), o[7], "O: G5|H-H");
        assertEquals(0.0, o[8], 0);
        for (int i = 1; i <= 2; i++) {
            double[] h = x[i];
            assertClose(fc(dHH, rc), h[0], "H: G1|H");
            assertClose(Math.exp(-eta * Math.pow(dHH - rs, 2)) * fc(dHH, rc), h[1], "H: G2|H");
            assertClose(Math.cos(kappa * dHH) * fc(dHH, rc), h[2], "H: G3|H");
            assertClose(fc(dOH, rc), h[3], "H: G1|O");
            assertClose(Math.exp(-eta * Math.pow(dOH - rs, 2)) * fc(dOH, rc), h[4], "H: G2|O");
            assertEquals(0.0, h[6], 0, "H: G4|H-H needs two H neighbours");
            assertClose(angular(Math.cos(angOHH), zeta, lambda) * Math.exp(-eta * (2 * dOH * dOH + dHH * dHH))
                    * fc(dOH, rc) * fc(dHH, rc) * fc(dOH, rc), h[8], "H: G4|H-O");
            assertClose(angular(Math.cos(angOHH), zeta, lambda) * Math.exp(-eta * (dOH * dOH + dHH * dHH))
                    * fc(dOH, rc) * fc(dHH, rc), h[9], "H: G5|H-O");
        }
    }

    @Test
    void g4DropsPairsWhoseMutualDistanceExceedsTheCutoffButG5KeepsThem() {
        // Linear trimer: the two neighbours of the middle atom are 2d > r_cut apart, at 180 degrees.
        double d = 2.0, rc = 3.0, eta = 0.1, zeta = 1.5;
        Structure line = Structure.molecule(new double[][]{{-d, 0, 0}, {0, 0, 0}, {d, 0, 0}}, new int[]{1, 1, 1});
        Acsf acsf = Acsf.builder().rCut(rc).species("H").g4Params(new double[][]{{eta, zeta, -1}})
                .g5Params(new double[][]{{eta, zeta, -1}, {eta, zeta, 1}}).build();
        double[] mid = acsf.compute(line)[1];
        assertEquals(0.0, mid[1], 0, "G4");
        // cos = -1: 2^(1-zeta) (1 + 1)^zeta = 2 for lambda = -1, and (1 - 1)^zeta = 0 for lambda = +1.
        assertClose(2 * Math.exp(-eta * 2 * d * d) * fc(d, rc) * fc(d, rc), mid[2], "G5 lambda=-1");
        assertEquals(0.0, mid[3], 1e-15, "G5 lambda=+1");
    }

    // ---------------------------------------------------------------- reference implementation

    /**
     * Direct transcription of the definitions for a molecule: sums over all ordered pairs j != k halved, angles
     * from acos, indices from the DScribe layout formula.
     */
    private static double[][] reference(Structure s, double rc, int[] sortedZ, double[][] g2, double[] g3,
                                        double[][] g4, double[][] g5) {
        int nS = sortedZ.length, n = s.size();
        int radial = 1 + g2.length + g3.length, angularBlock = g4.length + g5.length;
        double[][] out = new double[n][nS * radial + nS * (nS + 1) / 2 * angularBlock];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double rij = AcsfTestStructures.distance(s, i, j);
                if (j == i || rij > rc) {
                    continue;
                }
                int sj = Arrays.binarySearch(sortedZ, s.atomicNumber(j));
                int o = sj * radial;
                out[i][o] += fc(rij, rc);
                for (int t = 0; t < g2.length; t++) {
                    out[i][o + 1 + t] += Math.exp(-g2[t][0] * Math.pow(rij - g2[t][1], 2)) * fc(rij, rc);
                }
                for (int t = 0; t < g3.length; t++) {
                    out[i][o + 1 + g2.length + t] += Math.cos(g3[t] * rij) * fc(rij, rc);
                }
                for (int k = 0; k < n; k++) {
                    double rik = AcsfTestStructures.distance(s, i, k);
                    if (k == i || k == j || rik > rc) {
                        continue;
                    }
                    double rjk = AcsfTestStructures.distance(s, j, k);
                    double cos = Math.cos(AcsfTestStructures.angle(s, i, j, k));
                    int sk = Arrays.binarySearch(sortedZ, s.atomicNumber(k));
                    int a = Math.max(sj, sk), b = Math.min(sj, sk);
                    int off = nS * radial + (a * (a + 1) / 2 + b) * angularBlock;
                    for (int t = 0; t < g4.length; t++) {
                        out[i][off + t] += 0.5 * angular(cos, g4[t][1], g4[t][2])
                                * Math.exp(-g4[t][0] * (rij * rij + rik * rik + rjk * rjk))
                                * fc(rij, rc) * fc(rik, rc) * fc(rjk, rc);
                    }
                    for (int t = 0; t < g5.length; t++) {
                        out[i][off + g4.length + t] += 0.5 * angular(cos, g5[t][1], g5[t][2])
                                * Math.exp(-g5[t][0] * (rij * rij + rik * rik)) * fc(rij, rc) * fc(rik, rc);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void threeSpeciesClusterMatchesTheDirectTranscriptionFeatureByFeature() {
        int[] species = {8, 1, 6};       // given unsorted on purpose
        int[] sorted = {1, 6, 8};
        double rc = 4.0;
        double[][] g2 = {{0.2, 0}, {1.0, 2.0}, {4.0, 3.0}};
        double[] g3 = {0.7, 2.1};
        double[][] g4 = {{0.01, 1, 1}, {0.05, 2, -1}, {0.01, 2.5, 1}};
        double[][] g5 = {{0.02, 1, -1}, {0.05, 4, 1}};
        Acsf acsf = Acsf.builder().rCut(rc).species(species).g2Params(g2).g3Params(g3).g4Params(g4)
                .g5Params(g5).build();
        Structure cluster = AcsfTestStructures.randomCluster(14, species, 5.0, 0.9, 42);
        double[][] expected = reference(cluster, rc, sorted, g2, g3, g4, g5);
        assertRowsClose(expected, acsf.compute(cluster), 1e-11);
        assertArrayEquals(sorted, acsf.species());
    }

    // ---------------------------------------------------------------- invariances

    @Test
    void invariantUnderRotationTranslationAndPermutation() {
        int[] species = {1, 8};
        Acsf acsf = Acsf.builder().rCut(3.5).species(species).g2Params(new double[][]{{0.5, 1}, {2, 2.5}})
                .g3Params(1.1).g4Params(new double[][]{{0.02, 1, 1}, {0.02, 2, -1}})
                .g5Params(new double[][]{{0.03, 1, -1}}).build();
        Structure s = AcsfTestStructures.randomCluster(12, species, 4.0, 0.9, 7);
        double[][] x = acsf.compute(s);

        Structure moved = AcsfTestStructures.rotateAndShift(s, new double[]{1, -2, 0.5}, 1.234,
                new double[]{3.3, -1.7, 10.2});
        assertRowsClose(x, acsf.compute(moved), 1e-10);

        int[] perm = AcsfTestStructures.permutation(s.size(), 3);
        double[][] xp = acsf.compute(s.select(perm));
        double[][] expected = new double[perm.length][];
        for (int k = 0; k < perm.length; k++) {
            expected[k] = x[perm[k]];
        }
        assertRowsClose(expected, xp, 1e-10);
    }

    @Test
    void diamondSupercellGivesTheSamePerAtomVectorsAsItsCell() {
        Acsf acsf = Acsf.builder().rCut(6.0).species("Si").g2Params(new double[][]{{0.1, 2.35}, {1, 3.8}, {0.5, 5}})
                .g3Params(1.0, 2.0).g4Params(new double[][]{{0.005, 1, 1}, {0.005, 2, -1}, {0.01, 4, 1}})
                .g5Params(new double[][]{{0.005, 1, 1}, {0.01, 2, -1}}).build();
        Structure cell = AcsfTestStructures.diamond(AcsfTestStructures.SI_LATTICE_CONSTANT, 14);
        Structure supercell = AcsfTestStructures.supercell(cell, 2, 2, 2);
        double[][] small = acsf.compute(cell);
        double[][] big = acsf.compute(supercell);
        for (int i = 0; i < supercell.size(); i++) {
            for (int f = 0; f < acsf.featureCount(); f++) {
                assertEquals(small[i % 8][f], big[i][f], 1e-10 * Math.max(1, Math.abs(small[i % 8][f])),
                        "supercell atom " + i + ", " + acsf.featureNames().get(f));
            }
        }
        // Every atom of diamond is equivalent: all rows equal; G1 counts 4+12+12+6+12 = 46 neighbours within
        // 6 A with distances a sqrt(3)/4, a/sqrt(2), a sqrt(11)/4, a, a sqrt(19)/4.
        double a = AcsfTestStructures.SI_LATTICE_CONSTANT;
        double g1 = 4 * fc(a * Math.sqrt(3) / 4, 6) + 12 * fc(a / Math.sqrt(2), 6) + 12 * fc(a * Math.sqrt(11) / 4, 6)
                + 6 * fc(a, 6) + 12 * fc(a * Math.sqrt(19) / 4, 6);
        for (double[] row : small) {
            assertClose(g1, row[0], "G1 of diamond");
            assertRowsClose(new double[][]{small[0]}, new double[][]{row}, 1e-10);
        }
        assertEquals(46, NeighbourList.build(cell, 6.0).environment(0).size());
    }

    // ---------------------------------------------------------------- DScribe's own test cases

    /*
     * The next three cases are the geometries of DScribe's test suite (SINGROUP/dscribe, tests/test_acsf.py,
     * test_periodicity), whose expected values are closed forms. DScribe uses zeta = 0.1 in the rock-salt case;
     * zeta = 0.1, 1 and 3 are checked with the same formula.
     */

    @Test
    void dscribeCaseSimpleCubicHydrogen() {
        Structure s = new Structure(new double[][]{{0, 0, 0}}, new int[]{1},
                new double[][]{{2, 0, 0}, {0, 2, 0}, {0, 0, 2}}, new boolean[]{true, true, true});
        Acsf acsf = Acsf.builder().rCut(2.5).species(1).build();
        assertClose(6 * fc(2, 2.5), acsf.compute(s)[0][0], "6 neighbours at 2 A");
        Structure molecule = Structure.molecule(new double[][]{{0, 0, 0}}, new int[]{1});
        assertEquals(0.0, acsf.compute(molecule)[0][0], 0, "no neighbour without periodicity");
    }

    @Test
    void dscribeCaseFccHydrogen() {
        double a = 5, rc = 4;
        Structure fcc = new Structure(new double[][]{{0, 0, 0}}, new int[]{1},
                new double[][]{{0, a / 2, a / 2}, {a / 2, 0, a / 2}, {a / 2, a / 2, 0}}, new boolean[]{true, true, true});
        Acsf acsf = Acsf.builder().rCut(rc).species("H").build();
        assertClose(12 * fc(Math.sqrt(2) / 2 * a, rc), acsf.compute(fcc)[0][0], "12 neighbours at a/sqrt(2)");
    }

    @Test
    void dscribeCaseRockSaltAngularTerms() {
        double a = 4, rc = 3, eta = 0.01;
        Structure nacl = AcsfTestStructures.rockSalt(a, 11, 17);
        for (double zeta : new double[]{0.1, 1, 3}) {
            Acsf acsf = Acsf.builder().rCut(rc).species("Na", "Cl").g4Params(new double[][]{{eta, zeta, 1}}).build();
            assertEquals(List.of("G1|Na", "G1|Cl", "G4[eta=0.01,zeta=" + Acsf.fmt(zeta) + ",lambda=1]|Na-Na",
                    "G4[eta=0.01,zeta=" + Acsf.fmt(zeta) + ",lambda=1]|Na-Cl",
                    "G4[eta=0.01,zeta=" + Acsf.fmt(zeta) + ",lambda=1]|Cl-Cl"), acsf.featureNames());
            double[] na = acsf.compute(nacl)[0];
            // Cl-Cl: 12 pairs of Cl neighbours at 2 A and 90 degrees (R_jk = 2 sqrt 2); the 180-degree pairs
            // are 4 A > r_cut apart.
            double clCl = 12 * angular(0, zeta, 1) * Math.exp(-eta * (4 + 4 + 8)) * fc(2, rc) * fc(2, rc)
                    * fc(2 * Math.sqrt(2), rc);
            assertClose(clCl, na[4], "Cl-Cl at Na, zeta " + zeta);
            // Na-Cl: 24 pairs, Na at 2 sqrt 2 and Cl at 2 A, 45 degrees apart, R_jk = 2 A.
            double naCl = 24 * angular(Math.cos(Math.PI / 4), zeta, 1) * Math.exp(-eta * (8 + 4 + 4))
                    * fc(2 * Math.sqrt(2), rc) * fc(2, rc) * fc(2, rc);
            assertClose(naCl, na[3], "Na-Cl at Na, zeta " + zeta);
            // The same structure as a 2x2x2 supercell gives the same vectors.
            double[][] big = acsf.compute(AcsfTestStructures.supercell(nacl, 2, 2, 2));
            double[][] small = acsf.compute(nacl);
            for (int i = 0; i < big.length; i++) {
                assertRowsClose(new double[][]{small[i % 2]}, new double[][]{big[i]}, 1e-10);
            }
        }
    }

    // ---------------------------------------------------------------- cutoff behaviour

    @Test
    void featuresGoContinuouslyToZeroAsANeighbourLeavesTheCutoff() {
        double rc = 5.0;
        Acsf acsf = Acsf.builder().rCut(rc).species("Ar").g2Params(new double[][]{{0.1, 4.9}}).g3Params(2.0).build();
        double previousRatio = Double.NaN;
        for (double delta : new double[]{1e-2, 1e-3, 1e-4}) {
            double[] x = acsf.compute(Structure.molecule(new double[][]{{0, 0, 0}, {rc - delta, 0, 0}},
                    new int[]{18, 18}))[0];
            // f_c(r_c - delta) = (pi delta / r_c)^2 / 4 + O(delta^4): every feature is O(delta^2).
            double ratio = x[0] / (delta * delta);
            assertEquals(Math.PI * Math.PI / (4 * rc * rc), ratio, 1e-3 * ratio);
            for (double v : x) {
                assertTrue(Math.abs(v) <= 2 * x[0], "feature not O(delta^2): " + v);
            }
            previousRatio = ratio;
        }
        assertTrue(previousRatio > 0);
        double[] outside = acsf.compute(Structure.molecule(new double[][]{{0, 0, 0}, {rc + 1e-9, 0, 0}},
                new int[]{18, 18}))[0];
        assertArrayEquals(new double[acsf.featureCount()], outside, 0);
        double[] at = acsf.compute(Structure.molecule(new double[][]{{0, 0, 0}, {rc, 0, 0}}, new int[]{18, 18}))[0];
        assertArrayEquals(new double[acsf.featureCount()], at, 1e-15);
    }

    @Test
    void neighboursBeyondTheCutoffInAWiderEnvironmentAreIgnored() {
        Acsf acsf = Acsf.builder().rCut(3.0).species(1, 8).g2Params(new double[][]{{0.5, 1}}).g3Params(1.0)
                .g4Params(new double[][]{{0.05, 1, 1}}).g5Params(new double[][]{{0.05, 2, -1}}).build();
        Structure s = AcsfTestStructures.randomCluster(10, new int[]{1, 8}, 5.0, 0.9, 11);
        double[][] expected = acsf.compute(s);
        NeighbourList wide = NeighbourList.build(s, 8.0);
        for (int i = 0; i < s.size(); i++) {
            double[] out = new double[acsf.featureCount()];
            acsf.compute(wide.environment(i), out);
            assertArrayEquals(expected[i], out, 1e-12);
        }
    }

    // ---------------------------------------------------------------- layout and validation

    @Test
    void featureCountAndOrderFollowDScribesLayoutForTwoSpecies() {
        double[][] g2 = {{0.01, 0}, {0.1, 1}, {1, 2}};
        double[] g3 = {1, 2};
        double[][] g4 = {{0.005, 1, 1}, {0.005, 2, -1}, {0.01, 4, 1}};
        double[][] g5 = {{0.005, 1, -1}, {0.02, 2, 1}};
        Acsf acsf = Acsf.builder().rCut(6).species("O", "H").g2Params(g2).g3Params(g3).g4Params(g4).g5Params(g5)
                .build();
        int nS = 2;
        // DScribe: (1 + n_G2 + n_G3) S + (n_G4 + n_G5) S (S + 1) / 2.
        int expectedCount = (1 + g2.length + g3.length) * nS + (g4.length + g5.length) * nS * (nS + 1) / 2;
        assertEquals(27, expectedCount);
        assertEquals(expectedCount, acsf.featureCount());
        List<String> names = acsf.featureNames();
        assertEquals(expectedCount, names.size());
        assertEquals("G1|H", names.get(0));
        assertEquals("G2[eta=0.01,Rs=0]|H", names.get(1));
        assertEquals("G2[eta=1,Rs=2]|H", names.get(3));
        assertEquals("G3[kappa=2]|H", names.get(5));
        assertEquals("G1|O", names.get(6));
        assertEquals("G4[eta=0.005,zeta=1,lambda=1]|H-H", names.get(12));
        assertEquals("G5[eta=0.02,zeta=2,lambda=1]|H-H", names.get(16));
        assertEquals("G4[eta=0.005,zeta=1,lambda=1]|H-O", names.get(17));
        assertEquals("G4[eta=0.01,zeta=4,lambda=1]|O-O", names.get(24));
        assertEquals("G5[eta=0.02,zeta=2,lambda=1]|O-O", names.get(26));
        assertEquals(6.0, acsf.cutoff(), 0);
    }

    @Test
    void badParametersThrowClearMessages() {
        assertMessage(() -> Acsf.builder().rCut(0), "r_cut", "0.0");
        assertMessage(() -> Acsf.builder().rCut(Double.NaN), "r_cut");
        assertMessage(() -> Acsf.builder().species(new int[0]), "at least one");
        assertMessage(() -> Acsf.builder().species("H", "O", "H"), "twice");
        assertMessage(() -> Acsf.builder().species(8, 1, 8), "twice");
        assertMessage(() -> Acsf.builder().species("Xx"), "Xx");
        assertMessage(() -> Acsf.builder().species(0), "atomic number 0");
        assertMessage(() -> Acsf.builder().g2Params(new double[][]{{1, 2, 3}}), "g2Params[0]", "{eta, R_s}");
        assertMessage(() -> Acsf.builder().g2Params(new double[][]{{1, 2}, {-1, 0}}), "g2Params[1]", "eta");
        assertMessage(() -> Acsf.builder().g3Params(1, Double.NaN), "g3Params[1]", "kappa");
        assertMessage(() -> Acsf.builder().g4Params(new double[][]{{0.1, 1, 0.5}}), "g4Params[0]", "lambda",
                "+1 or -1");
        assertMessage(() -> Acsf.builder().g4Params(new double[][]{{0.1, 0, 1}}), "g4Params[0]", "zeta", "> 0");
        assertMessage(() -> Acsf.builder().g5Params(new double[][]{{-0.1, 1, 1}}), "g5Params[0]", "eta");
        assertMessage(() -> Acsf.builder().g5Params(new double[][]{{0.1, 1}}), "g5Params[0]", "{eta, zeta, lambda}");
        assertMessage(() -> Acsf.builder().rCut(5).build(), "species");
        assertMessage(() -> Acsf.builder().species("H").build(), "r_cut");
        assertMessage(() -> Acsf.builder().rCut(5).cutoffFunction(CutoffFunction.cosine(4)).species("H").build(),
                "disagrees");
    }

    @Test
    void speciesMissingFromTheListThrowClearMessages() {
        Acsf acsf = Acsf.builder().rCut(3).species("H").build();
        Structure water = Structure.molecule(new double[][]{{0, 0, 0}, {0.9, 0, 0}, {-0.3, 0.9, 0}},
                new int[]{8, 1, 1});
        double[] out = new double[acsf.featureCount()];
        NeighbourList nl = NeighbourList.build(water, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> acsf.compute(nl.environment(0), out));
        assertTrue(e.getMessage().contains("centre atom 0") && e.getMessage().contains("8"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> acsf.compute(nl.environment(1), out));
        assertTrue(e.getMessage().contains("neighbour atom 0") && e.getMessage().contains("8"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> acsf.compute(nl.environment(1), new double[3]));
        assertTrue(e.getMessage().contains("length 3"), e.getMessage());
    }

    @Test
    void anotherCutoffFunctionReplacesTheCosine() {
        CutoffFunction sigmoid = CutoffFunction.sigmoid(4.0, 5.0, 0.5);
        Acsf acsf = Acsf.builder().species("H").cutoffFunction(sigmoid).g5Params(new double[][]{{0.1, 1, 1}}).build();
        assertEquals(4.0, acsf.cutoff(), 0);
        double d = 2.2;
        double h = d * Math.sqrt(3) / 2;
        Structure trimer = Structure.molecule(new double[][]{{0, 0, 0}, {d, 0, 0}, {d / 2, h, 0}}, new int[]{1, 1, 1});
        double[] x = acsf.compute(trimer)[0];
        double f = 1 / (1 + Math.exp(5.0 * (d - 4.0 + 0.5)));
        assertClose(2 * f, x[0], "G1 with sigmoid");
        assertClose(angular(0.5, 1, 1) * Math.exp(-0.1 * 2 * d * d) * f * f, x[1], "G5 with sigmoid");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' lacks '" + p + "'");
        }
    }
}
