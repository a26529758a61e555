package org.physml.structure;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * Neighbour lists: for every centre atom, every atom or periodic image within a cutoff radius r_cut.
 *
 * <p>A neighbour of centre i is a pair (j, n) of an atom j and an image shift n = (n_1, n_2, n_3) with
 * |r_j + n_1 a_1 + n_2 a_2 + n_3 a_3 - r_i| &lt; r_cut (strictly), n_k = 0 along non-periodic axes, and
 * (j, n) != (i, 0): the centre itself is excluded but its own periodic images are included. Positions need
 * not lie inside the cell. Neighbours of a centre are ordered by atom index j, then by image shift n
 * (lexicographically), so the order does not depend on how the list was searched.
 *
 * <p>{@link #build(Structure, double)} is an O(N) cell-list search (see {@link CellListSearch});
 * {@link #bruteForce(Structure, double)} is the O(N^2 x images) exhaustive reference. Both return identical
 * lists, bit for bit. The list is stored flat (neighbour index and image shift per pair, 16 bytes a pair);
 * {@link #environment(int)} builds the vectors and distances of a centre on demand.
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class NeighbourList {
    private final Structure structure;
    private final double rCut;
    private final double[][] shiftCell;
    private final int[] start;
    private final int[] index;
    private final int[] shift;

    NeighbourList(Structure structure, double rCut, PairBuffer pairs) {
        this.structure = structure;
        this.rCut = rCut;
        this.shiftCell = shiftCell(structure);
        this.start = pairs.start();
        this.index = pairs.index();
        this.shift = pairs.shift();
    }

    /** The cutoff radius r_cut this list was built with, Angstrom. */
    public double rCut() {
        return rCut;
    }

    /** The structure this list belongs to. */
    public Structure structure() {
        return structure;
    }

    /** Number of centres (atoms of the structure). */
    public int size() {
        return start.length - 1;
    }

    /**
     * Total number of (centre, neighbour) pairs; in a full list every pair within r_cut is counted once from each
     * side, in a list of some centres ({@link #build(Structure, double, int[])}) only the pairs of those centres.
     */
    public int pairCount() {
        return index.length;
    }

    /**
     * Number of neighbours of atom i.
     *
     * @throws IndexOutOfBoundsException if i is not an atom index
     */
    public int neighbourCount(int i) {
        return start[i + 1] - start[i];
    }

    /**
     * Environment of atom i: neighbours strictly inside r_cut (distance &lt; r_cut), centre excluded, ordered by
     * neighbour index then image shift. A new object is built on each call (vectors r_j + n.A - r_i and their
     * lengths, Angstrom).
     *
     * @throws IndexOutOfBoundsException if i is not an atom index
     */
    public LocalEnvironment environment(int i) {
        int from = start[i], m = start[i + 1] - from;
        double[][] pos = structure.positionsView();
        int[] nIndex = new int[m];
        int[] nZ = new int[m];
        // rows allocated one by one and filled on allocation: C2 inlines these allocations (and skips zeroing
        // them), while new double[m][3] calls into the VM
        double[][] r = new double[m][];
        double[] d = new double[m];
        double[] v = new double[3];
        for (int k = 0; k < m; k++) {
            int p = from + k;
            int j = index[p];
            nIndex[k] = j;
            nZ[k] = structure.atomicNumber(j);
            d[k] = Math.sqrt(pairVector(pos[i], pos[j], shiftCell, shift[3 * p], shift[3 * p + 1], shift[3 * p + 2], v));
            r[k] = new double[]{v[0], v[1], v[2]};
        }
        return new LocalEnvironment(i, structure.atomicNumber(i), nIndex, nZ, r, d);
    }

    /**
     * Image shift (n_1, n_2, n_3) of neighbour k of atom i (in the order of {@link #environment(int)}):
     * the neighbour sits at r_j + n_1 a_1 + n_2 a_2 + n_3 a_3.
     *
     * @throws IndexOutOfBoundsException if i or k is out of range
     */
    public int[] imageShift(int i, int k) {
        if (k < 0 || k >= neighbourCount(i)) {
            throw new IndexOutOfBoundsException("atom " + i + " has " + neighbourCount(i) + " neighbours, asked for " + k);
        }
        int p = start[i] + k;
        return new int[]{shift[3 * p], shift[3 * p + 1], shift[3 * p + 2]};
    }

    /**
     * The neighbour list of every atom within r_cut by an O(N) cell-list search, exact for any cell shape
     * (triclinic), cells thinner than 2 r_cut, mixed periodicity and molecules.
     *
     * @param s    structure
     * @param rCut cutoff radius r_cut, Angstrom, &gt; 0
     * @throws IllegalArgumentException if rCut is not a positive finite number, or the list would exceed
     *                                  about 5 x 10^8 pairs
     */
    public static NeighbourList build(Structure s, double rCut) {
        checkCutoff(rCut);
        if (s.size() == 0) {
            return new NeighbourList(s, rCut, new PairBuffer(0, 0));
        }
        return CellListSearch.search(s, rCut);
    }

    /**
     * The neighbour lists of some centres only, by the cell-list search of {@link #build(Structure, double)}: each
     * listed centre has exactly the neighbours (and image shifts, in the same order) of the full list, every other
     * atom has none. For a descriptor of a few centres of a large structure this saves the search around atoms
     * that are never asked for.
     *
     * @param centres atom indices whose neighbours are wanted (repeats allowed)
     * @throws IllegalArgumentException  as {@link #build(Structure, double)}
     * @throws IndexOutOfBoundsException if a centre is not an atom index of {@code s}
     */
    public static NeighbourList build(Structure s, double rCut, int[] centres) {
        checkCutoff(rCut);
        boolean[] flag = new boolean[s.size()];
        for (int c : centres) {
            if (c < 0 || c >= s.size()) {
                throw new IndexOutOfBoundsException("centre " + c + " is not an atom of a structure with "
                        + s.size() + " atoms");
            }
            flag[c] = true;
        }
        if (s.size() == 0) {
            return new NeighbourList(s, rCut, new PairBuffer(0, 0));
        }
        return CellListSearch.search(s, rCut, flag);
    }

    /**
     * Reference neighbour list by exhaustive search over atoms and image shifts: for each centre i, each
     * atom j and each shift n with |n_k| up to ceil(r_cut / h_k + spread_k) + 1 (h_k = distance between
     * lattice planes, spread_k = range of the fractional coordinates of the atoms along axis k), which
     * covers every image within r_cut for any cell shape and size and for positions outside the cell.
     *
     * @param s    structure
     * @param rCut cutoff radius r_cut, Angstrom, &gt; 0
     * @throws IllegalArgumentException if rCut is not a positive finite number
     */
    public static NeighbourList bruteForce(Structure s, double rCut) {
        checkCutoff(rCut);
        int[] nImages = imageRange(s, rCut);
        double[][] shiftCell = shiftCell(s);
        double[][] pos = s.positionsView();
        int n = s.size();
        double rc2 = rCut * rCut;
        double[] d = new double[3];
        PairBuffer pairs = new PairBuffer(n, 16 * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int a = -nImages[0]; a <= nImages[0]; a++) {
                    for (int b = -nImages[1]; b <= nImages[1]; b++) {
                        for (int c = -nImages[2]; c <= nImages[2]; c++) {
                            if (j == i && a == 0 && b == 0 && c == 0) {
                                continue;
                            }
                            if (pairVector(pos[i], pos[j], shiftCell, a, b, c, d) < rc2) {
                                pairs.add(j, a, b, c);
                            }
                        }
                    }
                }
            }
            pairs.endCentre();
        }
        return new NeighbourList(s, rCut, pairs);
    }

    /**
     * Writes r_j + n_1 a_1 + n_2 a_2 + n_3 a_3 - r_i into {@code out} and returns its squared length. Both
     * searches use this one function, so their vectors agree bit for bit.
     */
    static double pairVector(double[] ri, double[] rj, double[][] shiftCell, int n1, int n2, int n3, double[] out) {
        double sx = n1 * shiftCell[0][0] + n2 * shiftCell[1][0] + n3 * shiftCell[2][0];
        double sy = n1 * shiftCell[0][1] + n2 * shiftCell[1][1] + n3 * shiftCell[2][1];
        double sz = n1 * shiftCell[0][2] + n2 * shiftCell[1][2] + n3 * shiftCell[2][2];
        double dx = rj[0] + sx - ri[0];
        double dy = rj[1] + sy - ri[1];
        double dz = rj[2] + sz - ri[2];
        out[0] = dx;
        out[1] = dy;
        out[2] = dz;
        return dx * dx + dy * dy + dz * dz;
    }

    /** The lattice vectors of the periodic axes as rows, zero rows for non-periodic axes. */
    static double[][] shiftCell(Structure s) {
        double[][] c = s.cell();
        boolean[] pbc = s.pbc();
        for (int k = 0; k < 3; k++) {
            if (!pbc[k]) {
                c[k] = new double[3];
            }
        }
        return c;
    }

    /**
     * The check every neighbour-search radius passes (the descriptors' builders use it for their r_cut).
     *
     * @param rCut Angstrom
     * @throws IllegalArgumentException if r_cut is not a positive finite number
     */
    public static void checkCutoff(double rCut) {
        if (!(rCut > 0) || !Double.isFinite(rCut)) {
            throw new IllegalArgumentException("r_cut must be a positive finite number of Angstrom, got " + rCut);
        }
    }

    /**
     * Number of image shifts needed along each lattice vector: ceil(r_cut / h_k + spread_k) + 1 where h_k is
     * the distance between the lattice planes spanned by the other two vectors and spread_k the range of the
     * fractional coordinate s_k over the atoms; 0 along non-periodic axes.
     */
    static int[] imageRange(Structure s, double rCut) {
        double[][] c = s.cell();
        boolean[] pbc = s.pbc();
        int[] n = new int[3];
        if (!(pbc[0] || pbc[1] || pbc[2])) {
            return n;
        }
        double[][] inv = new LUDecomposition(MatrixUtils.createRealMatrix(c)).getSolver().getInverse().getData();
        double volume = Math.abs(s.volume());
        double[][] pos = s.positionsView();
        for (int k = 0; k < 3; k++) {
            if (!pbc[k]) {
                continue;
            }
            double[] u = c[(k + 1) % 3], v = c[(k + 2) % 3];
            double cx = u[1] * v[2] - u[2] * v[1], cy = u[2] * v[0] - u[0] * v[2], cz = u[0] * v[1] - u[1] * v[0];
            double h = volume / Math.sqrt(cx * cx + cy * cy + cz * cz);
            double min = 0, max = 0;
            for (double[] r : pos) {
                double f = r[0] * inv[0][k] + r[1] * inv[1][k] + r[2] * inv[2][k];
                min = Math.min(min, f);
                max = Math.max(max, f);
            }
            n[k] = (int) Math.ceil(rCut / h + (max - min)) + 1;
        }
        return n;
    }
}
