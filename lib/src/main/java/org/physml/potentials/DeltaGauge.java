package org.physml.potentials;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * The Delta gauge between two equations of state (K. Lejaeghere et al., Science 351, aad3000 (2016); the
 * definition of the DeltaCodesDFT project as implemented in ASE's {@code ase/utils/deltacodesdft.py}):
 * <pre>
 *   Delta = sqrt( integral_{V_a}^{V_b} (E_1(V) - E_2(V))^2 dV / (V_b - V_a) )
 * </pre>
 * with both Birch-Murnaghan curves shifted to E0 = 0 (only the shapes and positions of the wells are compared) and,
 * in the symmetric form, V_a = 0.94 V_m and V_b = 1.06 V_m with V_m = (V0_1 + V0_2)/2 (the +-6 % volume window of
 * the Delta benchmark). The integral is evaluated with Gauss-Legendre quadrature (Commons Math).
 */
public final class DeltaGauge {
    private DeltaGauge() {
    }

    /**
     * Symmetric Delta between two equations of state, eV/atom.
     */
    public static double delta(BirchMurnaghan a, BirchMurnaghan b) {
        double vm = 0.5 * (a.v0() + b.v0());
        return delta(a, b, 0.94 * vm, 1.06 * vm);
    }

    /**
     * Delta over an explicit volume window [vA, vB], eV/atom.
     *
     * @throws IllegalArgumentException if the window is empty or not positive
     */
    public static double delta(BirchMurnaghan a, BirchMurnaghan b, double vA, double vB) {
        if (!(vA > 0) || !(vB > vA) || !Double.isFinite(vB)) {
            throw new IllegalArgumentException("need 0 < V_a < V_b, got V_a = " + vA + ", V_b = " + vB);
        }
        BirchMurnaghan a0 = new BirchMurnaghan(0.0, a.v0(), a.b0(), a.b0Prime());
        BirchMurnaghan b0 = new BirchMurnaghan(0.0, b.v0(), b.b0(), b.b0Prime());
        double integral = new IterativeLegendreGaussIntegrator(16, 1e-14, 1e-14)
                .integrate(100000, v -> {
                    double d = a0.energy(v) - b0.energy(v);
                    return d * d;
                }, vA, vB);
        return Math.sqrt(integral / (vB - vA));
    }
}
