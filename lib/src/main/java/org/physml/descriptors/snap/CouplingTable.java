package org.physml.descriptors.snap;

import java.util.Arrays;

/**
 * Precomputed loop bounds for the Clebsch-Gordan products Z^{j1 j2 j}_{ma mb} of a chosen set of
 * (j1, j2, j) triples (Thompson et al., J. Comput. Phys. 285, 316 (2015), Eq. 12 with the symmetric
 * pairing of Eq. 15 of that paper):
 *
 * <pre>
 *   Z^{j1 j2 j}_{ma mb} = sum_{ma1, mb1} C^{j ma}_{j1 ma1, j2 ma2} C^{j mb}_{j1 mb1, j2 mb2}
 *                         U^{j1}_{ma1 mb1} U^{j2}_{ma2 mb2},       ma2 = ma - ma1 + (j1 + j2 - j)/2
 * </pre>
 *
 * <p>All labels are doubled integers and projections are array offsets 0..j (see {@link SnaIndex}). Only the
 * half of each (ma, mb) block that the contractions with U^j need is stored ("half layout"): rows mb with
 * 2 mb &lt; j, all ma; for even j the middle row mb = j/2 with ma &lt;= j/2, whose last element carries weight
 * 1/2. Entries of one triple are consecutive, row by row.
 */
final class CouplingTable {
    final int size;
    /** First entry of triple (j1, j2, j) at [(j1 n + j2) n + j], n = twojmax + 1; -1 if absent. */
    final int[] tripleStart;
    final int[] cgStart;
    final int[] twoJ1;
    final int[] twoJ2;
    final int[] ma1Min;
    final int[] ma2Max;
    final int[] na;
    final int[] mb1Min;
    final int[] mb2Max;
    final int[] nb;
    final int[] u1Start;
    final int[] u2Start;
    /** Index of U^j_{ma mb} (the element this entry is contracted with). */
    final int[] jju;
    /** 1, or 1/2 for the central element of an even-j block. */
    final double[] weight;
    /** j + 1 (the bnormflag divisor). */
    final double[] jPlusOne;

    private final int n;

    /**
     * @param index   U layout and Clebsch-Gordan table
     * @param triples triples (j1, j2, j) in doubled labels, each with j1 &gt;= j2 and a valid j
     */
    CouplingTable(SnaIndex index, int[][] triples) {
        this.n = index.twojmax + 1;
        int count = 0;
        for (int[] t : triples) {
            count += halfBlockSize(t[2]);
        }
        size = count;
        tripleStart = new int[n * n * n];
        Arrays.fill(tripleStart, -1);
        cgStart = new int[size];
        twoJ1 = new int[size];
        twoJ2 = new int[size];
        ma1Min = new int[size];
        ma2Max = new int[size];
        na = new int[size];
        mb1Min = new int[size];
        mb2Max = new int[size];
        nb = new int[size];
        u1Start = new int[size];
        u2Start = new int[size];
        jju = new int[size];
        weight = new double[size];
        jPlusOne = new double[size];
        int e = 0;
        for (int[] t : triples) {
            int j1 = t[0], j2 = t[1], j = t[2];
            tripleStart[(j1 * n + j2) * n + j] = e;
            for (int mb = 0; 2 * mb <= j; mb++) {
                int maEnd = (2 * mb < j) ? j : mb;
                for (int ma = 0; ma <= maEnd; ma++) {
                    cgStart[e] = index.cgBlock(j1, j2, j);
                    twoJ1[e] = j1;
                    twoJ2[e] = j2;
                    // ma1 runs over 0..j1 such that ma2 = ma - ma1 + (j1 + j2 - j)/2 lies in 0..j2
                    ma1Min[e] = Math.max(0, (2 * ma - j - j2 + j1) / 2);
                    ma2Max[e] = ma - ma1Min[e] + (j1 + j2 - j) / 2;
                    na[e] = Math.min(j1, (2 * ma - j + j2 + j1) / 2) - ma1Min[e] + 1;
                    mb1Min[e] = Math.max(0, (2 * mb - j - j2 + j1) / 2);
                    mb2Max[e] = mb - mb1Min[e] + (j1 + j2 - j) / 2;
                    nb[e] = Math.min(j1, (2 * mb - j + j2 + j1) / 2) - mb1Min[e] + 1;
                    u1Start[e] = index.uBlock[j1];
                    u2Start[e] = index.uBlock[j2];
                    jju[e] = index.uBlock[j] + (j + 1) * mb + ma;
                    weight[e] = (2 * mb == j && ma == mb) ? 0.5 : 1.0;
                    jPlusOne[e] = j + 1;
                    e++;
                }
            }
        }
    }

    /** Number of half-layout entries of a block of angular momentum j (doubled). */
    static int halfBlockSize(int j) {
        return (j % 2 == 0) ? (j / 2) * (j + 1) + j / 2 + 1 : ((j + 1) / 2) * (j + 1);
    }

    /** First entry of triple (j1, j2, j), or -1 when this table does not hold it. */
    int start(int j1, int j2, int j) {
        return tripleStart[(j1 * n + j2) * n + j];
    }

    /**
     * Z for every entry of this table.
     *
     * @param cg    Clebsch-Gordan table of the index this table was built from
     * @param ur    Re U^j_{ma mb}, all layers, full blocks
     * @param ui    Im U^j_{ma mb}
     * @param bnorm whether to divide Z^{j1 j2 j} by j + 1 (LAMMPS bnormflag)
     * @param zr    receives Re Z, length {@link #size}
     * @param zi    receives Im Z
     */
    void computeZ(double[] cg, double[] ur, double[] ui, boolean bnorm, double[] zr, double[] zi) {
        for (int e = 0; e < size; e++) {
            final int j1 = twoJ1[e];
            final int j2 = twoJ2[e];
            final int cg0 = cgStart[e];
            int row1 = u1Start[e] + (j1 + 1) * mb1Min[e];
            int row2 = u2Start[e] + (j2 + 1) * mb2Max[e];
            int icgb = cg0 + mb1Min[e] * (j2 + 1) + mb2Max[e];
            final int nA = na[e];
            final int nB = nb[e];
            final int a1 = ma1Min[e];
            final int a2 = ma2Max[e];
            double sr = 0.0;
            double si = 0.0;
            for (int ib = 0; ib < nB; ib++) {
                double pr = 0.0;
                double pi = 0.0;
                int k1 = row1 + a1;
                int k2 = row2 + a2;
                int icga = cg0 + a1 * (j2 + 1) + a2;
                for (int ia = 0; ia < nA; ia++) {
                    double c = cg[icga];
                    pr += c * (ur[k1] * ur[k2] - ui[k1] * ui[k2]);
                    pi += c * (ur[k1] * ui[k2] + ui[k1] * ur[k2]);
                    k1++;
                    k2--;
                    icga += j2;
                }
                double c = cg[icgb];
                sr += c * pr;
                si += c * pi;
                row1 += j1 + 1;
                row2 -= j2 + 1;
                icgb += j2;
            }
            if (bnorm) {
                sr /= jPlusOne[e];
                si /= jPlusOne[e];
            }
            zr[e] = sr;
            zi[e] = si;
        }
    }
}
