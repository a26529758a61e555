package org.physml.math;

import java.util.Arrays;
import java.util.function.DoubleFunction;

import org.apache.commons.math3.analysis.polynomials.PolynomialFunctionLagrangeForm;

/**
 * A family of M smooth functions f_0..f_(M-1) of one variable on [0, x_max], tabulated as piecewise polynomials so
 * that all M values at a point cost one interval lookup and M short Horner sums instead of M evaluations of the
 * functions themselves (e.g. sums of exponentials). The idea is the splined radial integrals of featomic/librascal
 * (Musil et al., J. Chem. Phys. 154, 114109 (2021), section on splining), here with polynomials of fixed degree.
 *
 * <p>Construction: [0, x_max] is cut into P equal pieces of width h; on each piece every function is interpolated
 * at the degree + 1 Chebyshev points of the piece (Commons Math {@link PolynomialFunctionLagrangeForm}) and stored
 * as monomial coefficients in u = (x - x_mid) / (h / 2), u in [-1, 1]. P starts at ceil(x_max / 0.5) and doubles
 * until, at 8 points per piece between the nodes, every function's largest error is at most
 * {@code relativeTolerance} times its largest magnitude on [0, x_max], or at most the function's absolute error
 * floor (the rounding error of the function values themselves, below which no table can be checked). The check
 * suits smooth functions; a kink narrower than an eighth of a piece can go unseen. Immutable and thread-safe.
 */
public final class PiecewisePolynomialTable {
    private static final int MAX_PIECES = 1 << 14;
    private static final int CHECKS_PER_PIECE = 8;
    /** Fewest functions evaluated by vector Horner steps across functions; fewer get a chain each. */
    private static final int VECTOR_MIN_FUNCTIONS = 8;

    private final int functions;
    private final int degree;
    private final double xMax;
    private final int pieces;
    private final double h;
    private final double invH;
    /**
     * Coefficient p (power of u) of function f on piece j at [j * (degree + 1) + p][f]: one row per piece and
     * power, so that one Horner step over all M functions reads and writes arrays at the same index, a loop the
     * JIT can vectorise (it does not when the two indices differ by an offset, as the arrays might alias).
     */
    private final double[][] coefficients;
    private final double maxRelativeError;

    private PiecewisePolynomialTable(int functions, int degree, double xMax, int pieces, double[][] coefficients,
                                     double maxRelativeError) {
        this.functions = functions;
        this.degree = degree;
        this.xMax = xMax;
        this.pieces = pieces;
        this.h = xMax / pieces;
        this.invH = pieces / xMax;
        this.coefficients = coefficients;
        this.maxRelativeError = maxRelativeError;
    }

    /**
     * Tabulates {@code functions} functions.
     *
     * @param f                 x -&gt; the M values f_0(x)..f_(M-1)(x) (a new or reused array of length M)
     * @param functions         M &gt;= 1
     * @param xMax              end of the domain, &gt; 0 and finite
     * @param degree            polynomial degree per piece, 1..12
     * @param relativeTolerance largest error allowed, relative to each function's largest magnitude, in
     *                          [1e-15, 1e-2]
     * @return the table
     * @throws IllegalArgumentException on arguments outside these ranges, if f returns a non-finite value or the
     *                                  wrong number of values, or if 16384 pieces do not reach the tolerance
     */
    public static PiecewisePolynomialTable fit(DoubleFunction<double[]> f, int functions, double xMax, int degree,
                                               double relativeTolerance) {
        return fit(f, functions, xMax, degree, relativeTolerance, new double[functions]);
    }

    /**
     * Tabulates {@code functions} functions whose values carry a known rounding error.
     *
     * @param errorFloor per function, an absolute error that is always accepted (&gt;= 0), e.g. a few ulps of
     *                   the largest term of a sum that cancels
     * @see #fit(DoubleFunction, int, double, int, double)
     * @throws IllegalArgumentException as there, or if errorFloor has the wrong length or a negative entry
     */
    public static PiecewisePolynomialTable fit(DoubleFunction<double[]> f, int functions, double xMax, int degree,
                                               double relativeTolerance, double[] errorFloor) {
        if (functions < 1) {
            throw new IllegalArgumentException("need at least one function, got " + functions);
        }
        if (!(xMax > 0) || !Double.isFinite(xMax)) {
            throw new IllegalArgumentException("x_max must be finite and > 0, got " + xMax);
        }
        if (degree < 1 || degree > 12) {
            throw new IllegalArgumentException("degree must be in 1..12, got " + degree);
        }
        if (!(relativeTolerance >= 1e-15 && relativeTolerance <= 1e-2)) {
            throw new IllegalArgumentException("relative tolerance must be in [1e-15, 1e-2], got " + relativeTolerance);
        }
        if (errorFloor.length != functions) {
            throw new IllegalArgumentException("need one error floor per function (" + functions + "), got "
                    + errorFloor.length);
        }
        for (double e : errorFloor) {
            if (!(e >= 0) || !Double.isFinite(e)) {
                throw new IllegalArgumentException("error floors must be finite and >= 0, got " + e);
            }
        }
        int pieces = (int) Math.ceil(xMax / 0.5);
        while (true) {
            double[][] coefficients = coefficients(f, functions, xMax, degree, pieces);
            PiecewisePolynomialTable t = new PiecewisePolynomialTable(functions, degree, xMax, pieces, coefficients,
                    Double.NaN);
            double error = t.measureError(f, errorFloor);
            if (error <= relativeTolerance) {
                return new PiecewisePolynomialTable(functions, degree, xMax, pieces, coefficients, error);
            }
            if (2 * pieces > MAX_PIECES) {
                throw new IllegalArgumentException("piecewise polynomials of degree " + degree + " on " + pieces
                        + " pieces of [0, " + xMax + "] miss the relative tolerance " + relativeTolerance
                        + " (error " + error + "): raise the degree or the tolerance");
            }
            pieces *= 2;
        }
    }

