package org.physml.descriptors.snap;

import java.util.ArrayList;
import java.util.List;

import org.physml.math.angular.ClebschGordan;

/**
 * Index tables of the SNAP bispectrum for one twojmax, built once per descriptor instance and shared
 * read-only between threads.
 *
 * <p>Labels follow LAMMPS's sna.cpp: angular momenta are doubled integers j = 2J in 0..twojmax, and the
 * projections of U^J_{m m'} are array offsets ma = J + m, mb = J + m' in 0..j. Layer j of the U arrays is a
 * (j+1) x (j+1) block stored row-major by mb: element (ma, mb) at {@code uBlock[j] + (j+1) mb + ma}.
 *
 * <p>Triples (j1, j2, j) are enumerated as j1 = 0..twojmax, j2 = 0..j1, j = j1-j2..min(twojmax, j1+j2) step 2
 * (LAMMPS documentation of compute sna/atom, "Output info"); the bispectrum keeps those with j &gt;= j1,
 * giving the LAMMPS column order.
 */
final class SnaIndex {
    final int twojmax;
    /** Offset of layer j in the U arrays, length twojmax + 1. */
    final int[] uBlock;
    /** Total length of a U array: sum over j of (j+1)^2. */
    final int uSize;
    /** Clebsch-Gordan coefficients, blocks per triple, element (m1, m2) at cgBlock + m1 (j2+1) + m2. */
    final double[] cg;
    /** rootPq[q][p] = sqrt(p / q) for p, q in 1..twojmax (index 0 unused); rows by denominator q. */
    final double[][] rootPq;
    /** Bispectrum triples in output order: [K][3] = (j1, j2, j). */
    final int[][] bTriples;
    /** Z entries of the bispectrum triples only (enough for B). */
    final CouplingTable bTable;
    /** Z entries of every triple j1 &gt;= j2 (needed by the derivatives). */
    final CouplingTable fullTable;

    private final int[] cgBlock;

    /**
     * @param twojmax twice the largest angular momentum J, &gt;= 0
     */
    SnaIndex(int twojmax) {
        if (twojmax < 0) {
            throw new IllegalArgumentException("twojmax must be >= 0, got " + twojmax);
        }
        this.twojmax = twojmax;
        int n = twojmax + 1;
        uBlock = new int[n];
        int u = 0;
        for (int j = 0; j <= twojmax; j++) {
            uBlock[j] = u;
            u += (j + 1) * (j + 1);
        }
        uSize = u;

        int[][] all = allTriples(twojmax);
        cgBlock = new int[n * n * n];
        java.util.Arrays.fill(cgBlock, -1);
        int cgCount = 0;
        for (int[] t : all) {
            cgBlock[(t[0] * n + t[1]) * n + t[2]] = cgCount;
            cgCount += (t[0] + 1) * (t[1] + 1);
        }
        cg = new double[cgCount];
        for (int[] t : all) {
            int j1 = t[0], j2 = t[1], j = t[2];
            int k = cgBlock(j1, j2, j);
            for (int m1 = 0; m1 <= j1; m1++) {
                for (int m2 = 0; m2 <= j2; m2++) {
                    int twoM1 = 2 * m1 - j1;
                    int twoM2 = 2 * m2 - j2;
                    cg[k++] = ClebschGordan.coefficient(j1, twoM1, j2, twoM2, j, twoM1 + twoM2);
                }
            }
        }

        rootPq = new double[twojmax + 2][twojmax + 2];
        for (int p = 1; p <= twojmax; p++) {
            for (int q = 1; q <= twojmax; q++) {
                rootPq[q][p] = Math.sqrt((double) p / q);
            }
        }

        List<int[]> b = new ArrayList<>();
        for (int[] t : all) {
            if (t[2] >= t[0]) {
                b.add(t);
            }
        }
        bTriples = b.toArray(new int[0][]);
        bTable = new CouplingTable(this, bTriples);
        fullTable = new CouplingTable(this, all);
    }

    /** Number of bispectrum components K for twojmax = 2J: the count of triples (j1 &gt;= j2, j &gt;= j1). */
    int featureCount() {
        return bTriples.length;
    }

    /** Offset of the Clebsch-Gordan block of triple (j1, j2, j) in {@link #cg}. */
    int cgBlock(int j1, int j2, int j) {
        int n = twojmax + 1;
        int k = cgBlock[(j1 * n + j2) * n + j];
        if (k < 0) {
            throw new IllegalStateException("no Clebsch-Gordan block for (" + j1 + "," + j2 + "," + j + ")");
        }
        return k;
    }

    /** Every triple j1 = 0..twojmax, j2 = 0..j1, j = j1-j2..min(twojmax, j1+j2) step 2, in that order. */
    static int[][] allTriples(int twojmax) {
        List<int[]> t = new ArrayList<>();
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    t.add(new int[]{j1, j2, j});
                }
            }
        }
        return t.toArray(new int[0][]);
    }
}
