package org.physml.heat;

import java.util.function.DoubleUnaryOperator;

/**
 * A Dirichlet problem for the 1D heat equation T_t = a T_xx on 0 &lt;= x &lt;= L, t &gt;= 0:
 * T(t, 0) = leftBoundary(t), T(t, L) = rightBoundary(t), T(0, x) = initialProfile(x) for 0 &lt; x &lt; L.
 *
 * <p>Where initial profile and boundary values disagree at the corners (x = 0 or x = L at t = 0), the
 * boundary value takes precedence: it is what the FTCS grid stores at its end nodes and the limit of the
 * exact solution along the boundary.
 *
 * @param a              thermal diffusivity, length^2/time (m^2/s), finite and &gt; 0
 * @param length         rod length L, same length unit, finite and &gt; 0
 * @param leftBoundary   T(t, 0) as a function of t
 * @param rightBoundary  T(t, L) as a function of t
 * @param initialProfile T(0, x) as a function of x in [0, L]
 */
public record HeatProblem(double a, double length, DoubleUnaryOperator leftBoundary,
                          DoubleUnaryOperator rightBoundary, DoubleUnaryOperator initialProfile) {

    /**
     * @throws IllegalArgumentException if a or length is not finite and positive, or an operator is null
     */
    public HeatProblem {
        if (!(a > 0) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("thermal diffusivity a must be finite and > 0, got " + a);
        }
        if (!(length > 0) || !Double.isFinite(length)) {
            throw new IllegalArgumentException("rod length L must be finite and > 0, got " + length);
        }
        if (leftBoundary == null || rightBoundary == null || initialProfile == null) {
            throw new IllegalArgumentException("boundary values and initial profile must not be null");
        }
    }

    /**
     * Constant boundary values and a uniform initial temperature: T(t, 0) = t0, T(t, L) = t1,
     * T(0, x) = tInit. This is the family solved exactly by {@link ExactSolution}.
     *
     * @throws IllegalArgumentException if a or length is invalid or a temperature is not finite
     */
    public static HeatProblem constant(double a, double length, double t0, double t1, double tInit) {
        requireFinite("T0", t0);
        requireFinite("T1", t1);
        requireFinite("T_init", tInit);
        return new HeatProblem(a, length, t -> t0, t -> t1, x -> tInit);
    }

    /** The lecture problem: a = 0.1, L = 1, T(t, 0) = 0, T(t, L) = 1, T(0, x) = 0. */
    public static HeatProblem lecture() {
        return constant(0.1, 1.0, 0.0, 1.0, 0.0);
    }

    static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
    }
}
