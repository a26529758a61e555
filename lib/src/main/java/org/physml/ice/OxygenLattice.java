package org.physml.ice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.physml.structure.Structure;

/**
 * The oxygen sites of an ice crystal in a periodic cell: the lattice vectors, the fractional coordinates of
 * every O and, per O, whether it is a start site of an {@link HydrogenBondRule.AlongVectors} rule.
 *
 * <p>{@link #generate(IceCrystal)} applies every symmetry operation to every listed site, wraps the images into
 * [0, 1) and keeps one O per position (images closer than {@value #DUPLICATE_TOLERANCE} A, minimum-image
 * convention, are the same site). {@link #supercell(int[][])} builds the crystal in a larger cell.
 */
public final class OxygenLattice {
    /** Two symmetry images closer than this are the same site, Angstrom. */
    public static final double DUPLICATE_TOLERANCE = 0.01;

    private final double[][] cell;
    private final double[][] fractional;
    private final boolean[] bondStart;

    /**
     * @param cell       lattice vectors as rows, shape [3][3], Angstrom
     * @param fractional fractional coordinates of the O sites, shape [n][3], each wrapped into [0, 1)
     * @param bondStart  per site, whether it is a start site of a vector bond rule, length n
     * @throws IllegalArgumentException on inconsistent shapes or a singular cell
     */
    public OxygenLattice(double[][] cell, double[][] fractional, boolean[] bondStart) {
        if (cell.length != 3 || fractional.length != bondStart.length) {
            throw new IllegalArgumentException("need a 3x3 cell and one bond-start flag per site, got " + cell.length
                    + " cell rows, " + fractional.length + " sites and " + bondStart.length + " flags");
        }
        this.cell = new double[3][];
        for (int k = 0; k < 3; k++) {
            this.cell[k] = cell[k].clone();
        }
        if (!(Math.abs(Lattice.det(this.cell)) > 1e-9)) {
            throw new IllegalArgumentException("singular cell " + Arrays.deepToString(cell));
        }
        this.fractional = new double[fractional.length][];
        for (int i = 0; i < fractional.length; i++) {
            if (fractional[i].length != 3) {
                throw new IllegalArgumentException("site " + i + " needs 3 fractional coordinates");
            }
            this.fractional[i] = fractional[i].clone();
        }
        this.bondStart = bondStart.clone();
    }

    /**
     * The O sites of the crystallographic cell of a phase, generated from its sites and symmetry operations, in
     * the order site by site, operation by operation (first occurrence kept).
     */
    public static OxygenLattice generate(IceCrystal crystal) {
        double[][] cell = crystal.cell().matrix();
        List<double[]> sites = new ArrayList<>();
        for (IceCrystal.Site site : crystal.sites()) {
            for (SymmetryOperation op : crystal.operations()) {
                double[] f = Lattice.wrap(op.apply(site.fractional()));
                boolean duplicate = false;
                for (double[] g : sites) {
                    if (Lattice.minimumImageDistance(cell, f, g) < DUPLICATE_TOLERANCE) {
                        duplicate = true;
                        break;
                    }
                }
                if (!duplicate) {
                    sites.add(f);
                }
            }
        }
        double[][] frac = sites.toArray(new double[0][]);
        boolean[] start = new boolean[frac.length];
        if (crystal.bondRule() instanceof HydrogenBondRule.AlongVectors rule) {
            for (int i = 0; i < frac.length; i++) {
                for (double[] from : rule.from()) {
                    if (Lattice.minimumImageDistance(cell, frac[i], Lattice.wrap(from)) < DUPLICATE_TOLERANCE) {
                        start[i] = true;
                    }
                }
            }
        }
        return new OxygenLattice(cell, frac, start);
    }

