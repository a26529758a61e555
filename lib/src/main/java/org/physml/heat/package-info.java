/**
 * The one-dimensional heat equation T_t = a T_xx on x in [0, L] with Dirichlet boundary values:
 * the explicit FTCS finite-difference scheme ({@link org.physml.heat.FtcsSolver}), its von Neumann
 * stability limit r = a dt / dx^2 &lt;= 1/2, the exact series solution for constant boundary values
 * ({@link org.physml.heat.ExactSolution}), error norms and a grid-convergence study.
 *
 * <p>Units: any consistent set, e.g. x and L in m, t in s, a (thermal diffusivity) in m^2/s and T in K.
 * The lecture problem ({@link org.physml.heat.HeatProblem#lecture()}) is dimensionless: a = 0.1, L = 1,
 * T(t, 0) = 0, T(t, L) = 1, T(0, x) = 0.
 */
package org.physml.heat;
