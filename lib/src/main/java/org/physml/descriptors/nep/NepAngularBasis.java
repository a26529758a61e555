package org.physml.descriptors.nep;

import org.apache.commons.math3.analysis.polynomials.PolynomialFunction;
import org.apache.commons.math3.analysis.polynomials.PolynomialsUtils;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.physml.math.angular.Wigner3j;

/**
 * Explicit polynomial forms of the real spherical-harmonic components used by the NEP angular descriptor, and
 * the rotational invariants built from them (Z. Fan et al., J. Phys.: Condens. Matter 34, 125902 (2022),
 * Sec. II.C; NEP_CPU {@code accumulate_s}, {@code find_q}).
 *
 * <p>For a unit vector u = (x, y, z) and l = 1..l_max the 2l + 1 components of order l are, in this order,
 * <pre>
 *   h_{l0} = P_l(z),   h_{lm}^c = D_{lm}(z) Re (x + i y)^m,   h_{lm}^s = D_{lm}(z) Im (x + i y)^m,   m = 1..l,
 * </pre>
 * with D_{lm} = d^m P_l / dz^m (Legendre polynomials from Commons Math). No trigonometric functions are
 * needed. Component index: l^2 - 1 for h_{l0}, l^2 - 1 + 2m - 1 for h^c_{lm}, l^2 - 1 + 2m for h^s_{lm}
 * (the order of NEP_CPU's {@code sum_fxyz}; only the normalisation of each polynomial differs).
 *
 * <p>With S_k = sum_j g_n(r_ij) h_k(u_ij), the addition theorem of spherical harmonics gives
 * <pre>
 *   q_nl = sum_m |A_nlm|^2 = sum_{k in l} w_k S_k^2 = (2l+1)/(4 pi) sum_{j,k} g_n(r_ij) g_n(r_ik) P_l(cos theta_ijk),
 *   w_{l0} = (2l+1)/(4 pi),   w_{lm} = 2 (2l+1)/(4 pi) (l-m)!/(l+m)!,
 * </pre>
 * where A_nlm = sum_j g_n Y_lm(u_ij) with orthonormal complex Y_lm (j = k terms included).
 *
 * <p>Four-body term q_n222 = sum_{m1+m2+m3=0} (2 2 2; m1 m2 m3) A_n2m1 A_n2m2 A_n2m3 (Wigner 3j symbol;
 * Y_lm with the Condon-Shortley phase, A_{l,-m} = (-1)^m conj(A_lm)). Writing the l = 2 sums as
 * u0 = S_{20}, u1c/u1s = S^{c/s}_{21}, u2c/u2s = S^{c/s}_{22} and N_m = sqrt(5/(4 pi) (2-m)!/(2+m)!):
 * <pre>
 *   q_n222 = K0 u0^3 + K1 u0 (u1c^2 + u1s^2) + K2 u0 (u2c^2 + u2s^2) + K3 [u2c (u1c^2 - u1s^2) + 2 u2s u1c u1s],
 *   K0 = W000 N0^3,  K1 = -6 W1-10 N0 N1^2,  K2 = 6 W2-20 N0 N2^2,  K3 = 6 W2-1-1 N2 N1^2,
 * </pre>
 * with the 3j values (2 2 2; 0 0 0) = -sqrt(2/35), (2 2 2; 1 -1 0) = sqrt(1/70), (2 2 2; 2 -2 0) = sqrt(2/35),
 * (2 2 2; 2 -1 -1) = -sqrt(3/35). These reproduce NEP_CPU's constants C4B after its different polynomial
 * normalisation (checked in the tests). Five-body term: q_n1111 = (7/15) (sum_m |A_n1m|^2)^2, NEP_CPU's
 * C5B = (7/15)(3/(4 pi))^2.
 *
 * <p>Instances are immutable and thread-safe; the evaluation methods write into caller-provided arrays.
 */
final class NepAngularBasis {
    /** Wigner 3j symbols (2 2 2; m1 m2 m3): -sqrt(2/35), sqrt(1/70), sqrt(2/35), -sqrt(3/35). */
    private static final double W000 = Wigner3j.symbol(2, 0, 0, 0);
    private static final double W1M10 = Wigner3j.symbol(2, 1, -1, 0);
    private static final double W2M20 = Wigner3j.symbol(2, 2, -2, 0);
    private static final double W2M1M1 = Wigner3j.symbol(2, 2, -1, -1);
    private static final double N0 = Math.sqrt(5.0 / (4.0 * Math.PI));
    private static final double N1 = Math.sqrt(5.0 / (4.0 * Math.PI) / 6.0);
    private static final double N2 = Math.sqrt(5.0 / (4.0 * Math.PI) / 24.0);
    /** Coefficients of the four-body invariant in this class's normalisation (see class comment). */
    static final double K0 = W000 * N0 * N0 * N0;
    static final double K1 = -6.0 * W1M10 * N0 * N1 * N1;
    static final double K2 = 6.0 * W2M20 * N0 * N2 * N2;
    static final double K3 = 6.0 * W2M1M1 * N2 * N1 * N1;
    /** q_n1111 = C5 (S_10^2 + S_11c^2 + S_11s^2)^2 with C5 = (7/15) (3/(4 pi))^2. */
    static final double C5 = 7.0 / 15.0 * Math.pow(3.0 / (4.0 * Math.PI), 2);

