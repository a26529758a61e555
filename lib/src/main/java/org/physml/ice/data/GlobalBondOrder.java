package org.physml.ice.data;

import org.apache.commons.math3.analysis.polynomials.PolynomialFunction;
import org.apache.commons.math3.analysis.polynomials.PolynomialsUtils;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * Global bond-orientational order Q_l of P. J. Steinhardt, D. R. Nelson and M. Ronchetti, Phys. Rev. B 28, 784
 * (1983): the spherical harmonics of the bond directions averaged over all bonds of the sample,
 * <pre>
 *   Q_lm = (1/N_b) sum_b Y_lm(b),   Q_l = sqrt( 4 pi / (2l+1) sum_m |Q_lm|^2 ),
 * </pre>
 * computed without spherical harmonics through the addition theorem sum_m Y_lm(b) Y_lm*(b') = (2l+1)/(4 pi)
 * P_l(b.b'), so Q_l^2 = (1/N_b^2) sum_b sum_b' P_l(cos theta_bb'). A crystal (one orientation throughout the cell)
 * keeps a finite Q_6 even with thermal motion; in a liquid or glass the bond orientations are uncorrelated over the
 * sample and Q_6 falls to the order of 1/sqrt(N_b). Bonds are all pairs of atoms of one element closer than r_cut
 * (for water: O-O within the first coordination shell). Even l only (a bond and its reverse count alike).
 */
public final class GlobalBondOrder {
    private GlobalBondOrder() {
    }

    /**
     * Q_l of the bonds between atoms of atomic number z.
     *
     * @param s    the structure (periodic images included through {@link NeighbourList})
     * @param l    degree, even, 2..12
     * @param rCut bond cutoff r_cut, Angstrom, &gt; 0
     * @param z    atomic number of the bonded atoms
     * @return Q_l in [0, 1], or NaN if there is no bond
     * @throws IllegalArgumentException if l is odd or outside 2..12, or r_cut is not positive
     */
    public static double q(Structure s, int l, double rCut, int z) {
        if (l < 2 || l > 12 || l % 2 != 0) {
            throw new IllegalArgumentException("l must be even and in 2..12, got " + l);
        }
        if (!(rCut > 0)) {
            throw new IllegalArgumentException("r_cut must be positive, got " + rCut + " A");
        }
        NeighbourList list = NeighbourList.build(s, rCut);
        java.util.List<double[]> bonds = new java.util.ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.atomicNumber(i) != z) {
                continue;
            }
            LocalEnvironment env = list.environment(i);
            for (int k = 0; k < env.neighbourIndex().length; k++) {
                if (env.neighbourZ()[k] == z) {
                    double d = env.distance()[k];
                    bonds.add(new double[]{env.r()[k][0] / d, env.r()[k][1] / d, env.r()[k][2] / d});
                }
            }
        }
        if (bonds.isEmpty()) {
            return Double.NaN;
        }
        PolynomialFunction pl = PolynomialsUtils.createLegendrePolynomial(l);
        double sum = 0;
        for (double[] b : bonds) {
            for (double[] c : bonds) {
                sum += pl.value(Math.max(-1, Math.min(1, b[0] * c[0] + b[1] * c[1] + b[2] * c[2])));
            }
        }
        return Math.sqrt(Math.max(0, sum)) / bonds.size();
    }
}
