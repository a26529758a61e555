package org.physml.kernels;

import java.util.List;
import java.util.stream.IntStream;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Sparse Gaussian-process regression of sums of atomic quantities, as in the Gaussian approximation potential
 * (GAP: A. P. Bartok, M. C. Payne, R. Kondor and G. Csanyi, Phys. Rev. Lett. 104, 136403 (2010); the sparse
 * equations as in A. P. Bartok and G. Csanyi, "Gaussian approximation potentials: a brief tutorial introduction",
 * arXiv:1502.01366, and the projected-process (DTC) approximation of sparse GPs).
 *
 * <p>Each observation s is a sum over its environments i of a latent atomic function eps(x_i) (for GAP: E_s =
 * sum_i eps(p_i), the SOAP vectors p_i of the atoms of structure s). eps is a Gaussian process with covariance
 * k(x, x') ({@link DotProductKernel}), represented on M sparse points x_m:
 * <pre>
 *   eps(x) = sum_m c_m k(x, x_m),      K_MM[m][m'] = k(x_m, x_m'),   K_NM[s][m] = sum_{i in s} k(x_i, x_m)
 *   c = (K_MM + K_MN Lambda^-1 K_NM)^-1 K_MN Lambda^-1 y                                (kernel ridge regression)
 *   Lambda = diag(sigma_s^2)                        (the expected error of observation s: the regularisation)
 * </pre>
 * For M = N single-environment observations at the sparse points this is the full GP (kernel ridge regression)
 * c = (K + Lambda)^-1 y, with O(N^3) cost; the sparse version costs O(N M^2 + M^3).
 * Predictive variance of a new sum s* (k_* = K_{*M}, k_** = sum_{i, j in s*} k(x_i, x_j)):
 * <pre>
 *   var(s*) = k_** - k_*^T K_MM^-1 k_* + k_*^T (K_MM + K_MN Lambda^-1 K_NM)^-1 k_*
 * </pre>
 * which is the prior k_** far from every sparse point (k_* = 0) and tends to 0 at the training points of a full
 * GP as sigma -&gt; 0.
 *
 * <p>Linear algebra: Commons Math. K_MM = L L^T by Cholesky (a jitter of 1e-10 times its mean diagonal is added
 * so that nearly equal sparse points do not break it); c by a Householder QR of the stacked least-squares problem
 * [Lambda^-1/2 K_NM; L^T] c = [Lambda^-1/2 y; 0] (numerically better than forming the normal equations), whose R
 * gives R^T R = K_MM + K_MN Lambda^-1 K_NM for the variance. Immutable after {@link #fit}.
 */
public final class SparseGaussianProcess {
    private final DotProductKernel kernel;
    private final double[][] sparse;
    private final double[] c;
    private final RealMatrix choleskyL;
    private final RealMatrix r;

    private SparseGaussianProcess(DotProductKernel kernel, double[][] sparse, double[] c, RealMatrix choleskyL,
                                  RealMatrix r) {
        this.kernel = kernel;
        this.sparse = sparse;
        this.c = c;
        this.choleskyL = choleskyL;
        this.r = r;
    }

    /**
     * Fits the weights c.
     *
     * @param kernel       the covariance of the atomic function
     * @param observations environments of each observation, [N][n_s][D] (unit vectors for the dot-product kernel)
     * @param y            observed sums, length N (eV for energies)
     * @param sigma        expected error of each observation, length N, &gt; 0 (eV)
     * @param sparse       sparse points x_m, [M][D]
     * @throws IllegalArgumentException if the shapes disagree, an observation is empty or a sigma is not positive
     */
    public static SparseGaussianProcess fit(DotProductKernel kernel, List<double[][]> observations, double[] y,
                                            double[] sigma, double[][] sparse) {
        int n = observations.size(), m = sparse.length;
        if (y.length != n || sigma.length != n) {
            throw new IllegalArgumentException("need one target and one sigma per observation: " + n
                    + " observations, " + y.length + " targets, " + sigma.length + " sigmas");
        }
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("need at least one observation and one sparse point");
        }
        for (int s = 0; s < n; s++) {
            if (!(sigma[s] > 0) || !Double.isFinite(sigma[s])) {
                throw new IllegalArgumentException("sigma of observation " + s + " must be positive, got " + sigma[s]);
            }
            if (observations.get(s).length == 0) {
                throw new IllegalArgumentException("observation " + s + " has no environment");
            }
        }
        double[][] kmm = new double[m][m];
        double meanDiag = 0;
        for (int a = 0; a < m; a++) {
            for (int b = 0; b <= a; b++) {
                kmm[a][b] = kernel.value(sparse[a], sparse[b]);
                kmm[b][a] = kmm[a][b];
            }
            meanDiag += kmm[a][a] / m;
        }
        for (int a = 0; a < m; a++) {
            kmm[a][a] += 1e-10 * meanDiag;
        }
        RealMatrix l = new CholeskyDecomposition(new Array2DRowRealMatrix(kmm, false), 1e-12, 1e-14).getL();
        double[][] a = new double[n + m][m];
        double[] b = new double[n + m];
        IntStream.range(0, n).parallel().forEach(s -> {
            double[] row = sums(kernel, observations.get(s), sparse);
            for (int j = 0; j < m; j++) {
                a[s][j] = row[j] / sigma[s];
            }
            b[s] = y[s] / sigma[s];
        });
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                a[n + i][j] = l.getEntry(j, i);   // L^T
            }
        }
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(a, false), 0.0);
        double[] c = qr.getSolver().solve(new ArrayRealVector(b, false)).toArray();
        RealMatrix rTop = qr.getR().getSubMatrix(0, m - 1, 0, m - 1);
        return new SparseGaussianProcess(kernel, sparse, c, l, rTop);
    }

    // K_{sM}: sum over the environments of one observation of k(x_i, x_m)
    private static double[] sums(DotProductKernel kernel, double[][] envs, double[][] sparse) {
        double[] row = new double[sparse.length];
        for (double[] x : envs) {
            for (int j = 0; j < sparse.length; j++) {
                row[j] += kernel.value(x, sparse[j]);
            }
        }
        return row;
    }

    /** The weights c, length M. */
    public double[] weights() {
        return c.clone();
    }

    /** Number of sparse points M. */
    public int sparseCount() {
        return sparse.length;
    }

    /** The kernel. */
    public DotProductKernel kernel() {
        return kernel;
    }

    /** Predictive mean of an observation: sum over its environments of eps(x_i). */
    public double predict(double[][] environments) {
        double[] k = sums(kernel, environments, sparse);
        double e = 0;
        for (int j = 0; j < c.length; j++) {
            e += k[j] * c[j];
        }
        return e;
    }

    /** Predictive means of several observations (in parallel). */
    public double[] predict(List<double[][]> observations) {
        double[] out = new double[observations.size()];
        IntStream.range(0, out.length).parallel().forEach(s -> out[s] = predict(observations.get(s)));
        return out;
    }

    /** Predictive variance of an observation (projected-process formula of the class comment), &gt;= 0. */
    public double variance(double[][] environments) {
        double[] k = sums(kernel, environments, sparse);
        double kss = 0;
        for (double[] x : environments) {
            for (double[] z : environments) {
                kss += kernel.value(x, z);
            }
        }
        RealVector v1 = new ArrayRealVector(k);
        MatrixUtils.solveLowerTriangularSystem(choleskyL, v1);      // L^-1 k
        RealVector v2 = new ArrayRealVector(k);
        MatrixUtils.solveLowerTriangularSystem(r.transpose(), v2);  // R^-T k
        return Math.max(0.0, kss - v1.dotProduct(v1) + v2.dotProduct(v2));
    }
}
