package org.physml.ice;

import java.util.Arrays;

import org.physml.structure.Structure;

/**
 * Rigid water molecules in a periodic cell with their topology, as needed for a LAMMPS data file (atom_style
 * full, see {@link IceFiles#lammpsData}) or an extended XYZ file.
 *
 * <p>Atom order: molecule m is atoms 3m (O), 3m+1 (H), 3m+2 (H). Each H is placed at its O plus the O-H vector,
 * so a molecule is whole in the stored coordinates even when it straddles the cell boundary (an H may lie
 * slightly outside the cell; the O are inside).
 *
 * @param structure  O and H atoms, cell and pbc; shape 3N atoms
 * @param model      the water model whose geometry and charges the molecules have
 * @param moleculeId molecule index (0-based) per atom, length 3N
 */
public record WaterSystem(Structure structure, WaterModel model, int[] moleculeId) {

    /** @throws IllegalArgumentException if the atoms are not N molecules ordered O, H, H */
    public WaterSystem {
        int n = structure.size();
        if (n % 3 != 0 || moleculeId.length != n) {
            throw new IllegalArgumentException("need 3 atoms per molecule and one molecule id per atom, got " + n
                    + " atoms and " + moleculeId.length + " ids");
        }
        for (int i = 0; i < n; i++) {
            int expectedZ = i % 3 == 0 ? 8 : 1;
            if (structure.atomicNumber(i) != expectedZ || moleculeId[i] != i / 3) {
                throw new IllegalArgumentException("atom " + i + " must be " + (expectedZ == 8 ? "O" : "H")
                        + " of molecule " + i / 3);
            }
        }
        moleculeId = moleculeId.clone();
    }

    /** Copy of the molecule index per atom. */
    @Override
    public int[] moleculeId() {
        return moleculeId.clone();
    }

    /** Number of molecules N. */
    public int moleculeCount() {
        return structure.size() / 3;
    }

    /** The O-H bonds as atom index pairs (O, H), shape [2N][2], 0-based. */
    public int[][] bonds() {
        int nMol = moleculeCount();
        int[][] b = new int[2 * nMol][];
        for (int m = 0; m < nMol; m++) {
            b[2 * m] = new int[]{3 * m, 3 * m + 1};
            b[2 * m + 1] = new int[]{3 * m, 3 * m + 2};
        }
        return b;
    }

    /** The H-O-H angles as atom index triples (H, O, H), shape [N][3], 0-based. */
    public int[][] angles() {
        int nMol = moleculeCount();
        int[][] a = new int[nMol][];
        for (int m = 0; m < nMol; m++) {
            a[m] = new int[]{3 * m + 1, 3 * m, 3 * m + 2};
        }
        return a;
    }

    /** Charge per atom for a LAMMPS TIP4P data file: -2 q_H on O (the M-site charge), q_H on H; e. */
    public double[] charges() {
        double[] q = new double[structure.size()];
        for (int i = 0; i < q.length; i++) {
            q[i] = i % 3 == 0 ? model.chargeO() : model.chargeH();
        }
        return q;
    }

    /** LAMMPS atom type per atom: 1 for O, 2 for H. */
    public int[] atomTypes() {
        int[] t = new int[structure.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = i % 3 == 0 ? 1 : 2;
        }
        return t;
    }

    /**
     * Dipole moment of molecule m from the model's charges: q_H at both H and -2 q_H at the M site on the
     * bisector at d_OM from O, mu = q_H (r_H1 + r_H2 - 2 r_M), e A.
     */
    public double[] moleculeDipole(int m) {
        double[][] p = structure.positionsView();
        double[] o = p[3 * m], h1 = p[3 * m + 1], h2 = p[3 * m + 2];
        double[] bis = new double[3];
        for (int k = 0; k < 3; k++) {
            bis[k] = (h1[k] - o[k]) + (h2[k] - o[k]);
        }
        double len = HydrogenBondNetwork.norm(bis);
        double[] mu = new double[3];
        for (int k = 0; k < 3; k++) {
            double rM = model.dOM() * bis[k] / len;
            mu[k] = model.chargeH() * ((h1[k] - o[k]) + (h2[k] - o[k]) - 2 * rM);
        }
        return mu;
    }

    /** Net dipole moment M = sum of the molecular dipoles, e A. */
    public double[] netDipole() {
        double[] total = new double[3];
        for (int m = 0; m < moleculeCount(); m++) {
            double[] mu = moleculeDipole(m);
            for (int k = 0; k < 3; k++) {
                total[k] += mu[k];
            }
        }
        return total;
    }

    /** |M| / (N |mu|): 0 for a depolarised arrangement, 1 if all molecular dipoles were parallel. */
    public double relativeNetDipole() {
        return HydrogenBondNetwork.norm(netDipole()) / (moleculeCount() * model.dipoleMoment());
    }

    @Override
    public String toString() {
        return "WaterSystem[" + moleculeCount() + " molecules, cell=" + Arrays.deepToString(structure.cell()) + "]";
    }
}
