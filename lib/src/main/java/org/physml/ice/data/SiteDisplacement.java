package org.physml.ice.data;

import org.physml.structure.Structure;

/**
 * How far atoms have moved from their sites in a reference structure, as a crystallinity check: each atom's
 * fractional coordinates in the current cell are compared with its fractional coordinates in the reference cell
 * (so a change of cell shape or size by the barostat is not counted), the difference is taken to the nearest
 * periodic image, the mean difference (drift of the whole system) is removed, and the result is converted back to
 * Angstrom with the current cell:
 * <pre>
 *   u_i = [ (f_i - f_i,ref) - nint(f_i - f_i,ref) - mean_j(...) ] A,   rms = sqrt(mean_i |u_i|^2)
 * </pre>
 * A crystal vibrating about its lattice sites gives a few tenths of an Angstrom; a melted or amorphised sample
 * gives displacements comparable to the O-O distance (2.8 A) or more.
 */
public final class SiteDisplacement {
    private SiteDisplacement() {
    }

    /**
     * Root-mean-square displacement of the selected atoms, Angstrom.
     *
     * @param reference the structure whose positions are the sites (atoms in the same order), periodic
     * @param current   the displaced structure, periodic, same number of atoms
     * @param atoms     indices of the atoms to include (e.g. the O atoms), not empty
     * @throws IllegalArgumentException if the atom counts differ, the selection is empty or out of range, or a
     *                                  structure is not periodic along all three axes
     */
    public static double rms(Structure reference, Structure current, int[] atoms) {
        if (reference.size() != current.size()) {
            throw new IllegalArgumentException("reference has " + reference.size() + " atoms, current has "
                    + current.size() + "; expected the same atoms");
        }
        if (atoms.length == 0) {
            throw new IllegalArgumentException("no atoms selected");
        }
        for (Structure s : new Structure[]{reference, current}) {
            boolean[] p = s.pbc();
            if (!(p[0] && p[1] && p[2])) {
                throw new IllegalArgumentException("expected structures periodic along all three axes");
            }
        }
        CellFrame ref = new CellFrame(reference.cell());
        CellFrame cur = new CellFrame(current.cell());
        double[][] df = new double[atoms.length][];
        double[] mean = new double[3];
        for (int n = 0; n < atoms.length; n++) {
            int i = atoms[n];
            if (i < 0 || i >= current.size()) {
                throw new IllegalArgumentException("atom index " + i + " outside 0.." + (current.size() - 1));
            }
            double[] a = cur.fractional(current.position(i));
            double[] b = ref.fractional(reference.position(i));
            df[n] = new double[3];
            for (int k = 0; k < 3; k++) {
                double d = a[k] - b[k];
                df[n][k] = d - Math.rint(d);
                mean[k] += df[n][k] / atoms.length;
            }
        }
        double sum = 0;
        for (double[] d : df) {
            for (int k = 0; k < 3; k++) {
                d[k] -= mean[k];
            }
            double[] u = cur.cartesian(d);
            sum += CellFrame.dot(u, u);
        }
        return Math.sqrt(sum / atoms.length);
    }
}
