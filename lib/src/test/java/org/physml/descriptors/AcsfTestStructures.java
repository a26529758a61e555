package org.physml.descriptors;

import java.util.Random;

import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.physml.structure.Structure;

/** Test structures and symmetry operations for the ACSF, G8 and Coulomb-matrix tests. */
final class AcsfTestStructures {
    /**
     * Lattice constant of silicon, 0.543 nm: HyperPhysics, "Silicon Crystal Structure" (after Kittel),
     * hyperphysics.phy-astr.gsu.edu/hbase/Solids/sili2.html.
     */
    static final double SI_LATTICE_CONSTANT = 5.43;

    private AcsfTestStructures() {
    }

    /** Conventional 8-atom cubic cell of the diamond structure with lattice constant a (Angstrom). */
    static Structure diamond(double a, int z) {
        double[][] frac = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0},
                {0.25, 0.25, 0.25}, {0.25, 0.75, 0.75}, {0.75, 0.25, 0.75}, {0.75, 0.75, 0.25}};
        double[][] pos = new double[8][3];
        int[] zs = new int[8];
        for (int k = 0; k < 8; k++) {
            for (int c = 0; c < 3; c++) {
                pos[k][c] = frac[k][c] * a;
            }
            zs[k] = z;
        }
        return new Structure(pos, zs, new double[][]{{a, 0, 0}, {0, a, 0}, {0, 0, a}},
                new boolean[]{true, true, true});
    }

    /**
     * Rock-salt primitive cell (fcc lattice vectors (0,a/2,a/2), (a/2,0,a/2), (a/2,a/2,0)) with the cation at the
     * origin and the anion at (a/2, a/2, a/2).
     */
    static Structure rockSalt(double a, int cation, int anion) {
        double h = a / 2;
        return new Structure(new double[][]{{0, 0, 0}, {h, h, h}}, new int[]{cation, anion},
                new double[][]{{0, h, h}, {h, 0, h}, {h, h, 0}}, new boolean[]{true, true, true});
    }

    /** n1 x n2 x n3 supercell; atom t * n + b is base atom b shifted by translation t. */
    static Structure supercell(Structure s, int n1, int n2, int n3) {
        double[][] c = s.cell();
        int n = s.size();
        int total = n * n1 * n2 * n3;
        double[][] pos = new double[total][3];
        int[] z = new int[total];
        int t = 0;
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                for (int k = 0; k < n3; k++) {
                    for (int b = 0; b < n; b++) {
                        double[] p = s.position(b);
                        for (int d = 0; d < 3; d++) {
                            pos[t * n + b][d] = p[d] + i * c[0][d] + j * c[1][d] + k * c[2][d];
                        }
                        z[t * n + b] = s.atomicNumber(b);
                    }
                    t++;
                }
            }
        }
        double[][] cell = new double[3][3];
        int[] mult = {n1, n2, n3};
        for (int r = 0; r < 3; r++) {
            for (int d = 0; d < 3; d++) {
                cell[r][d] = mult[r] * c[r][d];
            }
        }
        return new Structure(pos, z, cell, s.pbc());
    }

    /** The structure rotated by angle (radians) about axis, and then translated by shift (cell rotated too). */
    static Structure rotateAndShift(Structure s, double[] axis, double angle, double[] shift) {
        Rotation rot = new Rotation(new Vector3D(axis), angle, RotationConvention.VECTOR_OPERATOR);
        double[][] pos = s.positions();
        for (double[] p : pos) {
            double[] q = rot.applyTo(new Vector3D(p)).toArray();
            for (int d = 0; d < 3; d++) {
                p[d] = q[d] + shift[d];
            }
        }
        double[][] cell = s.cell();
        for (int r = 0; r < 3; r++) {
            cell[r] = rot.applyTo(new Vector3D(cell[r])).toArray();
        }
        return new Structure(pos, s.atomicNumbers(), cell, s.pbc());
    }

    /** A random permutation of 0..n-1. */
    static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int k = 0; k < n; k++) {
            p[k] = k;
        }
        Random rnd = new Random(seed);
        for (int k = n - 1; k > 0; k--) {
            int j = rnd.nextInt(k + 1);
            int tmp = p[k];
            p[k] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    /**
     * A random molecule of n atoms with the given species, positions uniform in a cube of side box (Angstrom),
     * no two atoms closer than dMin.
     */
    static Structure randomCluster(int n, int[] species, double box, double dMin, long seed) {
        Random rnd = new Random(seed);
        double[][] pos = new double[n][];
        int[] z = new int[n];
        int placed = 0;
        while (placed < n) {
            double[] p = {box * rnd.nextDouble(), box * rnd.nextDouble(), box * rnd.nextDouble()};
            boolean ok = true;
            for (int k = 0; k < placed && ok; k++) {
                double dx = p[0] - pos[k][0], dy = p[1] - pos[k][1], dz = p[2] - pos[k][2];
                ok = dx * dx + dy * dy + dz * dz >= dMin * dMin;
            }
            if (ok) {
                pos[placed] = p;
                z[placed] = species[rnd.nextInt(species.length)];
                placed++;
            }
        }
        return Structure.molecule(pos, z);
    }

    /** Distance between atoms i and j of a molecule, Angstrom. */
    static double distance(Structure s, int i, int j) {
        double[] a = s.position(i), b = s.position(j);
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    /** Angle j-i-k at atom i of a molecule, radians, by the law of cosines. */
    static double angle(Structure s, int i, int j, int k) {
        double a = distance(s, i, j), b = distance(s, i, k), c = distance(s, j, k);
        return Math.acos((a * a + b * b - c * c) / (2 * a * b));
    }
}
