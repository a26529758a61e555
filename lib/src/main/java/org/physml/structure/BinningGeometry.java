package org.physml.structure;

import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The coordinate frame in which {@link NeighbourList#build(Structure, double)} bins atoms.
 *
 * <p>The basis keeps the lattice vector a_k of every periodic axis k; every non-periodic axis gets a unit
 * vector orthogonal to the periodic lattice vectors (so that a zero or arbitrary lattice vector along a
 * non-periodic axis, as in molecules and slabs, does not matter). With rows B_k of the basis matrix B, a
 * position r has coordinates s = r B^{-1}; a periodic image shift n_1 a_1 + n_2 a_2 + n_3 a_3 changes s by
 * exactly n. The distance between the lattice planes of constant s_k is h_k = 1 / |b*_k| where b*_k is
 * column k of B^{-1}; a displacement of length d changes s_k by at most d / h_k.
 */
final class BinningGeometry {
    /** Basis vectors as rows, shape [3][3], Angstrom. */
    final double[][] basis;
    /** B^{-1}, shape [3][3]: s_k = sum_c r_c inverse[c][k]. */
    final double[][] inverse;
    /** Distance between successive planes of constant s_k, Angstrom, length 3. */
    final double[] planeSpacing;
    final boolean[] pbc;

    BinningGeometry(double[][] cell, boolean[] pbc) {
        this.pbc = pbc.clone();
        this.basis = completeBasis(cell, pbc);
        RealMatrix inv = new LUDecomposition(MatrixUtils.createRealMatrix(basis)).getSolver().getInverse();
        this.inverse = inv.getData();
        this.planeSpacing = new double[3];
        for (int k = 0; k < 3; k++) {
            double bx = inverse[0][k], by = inverse[1][k], bz = inverse[2][k];
            planeSpacing[k] = 1.0 / Math.sqrt(bx * bx + by * by + bz * bz);
        }
    }

    /** Coordinate s_k of a Cartesian position in this basis. */
    double coordinate(double[] r, int k) {
        return r[0] * inverse[0][k] + r[1] * inverse[1][k] + r[2] * inverse[2][k];
    }

    private static double[][] completeBasis(double[][] cell, boolean[] pbc) {
        int periodic = 0;
        for (boolean p : pbc) {
            periodic += p ? 1 : 0;
        }
        double[][] b = new double[3][];
        switch (periodic) {
            case 3 -> {
                for (int k = 0; k < 3; k++) {
                    b[k] = cell[k].clone();
                }
            }
            case 2 -> {
                int free = !pbc[0] ? 0 : !pbc[1] ? 1 : 2;
                Vector3D u = new Vector3D(cell[(free + 1) % 3]);
                Vector3D v = new Vector3D(cell[(free + 2) % 3]);
                for (int k = 0; k < 3; k++) {
                    b[k] = cell[k].clone();
                }
                b[free] = Vector3D.crossProduct(u, v).normalize().toArray();
            }
            case 1 -> {
                int axis = pbc[0] ? 0 : pbc[1] ? 1 : 2;
                Vector3D a = new Vector3D(cell[axis]);
                Vector3D u = a.orthogonal();
                Vector3D w = Vector3D.crossProduct(a, u).normalize();
                b[axis] = cell[axis].clone();
                b[(axis + 1) % 3] = u.toArray();
                b[(axis + 2) % 3] = w.toArray();
            }
            default -> {
                b[0] = new double[]{1, 0, 0};
                b[1] = new double[]{0, 1, 0};
                b[2] = new double[]{0, 0, 1};
            }
        }
        return b;
    }
}
