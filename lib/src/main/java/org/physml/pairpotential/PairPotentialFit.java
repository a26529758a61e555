package org.physml.pairpotential;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Linear least squares for the coefficients A of a pair potential: min_A sum_s (X_s . A - y_s)^2 over structures s,
 * X the {@link PairFeatures} rows and y the energies (eV), by Householder QR (Commons Math {@link QRDecomposition}).
 * The columns are scaled to unit Euclidean norm before the decomposition (the 1/r^12 and 1/r^6 sums differ by many
 * orders of magnitude) and the coefficients scaled back: A^k_ab in eV Angstrom^k, the atom-count coefficients in
 * eV/atom.
 */
public final class PairPotentialFit {
    private PairPotentialFit() {
    }

    /**
     * @param x feature rows, shape [n][m], n &gt;= m
     * @param y energies, length n, eV
     * @return the coefficients, length m
     * @throws IllegalArgumentException if the shapes disagree, there are fewer rows than columns, a column is zero
     * @throws org.apache.commons.math3.linear.SingularMatrixException if the columns are linearly dependent
     */
    public static double[] fit(double[][] x, double[] y) {
        int n = x.length;
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException("need one energy per feature row, got " + n + " rows and " + y.length
                    + " energies");
        }
        int m = x[0].length;
        if (n < m) {
            throw new IllegalArgumentException("need at least as many structures (" + n + ") as coefficients (" + m
                    + ")");
        }
        double[] scale = new double[m];
        for (double[] row : x) {
            if (row.length != m) {
                throw new IllegalArgumentException("feature rows differ in length: " + row.length + " and " + m);
            }
            for (int c = 0; c < m; c++) {
                scale[c] += row[c] * row[c];
            }
        }
        double[][] scaled = new double[n][m];
        for (int c = 0; c < m; c++) {
            scale[c] = Math.sqrt(scale[c]);
            if (!(scale[c] > 0)) {
                throw new IllegalArgumentException("feature column " + c + " is zero in every structure");
            }
        }
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < m; c++) {
                scaled[r][c] = x[r][c] / scale[c];
            }
        }
        RealVector sol = new QRDecomposition(new Array2DRowRealMatrix(scaled, false), 0.0).getSolver()
                .solve(new ArrayRealVector(y, false));
        double[] a = sol.toArray();
        for (int c = 0; c < m; c++) {
            a[c] /= scale[c];
        }
        return a;
    }

    /** The predicted energies X A, length n. */
    public static double[] predict(double[][] x, double[] coefficients) {
        double[] out = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != coefficients.length) {
                throw new IllegalArgumentException("row " + r + " has " + x[r].length + " features but there are "
                        + coefficients.length + " coefficients");
            }
            for (int c = 0; c < coefficients.length; c++) {
                out[r] += x[r][c] * coefficients[c];
            }
        }
        return out;
    }
}
