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
 */
final class CellListSearch {
    /** Largest |s| (in lattice vectors) accepted for a position; beyond it the integer wrap overflows. */
    private static final double MAX_CELLS_AWAY = 1e8;
    /** Safety margin, in bins, added to the search reach to absorb rounding of s. */
    private static final double BIN_MARGIN = 1e-6;

    private CellListSearch() {
    }

    static NeighbourList search(Structure s, double rCut) {
        return search(s, rCut, null);
    }

    /**
     * The list of the atoms flagged in {@code centre} (all atoms if null); the other atoms get no neighbours but
     * are found as neighbours of the flagged ones, exactly as in the full list.
     */
    static NeighbourList search(Structure s, double rCut, boolean[] centre) {
        int n = s.size();
        double[][] pos = s.positionsView();
        boolean[] pbc = s.pbc();
        double[][] shiftCell = NeighbourList.shiftCell(s);
        BinningGeometry g = new BinningGeometry(s.cell(), pbc);

        double[][] frac = new double[3][n];
        int[] wrap = new int[3 * n];
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

        int[] nb = binCounts(g, pbc, extent, rCut, n);
        int[] reach = new int[3];
        int[] mLo = new int[3], mSpan = new int[3];
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
        long imageCodes = (long) mSpan[0] * mSpan[1] * mSpan[2];

        // counting sort of atoms into bins (atoms of a bin in increasing index)
        int nBins = nb[0] * nb[1] * nb[2];
        int[] binOf = new int[n];
        int[] binCoord = new int[3 * n];
        int[] binStart = new int[nBins + 1];
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
        int[] binAtoms = new int[n];
        int[] fill = Arrays.copyOf(binStart, nBins);
        for (int i = 0; i < n; i++) {
            binAtoms[fill[binOf[i]]++] = i;
        }

        double rc2 = rCut * rCut;
        int centres = centre == null ? n : (int) IntStream.range(0, n).filter(i -> centre[i]).count();
        PairBuffer pairs = new PairBuffer(n, 16 * centres + 16);
        long[] keys = new long[64];
        double[] d = new double[3];
        int[] t = new int[3], cell = new int[3], m = new int[3];
        for (int i = 0; i < n; i++) {
            if (centre != null && !centre[i]) {
                pairs.endCentre();
                continue;
            }
            int count = 0;
            for (int o0 = -reach[0]; o0 <= reach[0]; o0++) {
                if (!place(0, binCoord[3 * i] + o0, nb, pbc, cell, m)) {
                    continue;
                }
                for (int o1 = -reach[1]; o1 <= reach[1]; o1++) {
                    if (!place(1, binCoord[3 * i + 1] + o1, nb, pbc, cell, m)) {
                        continue;
                    }
                    for (int o2 = -reach[2]; o2 <= reach[2]; o2++) {
                        if (!place(2, binCoord[3 * i + 2] + o2, nb, pbc, cell, m)) {
                            continue;
                        }
                        int bin = (cell[0] * nb[1] + cell[1]) * nb[2] + cell[2];
                        long code = ((long) (m[0] - mLo[0]) * mSpan[1] + (m[1] - mLo[1])) * mSpan[2] + (m[2] - mLo[2]);
                        for (int p = binStart[bin]; p < binStart[bin + 1]; p++) {
                            int j = binAtoms[p];
                            int n0 = m[0] + wrap[3 * j] - wrap[3 * i];
                            int n1 = m[1] + wrap[3 * j + 1] - wrap[3 * i + 1];
                            int n2 = m[2] + wrap[3 * j + 2] - wrap[3 * i + 2];
                            if (j == i && n0 == 0 && n1 == 0 && n2 == 0) {
                                continue;
                            }
                            double d2 = NeighbourList.pairVector(pos[i], pos[j], shiftCell, n0, n1, n2, d);
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
        return new NeighbourList(s, rCut, pairs);
    }

    /**
     * Maps bin coordinate t along axis k to a bin inside the cell and an image m_k; false if t is outside a
     * non-periodic range.
     */
    private static boolean place(int k, int t, int[] nb, boolean[] pbc, int[] cell, int[] m) {
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
    private static int[] binCounts(BinningGeometry g, boolean[] pbc, double[] extent, double rCut, int n) {
        double maxBins = Math.max(64, 4.0 * n);
        double width = rCut / 2;
        int[] nb = new int[3];
        while (true) {
            double total = 1;
            for (int k = 0; k < 3; k++) {
                double length = extent[k] * g.planeSpacing[k];
                double count = Math.floor(length / width);
                nb[k] = (int) Math.max(1, Math.min(count, maxBins));
                total *= nb[k];
            }
            if (total <= maxBins) {
                return nb;
            }
            width *= Math.cbrt(total / maxBins) * 1.01;
        }
    }
}
