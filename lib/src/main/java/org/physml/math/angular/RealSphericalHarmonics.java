package org.physml.math.angular;

import java.util.Arrays;

/**
 * Real (tesseral) orthonormal spherical harmonics Y_lm, l = 0..l_max, evaluated from Cartesian
 * coordinates by recurrence (no trigonometric functions).
 *
 * <p>Convention: the real form of Wikipedia's "Spherical harmonics" article, the one DScribe's SOAP
 * documentation names: with the complex Y_l^m carrying the Condon-Shortley phase,
 * <pre>
 *   Y_{l,m}  = sqrt(2) (-1)^m Re Y_l^m        m &gt; 0   (proportional to cos(m phi))
 *   Y_{l,0}  = Y_l^0
 *   Y_{l,-m} = sqrt(2) (-1)^m Im Y_l^m        m &gt; 0   (proportional to sin(m phi))
 * </pre>
 * so that the two phases cancel and, e.g., Y_{1,1} = sqrt(3/(4 pi)) x/r, Y_{1,-1} = sqrt(3/(4 pi)) y/r,
 * Y_{1,0} = sqrt(3/(4 pi)) z/r. The functions are orthonormal on the unit sphere:
 * integral Y_lm Y_l'm' dOmega = delta_ll' delta_mm'.
 *
 * <p>Index: the value of (l, m), m = -l..l, is stored at {@code l*l + l + m}; (l_max + 1)^2 values in all.
 *
 * <p>Method: r^l Y_lm(x, y, z) = N_lm Pi_l^m(z, r^2) A_m(x, y), where A_m = Re (x + i y)^m for m &gt;= 0
 * and Im (x + i y)^|m| for m &lt; 0 (recurrence A_{m+1} = x A_m - y B_m, B_{m+1} = x B_m + y A_m), and
 * Pi_l^m = r^(l-m) P_l^m(cos theta) / sin^m theta (associated Legendre function without the
 * Condon-Shortley phase) is a polynomial in z and r^2 obeying
 * Pi_m^m = (2m - 1)!!, Pi_{m+1}^m = (2m + 1) z Pi_m^m,
 * (l - m) Pi_l^m = (2l - 1) z Pi_{l-1}^m - (l + m - 1) r^2 Pi_{l-2}^m
 * (the standard three-term recurrence in l of the associated Legendre functions, multiplied by r^l).
 * N_lm = sqrt((2l + 1)/(4 pi) (l - m)!/(l + m)!) times sqrt(2) for m != 0.
 *
 * <p>Instances are immutable and thread-safe; the evaluation methods write into caller buffers.
 */
public final class RealSphericalHarmonics {
    /** Largest degree supported: the (2l-1)!! and factorial ratios stay far from overflow up to here. */
    public static final int MAX_L = 40;

    private final int lMax;
    /** N_lm (with the sqrt(2) for m > 0), index l*(l+1)/2 + m, m = 0..l. */
    private final double[] norm;
    /** (2l - 1)/(l - m), index l*(l+1)/2 + m. */
    private final double[] recA;
    /** (l + m - 1)/(l - m), index l*(l+1)/2 + m. */
    private final double[] recB;

    /**
     * @param lMax maximum degree l_max, 0..{@value #MAX_L}
     * @throws IllegalArgumentException if lMax is outside 0..{@value #MAX_L}
     */
    public RealSphericalHarmonics(int lMax) {
        if (lMax < 0 || lMax > MAX_L) {
            throw new IllegalArgumentException("l_max must be in 0.." + MAX_L + ", got " + lMax);
        }
        this.lMax = lMax;
        int n = (lMax + 1) * (lMax + 2) / 2;
        norm = new double[n];
        recA = new double[n];
        recB = new double[n];
        for (int l = 0; l <= lMax; l++) {
            for (int m = 0; m <= l; m++) {
                int i = l * (l + 1) / 2 + m;
                // (l - m)!/(l + m)! as a product of 2m reciprocals, no factorial overflow
                double ratio = 1.0;
                for (int k = l - m + 1; k <= l + m; k++) {
                    ratio /= k;
                }
                double nlm = Math.sqrt((2.0 * l + 1.0) / (4.0 * Math.PI) * ratio);
                norm[i] = m == 0 ? nlm : Math.sqrt(2.0) * nlm;
                if (l > m) {
                    recA[i] = (2.0 * l - 1.0) / (l - m);
                    recB[i] = (l + m - 1.0) / (l - m);
                }
            }
        }
    }

    /** The maximum degree l_max. */
    public int lMax() {
        return lMax;
    }

    /** Number of (l, m) pairs, (l_max + 1)^2. */
    public int size() {
        return (lMax + 1) * (lMax + 1);
    }

    /** Index of (l, m) in the output arrays: l*l + l + m. */
    public static int index(int l, int m) {
        return l * l + l + m;
    }

