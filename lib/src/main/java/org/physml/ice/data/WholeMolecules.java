package org.physml.ice.data;

import java.util.HashMap;
import java.util.Map;

import org.physml.structure.Structure;

/**
 * Puts every molecule of a periodic structure into one piece inside the cell, as a data set wants it: the first atom
 * of each molecule (for water the O) is wrapped into the cell (fractional coordinates in [0, 1)), and every other
 * atom of the molecule is placed at the periodic image nearest to that first atom. LAMMPS dumps wrap each atom
 * separately, so a molecule on a cell face comes out in pieces; this joins it again.
 */
public final class WholeMolecules {
    private WholeMolecules() {
    }

    /**
     * @param s           a structure periodic along all three axes, positions Angstrom
     * @param moleculeIds molecule of each atom (any integer labels), length n
     * @param decimals    positions are rounded to this many decimals (Angstrom) after wrapping; 0..10
     * @return the same atoms in the same order and cell, molecules whole
     * @throws IllegalArgumentException if the structure is not fully periodic, the array length differs from the
     *                                  atom count, decimals is outside 0..10, or an atom is farther from its
     *                                  molecule's first atom than half the smallest cell height (then the nearest
     *                                  image is not unique: not a small molecule in this cell)
     */
    public static Structure wrap(Structure s, long[] moleculeIds, int decimals) {
        boolean[] pbc = s.pbc();
        if (!(pbc[0] && pbc[1] && pbc[2])) {
            throw new IllegalArgumentException("expected a structure periodic along all three axes, got pbc "
                    + java.util.Arrays.toString(pbc));
        }
        if (moleculeIds.length != s.size()) {
            throw new IllegalArgumentException("got " + moleculeIds.length + " molecule ids for " + s.size()
                    + " atoms");
        }
        if (decimals < 0 || decimals > 10) {
            throw new IllegalArgumentException("decimals must be 0..10, got " + decimals);
        }
        CellFrame cell = new CellFrame(s.cell());
        double[] h = cell.heights();
        double halfHeight = 0.5 * Math.min(h[0], Math.min(h[1], h[2]));
        double scale = Math.pow(10, decimals);
        double[][] r = s.positionsView();
        double[][] out = new double[s.size()][];
        Map<Long, double[]> anchor = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            double[] a = anchor.get(moleculeIds[i]);
            if (a == null) {
                double[] f = cell.fractional(r[i]);
                for (int k = 0; k < 3; k++) {
                    f[k] -= Math.floor(f[k]);
                }
                a = cell.cartesian(f);
                anchor.put(moleculeIds[i], a);
                out[i] = a;
            } else {
                double[] d = {r[i][0] - a[0], r[i][1] - a[1], r[i][2] - a[2]};
                double[] f = cell.fractional(d);
                for (int k = 0; k < 3; k++) {
                    f[k] -= Math.rint(f[k]);
                }
                d = cell.cartesian(f);
                if (CellFrame.norm(d) >= halfHeight) {
                    throw new IllegalArgumentException("atom " + i + " is " + CellFrame.norm(d) + " A from the first "
                            + "atom of its molecule " + moleculeIds[i] + "; expected less than half the smallest cell "
                            + "height, " + halfHeight + " A");
                }
                out[i] = new double[]{a[0] + d[0], a[1] + d[1], a[2] + d[2]};
            }
        }
        for (double[] p : out) {
            for (int k = 0; k < 3; k++) {
                p[k] = Math.round(p[k] * scale) / scale;
            }
        }
        return new Structure(out, s.atomicNumbers(), s.cell(), pbc);
    }
}