    /**
     * The same crystal in the cell whose lattice vectors are the rows of P times this cell: a'_i = sum_j P_ij a_j.
     * It holds |det P| times as many O. P = diag(n1, n2, n3) replicates the cell n1 x n2 x n3 times;
     * P = [[1,0,0],[1,2,0],[0,0,1]] turns a hexagonal cell into its orthohexagonal (rectangular) cell.
     *
     * @param p integer transformation matrix, shape [3][3], det P != 0
     * @throws IllegalArgumentException if P is not 3x3 or singular
     */
    public OxygenLattice supercell(int[][] p) {
        if (p.length != 3 || p[0].length != 3 || p[1].length != 3 || p[2].length != 3) {
            throw new IllegalArgumentException("the supercell matrix must be 3x3");
        }
        double[][] pd = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                pd[i][j] = p[i][j];
            }
        }
        double det = Lattice.det(pd);
        int nCells = (int) Math.round(Math.abs(det));
        if (nCells == 0) {
            throw new IllegalArgumentException("singular supercell matrix " + Arrays.deepToString(p));
        }
        double[][] newCell = Lattice.multiply(pd, cell);
        double scale = Math.max(Math.abs(newCell[0][0]), Math.max(Math.abs(newCell[1][1]), Math.abs(newCell[2][2])));
        for (double[] row : newCell) {
            for (int k = 0; k < 3; k++) {
                if (Math.abs(row[k]) < 1e-12 * scale) {
                    row[k] = 0; // cancellation residue, e.g. a_1 + 2 a_2 of a hexagonal cell along x
                }
            }
        }
        double[][] pInv = Lattice.inverse(pd);
        // bounding box of the new cell's corners in old fractional coordinates
        int[] lo = new int[3], hi = new int[3];
        for (int corner = 0; corner < 8; corner++) {
            for (int k = 0; k < 3; k++) {
                int v = ((corner >> 0) & 1) * p[0][k] + ((corner >> 1) & 1) * p[1][k] + ((corner >> 2) & 1) * p[2][k];
                lo[k] = Math.min(lo[k], v);
                hi[k] = Math.max(hi[k], v);
            }
        }
        List<double[]> sites = new ArrayList<>();
        List<Boolean> start = new ArrayList<>();
        double eps = 1e-9;
        for (int l0 = lo[0]; l0 <= hi[0]; l0++) {
            for (int l1 = lo[1]; l1 <= hi[1]; l1++) {
                for (int l2 = lo[2]; l2 <= hi[2]; l2++) {
                    for (int s = 0; s < fractional.length; s++) {
                        double[] old = {fractional[s][0] + l0, fractional[s][1] + l1, fractional[s][2] + l2};
                        // f' = f P^-1 (fractional coordinates transform with the inverse transpose of the cell)
                        double[] f = new double[3];
                        for (int k = 0; k < 3; k++) {
                            f[k] = old[0] * pInv[0][k] + old[1] * pInv[1][k] + old[2] * pInv[2][k];
                        }
                        if (f[0] >= -eps && f[0] < 1 - eps && f[1] >= -eps && f[1] < 1 - eps
                                && f[2] >= -eps && f[2] < 1 - eps) {
                            sites.add(Lattice.wrap(f));
                            start.add(bondStart[s]);
                        }
                    }
                }
            }
        }
        if (sites.size() != nCells * fractional.length) {
            throw new IllegalStateException("supercell " + Arrays.deepToString(p) + " gave " + sites.size()
                    + " sites, expected " + nCells * fractional.length);
        }
        boolean[] flags = new boolean[start.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = start.get(i);
        }
        return new OxygenLattice(newCell, sites.toArray(new double[0][]), flags);
    }

    /** The crystal replicated n1 x n2 x n3 times along a_1, a_2, a_3. */
    public OxygenLattice replicate(int n1, int n2, int n3) {
        if (n1 < 1 || n2 < 1 || n3 < 1) {
            throw new IllegalArgumentException("replication counts must be positive, got " + n1 + " x " + n2 + " x " + n3);
        }
        return supercell(new int[][]{{n1, 0, 0}, {0, n2, 0}, {0, 0, n3}});
    }

    /** Number of O sites. */
    public int size() {
        return fractional.length;
    }

    /** Copy of the lattice vectors as rows, shape [3][3], Angstrom. */
    public double[][] cell() {
        return new double[][]{cell[0].clone(), cell[1].clone(), cell[2].clone()};
    }

    /** Copy of the fractional coordinates, shape [n][3]. */
    public double[][] fractional() {
        double[][] c = new double[fractional.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = fractional[i].clone();
        }
        return c;
    }

    /** Cartesian positions r = f_1 a_1 + f_2 a_2 + f_3 a_3, shape [n][3], Angstrom, all inside the cell. */
    public double[][] cartesian() {
        double[][] r = new double[fractional.length][];
        for (int i = 0; i < r.length; i++) {
            r[i] = Lattice.toCartesian(cell, fractional[i]);
        }
        return r;
    }

    /** Whether site i is a start site of a vector bond rule. */
    public boolean isBondStart(int i) {
        return bondStart[i];
    }

    /** The O atoms as a structure periodic along all three axes. */
    public Structure structure() {
        int[] z = new int[fractional.length];
        Arrays.fill(z, 8);
        return new Structure(cartesian(), z, cell, new boolean[]{true, true, true});
    }

    /** Cell volume |a_1 . (a_2 x a_3)|, A^3. */
    public double volume() {
        return Math.abs(Lattice.det(cell));
    }
}