    /**
     * Regular solid harmonics r^l Y_lm(r_hat) at the point (x, y, z), Angstrom^l; all zero for l &gt; 0 at the
     * origin, Y_00 there.
     *
     * @param out receives (l_max + 1)^2 values, index {@link #index(int, int)}
     */
    public void solid(double x, double y, double z, double[] out) {
        double r2 = x * x + y * y + z * z;
        // m = 0 column first, then each m > 0 with the running Re/Im of (x + i y)^m
        fillColumn(0, z, r2, 1.0, 0.0, out);
        double re = 1.0, im = 0.0;
        for (int m = 1; m <= lMax; m++) {
            double nre = x * re - y * im;
            double nim = x * im + y * re;
            re = nre;
            im = nim;
            fillColumn(m, z, r2, re, im, out);
        }
    }

    /**
     * Y_lm of the direction of (x, y, z), which must not be the origin.
     *
     * @param out receives (l_max + 1)^2 values, index {@link #index(int, int)}
     * @throws IllegalArgumentException if (x, y, z) is the origin or not finite
     */
    public void evaluate(double x, double y, double z, double[] out) {
        double r = Math.sqrt(x * x + y * y + z * z);
        if (!(r > 0) || !Double.isFinite(r)) {
            throw new IllegalArgumentException("Y_lm needs a finite non-zero direction, got (" + x + ", " + y
                    + ", " + z + ")");
        }
        solid(x / r, y / r, z / r, out);
    }

    /**
     * Regular solid harmonics r^l Y_lm of many points at once (the same values as
     * {@link #solid(double, double, double, double[])}, organised for loops over points).
     *
     * <p>Every loop runs over the points with the same index in all the arrays it touches (one row per (l, m)),
     * so the JIT can vectorise it; rows of one flat array at different offsets would defeat that, as the
     * compiler must assume the offsets overlap.
     *
     * @param x       x coordinates, Angstrom, length &gt;= count (likewise y, z)
     * @param count   number of points
     * @param out     (l_max + 1)^2 rows of length &gt;= count: receives r^l Y_lm of point i at
     *                {@code out[index(l, m)][i]}
     * @param scratch three work rows of length &gt;= count
     * @throws IllegalArgumentException if out or scratch has too few rows
     */
    public void solid(double[] x, double[] y, double[] z, int count, double[][] out, double[][] scratch) {
        if (out.length < size() || scratch.length < 3) {
            throw new IllegalArgumentException("need " + size() + " output rows and 3 scratch rows, got "
                    + out.length + " and " + scratch.length);
        }
        final double[] r2 = scratch[0];
        final double[] re = scratch[1];
        final double[] im = scratch[2];
        for (int i = 0; i < count; i++) {
            r2[i] = x[i] * x[i] + y[i] * y[i] + z[i] * z[i];
            re[i] = 1.0;
            im[i] = 0.0;
        }
        for (int m = 0; m <= lMax; m++) {
            if (m > 0) {
                for (int i = 0; i < count; i++) {
                    double a = re[i];
                    double b = im[i];
                    re[i] = x[i] * a - y[i] * b;
                    im[i] = x[i] * b + y[i] * a;
                }
            }
            // raw Pi_l^m into the rows (l, +m), l = m..l_max
            double pmm = 1.0;
            for (int k = 1; k <= m; k++) {
                pmm *= 2 * k - 1;
            }
            Arrays.fill(out[index(m, m)], 0, count, pmm);
            for (int l = m + 1; l <= lMax; l++) {
                int c = l * (l + 1) / 2 + m;
                double ca = recA[c];
                double cb = recB[c];
                double[] row = out[index(l, m)];
                double[] row1 = out[index(l - 1, m)];
                if (l == m + 1) {
                    for (int i = 0; i < count; i++) {
                        row[i] = ca * z[i] * row1[i];
                    }
                } else {
                    double[] row2 = out[index(l - 2, m)];
                    for (int i = 0; i < count; i++) {
                        row[i] = ca * z[i] * row1[i] - cb * r2[i] * row2[i];
                    }
                }
            }
            // normalise, times Re / Im (x + i y)^m
            for (int l = m; l <= lMax; l++) {
                double v = norm[l * (l + 1) / 2 + m];
                double[] row = out[index(l, m)];
                if (m == 0) {
                    for (int i = 0; i < count; i++) {
                        row[i] *= v;
                    }
                } else {
                    double[] rowNeg = out[index(l, -m)];
                    for (int i = 0; i < count; i++) {
                        double p = v * row[i];
                        rowNeg[i] = p * im[i];
                        row[i] = p * re[i];
                    }
                }
            }
        }
    }

    /** Fills all l = m..l_max for one m &gt;= 0: Pi_l^m by recurrence times N_lm times (Re, Im)(x+iy)^m. */
    private void fillColumn(int m, double z, double r2, double re, double im, double[] out) {
        // Pi_m^m = (2m - 1)!!
        double pmm = 1.0;
        for (int k = 1; k <= m; k++) {
            pmm *= 2 * k - 1;
        }
        double prev = 0.0;      // Pi_{l-2}^m
        double cur = 0.0;       // Pi_{l-1}^m
        for (int l = m; l <= lMax; l++) {
            int i = l * (l + 1) / 2 + m;
            double pi = l == m ? pmm : recA[i] * z * cur - recB[i] * r2 * prev;
            prev = cur;
            cur = pi;
            double v = norm[i] * pi;
            int base = l * l + l;
            if (m == 0) {
                out[base] = v;
            } else {
                out[base + m] = v * re;
                out[base - m] = v * im;
            }
        }
    }
}
