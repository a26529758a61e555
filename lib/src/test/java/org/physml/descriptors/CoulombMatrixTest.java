package org.physml.descriptors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.physml.structure.Structure;

class CoulombMatrixTest {

    private static Structure water() {
        // Water-like test geometry (inputs, not reference data).
        double d = 0.96, ang = Math.toRadians(104.5);
        return Structure.molecule(new double[][]{{0, 0, 0}, {d * Math.sin(ang / 2), 0, d * Math.cos(ang / 2)},
                {-d * Math.sin(ang / 2), 0, d * Math.cos(ang / 2)}}, new int[]{8, 1, 1});
    }

    @Test
    void hydrogenMoleculeHasEigenvaluesHalfPlusAndMinusOneOverD() {
        double d = 0.74;
        Structure h2 = Structure.molecule(new double[][]{{0, 0, 0}, {0, 0, d}}, new int[]{1, 1});
        CoulombMatrix cm = new CoulombMatrix(4);
        assertArrayEquals(new double[][]{{0.5, 1 / d}, {1 / d, 0.5}}, cm.matrix(h2));
        // [[a, b], [b, a]] has eigenvalues a + b and a - b; |a + b| > |a - b| here.
        assertArrayEquals(new double[]{0.5 + 1 / d, 0.5 - 1 / d, 0, 0}, cm.eigenspectrum(h2), 1e-14);
    }

    @Test
    void waterSpectrumReproducesTheMatrixInvariants() {
        Structure w = water();
        CoulombMatrix cm = new CoulombMatrix(5);
        double[] eig = cm.eigenspectrum(w);
        double dOH = AcsfTestStructures.distance(w, 0, 1), dHH = AcsfTestStructures.distance(w, 1, 2);
        // Entries written out: diagonal 0.5 Z^2.4, off-diagonal Z_i Z_j / R_ij.
        double a = 0.5 * Math.pow(8, 2.4), b = 0.5, p = 8 / dOH, q = 1 / dHH;
        double[][] m = cm.matrix(w);
        assertEquals(a, m[0][0], 1e-12);
        assertEquals(b, m[1][1], 1e-15);
        assertEquals(p, m[0][1], 1e-12);
        assertEquals(q, m[1][2], 1e-15);
        // M = [[a, p, p], [p, b, q], [p, q, b]]: trace, sum of squares and determinant fix the three eigenvalues.
        double trace = a + 2 * b;
        double frob = a * a + 2 * b * b + 4 * p * p + 2 * q * q;
        double det = a * (b * b - q * q) - p * (p * b - q * p) + p * (p * q - b * p);
        assertEquals(trace, eig[0] + eig[1] + eig[2], 1e-10);
        assertEquals(frob, eig[0] * eig[0] + eig[1] * eig[1] + eig[2] * eig[2], 1e-9);
        assertEquals(det, eig[0] * eig[1] * eig[2], 1e-9 * Math.abs(det));
        // Antisymmetric vector (0, 1, -1) is an eigenvector with eigenvalue b - q.
        boolean found = false;
        for (int k = 0; k < 3; k++) {
            found |= Math.abs(eig[k] - (b - q)) < 1e-12;
        }
        assertTrue(found, "b - q = " + (b - q) + " is not among " + java.util.Arrays.toString(eig));
        for (int k = 1; k < 3; k++) {
            assertTrue(Math.abs(eig[k - 1]) >= Math.abs(eig[k]), "not sorted by |eigenvalue|");
        }
        assertEquals(0.0, eig[3], 0);
        assertEquals(0.0, eig[4], 0);
    }

    @Test
    void spectrumIsInvariantUnderRotationTranslationPermutationAndIgnoresTheCell() {
        CoulombMatrix cm = new CoulombMatrix(12);
        Structure s = AcsfTestStructures.randomCluster(9, new int[]{1, 6, 7, 8}, 4.0, 0.9, 21);
        double[] e = cm.eigenspectrum(s);
        double[] moved = cm.eigenspectrum(AcsfTestStructures.rotateAndShift(s, new double[]{1, 1, 0}, 0.7,
                new double[]{2, 3, -4}));
        double[] permuted = cm.eigenspectrum(s.select(AcsfTestStructures.permutation(s.size(), 4)));
        Structure periodic = new Structure(s.positions(), s.atomicNumbers(),
                new double[][]{{5, 0, 0}, {0, 5, 0}, {0, 0, 5}}, new boolean[]{true, true, true});
        for (int k = 0; k < 12; k++) {
            double tol = 1e-10 * Math.max(1, Math.abs(e[k]));
            assertEquals(e[k], moved[k], tol);
            assertEquals(e[k], permuted[k], tol);
        }
        assertArrayEquals(e, cm.eigenspectrum(periodic), 0);
        double[][] batch = cm.eigenspectra(List.of(s, water()));
        assertArrayEquals(e, batch[0], 0);
        assertArrayEquals(cm.eigenspectrum(water()), batch[1], 0);
    }

    @Test
    void distanceIsZeroForTheSameMoleculeMovedAndPositiveOtherwise() {
        CoulombMatrix cm = new CoulombMatrix(12);
        Structure s = AcsfTestStructures.randomCluster(9, new int[]{1, 6, 7, 8}, 4.0, 0.9, 21);
        Structure t = AcsfTestStructures.randomCluster(9, new int[]{1, 6, 7, 8}, 4.0, 0.9, 22);
        double[] a = cm.eigenspectrum(s);
        double[] moved = cm.eigenspectrum(AcsfTestStructures.rotateAndShift(s.select(
                AcsfTestStructures.permutation(s.size(), 5)), new double[]{0, 1, 1}, 1.1, new double[]{2, 0, -1}));
        double[] b = cm.eigenspectrum(t);
        assertEquals(0.0, CoulombMatrix.distance(a, moved), 1e-9);
        assertTrue(CoulombMatrix.distance(a, b) > 1e-3);
        assertEquals(CoulombMatrix.distance(a, b), CoulombMatrix.distance(b, a), 0.0);
        // the matrix itself changes when the atoms are renumbered: only its spectrum is invariant
        double[][] m = cm.matrix(s), mp = cm.matrix(s.select(AcsfTestStructures.permutation(s.size(), 5)));
        double diff = 0;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                diff = Math.max(diff, Math.abs(m[i][j] - mp[i][j]));
            }
        }
        assertTrue(diff > 1e-3);
        assertThrows(IllegalArgumentException.class, () -> CoulombMatrix.distance(new double[3], new double[4]));
    }

    @Test
    void badInputThrowsClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CoulombMatrix(0));
        assertTrue(e.getMessage().contains("n_atoms_max"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CoulombMatrix(2).eigenspectrum(water()));
        assertTrue(e.getMessage().contains("3 atoms") && e.getMessage().contains("2"), e.getMessage());
        Structure clash = Structure.molecule(new double[][]{{1, 1, 1}, {1, 1, 1}}, new int[]{1, 1});
        e = assertThrows(IllegalArgumentException.class, () -> new CoulombMatrix(2).eigenspectrum(clash));
        assertTrue(e.getMessage().contains("share the position"), e.getMessage());
        assertEquals(List.of("CM eigenvalue 0", "CM eigenvalue 1"), new CoulombMatrix(2).featureNames());
    }
}
