package org.physml.surrogate;

import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Composite Gauss-Legendre quadrature: an n-point Legendre rule (nodes and weights from Commons Math's
 * {@link GaussIntegratorFactory#legendre(int)}) applied on every panel of a partition of [a, b].
 *
 * <pre>  int_a^b f dx ~ sum_panels (h/2) sum_i w_i f(m + (h/2) x_i),   h = panel width, m = panel midpoint</pre>
 * Exact for polynomials of degree &lt;= 2n - 1 on each panel. The integrand is never evaluated at a panel
 * end point, so integrable end-point singularities such as omega -&gt; 0 are harmless.
 *
 * <p>Immutable and thread-safe.
 */
public final class GaussLegendreQuadrature {
    private final double[] nodes;
    private final double[] weights;

    /**
     * @param points number of Legendre points per panel, 1..64
     * @throws IllegalArgumentException if points is outside 1..64
     */
    public GaussLegendreQuadrature(int points) {
        if (points < 1 || points > 64) {
            throw new IllegalArgumentException("number of Gauss-Legendre points must be in 1..64, got " + points);
        }
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(points);
        nodes = new double[points];
        weights = new double[points];
        for (int i = 0; i < points; i++) {
            nodes[i] = rule.getPoint(i);
            weights[i] = rule.getWeight(i);
        }
    }

    /** Number of points per panel. */
    public int points() {
        return nodes.length;
    }

    /**
     * Integral of f over [a, b] split into equal panels.
     *
     * @throws IllegalArgumentException if panels &lt; 1 or a, b are not finite with a &lt;= b
     */
    public double integrate(DoubleUnaryOperator f, double a, double b, int panels) {
        if (panels < 1) {
            throw new IllegalArgumentException("number of panels must be >= 1, got " + panels);
        }
        checkInterval(a, b);
        double h = (b - a) / panels;
        double sum = 0.0;
        for (int k = 0; k < panels; k++) {
            double lo = a + k * h;
            double hi = (k == panels - 1) ? b : lo + h;
            sum += panel(f, lo, hi);
        }
        return sum;
    }

    /**
     * Integral of f over [breaks[0], breaks[last]] with one panel between consecutive break points.
     *
     * @param breaks strictly increasing finite break points, length &gt;= 2
     * @throws IllegalArgumentException if breaks has fewer than 2 entries or is not strictly increasing
     */
    public double integrate(DoubleUnaryOperator f, double[] breaks) {
        if (breaks == null || breaks.length < 2) {
            throw new IllegalArgumentException("need at least two break points");
        }
        double sum = 0.0;
        for (int k = 0; k + 1 < breaks.length; k++) {
            if (!(breaks[k + 1] > breaks[k])) {
                throw new IllegalArgumentException("break points must be strictly increasing, got "
                        + breaks[k] + " then " + breaks[k + 1] + " at index " + k);
            }
            checkInterval(breaks[k], breaks[k + 1]);
            sum += panel(f, breaks[k], breaks[k + 1]);
        }
        return sum;
    }

    private double panel(DoubleUnaryOperator f, double lo, double hi) {
        double half = 0.5 * (hi - lo);
        double mid = 0.5 * (hi + lo);
        double s = 0.0;
        for (int i = 0; i < nodes.length; i++) {
            s += weights[i] * f.applyAsDouble(mid + half * nodes[i]);
        }
        return half * s;
    }

    private static void checkInterval(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b) || a > b) {
            throw new IllegalArgumentException("need finite a <= b, got [" + a + ", " + b + "]");
        }
    }
}
