package org.physml.heat;

import org.apache.commons.math3.special.Erf;

/**
 * Exact solution of T_t = a T_xx on [0, L] with constant boundary values T(t, 0) = T0, T(t, L) = T1 and
 * a uniform initial temperature T(0, x) = T_init (T_init = 0 in the lecture problem), with its derivatives
 * T_x, T_xx and T_t = a T_xx.
 *
 * <p><b>Fourier series</b> (separation of variables for the slab with constant surface temperatures, as in
 * Carslaw &amp; Jaeger, <i>Conduction of Heat in Solids</i>, 2nd ed., Oxford 1959; b_n follows from the sine
 * coefficients of T_init - steady state): steady state plus decaying sine modes,
 * <pre>
 *   T(x, t) = T0 + (T1 - T0) x / L + sum_{n&gt;=1} b_n sin(n pi x / L) exp(-a (n pi / L)^2 t),
 *   b_n = (2 / (n pi)) [ (T1 - T_init) (-1)^n - (T0 - T_init) ],
 * </pre>
 * which for T0 = T_init = 0, T1 = 1 is b_n = 2 (-1)^n / (n pi). With |b_n| &lt;= B / n,
 * B = (2/pi)(|T1 - T_init| + |T0 - T_init|) and beta = a pi^2 t / L^2, the tail after N terms of the
 * p-th x-derivative is bounded by B (pi/L)^p sum_{n&gt;N} n^{p-1} e^{-beta n^2}, which is bounded by
 * geometric series (n^2 &gt;= n (N+1) for n &gt; N); N is the smallest count that brings this bound below
 * the tolerance. This needs N ~ sqrt(ln(1/tol) / beta) terms, many for small t.
 *
 * <p><b>Image (erfc) series</b> (method of images, ibid.), used instead when it needs fewer terms
 * (small t): with s = 2 sqrt(a t) and
 * S(x, t) = sum_{m&gt;=0} [erfc(((2m+1)L - x)/s) - erfc(((2m+1)L + x)/s)] (the slab with T = 1 at x = L and
 * T = 0 at x = 0, initially 0), T = T_init + (T1 - T_init) S(x, t) + (T0 - T_init) S(L - x, t). Terms
 * m &gt;= 1 are bounded by exp(-m^2 L^2 / (a t)) (and the analogous Gaussian bounds for the derivatives).
 * The two series are mathematically identical; the unit tests check that they agree.
 *
 * <p><b>Truncation:</b> for t &gt; 0 every returned value has an absolute truncation error below
 * {@link #tolerance()} (default 1e-12 in units of T; T_x and T_xx in units of T/L and T/L^2); round-off of
 * the sums adds a few ulps times the largest term. <b>t = 0</b> is handled exactly: T(x, 0) = T_init for
 * 0 &lt; x &lt; L, and at the corners the boundary values win, T(0, 0) = T0 and T(L, 0) = T1 (the limit along the
 * boundary, and what the FTCS grid stores). Derivatives are only defined for t &gt; 0.
 *
 * <p>Immutable and thread-safe.
 */
public final class ExactSolution {
    /** Default absolute truncation tolerance. */
    public static final double DEFAULT_TOLERANCE = 1e-12;
    /** Relative cost of one image-series term (two erfc) versus one Fourier term (sin + exp). */
    private static final double IMAGE_TERM_COST = 4;

    private final double a;
    private final double length;
    private final double t0;
    private final double t1;
    private final double tInit;
    private final double tolerance;

