package org.physml.ice.data;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Fractional coordinates of a periodic cell: r = f A with the lattice vectors as the rows of A (the
 * {@link org.physml.structure.Structure} convention), so f = r A^-1.
 */
final class CellFrame {
    private final double[][] cell;
    private final double[][] inverse;

    /**
     * @throws IllegalArgumentException if the cell is singular
     */
    CellFrame(double[][] cell) {
        RealMatrix a = MatrixUtils.createRealMatrix(cell);
        this.cell = a.getData();
        this.inverse = MatrixUtils.inverse(a).getData();
    }

    /** Fractional coordinates f = r A^-1 of a Cartesian vector r (Angstrom). */
    double[] fractional(double[] r) {
        double[] f = new double[3];
        for (int k = 0; k < 3; k++) {
            f[k] = r[0] * inverse[0][k] + r[1] * inverse[1][k] + r[2] * inverse[2][k];
        }
        return f;
    }

    /** Cartesian vector r = f A (Angstrom) of fractional coordinates f. */
    double[] cartesian(double[] f) {
        double[] r = new double[3];
        for (int k = 0; k < 3; k++) {
            r[k] = f[0] * cell[0][k] + f[1] * cell[1][k] + f[2] * cell[2][k];
        }
        return r;
    }

    /**
     * Distances between opposite faces of the cell, h_k = V / |a_i x a_j|, Angstrom: a vector shorter than half
     * the smallest of them is its own minimum image after rounding its fractional coordinates to [-1/2, 1/2].
     */
    double[] heights() {
        double[] h = new double[3];
        double volume = Math.abs(dot(cell[0], cross(cell[1], cell[2])));
        for (int k = 0; k < 3; k++) {
            h[k] = volume / norm(cross(cell[(k + 1) % 3], cell[(k + 2) % 3]));
        }
        return h;
    }

    static double[] cross(double[] u, double[] v) {
        return new double[]{u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }

    static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    static double norm(double[] u) {
        return Math.sqrt(dot(u, u));
    }
}
