package org.physml.descriptors.soap;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The polynomial radial basis of SOAP, orthonormalised on [0, r_cut]:
 * g_n(r) = sum_{n'=1..n_max} beta_nn' (r_cut - r)^(n'+2) for 0 &lt;= r &lt;= r_cut, zero beyond r_cut.
 *
 * <p>Definitions (Bartok, Kondor, Csanyi, Phys. Rev. B 87, 184115 (2013); DScribe 2.1,
 * {@code SOAP.get_basis_poly}): the overlap of the primitive functions with weight r^2 is
 * S_ij = integral_0^r_cut r^2 (r_cut - r)^(i+2) (r_cut - r)^(j+2) dr
 * = 2 r_cut^(7+i+j) / ((5+i+j)(6+i+j)(7+i+j)), i, j = 1..n_max, and beta = sqrtm(inv(S))
 * ({@link LowdinOrthonormalization}, computed to full double accuracy). S is badly conditioned (about 1e16
 * at n_max 8, r_cut 5), and DScribe's double-precision sqrtm(inv(S)) is off by about 1e-6 (relative) in g_n
 * there, so results differ from DScribe's at that level for such settings.
 *
 * <p>Radial integrals use, as DScribe does, the {@value #QUADRATURE_POINTS}-point Gauss-Legendre rule on
 * [0, r_cut] (Commons Math {@link GaussIntegratorFactory#legendre}). Immutable and thread-safe.
 */
public final class PolynomialRadialBasis {
    /** Number of Gauss-Legendre points of the radial quadrature. */
    public static final int QUADRATURE_POINTS = 100;

    private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();

    private final double rCut;
    private final int nMax;
    private final double[][] beta;     // [n][n'-1]
    private final double[] nodes;
    private final double[] weights;

    /**
     * @param rCut cutoff r_cut, Angstrom, finite and &gt; 0
     * @param nMax number of radial functions n_max &gt;= 1
     * @throws IllegalArgumentException on parameters out of range or if sqrtm(inv(S)) is not real
     */
    public PolynomialRadialBasis(double rCut, int nMax) {
        if (!(rCut > 0) || !Double.isFinite(rCut)) {
            throw new IllegalArgumentException("r_cut must be a finite positive number of Angstrom, got " + rCut);
        }
        if (nMax < 1) {
            throw new IllegalArgumentException("n_max must be >= 1 (at least one radial basis function), got "
                    + nMax);
        }
        this.rCut = rCut;
        this.nMax = nMax;
        double[][] s = new double[nMax][nMax];
        for (int i = 1; i <= nMax; i++) {
            for (int j = 1; j <= nMax; j++) {
                s[i - 1][j - 1] = 2.0 * Math.pow(rCut, 7 + i + j) / ((5.0 + i + j) * (6.0 + i + j) * (7.0 + i + j));
            }
        }
        this.beta = LowdinOrthonormalization.inverseSquareRoot(s, "polynomial");
        GaussIntegrator rule;
        synchronized (GAUSS) {
            rule = GAUSS.legendre(QUADRATURE_POINTS, 0.0, rCut);
        }
        this.nodes = new double[QUADRATURE_POINTS];
        this.weights = new double[QUADRATURE_POINTS];
        for (int q = 0; q < QUADRATURE_POINTS; q++) {
            nodes[q] = rule.getPoint(q);
            weights[q] = rule.getWeight(q);
        }
    }

    /** Cutoff r_cut, Angstrom. */
    public double rCut() {
        return rCut;
    }

    /** Number of radial functions n_max. */
    public int nMax() {
        return nMax;
    }

    /** beta_nn' for n = 0..n_max-1 and the primitive (r_cut - r)^(n'+2), n' = 1..n_max. */
    public double beta(int n, int nPrime) {
        return beta[n][nPrime - 1];
    }

    /** g_n(r), Angstrom^(-3/2): zero for r &gt; r_cut (r is clipped to [0, r_cut] as in DScribe). */
    public double evaluate(int n, double r) {
        double d = rCut - Math.min(Math.max(r, 0.0), rCut);
        double sum = 0.0;
        double power = d * d;
        for (int k = 1; k <= nMax; k++) {
            power *= d;
            sum += beta[n][k - 1] * power;
        }
        return sum;
    }

    /** Gauss-Legendre node q on [0, r_cut], Angstrom. */
    public double node(int q) {
        return nodes[q];
    }

    /** Gauss-Legendre weight q on [0, r_cut], Angstrom. */
    public double weight(int q) {
        return weights[q];
    }
}
