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
                        for (int np = s1 == s2 ? n : 0; np < nMax; np++) {
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