    private static double[][] coefficients(DoubleFunction<double[]> f, int m, double xMax, int degree, int pieces) {
        int np = degree + 1;
        double h = xMax / pieces;
        double[] u = new double[np];
        for (int q = 0; q < np; q++) {
            u[q] = Math.cos(Math.PI * (2 * q + 1) / (2.0 * np));
        }
        // Lagrange form needs increasing abscissae
        Arrays.sort(u);
        double[][] c = new double[pieces * np][m];
        double[][] values = new double[m][np];
        for (int j = 0; j < pieces; j++) {
            double mid = (j + 0.5) * h;
            for (int q = 0; q < np; q++) {
                double[] v = checked(f, mid + u[q] * h / 2, m);
                for (int fn = 0; fn < m; fn++) {
                    values[fn][q] = v[fn];
                }
            }
            for (int fn = 0; fn < m; fn++) {
                double[] mono = new PolynomialFunctionLagrangeForm(u, values[fn]).getCoefficients();
                for (int p = 0; p < Math.min(np, mono.length); p++) {
                    c[j * np + p][fn] = mono[p];
                }
            }
        }
        return c;
    }

    private static double[] checked(DoubleFunction<double[]> f, double x, int m) {
        double[] v = f.apply(x);
        if (v == null || v.length != m) {
            throw new IllegalArgumentException("the function family returned " + (v == null ? "null" : v.length
                    + " values") + " at x = " + x + "; expected " + m);
        }
        for (int fn = 0; fn < m; fn++) {
            if (!Double.isFinite(v[fn])) {
                throw new IllegalArgumentException("function " + fn + " is not finite at x = " + x + ": " + v[fn]);
            }
        }
        return v;
    }

    /**
     * Largest error over all functions, each relative to its largest magnitude, at points between the nodes; a
     * function whose largest error is within its floor counts as exact.
     */
    private double measureError(DoubleFunction<double[]> f, double[] floor) {
        double[] scale = new double[functions];
        double[] err = new double[functions];
        double[] got = new double[functions];
        int checks = pieces * CHECKS_PER_PIECE;
        for (int i = 0; i <= checks; i++) {
            double x = Math.min(xMax, (i + 0.37) * xMax / checks);
            double[] exact = checked(f, x, functions);
            evaluate(x, got);
            for (int fn = 0; fn < functions; fn++) {
                scale[fn] = Math.max(scale[fn], Math.abs(exact[fn]));
                err[fn] = Math.max(err[fn], Math.abs(exact[fn] - got[fn]));
            }
        }
        double worst = 0;
        for (int fn = 0; fn < functions; fn++) {
            if (err[fn] > floor[fn]) {
                worst = Math.max(worst, scale[fn] > 0 ? err[fn] / scale[fn] : err[fn]);
            }
        }
        return worst;
    }

    /**
     * All M values at x.
     *
     * @param x a point of [0, x_max]
     * @return f_0(x)..f_(M-1)(x)
     * @throws IllegalArgumentException if x is outside [0, x_max] or NaN
     */
    public double[] evaluate(double x) {
        double[] out = new double[functions];
        evaluate(x, out);
        return out;
    }

    /**
     * All M values at x into a row of its own, without allocation or copies (the Horner steps run in place).
     *
     * @param x   a point of [0, x_max]
     * @param out receives f_0(x)..f_(M-1)(x); length exactly M
     * @throws IllegalArgumentException if x is outside [0, x_max] or NaN, or out has the wrong length
     */
    public void evaluate(double x, double[] out) {
        if (out.length != functions) {
            throw new IllegalArgumentException("out must have length " + functions + ", got " + out.length);
        }
        int j = piece(x);
        double u = (x - (j + 0.5) * h) * 2 * invH;
        int row = j * (degree + 1) + degree;
        if (functions < VECTOR_MIN_FUNCTIONS) {
            // a few functions: one Horner chain each, in registers (a vector loop this short is all overhead)
            for (int fn = 0; fn < functions; fn++) {
                double acc = coefficients[row][fn];
                for (int p = 1; p <= degree; p++) {
                    acc = acc * u + coefficients[row - p][fn];
                }
                out[fn] = acc;
            }
            return;
        }
        System.arraycopy(coefficients[row], 0, out, 0, functions);
        for (int p = degree - 1; p >= 0; p--) {
            double[] c = coefficients[--row];
            for (int fn = 0; fn < out.length; fn++) {
                out[fn] = out[fn] * u + c[fn];
            }
        }
    }

    private int piece(double x) {
        if (!(x >= 0 && x <= xMax)) {
            throw new IllegalArgumentException("x = " + x + " is outside the tabulated domain [0, " + xMax + "]");
        }
        return pieceOf(x);
    }

    private int pieceOf(double x) {
        return Math.min(pieces - 1, (int) (x * invH));
    }

    /** Number of functions M. */
    public int functionCount() {
        return functions;
    }

    /** Polynomial degree per piece. */
    public int degree() {
        return degree;
    }

    /** End of the domain x_max. */
    public double xMax() {
        return xMax;
    }

    /** Number of pieces P. */
    public int pieceCount() {
        return pieces;
    }

    /** Largest relative error measured when the table was fitted (see the class documentation). */
    public double maxRelativeError() {
        return maxRelativeError;
    }
}
