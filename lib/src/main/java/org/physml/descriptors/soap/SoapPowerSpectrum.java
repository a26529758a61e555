package org.physml.descriptors.soap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The SOAP partial power spectrum of DScribe 2.1 and its feature layout:
 * <pre>
 *   p^{Z1 Z2}_{n n' l} = pi sqrt(8/(2l+1)) sum_m c^{Z1}_nlm c^{Z2}_n'lm
 * </pre>
 * (Bartok, Kondor, Csanyi, Phys. Rev. B 87, 184115 (2013); the factor pi sqrt(8/(2l+1)) is DScribe's: its
 * SOAP documentation states the formula, and the comment next to it in DScribe's C++ code attributes the
 * l-dependent normalisation to the erratum of that paper, taken as a square root so that a dot product of
 * two spectra carries the full factor).
 *
 * <p>Order: species pairs (Z1 &lt;= Z2, by increasing atomic number), then l = 0..l_max, then n, then n';
 * same-species blocks keep n' &gt;= n (n_max (n_max + 1)/2 entries per l), cross-species blocks the full
 * n_max x n_max. Length (S n_max)(S n_max + 1)/2 (l_max + 1) for S species. With
 * {@code sameSpeciesOnly} (DScribe's compression mode "crossover") only the Z1 = Z2 blocks are kept:
 * S n_max (n_max + 1)/2 (l_max + 1).
 *
 * <p>Feature names: {@code soap[Z1=..,Z2=..,l=..,n=..,n'=..]}. Immutable and thread-safe.
 */
public final class SoapPowerSpectrum {
    private final int[] species;
    private final int nMax;
    private final int lMax;
    private final int nLm;
    private final boolean sameSpeciesOnly;
    private final int featureCount;
    private final double[] prefactor;

    /**
     * @param species         atomic numbers of the species, strictly increasing, length S &gt;= 1
     * @param nMax            number of radial functions n_max &gt;= 1
     * @param lMax            maximum degree l_max &gt;= 0
     * @param sameSpeciesOnly keep only the Z1 = Z2 blocks (compression "crossover")
     * @throws IllegalArgumentException if species is empty or not strictly increasing, or n_max, l_max are
     *                                  out of range
     */
    public SoapPowerSpectrum(int[] species, int nMax, int lMax, boolean sameSpeciesOnly) {
        if (species.length == 0) {
            throw new IllegalArgumentException("need at least one species");
        }
        for (int i = 1; i < species.length; i++) {
            if (species[i] <= species[i - 1]) {
                throw new IllegalArgumentException("species must be strictly increasing atomic numbers, got "
                        + java.util.Arrays.toString(species));
            }
        }
        if (nMax < 1 || lMax < 0) {
            throw new IllegalArgumentException("need n_max >= 1 and l_max >= 0, got n_max " + nMax + ", l_max "
                    + lMax);
        }
        this.species = species.clone();
        this.nMax = nMax;
        this.lMax = lMax;
        this.nLm = (lMax + 1) * (lMax + 1);
        this.sameSpeciesOnly = sameSpeciesOnly;
        int s = species.length;
        int symmetric = nMax * (nMax + 1) / 2 * (lMax + 1);
        int full = nMax * nMax * (lMax + 1);
        this.featureCount = sameSpeciesOnly ? s * symmetric : s * symmetric + s * (s - 1) / 2 * full;
        this.prefactor = new double[lMax + 1];
        for (int l = 0; l <= lMax; l++) {
            prefactor[l] = Math.PI * Math.sqrt(8.0 / (2.0 * l + 1.0));
        }
    }

    /** Number of features. */
    public int featureCount() {
        return featureCount;
    }

    /**
     * Columns of the species-pair block (Z1, Z2), in either order: {start, end}, the block being columns
     * start..end-1 (l, then n, then n' inside it, as {@link #featureNames()}).
     *
     * @throws IllegalArgumentException if a species is not configured, or Z1 != Z2 with only same-species blocks
     */
    public int[] location(int z1, int z2) {
        int a = speciesIndex(z1), b = speciesIndex(z2);
        int s1 = Math.min(a, b), s2 = Math.max(a, b);
        if (sameSpeciesOnly && s1 != s2) {
            throw new IllegalArgumentException("only same-species blocks are kept (compression 'crossover'): no block"
                    + " for Z1 = " + z1 + ", Z2 = " + z2);
        }
        int symmetric = nMax * (nMax + 1) / 2 * (lMax + 1);
        int full = nMax * nMax * (lMax + 1);
        int start = 0;
        for (int p = 0; p < s1; p++) {
            start += symmetric + (sameSpeciesOnly ? 0 : (species.length - 1 - p) * full);
        }
        if (s2 > s1) {
            start += symmetric + (s2 - s1 - 1) * full;
        }
        return new int[]{start, start + (s1 == s2 ? symmetric : full)};
    }

    /**
     * Column of p^{Z1 Z2}_{n n' l}. The spectrum is symmetric, p^{Z1 Z2}_{n n' l} = p^{Z2 Z1}_{n' n l}, so any order
     * of the species (and, within one species, of n and n') names the same column.
     *
     * @throws IllegalArgumentException as {@link #location}, or if l, n or n' is out of range
     */
    public int column(int z1, int z2, int l, int n, int np) {
        if (l < 0 || l > lMax || n < 0 || n >= nMax || np < 0 || np >= nMax) {
            throw new IllegalArgumentException("need 0 <= l <= " + lMax + " and 0 <= n, n' < " + nMax + ", got l = " + l
                    + ", n = " + n + ", n' = " + np);
        }
        int a = speciesIndex(z1), b = speciesIndex(z2);
        if (a > b) {
            int t = n;
            n = np;
            np = t;
        }
        int start = location(z1, z2)[0];
        if (a == b) {
            int lo = Math.min(n, np), hi = Math.max(n, np);
            int before = lo * nMax - lo * (lo - 1) / 2;   // entries of the rows n < lo, each n' >= n
            return start + l * (nMax * (nMax + 1) / 2) + before + (hi - lo);
        }
        return start + l * nMax * nMax + n * nMax + np;
    }

    private int speciesIndex(int z) {
        for (int s = 0; s < species.length; s++) {
            if (species[s] == z) {
                return s;
            }
        }
        throw new IllegalArgumentException("species Z = " + z + " is not configured; expected one of "
                + java.util.Arrays.toString(species));
    }

    /** Names of the features in output order. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(featureCount);
        int s = species.length;
        for (int s1 = 0; s1 < s; s1++) {
            for (int s2 = s1; s2 < (sameSpeciesOnly ? s1 + 1 : s); s2++) {
                for (int l = 0; l <= lMax; l++) {
                    for (int n = 0; n < nMax; n++) {
                        for (int np = s1 == s2 ? n : 0; np < nMax; np++) {
                            names.add("soap[Z1=" + species[s1] + ",Z2=" + species[s2] + ",l=" + l + ",n=" + n
                                    + ",n'=" + np + "]");
                        }
                    }
                }
            }
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * The power spectrum of one set of coefficients.
     *
     * @param c   coefficients in the {@link SoapExpansion} layout, length S n_max (l_max + 1)^2
     * @param out receives {@link #featureCount()} values
     */
    public void compute(double[] c, double[] out) {
        int s = species.length;
        int idx = 0;
        for (int s1 = 0; s1 < s; s1++) {
            for (int s2 = s1; s2 < (sameSpeciesOnly ? s1 + 1 : s); s2++) {
                for (int l = 0; l <= lMax; l++) {
                    int lo = l * l;
                    int hi = lo + 2 * l + 1;
                    double pref = prefactor[l];
                    for (int n = 0; n < nMax; n++) {
                        int a = (s1 * nMax + n) * nLm;
                        int np = s1 == s2 ? n : 0;
                        // four n' at a time: one load of c^(s1)_nlm feeds four independent sums
                        for (; np + 4 <= nMax; np += 4) {
                            int b = (s2 * nMax + np) * nLm;
                            double p0 = 0.0, p1 = 0.0, p2 = 0.0, p3 = 0.0;
                            for (int lm = lo; lm < hi; lm++) {
                                double u = c[a + lm];
                                p0 += u * c[b + lm];
                                p1 += u * c[b + nLm + lm];
                                p2 += u * c[b + 2 * nLm + lm];
                                p3 += u * c[b + 3 * nLm + lm];
                            }
                            out[idx++] = pref * p0;
                            out[idx++] = pref * p1;
                            out[idx++] = pref * p2;
                            out[idx++] = pref * p3;
                        }
                        for (; np < nMax; np++) {
                            int b = (s2 * nMax + np) * nLm;
                            double sum = 0.0;
                            for (int lm = lo; lm < hi; lm++) {
                                sum += c[a + lm] * c[b + lm];
                            }
                            out[idx++] = pref * sum;
                        }
                    }
                }
            }
        }
    }
}