    private final int lMax;
    private final int size;
    private final double[] weight;
    /** Polynomial D_{lm}(z) coefficients, (l, m) flattened by lm(l, m); coefficient of z^p at offset + p. */
    private final double[] coef;
    private final int[] offset;
    private final int[] degree;

    NepAngularBasis(int lMax) {
        this.lMax = lMax;
        this.size = (lMax + 1) * (lMax + 1) - 1;
        this.weight = new double[size];
        int pairs = lm(lMax + 1, 0);
        this.offset = new int[Math.max(pairs, 0)];
        this.degree = new int[Math.max(pairs, 0)];
        int total = 0;
        for (int l = 1; l <= lMax; l++) {
            for (int m = 0; m <= l; m++) {
                offset[lm(l, m)] = total;
                degree[lm(l, m)] = l - m;
                total += l - m + 1;
            }
        }
        this.coef = new double[total];
        for (int l = 1; l <= lMax; l++) {
            PolynomialFunction p = PolynomialsUtils.createLegendrePolynomial(l);
            for (int m = 0; m <= l; m++) {
                double[] a = p.getCoefficients();
                for (int q = 0; q <= l - m; q++) {
                    coef[offset[lm(l, m)] + q] = q < a.length ? a[q] : 0.0;
                }
                p = p.polynomialDerivative();
            }
            double base = (2 * l + 1) / (4.0 * Math.PI);
            weight[l * l - 1] = base;
            for (int m = 1; m <= l; m++) {
                double ratio = CombinatoricsUtils.factorialDouble(l - m) / CombinatoricsUtils.factorialDouble(l + m);
                weight[l * l - 1 + 2 * m - 1] = 2.0 * base * ratio;
                weight[l * l - 1 + 2 * m] = 2.0 * base * ratio;
            }
        }
    }

    /** Flattened index of (l, m), l &ge; 1, 0 &le; m &le; l. */
    private static int lm(int l, int m) {
        return l * (l + 1) / 2 - 1 + m;
    }

    /** l_max. */
    int lMax() {
        return lMax;
    }

    /** Number of components (l_max + 1)^2 - 1. */
    int size() {
        return size;
    }

    /** Weight w_k of component k in q_nl = sum_{k in l} w_k S_k^2. */
    double weight(int k) {
        return weight[k];
    }

    /** Index of the first component of order l (h_{l0}). */
    static int start(int l) {
        return l * l - 1;
    }

    /**
     * Components h_k(u) of a unit vector u = (ux, uy, uz).
     *
     * @param h       receives the components, length &ge; {@link #size()}
     * @param scratch work space, length &ge; 3 (l_max + 2) + number of (l, m) pairs
     */
    void values(double ux, double uy, double uz, double[] h, double[] scratch) {
        fillScratch(ux, uy, uz, scratch);
        int cm = CM_OFFSET_FACTOR * (lMax + 1);
        int sm = SM_OFFSET_FACTOR * (lMax + 1);
        int dv = DV_OFFSET_FACTOR * (lMax + 1);
        for (int l = 1; l <= lMax; l++) {
            int b = l * l - 1;
            h[b] = scratch[dv + lm(l, 0)];
            for (int m = 1; m <= l; m++) {
                double d = scratch[dv + lm(l, m)];
                h[b + 2 * m - 1] = d * scratch[cm + m];
                h[b + 2 * m] = d * scratch[sm + m];
            }
        }
    }

    /**
     * Components h_k(u) and their gradients with respect to the vector argument, taken on the full space
     * (not yet projected onto the sphere): gx[k] = dh_k/dux etc.
     */
    void valuesAndGradients(double ux, double uy, double uz, double[] h, double[] gx, double[] gy, double[] gz,
                            double[] scratch) {
        fillScratch(ux, uy, uz, scratch);
        int cm = CM_OFFSET_FACTOR * (lMax + 1);
        int sm = SM_OFFSET_FACTOR * (lMax + 1);
        int dv = DV_OFFSET_FACTOR * (lMax + 1);
        for (int l = 1; l <= lMax; l++) {
            int b = l * l - 1;
            h[b] = scratch[dv + lm(l, 0)];
            gx[b] = 0.0;
            gy[b] = 0.0;
            gz[b] = scratch[dv + lm(l, 1)];
            for (int m = 1; m <= l; m++) {
                double d = scratch[dv + lm(l, m)];
                double dNext = m < l ? scratch[dv + lm(l, m + 1)] : 0.0;  // d/dz D_lm = D_l,m+1
                double c = scratch[cm + m];
                double s = scratch[sm + m];
                double cPrev = scratch[cm + m - 1];
                double sPrev = scratch[sm + m - 1];
                int kc = b + 2 * m - 1;
                int ks = b + 2 * m;
                h[kc] = d * c;
                h[ks] = d * s;
                // d/dx (x+iy)^m = m (x+iy)^(m-1), d/dy (x+iy)^m = i m (x+iy)^(m-1)
                gx[kc] = d * m * cPrev;
                gy[kc] = -d * m * sPrev;
                gz[kc] = dNext * c;
                gx[ks] = d * m * sPrev;
                gy[ks] = d * m * cPrev;
                gz[ks] = dNext * s;
            }
        }
    }

