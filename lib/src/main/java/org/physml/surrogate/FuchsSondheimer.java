package org.physml.surrogate;

import java.util.Arrays;

/**
 * Fuchs-Sondheimer reduction function of the in-plane conductivity of a film of thickness d for carriers
 * of bulk mean free path Lambda whose surfaces reflect specularly with probability p.
 *
 * <p>Standard form (K. Fuchs, Proc. Camb. Phil. Soc. 34, 100 (1938); E. H. Sondheimer, Adv. Phys. 1, 1
 * (1952); equation numbers not verified here), applied per phonon mode as is usual for in-plane phonon
 * transport in films (A. J. Minnich, arXiv:1508.00611: boundary scattering of thermal phonons in thin films
 * "is typically analyzed using Fuchs-Sondheimer theory"; arXiv:1511.03312 finds steady-state in-plane
 * transport governed by it), with the Knudsen number Kn = Lambda / d and kappa = 1 / Kn:
 * <pre>
 *   F(Kn, p) = 1 - (3 (1 - p) / (2 kappa)) int_1^inf (1/t^3 - 1/t^5) (1 - e^{-kappa t}) / (1 - p e^{-kappa t}) dt
 * </pre>
 * Evaluated here in an equivalent, cancellation-free form. Substituting mu = 1/t (the direction cosine)
 * gives F = 1 - (3 (1 - p) / (2 kappa)) int_0^1 (mu - mu^3) (1 - E) / (1 - p E) dmu with E = e^{-kappa/mu};
 * writing 1 = (3 (1 - p) / (2 kappa)) int_0^1 (mu - mu^3) kappa / ((1 - p) mu) dmu and combining the two
 * integrands over the common denominator (1 - p)(1 - p E) gives
 * <pre>
 *   F = (3 / (2 kappa)) int_0^1 (mu - mu^3) G(kappa / mu) dmu,
 *   G(x) = [ (1 - p) phi(x) + p x m(x) ] / (1 - p e^{-x}),   phi(x) = x - 1 + e^{-x},   m(x) = 1 - e^{-x}
 * </pre>
 * whose integrand is positive, so F is computed to full relative accuracy also when F &lt;&lt; 1.
 * Quadrature: composite Gauss-Legendre on geometric panels kappa r^j (j = -2, -1, 0, 1, ...) clipped to
 * [0, 1] (the integrand varies on the scale mu ~ kappa).
 *
 * <p>Limits (checked in the tests): F = 1 for p = 1 or Kn = 0; F = 1 - 3 (1 - p) Kn / 8 + O(e^{-1/Kn}) for
 * Kn -&gt; 0; F = (3 / (4 Kn)) (ln Kn + 1 - gamma_E) + o(1/Kn) for p = 0 and Kn -&gt; infinity (gamma_E the
 * Euler-Mascheroni constant; 1 - gamma_E = 0.4228, Sondheimer's thin-film constant).
 *
 * <p>Immutable and thread-safe.
 */
public final class FuchsSondheimer {
    private static final double SMALL_X = 1e-3;

    private final GaussLegendreQuadrature rule;
    private final double panelRatio;

    /** Default accuracy: 16-point Gauss-Legendre panels, geometric panel ratio 4 (relative error ~1e-10). */
    public FuchsSondheimer() {
        this(new GaussLegendreQuadrature(16), 4.0);
    }

    /**
     * @param rule       Gauss-Legendre rule used on every panel
     * @param panelRatio ratio r &gt; 1 of consecutive geometric panel ends above mu = kappa
     * @throws IllegalArgumentException if rule is null or r &lt;= 1
     */
    public FuchsSondheimer(GaussLegendreQuadrature rule, double panelRatio) {
        if (rule == null) {
            throw new IllegalArgumentException("quadrature rule must not be null");
        }
        if (!(panelRatio > 1.0) || Double.isInfinite(panelRatio)) {
            throw new IllegalArgumentException("panel ratio must be > 1 and finite, got " + panelRatio);
        }
        this.rule = rule;
        this.panelRatio = panelRatio;
    }

    /**
     * Reduction factor F in (0, 1] of the in-plane conductivity of one mode.
     *
     * @param knudsen Kn = Lambda / d, &gt;= 0 and finite
     * @param p       specularity, 0 &lt;= p &lt;= 1
     * @throws IllegalArgumentException if Kn or p is out of range (NaN included)
     */
    public double reduction(double knudsen, double p) {
        if (!(knudsen >= 0.0) || Double.isInfinite(knudsen)) {
            throw new IllegalArgumentException("Knudsen number Lambda/d must be >= 0 and finite, got " + knudsen);
        }
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("specularity p must lie in [0, 1], got " + p);
        }
        if (knudsen == 0.0 || p == 1.0) {
            return 1.0;
        }
        double kappa = 1.0 / knudsen;
        double integral = rule.integrate(mu -> (mu - mu * mu * mu) * g(kappa / mu, p), breaks(kappa));
        return 1.5 * integral / kappa;
    }

    /**
     * Panel ends: 0, then kappa r^j for j = -2, -1, 0, 1, ... as long as they lie below 1, then 1. The
     * integrand changes character at mu ~ kappa (and has an essential singularity e^{-kappa/mu} at 0), so
     * panels are geometric on both sides of kappa.
     */
    private double[] breaks(double kappa) {
        double first = kappa / (panelRatio * panelRatio);
        if (first >= 1.0) {
            return new double[] {0.0, 1.0};
        }
        int n = 1 + (int) Math.floor(Math.log(1.0 / first) / Math.log(panelRatio));
        double[] b = new double[n + 2];
        int m = 1;
        for (double x = first; x < 1.0 && m <= n; x *= panelRatio) {
            b[m++] = x;
        }
        b[m] = 1.0;
        return Arrays.copyOf(b, m + 1);
    }

    /** G(x) = [(1-p) phi(x) + p x m(x)] / (1 - p e^-x), every term non-negative. */
    private static double g(double x, double p) {
        double m = -Math.expm1(-x);
        double phi = x < SMALL_X ? x * x * (0.5 - x * (1.0 / 6.0 - x / 24.0)) : x - m;
        return ((1.0 - p) * phi + p * x * m) / ((1.0 - p) + p * m);
    }
}
