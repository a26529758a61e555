package org.physml.potentials;

import java.util.Comparator;

/**
 * One Behler-Parrinello symmetry function of a single-element potential, in n2p2's definitions (n2p2 class
 * documentation of {@code SymFncExpRad}, type 2, and {@code SymFncExpAngn}, type 3; J. Behler, J. Chem. Phys.
 * 134, 074106 (2011), Eqs. 6 and 9), with the cosine cutoff f_c(r) = (cos(pi r / r_c) + 1)/2 (n2p2
 * {@code cutoff_type 1}, alpha = 0):
 * <pre>
 *   type 2:  G = sum_j exp(-eta (r_ij - r_s)^2) f_c(r_ij)
 *   type 3:  G = 2^(1-zeta) sum_{j &lt; k} (1 + lambda cos theta_ijk)^zeta
 *                exp(-eta ((r_ij - r_s)^2 + (r_ik - r_s)^2 + (r_jk - r_s)^2)) f_c(r_ij) f_c(r_ik) f_c(r_jk)
 * </pre>
 * (a pair with 1 + lambda cos theta &lt;= 0 contributes 0, as in n2p2). Lengths here are in Angstrom: a reader
 * converts the file's units. With r_s = 0, type 2 and type 3 are {@link org.physml.descriptors.Acsf}'s G2 and
 * G4 (DScribe's definitions).
 *
 * @param type   2 (radial) or 3 (angular, narrow)
 * @param eta    width eta, 1/Angstrom^2, &gt;= 0
 * @param rs     shift r_s, Angstrom
 * @param lambda +1 or -1 (type 3; 0 for type 2)
 * @param zeta   exponent zeta &gt;= 1 (type 3; 0 for type 2)
 * @param rc     cutoff radius r_c, Angstrom, &gt; 0
 */
public record BehlerSymmetryFunction(int type, double eta, double rs, double lambda, double zeta, double rc) {

    /**
     * n2p2's order of the symmetry functions of one element (the {@code operator<} of its classes): by type, then
     * r_c, eta, r_s, zeta, lambda. n2p2 sorts the functions of each element this way whatever their order in
     * {@code input.nn}; {@code scaling.data} and the network's inputs follow the sorted order.
     */
    public static final Comparator<BehlerSymmetryFunction> N2P2_ORDER = Comparator
            .comparingInt(BehlerSymmetryFunction::type).thenComparingDouble(BehlerSymmetryFunction::rc)
            .thenComparingDouble(BehlerSymmetryFunction::eta).thenComparingDouble(BehlerSymmetryFunction::rs)
            .thenComparingDouble(BehlerSymmetryFunction::zeta)
            .thenComparingDouble(BehlerSymmetryFunction::lambda);

    /**
     * @throws IllegalArgumentException on a type other than 2 or 3, a negative or non-finite eta, r_c &lt;= 0, or
     *                                  (type 3) lambda not +-1 or zeta &lt; 1
     */
    public BehlerSymmetryFunction {
        if (type != 2 && type != 3) {
            throw new IllegalArgumentException("symmetry function type " + type + " is not supported (2 or 3)");
        }
        if (!(eta >= 0) || !Double.isFinite(eta) || !Double.isFinite(rs) || !(rc > 0) || !Double.isFinite(rc)) {
            throw new IllegalArgumentException("expected eta >= 0, finite r_s and r_c > 0, got eta = " + eta
                    + ", r_s = " + rs + ", r_c = " + rc);
        }
        if (type == 3 && (Math.abs(lambda) != 1.0 || !(zeta >= 1) || !Double.isFinite(zeta))) {
            throw new IllegalArgumentException("type 3 needs lambda = +-1 and zeta >= 1, got lambda = " + lambda
                    + ", zeta = " + zeta);
        }
    }

    /** Radial function (type 2). */
    public static BehlerSymmetryFunction radial(double eta, double rs, double rc) {
        return new BehlerSymmetryFunction(2, eta, rs, 0, 0, rc);
    }

    /** Angular function (type 3). */
    public static BehlerSymmetryFunction angular(double eta, double lambda, double zeta, double rc, double rs) {
        return new BehlerSymmetryFunction(3, eta, rs, lambda, zeta, rc);
    }

    /** This function with lengths multiplied by {@code f} (e.g. 1/1.8897 from Bohr to Angstrom). */
    public BehlerSymmetryFunction scaleLengths(double f) {
        return new BehlerSymmetryFunction(type, eta / (f * f), rs * f, lambda, zeta, rc * f);
    }

    /** Cosine cutoff f_c(r) (0 beyond r_c). */
    double fc(double r) {
        return r < rc ? 0.5 * (Math.cos(Math.PI * r / rc) + 1) : 0.0;
    }

    /** df_c/dr. */
    double dfc(double r) {
        return r < rc ? -0.5 * Math.PI / rc * Math.sin(Math.PI * r / rc) : 0.0;
    }
}
