package org.physml.descriptors.snap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Precomputed terms of the Clebsch-Gordan products Z^{j1 j2 j}_{ma mb} of a chosen set of
 * (j1, j2, j) triples (Thompson et al., J. Comput. Phys. 285, 316 (2015); index conventions of LAMMPS's
 * sna.cpp):
 *
 * <pre>
 *   Z^{j1 j2 j}_{ma mb} = sum_{ma1, mb1} C^{j ma}_{j1 ma1, j2 ma2} C^{j mb}_{j1 mb1, j2 mb2}
 *                         U^{j1}_{ma1 mb1} U^{j2}_{ma2 mb2},       ma2 = ma - ma1 + (j1 + j2 - j)/2
 * </pre>
 *
 * <p>All labels are doubled integers and projections are array offsets 0..j (see {@link SnaIndex}). Only the
 * half of each (ma, mb) block that the contractions with U^j need is stored ("half layout"): rows mb with
 * 2 mb &lt; j, all ma; for even j the middle row mb = j/2 with ma &lt;= j/2, whose last element carries weight
 * 1/2. Entries of one triple are consecutive, row by row. The double sum of every entry is flattened once into
 * a list of (coefficient, u^{j1} index, u^{j2} index) terms, so Z costs one branch-free loop per entry.
 */
final class CouplingTable {
    final int size;
    /** First entry of triple (j1, j2, j) at [(j1 n + j2) n + j], n = twojmax + 1; -1 if absent. */
    final int[] tripleStart;
    /** Index of u^j_{ma mb} (the element this entry is contracted with). */
    final int[] jju;
    /** 1, or 1/2 for the central element of an even-j block. */
    final double[] weight;
    /** j + 1 (the bnormflag divisor). */
    final double[] jPlusOne;
    /**
     * The double sum of each entry flattened into terms: entry e has terms termStart[e]..termStart[e+1]-1, term t
     * contributes termCoef[t] u[termU1[t]] u[termU2[t]] with
     * termCoef = C^{j ma}_{j1 ma1 j2 ma2} C^{j mb}_{j1 mb1 j2 mb2}.
     */
    final int[] termStart;
    final int[] termU1;
    final int[] termU2;
    final double[] termCoef;

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
        jju = new int[size];
        weight = new double[size];
        jPlusOne = new double[size];
        termStart = new int[size + 1];
        List<int[]> pairs = new ArrayList<>();
        List<Double> coefs = new ArrayList<>();
        int e = 0;
        for (int[] t : triples) {
            int j1 = t[0], j2 = t[1], j = t[2];
            tripleStart[(j1 * n + j2) * n + j] = e;
            int cg0 = index.cgBlock(j1, j2, j);
            for (int mb = 0; 2 * mb <= j; mb++) {
                int maEnd = (2 * mb < j) ? j : mb;
                for (int ma = 0; ma <= maEnd; ma++) {
                    jju[e] = index.uBlock[j] + (j + 1) * mb + ma;
                    weight[e] = (2 * mb == j && ma == mb) ? 0.5 : 1.0;
                    jPlusOne[e] = j + 1;
                    termStart[e] = coefs.size();
                    // mb1 (and ma1) run over 0..j1 such that mb2 = mb - mb1 + (j1 + j2 - j)/2 lies in 0..j2
                    for (int mb1 = Math.max(0, mb - (j + j2 - j1) / 2); mb1 <= Math.min(j1, mb + (j1 + j2 - j) / 2);
                         mb1++) {
                        int mb2 = mb - mb1 + (j1 + j2 - j) / 2;
                        double cgb = index.cg[cg0 + mb1 * (j2 + 1) + mb2];
                        for (int ma1 = Math.max(0, ma - (j + j2 - j1) / 2);
                             ma1 <= Math.min(j1, ma + (j1 + j2 - j) / 2); ma1++) {
                            int ma2 = ma - ma1 + (j1 + j2 - j) / 2;
                            double cga = index.cg[cg0 + ma1 * (j2 + 1) + ma2];
                            pairs.add(new int[]{index.uBlock[j1] + (j1 + 1) * mb1 + ma1,
                                    index.uBlock[j2] + (j2 + 1) * mb2 + ma2});
                            coefs.add(cga * cgb);
                        }
                    }
                    e++;
                }
            }
        }
        termStart[size] = coefs.size();
        termU1 = new int[coefs.size()];
        termU2 = new int[coefs.size()];
        termCoef = new double[coefs.size()];
        for (int k = 0; k < termCoef.length; k++) {
            termU1[k] = pairs.get(k)[0];
            termU2[k] = pairs.get(k)[1];
            termCoef[k] = coefs.get(k);
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
     * @param ur    Re U^j_{ma mb}, all layers, full blocks
     * @param ui    Im U^j_{ma mb}
     * @param bnorm whether to divide Z^{j1 j2 j} by j + 1 (LAMMPS bnormflag)
     * @param zr    receives Re Z, length {@link #size}
     * @param zi    receives Im Z
     */
    void computeZ(double[] ur, double[] ui, boolean bnorm, double[] zr, double[] zi) {
        final int[] start = termStart;
        final int[] p1 = termU1;
        final int[] p2 = termU2;
        final double[] coef = termCoef;
        for (int e = 0; e < size; e++) {
            double sr = 0.0;
            double si = 0.0;
            for (int t = start[e], end = start[e + 1]; t < end; t++) {
                int a = p1[t];
                int b = p2[t];
                double c = coef[t];
                sr += c * (ur[a] * ur[b] - ui[a] * ui[b]);
                si += c * (ur[a] * ui[b] + ui[a] * ur[b]);
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
