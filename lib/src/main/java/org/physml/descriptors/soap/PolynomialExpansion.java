package org.physml.descriptors.soap;

import java.util.Arrays;

import org.physml.math.angular.RealSphericalHarmonics;

/**
 * SOAP coefficients in the polynomial radial basis ({@link PolynomialRadialBasis}) by radial quadrature.
 *
 * <p>Integrating the Gaussian of an atom at r_j over the directions of r with
 * exp(2 eta r.r_j) = 4 pi sum_lm i_l(2 eta r r_j) Y_lm(r_hat) Y_lm(r_hat_j) leaves the radial integral
 * (Bartok, Kondor, Csanyi, Phys. Rev. B 87, 184115 (2013), section on SOAP; DScribe 2.1)
 * <pre>
 *   c^Z_nlm = sum_j Y_lm(r_hat_j) integral_0^r_cut r^2 g_n(r) 4 pi exp(-eta (r^2 + r_j^2)) i_l(2 eta r r_j) dr,
 * </pre>
 * eta = 1/(2 sigma^2), evaluated with the 100-point Gauss-Legendre rule on [0, r_cut]. The Bessel factor
 * is computed as exp(-eta (r - r_j)^2) [e^(-x) i_l(x)] ({@link ModifiedSphericalBessel}), which never
 * overflows. An atom at the centre (r_j = 0) has i_l(0) = delta_l0 and contributes
 * Y_00 integral r^2 g_n(r) 4 pi exp(-eta r^2) dr to l = 0 only.
 */
public final class PolynomialExpansion extends AbstractSoapExpansion {
    private final int nLm;
    private final double eta;
    private final double[] nodes;
    /** 4 pi w_q r_q^2 g_n(r_q) at n * Q + q. */
    private final double[] radialWeights;
    /** sum_q 4 pi w_q r_q^2 g_n(r_q) exp(-eta r_q^2) Y_00, the centre atom's c_n00. */
    private final double[] centreTerm;
    private final RealSphericalHarmonics ylm;

    // scratch
    private final double[] y;
    private final double[] bessel;
    private final double[] radial;   // F_l(r_q) at l * Q + q

    /**
     * @param basis    the polynomial radial basis (r_cut, n_max)
     * @param lMax     maximum degree l_max, 0..{@value RealSphericalHarmonics#MAX_L}
     * @param sigma    Gaussian width sigma, Angstrom, finite and &gt; 0
     * @param nSpecies number of species S &gt;= 1
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public PolynomialExpansion(PolynomialRadialBasis basis, int lMax, double sigma, int nSpecies) {
        super(nSpecies, basis.nMax(), lMax, sigma);
        this.ylm = new RealSphericalHarmonics(lMax);
        this.nLm = (lMax + 1) * (lMax + 1);
        this.eta = 1.0 / (2.0 * sigma * sigma);
        int nq = PolynomialRadialBasis.QUADRATURE_POINTS;
        this.nodes = new double[nq];
        this.radialWeights = new double[nMax * nq];
        this.centreTerm = new double[nMax];
        double y00 = 1.0 / Math.sqrt(4.0 * Math.PI);
        for (int q = 0; q < nq; q++) {
            nodes[q] = basis.node(q);
        }
        for (int n = 0; n < nMax; n++) {
            double centre = 0.0;
            for (int q = 0; q < nq; q++) {
                double r = nodes[q];
                double w = 4.0 * Math.PI * basis.weight(q) * r * r * basis.evaluate(n, r);
                radialWeights[n * nq + q] = w;
                centre += w * Math.exp(-eta * r * r);
            }
            centreTerm[n] = centre * y00;
        }
        this.y = new double[nLm];
        this.bessel = new double[lMax + 1];
        this.radial = new double[(lMax + 1) * nq];
    }

    private PolynomialExpansion(PolynomialExpansion o) {
        super(o);
        this.nLm = o.nLm;
        this.eta = o.eta;
        this.nodes = o.nodes;
        this.radialWeights = o.radialWeights;
        this.centreTerm = o.centreTerm;
        this.ylm = o.ylm;
        this.y = new double[nLm];
        this.bessel = new double[lMax + 1];
        this.radial = new double[(lMax + 1) * nodes.length];
    }

    @Override
    public SoapExpansion copy() {
        return new PolynomialExpansion(this);
    }

    @Override
    public void expand(double[] x, double[] yy, double[] z, int[] species, int count, double[] c) {
        Arrays.fill(c, 0, coefficientCount(), 0.0);
        final int nq = nodes.length;
        for (int j = 0; j < count; j++) {
            double d2 = x[j] * x[j] + yy[j] * yy[j] + z[j] * z[j];
            int sBase = species[j] * nMax;
            if (d2 == 0.0) {
                for (int n = 0; n < nMax; n++) {
                    c[(sBase + n) * nLm] += centreTerm[n];
                }
                continue;
            }
            double d = Math.sqrt(d2);
            ylm.evaluate(x[j], yy[j], z[j], y);
            for (int q = 0; q < nq; q++) {
                double r = nodes[q];
                double gauss = Math.exp(-eta * (r - d) * (r - d));
                ModifiedSphericalBessel.scaled(2.0 * eta * r * d, lMax, bessel);
                for (int l = 0; l <= lMax; l++) {
                    radial[l * nq + q] = gauss * bessel[l];
                }
            }
            for (int n = 0; n < nMax; n++) {
                int wOff = n * nq;
                int cOff = (sBase + n) * nLm;
                for (int l = 0; l <= lMax; l++) {
                    int fOff = l * nq;
                    double integral = 0.0;
                    for (int q = 0; q < nq; q++) {
                        integral += radialWeights[wOff + q] * radial[fOff + q];
                    }
                    int lmEnd = (l + 1) * (l + 1);
                    for (int lm = l * l; lm < lmEnd; lm++) {
                        c[cOff + lm] += integral * y[lm];
                    }
                }
            }
        }
    }
}
