package org.physml.descriptors.soap;

import org.apache.commons.math3.special.Gamma;

/**
 * DScribe's orthonormalised GTO radial basis of SOAP: for each l,
 * g_nl(r) = sum_k beta^l_nk r^l exp(-alpha_lk r^2), n, k = 0..n_max-1.
 *
 * <p>Definitions (DScribe 2.1, {@code SOAP.get_basis_gto}; Himanen et al., Comput. Phys. Commun. 247,
 * 106949 (2020)):
 * <ul>
 *   <li>decay radii a_k = linspace(1, r_cut, n_max) in Angstrom (numpy's linspace: a_k = 1 + k step,
 *       step = (r_cut - 1)/(n_max - 1), last point exactly r_cut; a = [1] for n_max = 1);</li>
 *   <li>alpha_lk = -ln(1e-3 / a_k^l) / a_k^2, Angstrom^-2, so that r^l exp(-alpha r^2) = 1e-3 at r = a_k;</li>
 *   <li>overlap S^l_kk' = integral_0^inf r^2 r^(2l) exp(-(alpha_lk + alpha_lk') r^2) dr
 *       = 0.5 Gamma(l + 3/2) (alpha_lk + alpha_lk')^(-(l + 3/2));</li>
 *   <li>beta^l = S^(-1/2) ({@link LowdinOrthonormalization}), so that
 *       integral_0^inf r^2 g_nl g_n'l dr = delta_nn'.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class GtoRadialBasis {
    /** Value r^l exp(-alpha r^2) reached at r = a_k. */
    public static final double DECAY_THRESHOLD = 1e-3;

    private final double rCut;
    private final int nMax;
    private final int lMax;
    private final double[] a;
    private final double[][] alpha;    // [l][k]
    private final double[][][] beta;   // [l][n][k]

    /**
     * @param rCut cutoff r_cut, Angstrom, finite and &gt; 1 (the decay radii run from 1 Angstrom to r_cut)
     * @param nMax number of radial functions n_max &gt;= 1
     * @param lMax maximum degree l_max &gt;= 0
     * @throws IllegalArgumentException on parameters outside these ranges or if S^l cannot be inverted
     *                                  and square-rooted in real numbers (too many functions for r_cut)
     */
    public GtoRadialBasis(double rCut, int nMax, int lMax) {
        if (!(rCut > 1) || !Double.isFinite(rCut)) {
            throw new IllegalArgumentException("with the gaussian radial basis (gto) r_cut must be a finite number"
                    + " bigger than 1 Angstrom, got " + rCut);
        }
        if (nMax < 1) {
            throw new IllegalArgumentException("n_max must be >= 1 (at least one radial basis function), got "
                    + nMax);
        }
        if (lMax < 0) {
            throw new IllegalArgumentException("l_max must be >= 0, got " + lMax);
        }
        this.rCut = rCut;
        this.nMax = nMax;
        this.lMax = lMax;
        this.a = linspace(1.0, rCut, nMax);
        this.alpha = new double[lMax + 1][nMax];
        this.beta = new double[lMax + 1][][];
        for (int l = 0; l <= lMax; l++) {
            for (int k = 0; k < nMax; k++) {
                alpha[l][k] = -Math.log(DECAY_THRESHOLD / Math.pow(a[k], l)) / (a[k] * a[k]);
            }
            double[][] s = new double[nMax][nMax];
            for (int k = 0; k < nMax; k++) {
                for (int q = 0; q < nMax; q++) {
                    s[k][q] = overlap(l, alpha[l][k], alpha[l][q]);
                }
            }
            beta[l] = LowdinOrthonormalization.inverseSquareRoot(s, "gto (l = " + l + ")");
        }
    }

    /**
     * integral_0^inf r^(2l+2) exp(-(alpha1 + alpha2) r^2) dr = 0.5 Gamma(l + 3/2) (alpha1 + alpha2)^(-(l+3/2)).
     */
    public static double overlap(int l, double alpha1, double alpha2) {
        return 0.5 * Gamma.gamma(l + 1.5) * Math.pow(alpha1 + alpha2, -(l + 1.5));
    }

    /** numpy.linspace(start, stop, num) with endpoint: start + k step, the last point exactly stop. */
    static double[] linspace(double start, double stop, int num) {
        double[] v = new double[num];
        if (num == 1) {
            v[0] = start;
            return v;
        }
        double step = (stop - start) / (num - 1);
        for (int k = 0; k < num; k++) {
            v[k] = k * step + start;
        }
        v[num - 1] = stop;
        return v;
    }

    /** Cutoff r_cut, Angstrom. */
    public double rCut() {
        return rCut;
    }

    /** Number of radial functions n_max. */
    public int nMax() {
        return nMax;
    }

    /** Maximum degree l_max. */
    public int lMax() {
        return lMax;
    }

    /** Decay radius a_k, Angstrom, k = 0..n_max-1. */
    public double decayRadius(int k) {
        return a[k];
    }

    /** Exponent alpha_lk, Angstrom^-2. */
    public double alpha(int l, int k) {
        return alpha[l][k];
    }

    /** Orthonormalisation coefficient beta^l_nk, Angstrom^(-l-3/2). */
    public double beta(int l, int n, int k) {
        return beta[l][n][k];
    }

    /** g_nl(r), Angstrom^(-3/2), for r &gt;= 0 in Angstrom. */
    public double evaluate(int n, int l, double r) {
        double rl = Math.pow(r, l);
        double sum = 0.0;
        for (int k = 0; k < nMax; k++) {
            sum += beta[l][n][k] * rl * Math.exp(-alpha[l][k] * r * r);
        }
        return sum;
    }
}
