package org.physml.structure;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable atomic structure: Cartesian positions, atomic numbers, a cell and periodicity per axis.
 *
 * <p>Conventions (those of ASE): {@code cell[k]} is the k-th lattice vector a_k in Angstrom (rows of a
 * 3x3 matrix); positions are Cartesian in Angstrom; {@code pbc[k]} says whether the structure repeats
 * along a_k. A molecule has no periodic axis and may have an all-zero cell.
 *
 * <p>All arrays are copied on construction and on access, so an instance can be shared between threads.
 * Use {@link #positionsView()} for read-only hot loops that must not copy.
 */
public final class Structure {
    private final double[][] positions;
    private final int[] atomicNumbers;
    private final double[][] cell;
    private final boolean[] pbc;

    /**
     * @param positions     Cartesian positions, shape [n][3], Angstrom
     * @param atomicNumbers atomic number Z of each atom, length n, each in 1..118
     * @param cell          lattice vectors as rows, shape [3][3], Angstrom
     * @param pbc           periodicity along each lattice vector, length 3
     * @throws IllegalArgumentException on inconsistent shapes, non-finite coordinates, Z outside 1..118,
     *                                  or a periodic axis whose lattice vector is zero or that makes the cell singular
     */
    public Structure(double[][] positions, int[] atomicNumbers, double[][] cell, boolean[] pbc) {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(atomicNumbers, "atomicNumbers");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(pbc, "pbc");
        if (positions.length != atomicNumbers.length) {
            throw new IllegalArgumentException("positions has " + positions.length + " rows but atomicNumbers has "
                    + atomicNumbers.length + " entries; expected one atomic number per atom");
        }
        if (cell.length != 3 || pbc.length != 3) {
            throw new IllegalArgumentException("cell must be 3x3 and pbc of length 3, got cell with " + cell.length
                    + " rows and pbc of length " + pbc.length);
        }
        this.positions = new double[positions.length][];
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] == null || positions[i].length != 3) {
                throw new IllegalArgumentException("position of atom " + i + " must have 3 components");
            }
            for (double v : positions[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("position of atom " + i + " is not finite: "
                            + Arrays.toString(positions[i]));
                }
            }
            if (atomicNumbers[i] < 1 || atomicNumbers[i] > 118) {
                throw new IllegalArgumentException("atomic number of atom " + i + " is " + atomicNumbers[i]
                        + "; expected 1..118");
            }
            this.positions[i] = positions[i].clone();
        }
        this.atomicNumbers = atomicNumbers.clone();
        this.cell = new double[3][];
        for (int k = 0; k < 3; k++) {
            if (cell[k] == null || cell[k].length != 3) {
                throw new IllegalArgumentException("cell row " + k + " must have 3 components");
            }
            this.cell[k] = cell[k].clone();
        }
        this.pbc = pbc.clone();
        boolean anyPeriodic = pbc[0] || pbc[1] || pbc[2];
        if (anyPeriodic && !(Math.abs(volume()) > 1e-12)) {
            throw new IllegalArgumentException("a periodic structure needs a non-singular cell, got volume "
                    + volume() + " A^3 for cell " + Arrays.deepToString(cell));
        }
    }

    /** A non-periodic structure (a molecule or cluster) with a zero cell. */
    public static Structure molecule(double[][] positions, int[] atomicNumbers) {
        return new Structure(positions, atomicNumbers, new double[3][3], new boolean[3]);
    }

    /** Number of atoms. */
    public int size() {
        return atomicNumbers.length;
    }

    /** Cartesian position of atom i, a fresh array of length 3, Angstrom. */
    public double[] position(int i) {
        return positions[i].clone();
    }

    /** Copy of all positions, shape [n][3], Angstrom. */
    public double[][] positions() {
        double[][] copy = new double[positions.length][];
        for (int i = 0; i < positions.length; i++) {
            copy[i] = positions[i].clone();
        }
        return copy;
    }

    /**
     * The internal position array, shape [n][3], Angstrom, without copying. Callers must not modify it;
     * it exists for the neighbour list and descriptor hot loops.
     */
    public double[][] positionsView() {
        return positions;
    }

    /** Atomic number of atom i. */
    public int atomicNumber(int i) {
        return atomicNumbers[i];
    }

    /** Copy of the atomic numbers, length n. */
    public int[] atomicNumbers() {
        return atomicNumbers.clone();
    }

    /** Copy of the cell, lattice vectors as rows, shape [3][3], Angstrom. */
    public double[][] cell() {
        double[][] copy = new double[3][];
        for (int k = 0; k < 3; k++) {
            copy[k] = cell[k].clone();
        }
        return copy;
    }

    /** Copy of the periodicity flags, length 3. */
    public boolean[] pbc() {
        return pbc.clone();
    }

    /** Signed cell volume a_1 . (a_2 x a_3), Angstrom^3. */
    public double volume() {
        double[] a = cell[0], b = cell[1], c = cell[2];
        return a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0])
                + a[2] * (b[0] * c[1] - b[1] * c[0]);
    }

    /** The structure with the given atoms only, in the given order (cell and pbc kept). */
    public Structure select(int[] indices) {
        double[][] p = new double[indices.length][];
        int[] z = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            p[k] = positions[indices[k]];
            z[k] = atomicNumbers[indices[k]];
        }
        return new Structure(p, z, cell, pbc);
    }

    /**
     * The supercell of nx x ny x nz copies of this cell (atoms of copy (i, j, k) shifted by
     * i a_1 + j a_2 + k a_3; copies in that order, atoms in their original order within each copy), as
     * ASE's {@code Atoms.repeat}.
     *
     * @throws IllegalArgumentException if a count is below 1, or above 1 along a non-periodic axis
     */
    public Structure repeat(int nx, int ny, int nz) {
        int[] n = {nx, ny, nz};
        for (int k = 0; k < 3; k++) {
            if (n[k] < 1 || (n[k] > 1 && !pbc[k])) {
                throw new IllegalArgumentException("cannot repeat " + n[k] + " times along axis " + k
                        + (pbc[k] ? "" : ", which is not periodic") + "; expected a count >= 1");
            }
        }
        int m = size();
        double[][] p = new double[m * nx * ny * nz][];
        int[] z = new int[p.length];
        int out = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                for (int k = 0; k < nz; k++) {
                    for (int a = 0; a < m; a++) {
                        p[out] = new double[3];
                        for (int c = 0; c < 3; c++) {
                            p[out][c] = positions[a][c] + i * cell[0][c] + j * cell[1][c] + k * cell[2][c];
                        }
                        z[out++] = atomicNumbers[a];
                    }
                }
            }
        }
        double[][] big = new double[3][3];
        for (int c = 0; c < 3; c++) {
            big[0][c] = nx * cell[0][c];
            big[1][c] = ny * cell[1][c];
            big[2][c] = nz * cell[2][c];
        }
        return new Structure(p, z, big, pbc);
    }

    @Override
    public String toString() {
        return "Structure[" + size() + " atoms, cell=" + Arrays.deepToString(cell) + ", pbc=" + Arrays.toString(pbc) + "]";
    }
}
