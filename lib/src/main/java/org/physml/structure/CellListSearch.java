package org.physml.structure;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * O(N) neighbour search by binning (a cell list), exact for any cell shape, any periodicity and any cell
 * size relative to r_cut.
 *
 * <p>Method: positions are expressed in the coordinates s of a {@link BinningGeometry} and wrapped into
 * [0, 1) along periodic axes (s + w with integer w). Each axis is cut into nb_k equal bins of thickness at
 * least w_bin (r_cut / 2 by default) measured perpendicular to the bin faces; a neighbour within r_cut then lies
 * at most K_k = ceil(r_cut nb_k / h_k) bins away along axis k. Offsets that leave the cell along a periodic
 * axis wrap around and carry an image m_k; when 2 K_k + 1 exceeds nb_k the same bin is visited with several
 * images, which is exactly what cells thinner than 2 r_cut require. A candidate j of centre i in image m is
 * the periodic image with shift n = m + w_j - w_i of the original positions, and it is accepted with the same
 * arithmetic as {@link NeighbourList#bruteForce}, so both give bit-identical lists. Binning only has to
 * produce a superset of candidates; the margin in K absorbs rounding of the s coordinates.
 *
 * <p>Speed: the atoms of a bin are stored contiguously with their wrapped Cartesian positions
 * r_j + w_j A, and each visited (bin, image m) adds the shift m A once, so most candidates are rejected
 * by a prefilter of six additions and three multiplications with a radius r_cut + delta (delta far above
 * the rounding of these sums); only the survivors are checked with the exact arithmetic. Large structures
 * are searched in chunks of centres in parallel (in the caller's fork-join pool) and the chunks
 * concatenated in atom order, so the list does not depend on the number of threads.
 */
final class CellListSearch {
    /** Largest |s| (in lattice vectors) accepted for a position; beyond it the integer wrap overflows. */
    private static final double MAX_CELLS_AWAY = 1e8;
    /** Safety margin, in bins, added to the search reach to absorb rounding of s. */
    private static final double BIN_MARGIN = 1e-6;
    /** Relative size of the prefilter's extra radius delta, in units of the largest coordinate involved. */
    private static final double PREFILTER_MARGIN = 1e-10;
    /** Centres per parallel chunk; structures with fewer centres are searched on the calling thread. */
    private static final int CHUNK = 1024;

    private final int n;
    private final double[][] pos;
    private final double[][] shiftCell;
    private final boolean[] pbc;
    private final int[] nb = new int[3];
    private final int[] reach = new int[3];
    private final int[] mLo = new int[3];
    private final int[] mSpan = new int[3];
    private final long imageCodes;
    private final int[] wrap;
    private final int[] binCoord;
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
    private final double prefilter2;
    /** Rough number of neighbours per centre (mean atoms per bin times a sphere of the reach), for sizing. */
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
        for (int k = 0; k < 3; k++) {
            double binThickness = extent[k] * g.planeSpacing[k] / nb[k];
            reach[k] = (!pbc[k] && nb[k] == 1) ? 0 : (int) Math.ceil(rCut / binThickness + BIN_MARGIN);
            if (pbc[k]) {
                mLo[k] = Math.floorDiv(-reach[k], nb[k]);
                mSpan[k] = Math.floorDiv(nb[k] - 1 + reach[k], nb[k]) - mLo[k] + 1;
            } else {
                mSpan[k] = 1;
            }
        }
        this.imageCodes = (long) mSpan[0] * mSpan[1] * mSpan[2];

        // counting sort of atoms into bins (atoms of a bin in increasing index)
        int nBins = nb[0] * nb[1] * nb[2];
        int[] binOf = new int[n];
        this.binCoord = new int[3 * n];
        this.binStart = new int[nBins + 1];
        for (int i = 0; i < n; i++) {
            int bin = 0;
            for (int k = 0; k < 3; k++) {
                double u = extent[k] > 0 ? (frac[k][i] - lo[k]) / extent[k] : 0;
                int b = (int) (u * nb[k]);
                b = Math.max(0, Math.min(nb[k] - 1, b));
                binCoord[3 * i + k] = b;
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
            double len = Math.abs(shiftCell[k][0]) + Math.abs(shiftCell[k][1]) + Math.abs(shiftCell[k][2]);
            scale += len * (Math.max(Math.abs(mLo[k]), Math.abs(mLo[k] + mSpan[k] - 1)) + 1);
        }
        this.rc2 = rCut * rCut;
        double sphereBins = 4.0 / 3.0 * Math.PI;
        for (int k = 0; k < 3; k++) {
            sphereBins *= Math.min(nb[k], Math.max(1, reach[k]));
        }
        this.expectedNeighbours = Math.min(n, (double) n / nBins * sphereBins);
        double delta = PREFILTER_MARGIN * (scale + rCut);
        this.prefilter2 = (rCut + delta) * (rCut + delta);
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
        long[] keys = new long[64];
        double a00 = shiftCell[0][0], a01 = shiftCell[0][1], a02 = shiftCell[0][2];
        double a10 = shiftCell[1][0], a11 = shiftCell[1][1], a12 = shiftCell[1][2];
        double a20 = shiftCell[2][0], a21 = shiftCell[2][1], a22 = shiftCell[2][2];
        int[] t = new int[3], cell = new int[3], m = new int[3];
        for (int i = from; i < to; i++) {
            if (centre != null && !centre[i]) {
                pairs.endCentre();
                continue;
            }
            int si = slot[i];
            double wx = bx[si], wy = by[si], wz = bz[si];
            double[] ri = pos[i];
            int wi0 = wrap[3 * i], wi1 = wrap[3 * i + 1], wi2 = wrap[3 * i + 2];
            int count = 0;
            for (int o0 = -reach[0]; o0 <= reach[0]; o0++) {
                if (!place(0, binCoord[3 * i] + o0, cell, m)) {
                    continue;
                }
                for (int o1 = -reach[1]; o1 <= reach[1]; o1++) {
                    if (!place(1, binCoord[3 * i + 1] + o1, cell, m)) {
                        continue;
                    }
                    for (int o2 = -reach[2]; o2 <= reach[2]; o2++) {
                        if (!place(2, binCoord[3 * i + 2] + o2, cell, m)) {
                            continue;
                        }
                        int bin = (cell[0] * nb[1] + cell[1]) * nb[2] + cell[2];
                        long code = ((long) (m[0] - mLo[0]) * mSpan[1] + (m[1] - mLo[1])) * mSpan[2] + (m[2] - mLo[2]);
                        // centre seen from the image m of this bin: wrapped r_i - m A
                        double cx = wx - (m[0] * shiftCell[0][0] + m[1] * shiftCell[1][0] + m[2] * shiftCell[2][0]);
                        double cy = wy - (m[0] * shiftCell[0][1] + m[1] * shiftCell[1][1] + m[2] * shiftCell[2][1]);
                        double cz = wz - (m[0] * shiftCell[0][2] + m[1] * shiftCell[1][2] + m[2] * shiftCell[2][2]);
                        for (int p = binStart[bin], end = binStart[bin + 1]; p < end; p++) {
                            double ex = bx[p] - cx, ey = by[p] - cy, ez = bz[p] - cz;
                            if (ex * ex + ey * ey + ez * ez >= prefilter2) {
                                continue;
                            }
                            int j = binAtoms[p];
                            int n0 = m[0] + binWrap[3 * p] - wi0;
                            int n1 = m[1] + binWrap[3 * p + 1] - wi1;
                            int n2 = m[2] + binWrap[3 * p + 2] - wi2;
                            if (j == i && n0 == 0 && n1 == 0 && n2 == 0) {
                                continue;
                            }
                            // exactly the arithmetic of NeighbourList.pairVector, on the bin-ordered copies
                            double sx = n0 * a00 + n1 * a10 + n2 * a20;
                            double sy = n0 * a01 + n1 * a11 + n2 * a21;
                            double sz = n0 * a02 + n1 * a12 + n2 * a22;
                            double dx = ox[p] + sx - ri[0];
                            double dy = oy[p] + sy - ri[1];
                            double dz = oz[p] + sz - ri[2];
                            double d2 = dx * dx + dy * dy + dz * dz;
                            if (d2 < rc2) {
                                if (count == keys.length) {
                                    keys = Arrays.copyOf(keys, 2 * count);
                                }
                                keys[count++] = j * imageCodes + code;
                            }
                        }
                    }
                }
            }
            Arrays.sort(keys, 0, count);
            for (int c = 0; c < count; c++) {
                int j = (int) (keys[c] / imageCodes);
                long code = keys[c] % imageCodes;
                t[2] = (int) (code % mSpan[2]) + mLo[2];
                code /= mSpan[2];
                t[1] = (int) (code % mSpan[1]) + mLo[1];
                t[0] = (int) (code / mSpan[1]) + mLo[0];
                pairs.add(j, t[0] + wrap[3 * j] - wrap[3 * i], t[1] + wrap[3 * j + 1] - wrap[3 * i + 1],
                        t[2] + wrap[3 * j + 2] - wrap[3 * i + 2]);
            }
            pairs.endCentre();
        }
        return pairs;
    }

    /**
     * Maps bin coordinate t along axis k to a bin inside the cell and an image m_k; false if t is outside a
     * non-periodic range.
     */
    private boolean place(int k, int t, int[] cell, int[] m) {
        if (pbc[k]) {
            int image = Math.floorDiv(t, nb[k]);
            m[k] = image;
            cell[k] = t - image * nb[k];
            return true;
        }
        if (t < 0 || t >= nb[k]) {
            return false;
        }
        m[k] = 0;
        cell[k] = t;
        return true;
    }

    /**
     * Number of bins per axis: bins at least r_cut / 2 thick, and no more than max(64, 4 n) bins in total
     * (coarser bins for dilute systems, so memory stays O(n)).
     */
    private void binCounts(BinningGeometry g, double[] extent, double rCut) {
        double maxBins = Math.max(64, 4.0 * n);
        double width = rCut / 2;
        while (true) {
            double total = 1;
            for (int k = 0; k < 3; k++) {
                double length = extent[k] * g.planeSpacing[k];
                double count = Math.floor(length / width);
                nb[k] = (int) Math.max(1, Math.min(count, maxBins));
                total *= nb[k];
            }
            if (total <= maxBins) {
                return;
            }
            width *= Math.cbrt(total / maxBins) * 1.01;
        }
    }
}
