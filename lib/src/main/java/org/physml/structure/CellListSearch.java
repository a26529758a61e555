package org.physml.structure;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * O(N) neighbour search by binning (a cell list), exact for any cell shape, any periodicity and any cell
 * size relative to r_cut.
 *
 * <p>Method: positions are expressed in the coordinates s of a {@link BinningGeometry} and wrapped into
 * [0, 1) along periodic axes (s + w with integer w). Each axis is cut into nb_k equal bins, at least r_cut thick
 * (measured perpendicular to the bin faces) along axes 0 and 1 and r_cut / 4 along axis 2 (see
 * {@link #ROW_WIDTH}); in bin units beta_k (beta_k = t on the lower face of bin t) a displacement is
 * dr = sum_k dbeta_k e_k with e_k the bin edge vectors. Bins t beyond the cell along a periodic axis are the bins
 * t - m_k nb_k of image m_k; when the search reaches further than nb_k bins the same bin is visited with several
 * images, which is exactly what cells thinner than 2 r_cut require. A candidate j of centre i in image m is the
 * periodic image with shift n = m + w_j - w_i of the original positions, and it is accepted with the same
 * arithmetic as {@link NeighbourList#bruteForce}, so both give bit-identical lists. Binning only has to produce a
 * superset of candidates; margins absorb rounding.
 *
 * <p>Which bins: |dr|^2 is split (Gram-Schmidt of e_2, e_1, e_0, i.e. a Cholesky factor of their metric) into
 * (l00 db_0)^2 + (l10 db_0 + l11 db_1)^2 + (l20 db_0 + l21 db_1 + l22 db_2)^2, and the search walks the bins like a
 * lattice-point enumeration of a sphere: the bins t_0 the sphere reaches along axis 0; for each, the bins t_1 that
 * the remaining radius allows anywhere in the slab t_0; for each such row (t_0, t_1), the bins t_2. Every bound
 * takes the least value of each square over the bins' boxes separately (a lower bound of |dr|) and is measured
 * from the centre's own position, not its bin, so the rows are cut to the sphere (to a quarter of r_cut along
 * axis 2) instead of scanning a cube of bins. The bins t_2..t_2' of a row in one image lie contiguously in the bin
 * order, so a row is scanned as one or two plain runs of atoms (more in cells thinner than the sphere).
 *
 * <p>Order: the list must come out ordered by neighbour index, then image shift. Along each axis the walk visits
 * t in increasing order, or, when the range is shorter than the cell and crosses its boundary once, starting at
 * the crossing so that the bins come in increasing order (which keeps atoms numbered in space order nearly
 * sorted); either way a bin visited in several images is visited in increasing image. So the visits of one atom
 * come in increasing image m lexicographically, which is the order of n, and sorting the neighbours found for a
 * centre stably by index (keys j &lt;&lt; 32 | sequence number) gives the reference order without decoding images.
 * When the indices of a centre's neighbours span a few machine words per neighbour (small structures, atoms
 * numbered in space order) and each occurs once, they are sorted by presence, with no comparisons: a bitmap of
 * the indices, whose running popcounts place every key. Otherwise an insertion sort (linear on nearly sorted
 * keys) sorts them, handing over to {@link Arrays#sort} when they are far from sorted.
 *
 * <p>Speed: the atoms of a bin are stored contiguously with their wrapped Cartesian positions r_j + w_j A, and
 * each run of one image m subtracts the shift m A from the centre once, so every candidate costs a prefilter of
 * six additions and three multiplications with a radius r_cut + delta (delta far above the rounding of these
 * sums), written without a branch (a quarter to a half of the candidates pass: a branch would mispredict).
 * Survivors inside r_cut - delta are neighbours; only those in the thin shell between get the exact test. Large
 * structures are searched in chunks of centres in parallel (in the caller's fork-join pool) and the chunks
 * concatenated in atom order, so the list does not depend on the number of threads.
 */
final class CellListSearch {
    /** Largest |s| (in lattice vectors) accepted for a position; beyond it the integer wrap overflows. */
    private static final double MAX_CELLS_AWAY = 1e8;
    /** Safety margin, in bins, added to every bin range to absorb rounding of s. */
    private static final double BIN_MARGIN = 1e-6;
    /** Relative size of the prefilter's extra radius delta, in units of the largest coordinate involved. */
    private static final double PREFILTER_MARGIN = 1e-10;
    /**
     * Least bin thickness along axes 0 and 1, in r_cut: a row of bins along axis 2 is the unit of the walk, and
     * with rows r_cut thick a sphere meets at most 3 x 3 of them (in cells at least r_cut wide). Thinner rows
     * would follow the sphere more closely, but each row costs a bound and a few short scans, which outweighs the
     * extra candidates at the densities of condensed matter (measured on diamond Si at r_cut 6 and 6.86 A:
     * r_cut / 2 rows, 21 per centre, are 10-25 % slower than r_cut rows, 7.5 per centre, though they scan 30 %
     * fewer candidates).
     */
    private static final double ROW_WIDTH = 1;
    /** Least bin thickness along axis 2, in r_cut: the resolution at which a row is cut to the sphere. */
    private static final double RUN_WIDTH = 0.25;
    /**
     * Widest span of neighbour indices, in 64-bit words per neighbour, that a centre's neighbours are sorted by
     * presence (a bitmap over the span) rather than by comparison: the bitmap costs a few operations per word,
     * a comparison sort tens per key.
     */
    private static final int PRESENCE_WORDS_PER_KEY = 8;
    /** Centres per parallel chunk; structures with fewer centres are searched on the calling thread. */
    private static final int CHUNK = 1024;

    private final int n;
    private final double[][] pos;
    private final double[][] shiftCell;
    private final boolean[] pbc;
    private final int[] nb = new int[3];
    /** Largest bin offset from the centre's bin that can hold a neighbour, per axis (bounds the images). */
    private final int[] reach = new int[3];
    /** Cholesky factor of the bin metric: |dr|^2 = (l00 b0)^2 + (l10 b0 + l11 b1)^2 + (l20 b0 + l21 b1 + l22 b2)^2. */
    private final double l00;
    private final double l10;
    private final double l11;
    private final double l20;
    private final double l21;
    private final double l22;
    /** 1 / l11 and 1 / l22. */
    private final double inv11;
    private final double inv22;
    /** Half-width of the scanned sphere along axis 0, in bins. */
    private final double sphereBins0;
    /**
     * Image m_k = floor(t / nb_k) of bin t along axis k, at index t + reach_k (every t within reach of a bin of
     * the structure); the bin inside the cell is t - m_k nb_k.
     */
    private final int[][] imageOf = new int[3][];
    private final int[] wrap;
    /** Continuous bin coordinates beta of every atom (atom order), three per atom. */
    private final double[] beta;
    private final int[] binStart;
    private final int[] binAtoms;
    /** Original positions r_j of the atoms in bin order (for the exact test), Angstrom. */
    private final double[] ox;
    private final double[] oy;
    private final double[] oz;
    /** Position of atom i in the bin order (inverse of binAtoms). */
    private final int[] slot;
    /** Wraps w_j of the atoms in bin order, three per atom. */
    private final int[] binWrap;
    /** Wrapped Cartesian positions r_j + w_j A of the atoms in bin order, Angstrom. */
    private final double[] bx;
    private final double[] by;
    private final double[] bz;
    private final double rc2;
    /** The prefilter radius r_cut + delta, also the radius of the sphere whose bins are scanned. */
    private final double prefilter;
    private final double prefilter2;
    /**
     * (r_cut - delta)^2: a candidate whose prefilter distance is below it is a neighbour by the exact test too (the
     * two computations differ by far less than delta), so it skips that test; -1 if r_cut &lt;= delta.
     */
    private final double inside2;
    /**
     * Rough number of neighbours per centre for sizing the pair buffers: the atom density times the sphere, plus
     * 20 % (the first shells of a crystal hold more than the average density), so a buffer rarely grows.
     */
    private final double expectedNeighbours;

    private CellListSearch(Structure s, double rCut) {
        this.n = s.size();
        this.pos = s.positionsView();
        this.pbc = s.pbc();
        this.shiftCell = NeighbourList.shiftCell(s);
        BinningGeometry g = new BinningGeometry(s.cell(), pbc);

        double[][] frac = new double[3][n];
        this.wrap = new int[3 * n];
        double[] lo = new double[3], extent = new double[3];
        for (int k = 0; k < 3; k++) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double v = g.coordinate(pos[i], k);
                if (pbc[k]) {
                    if (!(Math.abs(v) < MAX_CELLS_AWAY)) {
                        throw new IllegalArgumentException("atom " + i + " lies " + v + " lattice vectors along axis "
                                + k + " from the origin; wrap the positions first");
                    }
                    double f = Math.floor(v);
                    wrap[3 * i + k] = -(int) f;
                    v -= f;
                }
                frac[k][i] = v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            lo[k] = pbc[k] ? 0 : min;
            extent[k] = pbc[k] ? 1 : max - min;
        }

        binCounts(g, extent, rCut);
        // bin edge vectors e_k = basis_k extent_k / nb_k (a flat non-periodic axis keeps one bin of unit extent)
        double[][] e = new double[3][3];
        for (int k = 0; k < 3; k++) {
            double span = extent[k] > 0 ? extent[k] : 1;
            for (int c = 0; c < 3; c++) {
                e[k][c] = g.basis[k][c] * span / nb[k];
            }
            double binThickness = span * g.planeSpacing[k] / nb[k];
            reach[k] = (!pbc[k] && nb[k] == 1) ? 0 : (int) Math.ceil(rCut / binThickness + BIN_MARGIN);
        }
        // Gram-Schmidt in the order e_2, e_1, e_0
        double l22v = norm(e[2]);
        double[] u2 = scaled(e[2], 1 / l22v);
        this.l22 = l22v;
        this.l21 = dot(e[1], u2);
        this.l20 = dot(e[0], u2);
        double[] e1p = minus(e[1], u2, l21);
        double[] e0p = minus(e[0], u2, l20);
        this.l11 = norm(e1p);
        double[] u1 = scaled(e1p, 1 / l11);
        this.l10 = dot(e0p, u1);
        this.l00 = norm(minus(e0p, u1, l10));
        this.inv11 = 1 / l11;
        this.inv22 = 1 / l22;
        for (int k = 0; k < 3; k++) {
            imageOf[k] = new int[nb[k] + 2 * reach[k]];
            for (int t = -reach[k]; t < nb[k] + reach[k]; t++) {
                imageOf[k][t + reach[k]] = Math.floorDiv(t, nb[k]);
            }
        }

        // counting sort of atoms into bins (atoms of a bin in increasing index)
        int nBins = nb[0] * nb[1] * nb[2];
        int[] binOf = new int[n];
        this.beta = new double[3 * n];
        this.binStart = new int[nBins + 1];
        for (int i = 0; i < n; i++) {
            int bin = 0;
            for (int k = 0; k < 3; k++) {
                double u = extent[k] > 0 ? (frac[k][i] - lo[k]) / extent[k] : 0;
                beta[3 * i + k] = u * nb[k];
                int b = (int) (u * nb[k]);
                b = Math.max(0, Math.min(nb[k] - 1, b));
                bin = bin * nb[k] + b;
            }
            binOf[i] = bin;
            binStart[bin + 1]++;
        }
        for (int b = 0; b < nBins; b++) {
            binStart[b + 1] += binStart[b];
        }
        this.binAtoms = new int[n];
        int[] fill = Arrays.copyOf(binStart, nBins);
        for (int i = 0; i < n; i++) {
            binAtoms[fill[binOf[i]]++] = i;
        }

        this.bx = new double[n];
        this.by = new double[n];
        this.bz = new double[n];
        this.ox = new double[n];
        this.oy = new double[n];
        this.oz = new double[n];
        this.binWrap = new int[3 * n];
        this.slot = new int[n];
        double scale = 0;
        for (int p = 0; p < n; p++) {
            int j = binAtoms[p];
            slot[j] = p;
            ox[p] = pos[j][0];
            oy[p] = pos[j][1];
            oz[p] = pos[j][2];
            System.arraycopy(wrap, 3 * j, binWrap, 3 * p, 3);
            double[] w = wrapped(j);
            bx[p] = w[0];
            by[p] = w[1];
            bz[p] = w[2];
            for (int c = 0; c < 3; c++) {
                scale = Math.max(scale, Math.abs(pos[j][c]) + Math.abs(w[c]));
            }
        }
        for (int k = 0; k < 3; k++) {
            // images m_k = floor(t / nb_k) of the bins t within reach of a bin of the cell
            int mMax = pbc[k] ? Math.max(Math.abs(Math.floorDiv(-reach[k], nb[k])),
                    Math.floorDiv(nb[k] - 1 + reach[k], nb[k])) : 0;
            double len = Math.abs(shiftCell[k][0]) + Math.abs(shiftCell[k][1]) + Math.abs(shiftCell[k][2]);
            scale += len * (mMax + 1);
        }
        this.rc2 = rCut * rCut;
        double delta = PREFILTER_MARGIN * (scale + rCut);
        this.prefilter = rCut + delta;
        this.prefilter2 = prefilter * prefilter;
        this.inside2 = rCut > delta ? (rCut - delta) * (rCut - delta) : -1;
        this.sphereBins0 = prefilter / l00 + BIN_MARGIN;
        double volume = Math.abs(l00 * l11 * l22) * nBins;
        this.expectedNeighbours = Math.min(n, 1.2 * n / volume * 4.0 / 3.0 * Math.PI * rCut * rCut * rCut);
    }

    /** r_j + w_j A: atom j moved into the cell along its periodic axes, Angstrom. */
    private double[] wrapped(int j) {
        double[] r = pos[j];
        int w0 = wrap[3 * j], w1 = wrap[3 * j + 1], w2 = wrap[3 * j + 2];
        return new double[]{
                r[0] + w0 * shiftCell[0][0] + w1 * shiftCell[1][0] + w2 * shiftCell[2][0],
                r[1] + w0 * shiftCell[0][1] + w1 * shiftCell[1][1] + w2 * shiftCell[2][1],
                r[2] + w0 * shiftCell[0][2] + w1 * shiftCell[1][2] + w2 * shiftCell[2][2]};
    }

    static NeighbourList search(Structure s, double rCut) {
        return search(s, rCut, null);
    }

    /**
     * The list of the atoms flagged in {@code centre} (all atoms if null); the other atoms get no neighbours but
     * are found as neighbours of the flagged ones, exactly as in the full list.
     */
    static NeighbourList search(Structure s, double rCut, boolean[] centre) {
        CellListSearch grid = new CellListSearch(s, rCut);
        int n = s.size();
        int chunks = (n + CHUNK - 1) / CHUNK;
        if (chunks <= 1) {
            return new NeighbourList(s, rCut, grid.searchRange(0, n, centre));
        }
        PairBuffer[] parts = IntStream.range(0, chunks).parallel()
                .mapToObj(c -> grid.searchRange(c * CHUNK, Math.min(n, (c + 1) * CHUNK), centre))
                .toArray(PairBuffer[]::new);
        return new NeighbourList(s, rCut, PairBuffer.concat(parts));
    }

    /** Neighbours of the centres among atoms from..to-1, in a buffer of to - from centres. */
    private PairBuffer searchRange(int from, int to, boolean[] centre) {
        int centres = 0;
        for (int i = from; i < to; i++) {
            centres += centre == null || centre[i] ? 1 : 0;
        }
        PairBuffer pairs = new PairBuffer(to - from, (int) Math.min(Integer.MAX_VALUE / 8,
                (long) Math.ceil(centres * expectedNeighbours) + 16));
        CentreSearch search = new CentreSearch();
        for (int i = from; i < to; i++) {
            if (centre == null || centre[i]) {
                search.run(i, pairs);
            }
            pairs.endCentre();
        }
        return pairs;
    }

    /**
     * The search around one centre at a time, with the centre's data and the found neighbours as fields (one
     * instance per chunk of centres, reused).
     */
    private final class CentreSearch {
        /** Found neighbours: j &lt;&lt; 32 | sequence number, sorted before output. */
        private long[] keys = new long[64];
        /** Scratch of the presence sort: the sorted keys (same length as keys), the bitmap, its running counts. */
        private long[] sorted = new long[64];
        private long[] presence = new long[64];
        private int[] below = new int[64];
        /** Image shifts n of the found neighbours by sequence number, three each. */
        private int[] shifts = new int[3 * 64];
        private int count;
        /** Scratch: bin positions of the candidates of one run that pass the prefilter. */
        private int[] near = new int[64];
        /** Scratch: their squared prefilter distances. */
        private double[] nearE2 = new double[64];
        private int centre;
        private double[] ri;
        private int wi0;
        private int wi1;
        private int wi2;
        /** Wrapped position of the centre seen from image (m0, m1, 0) of the current row. */
        private double rowX;
        private double rowY;
        private double rowZ;

        /** Appends the neighbours of centre i to {@code pairs}, in the reference order. */
        void run(int i, PairBuffer pairs) {
            centre = i;
            ri = pos[i];
            wi0 = wrap[3 * i];
            wi1 = wrap[3 * i + 1];
            wi2 = wrap[3 * i + 2];
            count = 0;
            walkBins(beta[3 * i], beta[3 * i + 1], beta[3 * i + 2], bx[slot[i]], by[slot[i]], bz[slot[i]]);
            sortKeys();
            for (int c = 0; c < count; c++) {
                int q = 3 * (int) keys[c];
                pairs.add((int) (keys[c] >>> 32), shifts[q], shifts[q + 1], shifts[q + 2]);
            }
        }

        /**
         * Scans every bin that a sphere of radius r_cut + delta around the centre (bin coordinates g, wrapped
         * position w) can touch, axis 0 outermost, in the order of {@link #firstVisited} along each axis.
         */
        private void walkBins(double g0, double g1, double g2, double wx, double wy, double wz) {
            double r2 = prefilter2;
            int c0 = Math.min(nb[0] - 1, (int) g0);
            int c1 = Math.min(nb[1] - 1, (int) g1);
            int c2 = Math.min(nb[2] - 1, (int) g2);
            int t0lo = firstBin(0, c0, g0 - sphereBins0), t0hi = lastBin(0, c0, g0 + sphereBins0);
            // t0 goes from firstVisited to t0hi, then from t0lo on (u0 counts the bins); likewise t1 and t2
            for (int t0 = firstVisited(0, t0lo, t0hi), u0 = t0lo; u0 <= t0hi; u0++, t0 = t0 == t0hi ? t0lo : t0 + 1) {
                int m0 = imageOf[0][t0 + reach[0]], cell0 = t0 - m0 * nb[0];
                double a0 = t0 - g0 - BIN_MARGIN, b0 = t0 + 1 - g0 + BIN_MARGIN;
                double d0 = gap(a0, b0) * l00;
                double rest0 = r2 - d0 * d0;
                if (rest0 < 0) {
                    continue;
                }
                double w1 = Math.sqrt(rest0);
                double lin1lo = Math.min(a0 * l10, b0 * l10), lin1hi = Math.max(a0 * l10, b0 * l10);
                int t1lo = firstBin(1, c1, g1 - (w1 + lin1hi) * inv11 - BIN_MARGIN);
                int t1hi = lastBin(1, c1, g1 + (w1 - lin1lo) * inv11 + BIN_MARGIN);
                for (int t1 = firstVisited(1, t1lo, t1hi), u1 = t1lo; u1 <= t1hi;
                     u1++, t1 = t1 == t1hi ? t1lo : t1 + 1) {
                    int m1 = imageOf[1][t1 + reach[1]], cell1 = t1 - m1 * nb[1];
                    double a1 = t1 - g1 - BIN_MARGIN, b1 = t1 + 1 - g1 + BIN_MARGIN;
                    double d1 = gap(lin1lo + a1 * l11, lin1hi + b1 * l11);
                    double rest1 = rest0 - d1 * d1;
                    if (rest1 < 0) {
                        continue;
                    }
                    double w2 = Math.sqrt(rest1);
                    double lin2lo = Math.min(a0 * l20, b0 * l20) + Math.min(a1 * l21, b1 * l21);
                    double lin2hi = Math.max(a0 * l20, b0 * l20) + Math.max(a1 * l21, b1 * l21);
                    int t2lo = firstBin(2, c2, g2 - (w2 + lin2hi) * inv22 - BIN_MARGIN);
                    int t2hi = lastBin(2, c2, g2 + (w2 - lin2lo) * inv22 + BIN_MARGIN);
                    rowX = wx - (m0 * shiftCell[0][0] + m1 * shiftCell[1][0]);
                    rowY = wy - (m0 * shiftCell[0][1] + m1 * shiftCell[1][1]);
                    rowZ = wz - (m0 * shiftCell[0][2] + m1 * shiftCell[1][2]);
                    int row = (cell0 * nb[1] + cell1) * nb[2];
                    int t2 = firstVisited(2, t2lo, t2hi);
                    scanRow(row, t2, t2hi, m0, m1);
                    scanRow(row, t2lo, t2 - 1, m0, m1);
                }
            }
        }

        /** Scans the bins t2..t2hi of a row, as runs of one image m2 each. */
        private void scanRow(int row, int t2, int t2hi, int m0, int m1) {
            while (t2 <= t2hi) {
                int m2 = imageOf[2][t2 + reach[2]], cell2 = t2 - m2 * nb[2];
                int last = Math.min(t2hi - m2 * nb[2], nb[2] - 1);
                scan(binStart[row + cell2], binStart[row + last + 1], m0, m1, m2);
                t2 += last - cell2 + 1;
            }
        }

        /** Tests the atoms p0..p1-1 (bin order) in image m against the centre, recording the neighbours. */
        private void scan(int p0, int p1, int m0, int m1, int m2) {
            double[] a2 = shiftCell[2];
            // centre seen from the image m of these bins: wrapped r_i - m A
            double cx = rowX - m2 * a2[0], cy = rowY - m2 * a2[1], cz = rowZ - m2 * a2[2];
            if (near.length < p1 - p0) {
                near = new int[Math.max(2 * near.length, p1 - p0)];
                nearE2 = new double[near.length];
            }
            // prefilter without a branch (a quarter to a half of the candidates pass: a branch would mispredict)
            int found = 0;
            for (int p = p0; p < p1; p++) {
                double ex = bx[p] - cx, ey = by[p] - cy, ez = bz[p] - cz;
                double e2 = ex * ex + ey * ey + ez * ez;
                near[found] = p;
                nearE2[found] = e2;
                found += e2 < prefilter2 ? 1 : 0;
            }
            for (int q = 0; q < found; q++) {
                int p = near[q];
                int j = binAtoms[p];
                int n0 = m0 + binWrap[3 * p] - wi0;
                int n1 = m1 + binWrap[3 * p + 1] - wi1;
                int n2 = m2 + binWrap[3 * p + 2] - wi2;
                if (j == centre && n0 == 0 && n1 == 0 && n2 == 0) {
                    continue;
                }
                if (nearE2[q] < inside2 || exact(p, n0, n1, n2) < rc2) {
                    add(j, n0, n1, n2);
                }
            }
        }

        /** |r_j + n A - r_i|^2 for the atom at bin position p: exactly the arithmetic of NeighbourList.pairVector. */
        private double exact(int p, int n0, int n1, int n2) {
            double[] a0 = shiftCell[0], a1 = shiftCell[1], a2 = shiftCell[2];
            double sx = n0 * a0[0] + n1 * a1[0] + n2 * a2[0];
            double sy = n0 * a0[1] + n1 * a1[1] + n2 * a2[1];
            double sz = n0 * a0[2] + n1 * a1[2] + n2 * a2[2];
            double dx = ox[p] + sx - ri[0];
            double dy = oy[p] + sy - ri[1];
            double dz = oz[p] + sz - ri[2];
            return dx * dx + dy * dy + dz * dz;
        }

        /**
         * Sorts keys[0..count) ascending, by presence when the neighbour indices j span at most
         * {@link #PRESENCE_WORDS_PER_KEY} 64-bit words per key (small structures, and atoms numbered in space
         * order, as in supercells), else by comparison.
         */
        private void sortKeys() {
            if (!sortByPresence()) {
                sortByComparison();
            }
        }

        /**
         * Counting sort without comparisons: a bitmap of the indices j - jmin, whose running popcounts give every
         * key its place. Needs each j once; false (keys untouched) if the span is too wide or an atom was found
         * in several images.
         */
        private boolean sortByPresence() {
            if (count < 2) {
                return true;
            }
            int jmin = Integer.MAX_VALUE, jmax = -1;
            for (int c = 0; c < count; c++) {
                int j = (int) (keys[c] >>> 32);
                jmin = Math.min(jmin, j);
                jmax = Math.max(jmax, j);
            }
            int words = ((jmax - jmin) >>> 6) + 1;
            if (words > PRESENCE_WORDS_PER_KEY * count) {
                return false;
            }
            if (presence.length < words) {
                presence = new long[Math.max(words, 2 * presence.length)];
                below = new int[presence.length];
            }
            long[] bits = presence;
            for (int c = 0; c < count; c++) {
                int u = (int) (keys[c] >>> 32) - jmin;
                bits[u >>> 6] |= 1L << u;
            }
            int distinct = 0;
            for (int w = 0; w < words; w++) {
                below[w] = distinct;
                distinct += Long.bitCount(bits[w]);
            }
            if (distinct == count) {
                for (int c = 0; c < count; c++) {
                    int u = (int) (keys[c] >>> 32) - jmin;
                    sorted[below[u >>> 6] + Long.bitCount(bits[u >>> 6] & ((1L << u) - 1))] = keys[c];
                }
                long[] swap = keys;
                keys = sorted;
                sorted = swap;
            }
            Arrays.fill(bits, 0, words, 0);
            return distinct == count;
        }

        /**
         * Insertion sort, linear on nearly sorted keys (the bins are walked in space order, so atoms numbered in
         * space order come nearly sorted); once it has moved more than a few keys per key (indices in no spatial
         * order) the rest is left to Arrays.sort.
         */
        private void sortByComparison() {
            long budget = 8L * count;
            for (int c = 1; c < count; c++) {
                long key = keys[c];
                int d = c - 1;
                while (d >= 0 && keys[d] > key) {
                    keys[d + 1] = keys[d];
                    d--;
                }
                keys[d + 1] = key;
                budget -= c - 1 - d;
                if (budget < 0) {
                    Arrays.sort(keys, 0, count);
                    return;
                }
            }
        }

        private void add(int j, int n0, int n1, int n2) {
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, 2 * count);
                sorted = new long[keys.length];
                shifts = Arrays.copyOf(shifts, 6 * count);
            }
            keys[count] = (long) j << 32 | count;
            shifts[3 * count] = n0;
            shifts[3 * count + 1] = n1;
            shifts[3 * count + 2] = n2;
            count++;
        }
    }

    /**
     * First bin t to scan along axis k: the sphere's lower bound {@code sphereLow} (in bins), no further than the
     * reach from the centre's bin c, and on a non-periodic axis no lower than the first bin.
     */
    private int firstBin(int k, int c, double sphereLow) {
        int t = Math.max(c - reach[k], (int) Math.floor(sphereLow));
        return pbc[k] ? t : Math.max(t, 0);
    }

    /** Last bin to scan along axis k, as {@link #firstBin} at the upper end. */
    private int lastBin(int k, int c, double sphereHigh) {
        int t = Math.min(c + reach[k], (int) Math.floor(sphereHigh));
        return pbc[k] ? t : Math.min(t, nb[k] - 1);
    }

    /**
     * Where the walk over bins lo..hi along axis k starts; it goes on to hi and continues from lo. A range that
     * crosses the cell boundary once and is shorter than the cell starts at the crossing, so it visits the bins
     * of the cell in increasing order (atoms in index order more often come in order); any other range starts at
     * lo, so every bin is visited in increasing image. Either way the visits of any one atom come in increasing
     * image.
     */
    private int firstVisited(int k, int lo, int hi) {
        if (lo > hi || hi - lo + 1 >= nb[k]) {
            return lo;
        }
        int crossing = (imageOf[k][lo + reach[k]] + 1) * nb[k];
        return crossing <= hi ? crossing : lo;
    }

    /** Distance of 0 from the interval [a, b] (0 inside). */
    private static double gap(double a, double b) {
        return a > 0 ? a : b < 0 ? -b : 0;
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    private static double[] scaled(double[] v, double f) {
        return new double[]{v[0] * f, v[1] * f, v[2] * f};
    }

    /** v - f u. */
    private static double[] minus(double[] v, double[] u, double f) {
        return new double[]{v[0] - f * u[0], v[1] - f * u[1], v[2] - f * u[2]};
    }

    /**
     * Number of bins per axis: bins at least {@link #ROW_WIDTH} r_cut thick along axes 0 and 1 and
     * {@link #RUN_WIDTH} r_cut along axis 2, and no more than max(64, 4 n) bins in total (coarser bins for
     * dilute systems, so memory stays O(n)).
     */
    private void binCounts(BinningGeometry g, double[] extent, double rCut) {
        double maxBins = Math.max(64, 4.0 * n);
        double[] width = {ROW_WIDTH * rCut, ROW_WIDTH * rCut, RUN_WIDTH * rCut};
        while (true) {
            double total = 1;
            for (int k = 0; k < 3; k++) {
                double length = extent[k] * g.planeSpacing[k];
                double count = Math.floor(length / width[k]);
                nb[k] = (int) Math.max(1, Math.min(count, maxBins));
                total *= nb[k];
            }
            if (total <= maxBins) {
                return;
            }
            double grow = Math.cbrt(total / maxBins) * 1.01;
            for (int k = 0; k < 3; k++) {
                width[k] *= grow;
            }
        }
    }
}
