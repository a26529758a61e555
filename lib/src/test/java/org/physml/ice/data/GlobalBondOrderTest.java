package org.physml.ice.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.physml.structure.Structure;

class GlobalBondOrderTest {
    private static final boolean[] PBC = {true, true, true};

    /**
     * Simple cubic lattice, bonds to the 6 nearest neighbours (+-x, +-y, +-z). For one bond, 2 of the 6 bonds are
     * (anti)parallel, P_l(+-1) = 1, and 4 perpendicular, P_l(0): Q_l^2 = (2 + 4 P_l(0)) / 6 with P_4(0) = 3/8 and
     * P_6(0) = -5/16, i.e. Q_4 = sqrt(7/12) = 0.76376 and Q_6 = sqrt(1/8) = 0.35355 (hand-derived here).
     */
    @Test
    void simpleCubicLatticeHasTheAnalyticQ4AndQ6() {
        Structure sc = cubic(2.8, 3);
        assertEquals(Math.sqrt(7.0 / 12), GlobalBondOrder.q(sc, 4, 3.0, 8), 1e-12);
        assertEquals(Math.sqrt(1.0 / 8), GlobalBondOrder.q(sc, 6, 3.0, 8), 1e-12);
    }

    /** Q_l is rotationally invariant: the rotated lattice (cell and positions) gives the same value. */
    @Test
    void isInvariantUnderRotation() {
        Structure sc = cubic(2.8, 3);
        Rotation rot = new Rotation(new Vector3D(1, 2, -0.5), 0.7, RotationConvention.VECTOR_OPERATOR);
        double[][] cell = sc.cell(), r = sc.positions();
        for (double[][] m : new double[][][]{cell, r}) {
            for (int i = 0; i < m.length; i++) {
                m[i] = rot.applyTo(new Vector3D(m[i])).toArray();
            }
        }
        Structure rotated = new Structure(r, sc.atomicNumbers(), cell, PBC);
        assertEquals(GlobalBondOrder.q(sc, 6, 3.0, 8), GlobalBondOrder.q(rotated, 6, 3.0, 8), 1e-12);
    }

    /**
     * Uncorrelated bond directions (an ideal gas of 400 O in a box): Q_6 is of order 1/sqrt(N_b), far below the
     * crystal value; only O-O bonds count (H atoms ignored).
     */
    @Test
    void randomPositionsGiveASmallQ6() {
        Random rng = new Random(11);
        int n = 400;
        double l = 20;
        double[][] r = new double[n][3];
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                r[i][k] = l * rng.nextDouble();
            }
            z[i] = i % 2 == 0 ? 8 : 1;
        }
        Structure gas = new Structure(r, z, new double[][]{{l, 0, 0}, {0, l, 0}, {0, 0, l}}, PBC);
        double q6 = GlobalBondOrder.q(gas, 6, 3.3, 8);
        assertTrue(q6 < 0.15, "Q6 of a random arrangement: " + q6);
        assertTrue(Double.isNaN(GlobalBondOrder.q(gas, 6, 3.3, 6)), "no carbon, no bond");
        assertThrows(IllegalArgumentException.class, () -> GlobalBondOrder.q(gas, 5, 3.3, 8));
        assertThrows(IllegalArgumentException.class, () -> GlobalBondOrder.q(gas, 6, 0, 8));
    }

    private static Structure cubic(double a, int n) {
        double[][] r = new double[n * n * n][];
        int[] z = new int[r.length];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int m = 0; m < n; m++) {
                    r[k] = new double[]{i * a, j * a, m * a};
                    z[k++] = 8;
                }
            }
        }
        return new Structure(r, z, new double[][]{{n * a, 0, 0}, {0, n * a, 0}, {0, 0, n * a}}, PBC);
    }
}