    /**
     * @param a         thermal diffusivity, &gt; 0
     * @param length    L, &gt; 0
     * @param t0        T(t, 0)
     * @param t1        T(t, L)
     * @param tInit     uniform initial temperature T(0, x)
     * @param tolerance absolute truncation tolerance, &gt; 0 (1e-15 is about the useful floor)
     * @throws IllegalArgumentException on non-positive a, L or tolerance, or non-finite temperatures
     */
    public ExactSolution(double a, double length, double t0, double t1, double tInit, double tolerance) {
        HeatProblem.constant(a, length, t0, t1, tInit); // validates a, L and the temperatures
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("truncation tolerance must be finite and > 0, got " + tolerance);
        }
        this.a = a;
        this.length = length;
        this.t0 = t0;
        this.t1 = t1;
        this.tInit = tInit;
        this.tolerance = tolerance;
    }

    /** Same with the default tolerance 1e-12. */
    public ExactSolution(double a, double length, double t0, double t1, double tInit) {
        this(a, length, t0, t1, tInit, DEFAULT_TOLERANCE);
    }

    /** The lecture problem a = 0.1, L = 1, T0 = 0, T1 = 1, T_init = 0, tolerance 1e-12. */
    public static ExactSolution lecture() {
        return new ExactSolution(0.1, 1.0, 0.0, 1.0, 0.0);
    }

    /** The {@link HeatProblem} this solution solves (for running {@link FtcsSolver} on the same problem). */
    public HeatProblem problem() {
        return HeatProblem.constant(a, length, t0, t1, tInit);
    }

    /** Absolute truncation tolerance of the series. */
    public double tolerance() {
        return tolerance;
    }

    /** Thermal diffusivity a. */
    public double a() {
        return a;
    }

    /** Rod length L. */
    public double length() {
        return length;
    }

    /**
     * T(x, t).
     *
     * @throws IllegalArgumentException if x is outside [0, L] or t &lt; 0 or either is not finite
     */
    public double temperature(double x, double t) {
        check(x, t, false);
        if (t == 0) {
            return x == 0 ? t0 : x == length ? t1 : tInit;
        }
        return evaluate(x, t, 0);
    }

    /** dT/dx at (x, t), t &gt; 0. @throws IllegalArgumentException if t &lt;= 0 or x is outside [0, L] */
    public double dTdx(double x, double t) {
        check(x, t, true);
        return evaluate(x, t, 1);
    }

    /** d^2T/dx^2 at (x, t), t &gt; 0. @throws IllegalArgumentException if t &lt;= 0 or x is outside [0, L] */
    public double d2Tdx2(double x, double t) {
        check(x, t, true);
        return evaluate(x, t, 2);
    }

    /** dT/dt = a d^2T/dx^2 at (x, t), t &gt; 0. @throws IllegalArgumentException as {@link #d2Tdx2} */
    public double dTdt(double x, double t) {
        return a * d2Tdx2(x, t);
    }

    /** T(x_i, t) for every x_i, length x.length. @throws IllegalArgumentException as {@link #temperature} */
    public double[] temperature(double[] x, double t) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = temperature(x[i], t);
        }
        return out;
    }

    /** T on a grid, shape [t.length][x.length]. @throws IllegalArgumentException as {@link #temperature} */
    public double[][] temperature(double[] x, double[] t) {
        double[][] out = new double[t.length][];
        for (int k = 0; k < t.length; k++) {
            out[k] = temperature(x, t[k]);
        }
        return out;
    }

    /**
     * Number of Fourier terms the p-th x-derivative (p = 0, 1, 2) needs at time t &gt; 0 for the tolerance;
     * exposed for the lecture (it grows like t^{-1/2} as t -&gt; 0).
     */
    public int fourierTerms(double t, int p) {
        double amp = 2 / Math.PI * (Math.abs(t1 - tInit) + Math.abs(t0 - tInit)) * Math.pow(Math.PI / length, p);
        double beta = a * Math.PI * Math.PI * t / (length * length);
        return smallestCount(n -> amp * fourierTail(n, beta, p - 1));
    }

    /** Number of image-series terms (m = 0..M) the p-th x-derivative needs at time t &gt; 0. */
    public int imageTerms(double t, int p) {
        double s = 2 * Math.sqrt(a * t);
        double amp = Math.abs(t1 - tInit) + Math.abs(t0 - tInit);
        double gamma = length * length / (a * t);
        if (p == 0) {
            return smallestCount(m -> amp * gaussTail(m, gamma)) + 1;
        }
        double pre = p == 1 ? 4 / (Math.sqrt(Math.PI) * s) : 8 / (Math.sqrt(Math.PI) * s * s * Math.sqrt(Math.E));
        double g = p == 1 ? gamma : gamma / 2;
        return smallestCount(m -> amp * pre * gaussTail(m, g)) + 1;
    }

    private double evaluate(double x, double t, int p) {
        int nF = fourierTerms(t, p);
        int nI = imageTerms(t, p);
        return nF <= IMAGE_TERM_COST * nI ? fourier(x, t, p, nF) : images(x, t, p, nI);
    }

    /** The Fourier series alone (p-th x-derivative, t &gt; 0), for cross-checks. */
    double fourierSeries(double x, double t, int p) {
        return fourier(x, t, p, fourierTerms(t, p));
    }

    /** The image series alone (p-th x-derivative, t &gt; 0), for cross-checks. */
    double imageSeries(double x, double t, int p) {
        return images(x, t, p, imageTerms(t, p));
    }

    private double fourier(double x, double t, int p, int terms) {
        double steady = switch (p) {
            case 0 -> t0 + (t1 - t0) * x / length;
            case 1 -> (t1 - t0) / length;
            default -> 0;
        };
        double sum = 0;
        // accumulate from the smallest (last) terms for slightly better round-off
        for (int n = terms; n >= 1; n--) {
            double k = n * Math.PI / length;
            double sign = (n % 2 == 0) ? 1 : -1;
            double b = 2 / (n * Math.PI) * ((t1 - tInit) * sign - (t0 - tInit));
            double decay = Math.exp(-a * k * k * t);
            sum += switch (p) {
                case 0 -> b * Math.sin(k * x) * decay;
                case 1 -> b * k * Math.cos(k * x) * decay;
                default -> -b * k * k * Math.sin(k * x) * decay;
            };
        }
        return steady + sum;
    }

    private double images(double x, double t, int p, int terms) {
        double base = p == 0 ? tInit : 0;
        double sign = p == 1 ? -1 : 1; // d/dx of S(L - x) is -S_x(L - x)
        return base + (t1 - tInit) * slab(x, t, p, terms) + sign * (t0 - tInit) * slab(length - x, t, p, terms);
    }

    /** p-th x-derivative of S(x, t), the image series for the slab heated at x = L. */
    private double slab(double x, double t, int p, int terms) {
        double s = 2 * Math.sqrt(a * t);
        double sum = 0;
        for (int m = terms - 1; m >= 0; m--) {
            double u = ((2 * m + 1) * length - x) / s;
            double w = ((2 * m + 1) * length + x) / s;
            sum += switch (p) {
                case 0 -> Erf.erfc(u) - Erf.erfc(w);
                case 1 -> 2 / (Math.sqrt(Math.PI) * s) * (Math.exp(-u * u) + Math.exp(-w * w));
                default -> 4 / (Math.sqrt(Math.PI) * s * s) * (u * Math.exp(-u * u) - w * Math.exp(-w * w));
            };
        }
        return sum;
    }

    /**
     * Bound on sum_{n&gt;N} n^q e^{-beta n^2}: for q = -1 by (1/(N+1)) e^{-beta (N+1)^2}/(1 - e^{-beta (N+1)});
     * for q &gt;= 0 by max_n(n^q e^{-beta n^2/2}) times the same geometric bound with beta/2.
     */
    private static double fourierTail(int bigN, double beta, int q) {
        if (q < 0) {
            return gaussTail(bigN, beta) / (bigN + 1);
        }
        double peak = q == 0 ? 1 : Math.pow(q / (Math.E * beta), q / 2.0);
        return peak * gaussTail(bigN, beta / 2);
    }

    /** sum_{n&gt;N} e^{-c n^2} &lt;= e^{-c (N+1)^2} / (1 - e^{-c (N+1)}), using n^2 &gt;= n (N+1). */
    private static double gaussTail(int bigN, double c) {
        double n1 = bigN + 1.0;
        return Math.exp(-c * n1 * n1) / (-Math.expm1(-c * n1));
    }

    private interface Bound {
        double after(int n);
    }

    /** Smallest N &gt;= 0 with bound.after(N) &lt;= tolerance (bounds decrease with N): doubling then bisection. */
    private int smallestCount(Bound bound) {
        if (bound.after(0) <= tolerance) {
            return 0;
        }
        int hi = 1;
        while (bound.after(hi) > tolerance) {
            if (hi > (1 << 29)) {
                throw new IllegalArgumentException("series needs more than 2^29 terms; t is too small");
            }
            hi *= 2;
        }
        int lo = hi / 2; // bound(lo) > tol (or lo = 0, checked above)
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (bound.after(mid) <= tolerance) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private void check(double x, double t, boolean derivative) {
        if (!Double.isFinite(x) || x < 0 || x > length) {
            throw new IllegalArgumentException("x must lie in [0, L] = [0, " + length + "], got " + x);
        }
        if (!Double.isFinite(t) || t < 0) {
            throw new IllegalArgumentException("t must be finite and >= 0, got " + t);
        }
        if (derivative && t == 0) {
            throw new IllegalArgumentException("derivatives of the exact solution are defined for t > 0 only"
                    + " (the initial and boundary values disagree at the corner), got t = 0");
        }
    }
}
