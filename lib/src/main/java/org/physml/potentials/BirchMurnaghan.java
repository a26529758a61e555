package org.physml.potentials;

import org.apache.commons.math3.analysis.polynomials.PolynomialFunction;
import org.apache.commons.math3.fitting.PolynomialCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * The third-order Birch-Murnaghan equation of state (F. Birch, Phys. Rev. 71, 809 (1947)), in the energy form used
 * by ASE's {@code ase/eos.py} ({@code birchmurnaghan}, after Phys. Rev. B 70, 224107 (2004), Eq. 3):
 * <pre>
 *   E(V) = E0 + (9 B0 V0 / 16) (eta^2 - 1)^2 (6 + B0' (eta^2 - 1) - 4 eta^2),     eta = (V0 / V)^(1/3)
 * </pre>
 * Units: V and V0 per atom in Angstrom^3, E and E0 per atom in eV, B0 in eV/Angstrom^3 ({@link #bulkModulusGPa()}
 * converts), B0' dimensionless.
 *
 * @param e0      minimum energy E0, eV/atom
 * @param v0      equilibrium volume V0, Angstrom^3/atom
 * @param b0      bulk modulus B0, eV/Angstrom^3
 * @param b0Prime pressure derivative B0'
 */
public record BirchMurnaghan(double e0, double v0, double b0, double b0Prime) {
    /** 1 eV/Angstrom^3 in GPa (e = 1.602176634e-19 C exactly, SI 2019). */
    public static final double GPA_PER_EV_PER_A3 = 160.21766208;

    /** @throws IllegalArgumentException if a parameter is not finite or V0 or B0 is not positive */
    public BirchMurnaghan {
        if (!Double.isFinite(e0) || !Double.isFinite(b0Prime)) {
            throw new IllegalArgumentException("E0 and B0' must be finite, got " + e0 + " and " + b0Prime);
        }
        if (!(v0 > 0) || !Double.isFinite(v0) || !(b0 > 0) || !Double.isFinite(b0)) {
            throw new IllegalArgumentException("V0 and B0 must be positive and finite, got V0 = " + v0 + " A^3, B0 = "
                    + b0 + " eV/A^3");
        }
    }

    /** E(V), eV/atom, for V in Angstrom^3/atom. */
    public double energy(double v) {
        double eta2 = Math.cbrt(v0 / v);
        eta2 *= eta2;
        double x = eta2 - 1.0;
        return e0 + 9.0 * b0 * v0 / 16.0 * x * x * (6.0 + b0Prime * x - 4.0 * eta2);
    }

    /** B0 in GPa. */
    public double bulkModulusGPa() {
        return b0 * GPA_PER_EV_PER_A3;
    }

    /** Cubic lattice constant a = (V0 N_cell)^(1/3) of a cubic cell with {@code atomsPerCell} atoms, Angstrom. */
    public double cubicLatticeConstant(int atomsPerCell) {
        if (atomsPerCell < 1) {
            throw new IllegalArgumentException("atoms per cell must be >= 1, got " + atomsPerCell);
        }
        return Math.cbrt(v0 * atomsPerCell);
    }

    /**
     * Least-squares fit of E(V) to points (Levenberg-Marquardt, Commons Math), started from a parabola fit
     * (V0 at its minimum, B0 = V0 E''(V0), B0' = 4), as ASE does.
     *
     * @param volumes  volumes per atom, Angstrom^3, at least 5 distinct values
     * @param energies energies per atom, eV
     * @throws IllegalArgumentException if the arrays differ in length, have fewer than 5 points, contain non-finite
     *                                  values, or the parabola through them has no minimum (not an E(V) well)
     * @throws IllegalStateException    if the optimiser does not converge
     */
    public static BirchMurnaghan fit(double[] volumes, double[] energies) {
        if (volumes.length != energies.length || volumes.length < 5) {
            throw new IllegalArgumentException("need at least 5 (V, E) points of equal count, got " + volumes.length
                    + " volumes and " + energies.length + " energies");
        }
        WeightedObservedPoints pts = new WeightedObservedPoints();
        for (int i = 0; i < volumes.length; i++) {
            if (!(volumes[i] > 0) || !Double.isFinite(volumes[i]) || !Double.isFinite(energies[i])) {
                throw new IllegalArgumentException("point " + i + " is invalid: V = " + volumes[i] + ", E = "
                        + energies[i]);
            }
            pts.add(volumes[i], energies[i]);
        }
        double[] c = PolynomialCurveFitter.create(2).fit(pts.toList());
        if (!(c[2] > 0)) {
            throw new IllegalArgumentException("the E(V) points have no minimum (parabola curvature " + c[2]
                    + "); scan a range of volumes around the equilibrium");
        }
        double vStart = -c[1] / (2 * c[2]);
        double bStart = vStart * 2 * c[2];
        double eStart = new PolynomialFunction(c).value(vStart);
        MultivariateJacobianFunction model = p -> {
            double e0 = p.getEntry(0), v0 = p.getEntry(1), b0 = p.getEntry(2), bp = p.getEntry(3);
            RealVector value = new ArrayRealVector(volumes.length);
            RealMatrix jac = new Array2DRowRealMatrix(volumes.length, 4);
            for (int i = 0; i < volumes.length; i++) {
                double v = volumes[i];
                double eta2 = Math.pow(v0 / v, 2.0 / 3.0);
                double x = eta2 - 1.0;
                double bracket = 6.0 + bp * x - 4.0 * eta2;
                double pre = 9.0 * v0 / 16.0;
                value.setEntry(i, e0 + pre * b0 * x * x * bracket);
                double deta2dv0 = 2.0 / 3.0 * eta2 / v0;
                double dBracketDv0 = (bp - 4.0) * deta2dv0;
                double dEdv0 = 9.0 / 16.0 * b0 * x * x * bracket
                        + pre * b0 * (2 * x * deta2dv0 * bracket + x * x * dBracketDv0);
                jac.setEntry(i, 0, 1.0);
                jac.setEntry(i, 1, dEdv0);
                jac.setEntry(i, 2, pre * x * x * bracket);
                jac.setEntry(i, 3, pre * b0 * x * x * x);
            }
            return new Pair<>(value, jac);
        };
        LeastSquaresOptimizer.Optimum opt;
        try {
            opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .model(model).target(energies).start(new double[]{eStart, vStart, bStart, 4.0})
                    .maxEvaluations(10000).maxIterations(10000).build());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Birch-Murnaghan fit did not converge: " + e.getMessage(), e);
        }
        double[] p = opt.getPoint().toArray();
        return new BirchMurnaghan(p[0], p[1], p[2], p[3]);
    }
}
