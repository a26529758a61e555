package org.physml.heat;

/**
 * Error norms between a numerical and a reference field.
 *
 * <ul>
 *   <li>{@link #maxError}: max_i |u_i - v_i| (discrete L-infinity norm).</li>
 *   <li>{@link #l2Error}: the continuous L2 norm (integral over x of (u - v)^2)^{1/2}, by the trapezoidal rule on
 *   the (possibly non-uniform) grid x. On a uniform grid it is sqrt(dx sum' e_i^2) with half weights at the
 *   ends, so it converges to the function-space norm as dx -&gt; 0 and errors on different grids compare.</li>
 *   <li>{@link #relativeL2}: ||u - v||_2 / ||v||_2 with plain sums over all entries (the figure of merit of
 *   PINN papers, e.g. Raissi, Perdikaris &amp; Karniadakis, J. Comput. Phys. 378, 686-707 (2019)).</li>
 * </ul>
 * All methods throw IllegalArgumentException for arrays of different or zero length.
 */
public final class ErrorNorms {
    private ErrorNorms() {
    }

    /** max_i |numeric_i - reference_i|. */
    public static double maxError(double[] numeric, double[] reference) {
        checkSameLength(numeric, reference);
        double m = 0;
        for (int i = 0; i < numeric.length; i++) {
            m = Math.max(m, Math.abs(numeric[i] - reference[i]));
        }
        return m;
    }

    /**
     * Trapezoidal L2 norm of numeric - reference over the grid x (strictly increasing), units of T times
     * sqrt(length).
     *
     * @throws IllegalArgumentException if lengths differ, fewer than 2 points, or x is not increasing
     */
    public static double l2Error(double[] x, double[] numeric, double[] reference) {
        checkSameLength(numeric, reference);
        checkSameLength(x, numeric);
        if (x.length < 2) {
            throw new IllegalArgumentException("the trapezoidal L2 norm needs at least 2 grid points, got " + x.length);
        }
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double h = x[i + 1] - x[i];
            if (!(h > 0)) {
                throw new IllegalArgumentException("grid must be strictly increasing, x[" + i + "] = " + x[i]
                        + ", x[" + (i + 1) + "] = " + x[i + 1]);
            }
            double e0 = numeric[i] - reference[i];
            double e1 = numeric[i + 1] - reference[i + 1];
            sum += 0.5 * h * (e0 * e0 + e1 * e1);
        }
        return Math.sqrt(sum);
    }

    /**
     * Relative discrete L2 error sqrt(sum (u - v)^2 / sum v^2) over all entries.
     *
     * @throws IllegalArgumentException if lengths differ, are zero, or the reference is identically zero
     */
    public static double relativeL2(double[] numeric, double[] reference) {
        checkSameLength(numeric, reference);
        double num = 0;
        double den = 0;
        for (int i = 0; i < numeric.length; i++) {
            double e = numeric[i] - reference[i];
            num += e * e;
            den += reference[i] * reference[i];
        }
        if (den == 0) {
            throw new IllegalArgumentException("relative L2 error is undefined for an all-zero reference");
        }
        return Math.sqrt(num / den);
    }

    /** {@link #relativeL2(double[], double[])} over every entry of two [n][m] arrays (rows may differ in length). */
    public static double relativeL2(double[][] numeric, double[][] reference) {
        return relativeL2(flatten(numeric, reference), flatten(reference, numeric));
    }

    /** {@link #maxError(double[], double[])} over every entry of two [n][m] arrays. */
    public static double maxError(double[][] numeric, double[][] reference) {
        return maxError(flatten(numeric, reference), flatten(reference, numeric));
    }

    private static double[] flatten(double[][] u, double[][] shapeOf) {
        if (u.length != shapeOf.length) {
            throw new IllegalArgumentException("arrays have different numbers of rows: " + u.length + " vs "
                    + shapeOf.length);
        }
        int n = 0;
        for (int k = 0; k < u.length; k++) {
            if (u[k].length != shapeOf[k].length) {
                throw new IllegalArgumentException("row " + k + " lengths differ: " + u[k].length + " vs "
                        + shapeOf[k].length);
            }
            n += u[k].length;
        }
        double[] flat = new double[n];
        int p = 0;
        for (double[] row : u) {
            System.arraycopy(row, 0, flat, p, row.length);
            p += row.length;
        }
        return flat;
    }

    private static void checkSameLength(double[] u, double[] v) {
        if (u == null || v == null) {
            throw new IllegalArgumentException("arrays must not be null");
        }
        if (u.length != v.length || u.length == 0) {
            throw new IllegalArgumentException("arrays must have the same non-zero length, got " + u.length
                    + " and " + v.length);
        }
    }
}
