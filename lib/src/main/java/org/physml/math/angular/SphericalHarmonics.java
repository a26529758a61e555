package org.physml.math.angular;

/**
 * Spherical harmonics Y_lm of a direction for all 0 &lt;= m &lt;= l &lt;= l_max, with the Condon-Shortley phase
 * (sign Y_ll = (-1)^l for a direction in the upper half-space; the convention of LAMMPS compute orientorder/atom and
 * SciPy). The m &lt; 0 harmonics follow from Y_l,-m = (-1)^m conj(Y_lm) and are not stored.
 *
 * <p>Method: Y_lm(r) = R_l^m(cos theta) u^m with u = (x + i y)/|r| = sin(theta) e^{i phi} and the "reduced"
 * normalised associated Legendre function R_l^m = Pbar_l^m / sin^m(theta), where
 * Pbar_l^m = sqrt((2l+1)/(4 pi) (l-m)!/(l+m)!) P_l^m. The recurrences below are the normalised form of the
 * textbook ones, P_m^m = -(2m-1) sin(theta) P_{m-1}^{m-1} and (l-m) P_l^m = (2l-1) x P_{l-1}^m - (l+m-1) P_{l-2}^m
 * (the ones LAMMPS's compute_orientorder_atom.cpp uses unnormalised); they carry over to R because they are linear
 * at fixed m:
 * <pre>
 *   R_0^0 = 1/sqrt(4 pi),   R_m^m = -sqrt((2m+1)/(2m)) R_{m-1}^{m-1},
 *   R_{m+1}^m = sqrt(2m+3) x R_m^m,
 *   R_l^m = a_lm (x R_{l-1}^m - b_lm R_{l-2}^m),  a_lm = sqrt((4l^2-1)/(l^2-m^2)),
 *                                                  b_lm = sqrt(((l-1)^2-m^2)/(4(l-1)^2-1)).
 * </pre>
 * Writing the azimuthal factor as a power of u avoids dividing by sin(theta), so directions along the z axis need
 * no special case.
 *
 * <p>Storage: the complex Y_lm for m &gt;= 0 in a flat array, real part at {@code 2 index(l, m)}, imaginary part at
 * {@code 2 index(l, m) + 1}, with {@link #index(int, int)} = l (l+1)/2 + m; length {@link #length()}.
 * Immutable and thread-safe.
 */
public final class SphericalHarmonics {
    private final int lMax;
    private final double[] diag;
    private final double[] a;
    private final double[] b;

    /**
     * @param lMax largest degree l_max, &gt;= 0
     * @throws IllegalArgumentException if lMax is negative
     */
    public SphericalHarmonics(int lMax) {
        if (lMax < 0) {
            throw new IllegalArgumentException("l_max must be >= 0, got " + lMax);
        }
        this.lMax = lMax;
        diag = new double[lMax + 1];
        diag[0] = 1.0 / Math.sqrt(4.0 * Math.PI);
        for (int m = 1; m <= lMax; m++) {
            diag[m] = -Math.sqrt((2.0 * m + 1.0) / (2.0 * m)) * diag[m - 1];
        }
        int size = index(lMax, lMax) + 1;
        a = new double[size];
        b = new double[size];
        for (int m = 0; m <= lMax; m++) {
            for (int l = m + 1; l <= lMax; l++) {
                int k = index(l, m);
                if (l == m + 1) {
                    a[k] = Math.sqrt(2.0 * m + 3.0);
                } else {
                    double l2 = (double) l * l, m2 = (double) m * m, lm1 = l - 1.0;
                    a[k] = Math.sqrt((4.0 * l2 - 1.0) / (l2 - m2));
                    b[k] = Math.sqrt((lm1 * lm1 - m2) / (4.0 * lm1 * lm1 - 1.0));
                }
            }
        }
    }

    /** Position of (l, m), 0 &lt;= m &lt;= l, in the triangular layout: l (l+1)/2 + m. */
    public static int index(int l, int m) {
        return l * (l + 1) / 2 + m;
    }

    /** The largest degree l_max. */
    public int lMax() {
        return lMax;
    }

    /** Length of a flat complex array holding all m &gt;= 0 harmonics up to l_max: (l_max+1)(l_max+2). */
    public int length() {
        return 2 * (index(lMax, lMax) + 1);
    }

    /**
     * Adds Y_lm(r / |r|) for all 0 &lt;= m &lt;= l &lt;= l_max to {@code acc} (layout of the class documentation).
     *
     * @param x   Cartesian components of r, any unit; |r| must be &gt; 0
     * @param acc accumulator of length &gt;= {@link #length()}
     */
    public void add(double x, double y, double z, double[] acc) {
        double r = Math.sqrt(x * x + y * y + z * z);
        double inv = 1.0 / r;
        double c = z * inv;
        double ur = x * inv, ui = y * inv;
        double pr = 1.0, pi = 0.0; // u^m
        for (int m = 0; m <= lMax; m++) {
            double rmm = diag[m];
            int k = index(m, m);
            acc[2 * k] += rmm * pr;
            acc[2 * k + 1] += rmm * pi;
            double r2 = 0.0, r1 = rmm;
            for (int l = m + 1; l <= lMax; l++) {
                k = index(l, m);
                double rl = a[k] * (c * r1 - b[k] * r2);
                acc[2 * k] += rl * pr;
                acc[2 * k + 1] += rl * pi;
                r2 = r1;
                r1 = rl;
            }
            double t = pr * ur - pi * ui;
            pi = pr * ui + pi * ur;
            pr = t;
        }
    }

    /**
     * The harmonics of one direction as a new array (layout of the class documentation).
     *
     * @throws IllegalArgumentException if r is the zero vector or not finite
     */
    public double[] values(double x, double y, double z) {
        double r2 = x * x + y * y + z * z;
        if (!(r2 > 0) || !Double.isFinite(r2)) {
            throw new IllegalArgumentException("direction must be a finite non-zero vector, got (" + x + ", " + y
                    + ", " + z + ")");
        }
        double[] out = new double[length()];
        add(x, y, z, out);
        return out;
    }
}
