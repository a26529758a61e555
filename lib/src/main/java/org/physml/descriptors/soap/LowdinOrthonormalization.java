package org.physml.descriptors.soap;

import java.math.BigDecimal;
import java.math.MathContext;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Loewdin (symmetric) orthonormalisation of a set of functions f_k with overlap matrix
 * S_kk' = &lt;f_k, f_k'&gt;: the orthonormal set is g_n = sum_k beta_nk f_k with beta = S^(-1/2), the unique
 * symmetric positive definite inverse square root (then beta S beta = I).
 *
 * <p>The overlap matrices of the SOAP radial bases are badly conditioned (condition number about 4e10 for
 * the GTO basis at r_cut 5, n_max 8, and 1e16 for the polynomial basis there), so S^(-1/2) is computed in
 * {@value #DIGITS}-digit decimal arithmetic ({@link BigDecimal}) by the cyclic Jacobi eigenvalue
 * method (started from Commons Math's double-precision eigenvectors, re-orthonormalised, so that it
 * converges in two to four sweeps), beta = V diag(lambda^(-1/2)) V^T, rounded to double at the end: the
 * result is the inverse
 * square root of the given double-precision S to full double accuracy. (Commons Math's double
 * {@code EigenDecomposition} is not usable here: it sets eigenvalues below 1.1e-16 times the largest to
 * zero, which makes sqrtm(inv(S)) fail for the polynomial basis at r_cut 5, n_max 8; and LU inverse plus
 * {@code EigenDecomposition} already changed the polynomial-basis power spectrum by about 1e-8 relative,
 * compared with scipy, at r_cut 4, n_max 5, where S has condition number about 1e9.)
 *
 * <p>DScribe 2.1 computes {@code sqrtm(inv(S))} in double precision (scipy's {@code inv} for the GTO basis,
 * numpy's for the polynomial one), which carries the rounding errors of inverting S: measured against
 * 60-digit arithmetic, its basis functions are off by about 4e-11 (relative to their maximum) for the GTO
 * basis at r_cut 5, n_max 8 and by about 1e-6 for the polynomial basis there; the same amounts separate
 * this class's beta from DScribe's.
 */
public final class LowdinOrthonormalization {
    /** Decimal digits of the arithmetic. */
    public static final int DIGITS = 50;

    private static final MathContext MC = new MathContext(DIGITS);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /** Squared relative size of the off-diagonal part at which the Jacobi sweeps stop. */
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-90");

    private LowdinOrthonormalization() {
    }

    /**
     * beta = S^(-1/2) for a symmetric positive definite overlap matrix.
     *
     * @param s     overlap matrix, shape [n][n], symmetric
     * @param basis name of the basis for error messages, e.g. "gto (l = 3)"
     * @return beta, shape [n][n], symmetric
     * @throws IllegalArgumentException if S is not square, symmetric and finite, or not positive definite
     *                                  (then no real normalisation exists: DScribe fails with "Could not
     *                                  calculate normalization factors for the radial basis in the domain
     *                                  of real numbers")
     */
    public static double[][] inverseSquareRoot(double[][] s, String basis) {
        int n = s.length;
        for (int i = 0; i < n; i++) {
            if (s[i].length != n) {
                throw new IllegalArgumentException("overlap matrix of the " + basis + " basis is not square");
            }
            for (int j = 0; j < n; j++) {
                if (s[i][j] != s[j][i] || !Double.isFinite(s[i][j])) {
                    throw new IllegalArgumentException("overlap matrix of the " + basis
                            + " basis is not symmetric and finite at (" + i + ", " + j + ")");
                }
            }
        }
        // warm start: double-precision eigenvectors V0 (Commons Math), re-orthonormalised at full precision,
        // then A = V0^T S V0 is nearly diagonal and the Jacobi sweeps converge quadratically from the start
        BigDecimal[][] v = orthonormalColumns(new EigenDecomposition(new Array2DRowRealMatrix(s)).getV().getData());
        BigDecimal[][] a = new BigDecimal[n][n];
        BigDecimal[][] sv = new BigDecimal[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                BigDecimal sum = BigDecimal.ZERO;
                for (int k = 0; k < n; k++) {
                    sum = sum.add(new BigDecimal(s[i][k]).multiply(v[k][j], MC), MC);
                }
                sv[i][j] = sum;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                BigDecimal sum = BigDecimal.ZERO;
                for (int k = 0; k < n; k++) {
                    sum = sum.add(v[k][i].multiply(sv[k][j], MC), MC);
                }
                a[i][j] = sum;
                a[j][i] = sum;
            }
        }
        jacobi(a, v);
        BigDecimal[] invSqrt = new BigDecimal[n];
        for (int k = 0; k < n; k++) {
            BigDecimal lambda = a[k][k];
            if (lambda.signum() <= 0) {
                throw new IllegalArgumentException("could not calculate the normalization factors of the " + basis
                        + " radial basis in the domain of real numbers (the overlap matrix has the eigenvalue "
                        + lambda.doubleValue() + "); lower n_max or increase r_cut");
            }
            invSqrt[k] = BigDecimal.ONE.divide(lambda.sqrt(MC), MC);
        }
        double[][] beta = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                BigDecimal sum = BigDecimal.ZERO;
                for (int k = 0; k < n; k++) {
                    sum = sum.add(v[i][k].multiply(invSqrt[k], MC).multiply(v[j][k], MC), MC);
                }
                beta[i][j] = sum.doubleValue();
                beta[j][i] = beta[i][j];
            }
        }
        return beta;
    }

    /** Modified Gram-Schmidt on the columns of q, at full precision. */
    private static BigDecimal[][] orthonormalColumns(double[][] q) {
        int n = q.length;
        BigDecimal[][] v = new BigDecimal[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                v[i][j] = new BigDecimal(q[i][j]);
            }
        }
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < j; k++) {
                BigDecimal dot = BigDecimal.ZERO;
                for (int i = 0; i < n; i++) {
                    dot = dot.add(v[i][k].multiply(v[i][j], MC), MC);
                }
                for (int i = 0; i < n; i++) {
                    v[i][j] = v[i][j].subtract(dot.multiply(v[i][k], MC), MC);
                }
            }
            BigDecimal norm = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                norm = norm.add(v[i][j].multiply(v[i][j], MC), MC);
            }
            norm = norm.sqrt(MC);
            for (int i = 0; i < n; i++) {
                v[i][j] = v[i][j].divide(norm, MC);
            }
        }
        return v;
    }

    /**
     * Cyclic Jacobi method (Golub &amp; Van Loan, Matrix Computations, 4th ed., section 8.5): rotations P_pq
     * that zero a_pq, A := P^T A P and V := V P, swept over all p &lt; q until the off-diagonal part is
     * below 1e-45 of the diagonal. On return the diagonal of a holds the eigenvalues and the columns of v
     * the eigenvectors.
     */
    private static void jacobi(BigDecimal[][] a, BigDecimal[][] v) {
        int n = a.length;
        for (int sweep = 0; sweep < 100; sweep++) {
            BigDecimal off = BigDecimal.ZERO;
            BigDecimal diag = BigDecimal.ZERO;
            for (int p = 0; p < n; p++) {
                diag = diag.add(a[p][p].multiply(a[p][p], MC), MC);
                for (int q = p + 1; q < n; q++) {
                    off = off.add(a[p][q].multiply(a[p][q], MC), MC);
                }
            }
            if (off.compareTo(diag.multiply(TOLERANCE, MC)) <= 0) {
                return;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    BigDecimal apq = a[p][q];
                    if (apq.signum() == 0) {
                        continue;
                    }
                    // theta = (a_qq - a_pp) / (2 a_pq), t = sign(theta) / (|theta| + sqrt(theta^2 + 1))
                    BigDecimal theta = a[q][q].subtract(a[p][p], MC).divide(TWO.multiply(apq, MC), MC);
                    BigDecimal root = theta.multiply(theta, MC).add(BigDecimal.ONE, MC).sqrt(MC);
                    BigDecimal t = BigDecimal.ONE.divide(theta.abs().add(root, MC), MC);
                    if (theta.signum() < 0) {
                        t = t.negate();
                    }
                    BigDecimal c = BigDecimal.ONE.divide(t.multiply(t, MC).add(BigDecimal.ONE, MC).sqrt(MC), MC);
                    BigDecimal sn = t.multiply(c, MC);
                    rotateColumns(a, p, q, c, sn);
                    for (int k = 0; k < n; k++) {         // P^T (A P): rows p and q
                        BigDecimal apk = a[p][k];
                        BigDecimal aqk = a[q][k];
                        a[p][k] = c.multiply(apk, MC).subtract(sn.multiply(aqk, MC), MC);
                        a[q][k] = sn.multiply(apk, MC).add(c.multiply(aqk, MC), MC);
                    }
                    a[p][q] = BigDecimal.ZERO;
                    a[q][p] = BigDecimal.ZERO;
                    rotateColumns(v, p, q, c, sn);
                }
            }
        }
        throw new IllegalStateException("Jacobi eigenvalue iteration did not converge in 100 sweeps");
    }

    /** m := m P on columns p and q: (m_kp, m_kq) := (c m_kp - s m_kq, s m_kp + c m_kq). */
    private static void rotateColumns(BigDecimal[][] m, int p, int q, BigDecimal c, BigDecimal sn) {
        for (BigDecimal[] row : m) {
            BigDecimal mp = row[p];
            BigDecimal mq = row[q];
            row[p] = c.multiply(mp, MC).subtract(sn.multiply(mq, MC), MC);
            row[q] = sn.multiply(mp, MC).add(c.multiply(mq, MC), MC);
        }
    }
}