    /** Scratch length needed by {@link #values} and {@link #valuesAndGradients}. */
    int scratchLength() {
        return 3 * (lMax + 1) + Math.max(lm(lMax + 1, 0), 0);
    }

    /**
     * Scratch layout, in blocks of l_max + 1: the powers u_z^p in block 0, Re (u_x + i u_y)^m in block 1,
     * Im (u_x + i u_y)^m in block 2, the polynomials D_lm(u_z) from block 3 on.
     */
    private static final int CM_OFFSET_FACTOR = 1, SM_OFFSET_FACTOR = 2, DV_OFFSET_FACTOR = 3;

    /** Powers, phases and the polynomials D_lm(u_z) of a unit vector into {@code scratch} (layout above). */
    private void fillScratch(double ux, double uy, double uz, double[] scratch) {
        int l1 = lMax + 1;
        powersAndPhases(ux, uy, uz, scratch, 0, CM_OFFSET_FACTOR * l1, SM_OFFSET_FACTOR * l1);
        polynomials(scratch, 0, DV_OFFSET_FACTOR * l1);
    }

    private void powersAndPhases(double ux, double uy, double uz, double[] w, int zp, int cm, int sm) {
        w[zp] = 1.0;
        w[cm] = 1.0;
        w[sm] = 0.0;
        for (int p = 1; p <= lMax; p++) {
            w[zp + p] = w[zp + p - 1] * uz;
            double c = w[cm + p - 1];
            double s = w[sm + p - 1];
            w[cm + p] = c * ux - s * uy;
            w[sm + p] = c * uy + s * ux;
        }
    }

    private void polynomials(double[] w, int zp, int dv) {
        int pairs = degree.length;
        for (int i = 0; i < pairs; i++) {
            int o = offset[i];
            double v = 0.0;
            for (int p = degree[i]; p >= 0; p -= 2) {   // D_lm has only powers of the parity of l - m
                v += coef[o + p] * w[zp + p];
            }
            w[dv + i] = v;
        }
    }

    /** q_nl = sum_{k in l} w_k S_k^2 for the sums S of one n, block starting at {@code off}. */
    double threeBody(double[] s, int off, int l) {
        int b = off + l * l - 1;
        int w = l * l - 1;
        double q = 0.0;
        for (int k = 0; k < 2 * l + 1; k++) {
            q += weight[w + k] * s[b + k] * s[b + k];
        }
        return q;
    }

    /** q_n222 from the l = 2 sums of one n (block at {@code off}); needs l_max &ge; 2. */
    static double fourBody(double[] s, int off) {
        int b = off + 3;
        double u0 = s[b];
        double u1c = s[b + 1];
        double u1s = s[b + 2];
        double u2c = s[b + 3];
        double u2s = s[b + 4];
        return K0 * u0 * u0 * u0 + K1 * u0 * (u1c * u1c + u1s * u1s) + K2 * u0 * (u2c * u2c + u2s * u2s)
                + K3 * (u2c * (u1c * u1c - u1s * u1s) + 2.0 * u2s * u1c * u1s);
    }

    /** dq_n222/dS_k for the five l = 2 components, written to d[0..4]. */
    static void fourBodyDerivative(double[] s, int off, double[] d) {
        int b = off + 3;
        double u0 = s[b];
        double u1c = s[b + 1];
        double u1s = s[b + 2];
        double u2c = s[b + 3];
        double u2s = s[b + 4];
        d[0] = 3.0 * K0 * u0 * u0 + K1 * (u1c * u1c + u1s * u1s) + K2 * (u2c * u2c + u2s * u2s);
        d[1] = 2.0 * K1 * u0 * u1c + 2.0 * K3 * (u2c * u1c + u2s * u1s);
        d[2] = 2.0 * K1 * u0 * u1s + 2.0 * K3 * (u2s * u1c - u2c * u1s);
        d[3] = 2.0 * K2 * u0 * u2c + K3 * (u1c * u1c - u1s * u1s);
        d[4] = 2.0 * K2 * u0 * u2s + 2.0 * K3 * u1c * u1s;
    }

    /** q_n1111 from the l = 1 sums of one n (block at {@code off}). */
    static double fiveBody(double[] s, int off) {
        double v = s[off] * s[off] + s[off + 1] * s[off + 1] + s[off + 2] * s[off + 2];
        return C5 * v * v;
    }

    /** dq_n1111/dS_k for the three l = 1 components, written to d[0..2]. */
    static void fiveBodyDerivative(double[] s, int off, double[] d) {
        double v = s[off] * s[off] + s[off + 1] * s[off + 1] + s[off + 2] * s[off + 2];
        for (int k = 0; k < 3; k++) {
            d[k] = 4.0 * C5 * v * s[off + k];
        }
    }
}
