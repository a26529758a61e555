package org.physml.structure.io;

import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;

import org.physml.structure.Elements;
import org.physml.structure.Structure;

/**
 * The content of a LAMMPS data file: atoms with their IDs, types, molecule IDs, charges and image flags, the
 * mass of each atom type, and optional topology (bonds, angles, dihedrals, impropers).
 *
 * <p>Atoms are in increasing order of atom-ID (as read) and topology refers to them by 0-based index in that
 * order. Topology rows are {type, atom0, atom1, ...}: 3 entries for a bond, 4 for an angle (atom1 is the
 * vertex), 5 for a dihedral or improper. Styles without molecule-IDs or charges hold zeros there (the LAMMPS
 * defaults). Arrays are shared, not copied: do not modify them.
 *
 * @param structure  positions (Angstrom, Cartesian, as in the file), atomic numbers, cell (the box edge vectors)
 *                   and periodicity (all periodic when read, the LAMMPS default boundary p p p)
 * @param origin     box origin (xlo, ylo, zlo), Angstrom
 * @param style      atom style of the Atoms section
 * @param ids        atom-ID of each atom, length n
 * @param types      atom type of each atom, 1..typeMasses.length, length n
 * @param typeMasses mass of each atom type (index type - 1), u; NaN where unknown
 * @param molecules  molecule-ID of each atom, length n
 * @param charges    charge q of each atom, elementary charges, length n
 * @param images     image flags (nx, ny, nz) of each atom, shape [n][3]: the unwrapped position is
 *                   r + nx a + ny b + nz c
 * @param bonds      shape [n_bonds][3]
 * @param angles     shape [n_angles][4]
 * @param dihedrals  shape [n_dihedrals][5]
 * @param impropers  shape [n_impropers][5]
 */
public record LammpsData(Structure structure, double[] origin, AtomStyle style, int[] ids, int[] types,
                         double[] typeMasses, int[] molecules, double[] charges, int[][] images,
                         int[][] bonds, int[][] angles, int[][] dihedrals, int[][] impropers) {

    /**
     * @throws IllegalArgumentException on inconsistent lengths, types outside 1..typeMasses.length, or topology
     *                                  rows of the wrong length or naming missing atoms
     */
    public LammpsData {
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(style, "style");
        int n = structure.size();
        check(origin.length == 3, "origin must have 3 components");
        check(ids.length == n && types.length == n && molecules.length == n && charges.length == n
                && images.length == n, "ids, types, molecules, charges and images need one entry per atom (" + n + ")");
        for (int i = 0; i < n; i++) {
            check(types[i] >= 1 && types[i] <= typeMasses.length, "atom " + i + " has type " + types[i]
                    + "; expected 1.." + typeMasses.length);
            check(images[i].length == 3, "image flags of atom " + i + " need 3 entries");
        }
        checkTopology("bond", bonds, 3, n);
        checkTopology("angle", angles, 4, n);
        checkTopology("dihedral", dihedrals, 5, n);
        checkTopology("improper", impropers, 5, n);
    }

    /**
     * A data set for writing a structure: atom IDs 1..n in structure order, one atom type per element in
     * increasing Z (type 1 = lightest), standard atomic weights as masses, zero charges and molecule-IDs, zero
     * image flags, no topology.
     *
     * @throws IllegalArgumentException if an element has no standard atomic weight
     */
    public static LammpsData of(Structure s, AtomStyle style) {
        TreeSet<Integer> zs = new TreeSet<>();
        for (int i = 0; i < s.size(); i++) {
            zs.add(s.atomicNumber(i));
        }
        return of(s, style, zs.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * As {@link #of(Structure, AtomStyle)} with the atom types in a given element order, e.g. {8, 1} for O = type 1
     * and H = type 2 (to match pair_coeff lines of an input script).
     *
     * @param typeZ atomic number of each type (index type - 1); every element of s must appear exactly once
     * @throws IllegalArgumentException if an element of s is missing from typeZ, appears twice, or has no
     *                                  standard atomic weight
     */
    public static LammpsData of(Structure s, AtomStyle style, int[] typeZ) {
        int n = s.size();
        int[] types = new int[n];
        for (int t = 0; t < typeZ.length; t++) {
            for (int u = 0; u < t; u++) {
                check(typeZ[u] != typeZ[t], "element Z = " + typeZ[t] + " is given for types " + (u + 1) + " and " + (t + 1));
            }
        }
        for (int i = 0; i < n; i++) {
            int z = s.atomicNumber(i);
            for (int t = 0; t < typeZ.length; t++) {
                if (typeZ[t] == z) {
                    types[i] = t + 1;
                }
            }
            check(types[i] > 0, "atom " + i + " is " + Elements.symbol(z) + ", which has no type in " + Arrays.toString(typeZ));
        }
        double[] masses = Arrays.stream(typeZ).mapToDouble(Elements::mass).toArray();
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
        }
        return new LammpsData(s, new double[3], style, ids, types, masses, new int[n], new double[n], new int[n][3],
                new int[0][], new int[0][], new int[0][], new int[0][]);
    }

    /** This data with the given charges (elementary charges, one per atom). */
    public LammpsData withCharges(double[] q) {
        return new LammpsData(structure, origin, style, ids, types, typeMasses, molecules, q, images,
                bonds, angles, dihedrals, impropers);
    }

    /** This data with the given molecule-IDs (one per atom). */
    public LammpsData withMolecules(int[] moleculeIds) {
        return new LammpsData(structure, origin, style, ids, types, typeMasses, moleculeIds, charges, images,
                bonds, angles, dihedrals, impropers);
    }

    /** This data with the given bonds {type, i, j} (0-based atom indices). */
    public LammpsData withBonds(int[][] bondRows) {
        return new LammpsData(structure, origin, style, ids, types, typeMasses, molecules, charges, images,
                bondRows, angles, dihedrals, impropers);
    }

    /** This data with the given angles {type, i, j, k}, j the vertex (0-based atom indices). */
    public LammpsData withAngles(int[][] angleRows) {
        return new LammpsData(structure, origin, style, ids, types, typeMasses, molecules, charges, images,
                bonds, angleRows, dihedrals, impropers);
    }

    /** This data with the given dihedrals and impropers {type, i, j, k, l} (0-based atom indices). */
    public LammpsData withDihedrals(int[][] dihedralRows, int[][] improperRows) {
        return new LammpsData(structure, origin, style, ids, types, typeMasses, molecules, charges, images,
                bonds, angles, dihedralRows, improperRows);
    }

    /** Positions with the image flags applied, r + nx a + ny b + nz c, shape [n][3], Angstrom. */
    public double[][] unwrappedPositions() {
        double[][] cell = structure.cell();
        double[][] pos = structure.positions();
        for (int i = 0; i < pos.length; i++) {
            for (int c = 0; c < 3; c++) {
                pos[i][c] += images[i][0] * cell[0][c] + images[i][1] * cell[1][c] + images[i][2] * cell[2][c];
            }
        }
        return pos;
    }

    private static void checkTopology(String what, int[][] rows, int width, int n) {
        for (int r = 0; r < rows.length; r++) {
            check(rows[r].length == width, what + " " + r + " needs " + width + " entries {type, atoms...}, got "
                    + rows[r].length);
            check(rows[r][0] >= 1, what + " " + r + " has type " + rows[r][0] + "; expected >= 1");
            for (int k = 1; k < width; k++) {
                check(rows[r][k] >= 0 && rows[r][k] < n, what + " " + r + " names atom " + rows[r][k]
                        + "; expected 0.." + (n - 1));
            }
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
