package org.physml.potentials;

import org.physml.descriptors.nep.NepParameters;

/**
 * Descriptor parameters for training a NEP-style network with fixed (not trained) radial functions.
 *
 * <p>GPUMD trains the expansion coefficients c^{t_i t_j}_{nk} of the radial functions g_n = sum_k c_nk f_k together
 * with the network (Fan et al., J. Phys.: Condens. Matter 34, 125902 (2022), Eq. 3). Here they are fixed to the
 * identity, c_nk = delta_nk with N_bas = n_max, so that g_n = f_n is the n-th Chebyshev-based basis function
 * itself for every species pair (the radial functions of the first NEP version, Fan et al., Phys. Rev. B 104,
 * 104309 (2021), Eq. 5). By default only the network is trained, by gradient descent; with
 * {@link NepTrainingConfig#withCoefficientTraining} the identity is only the starting point and c is trained with the
 * network ({@link NepCoefficientGraph}).
 */
public final class NepSetup {
    private NepSetup() {
    }

    /**
     * Parameters with c_nk = delta_nk for every species pair, N_bas^R = n_max^R, N_bas^A = n_max^A, q_scaler 1.
     *
     * @param species     element symbols, model order
     * @param rcRadial    radial cutoff, Angstrom
     * @param rcAngular   angular cutoff, Angstrom (&lt;= rcRadial)
     * @param nMaxRadial  n_max^R
     * @param nMaxAngular n_max^A
     * @param lMax        l_max^3b
     * @param lMax4Body   l_max^4b (0 or 2)
     * @param lMax5Body   l_max^5b (0 or 1)
     * @throws IllegalArgumentException as {@link NepParameters.Builder#build()}
     */
    public static NepParameters identityBasis(String[] species, double rcRadial, double rcAngular, int nMaxRadial,
                                              int nMaxAngular, int lMax, int lMax4Body, int lMax5Body) {
        int t = species.length;
        int radial = t * t * (nMaxRadial + 1) * (nMaxRadial + 1);
        double[] c = new double[radial + t * t * (nMaxAngular + 1) * (nMaxAngular + 1)];
        for (int ti = 0; ti < t; ti++) {
            for (int tj = 0; tj < t; tj++) {
                for (int n = 0; n <= nMaxRadial; n++) {
                    c[(n * (nMaxRadial + 1) + n) * t * t + ti * t + tj] = 1.0;
                }
                for (int n = 0; n <= nMaxAngular; n++) {
                    c[radial + (n * (nMaxAngular + 1) + n) * t * t + ti * t + tj] = 1.0;
                }
            }
        }
        return NepParameters.builder(species).cutoff(rcRadial, rcAngular).nMax(nMaxRadial, nMaxAngular)
                .basisSize(nMaxRadial, nMaxAngular).lMax(lMax, lMax4Body, lMax5Body).coefficients(c).build();
    }

    /**
     * The descriptor used for Si in this course: radial and angular cutoff 5 Angstrom (equal to the SNAP cutoff of
     * {@link SnapSetup}), n_max 4 / 4, l_max 4 2 0, i.e. 5 radial + 4 x 5 three-body + 5 four-body = 30
     * components, identity radial coefficients. (With an angular cutoff of 4 Angstrom, which leaves the third
     * neighbour shell of diamond Si at 4.5 Angstrom out of the angular terms, the same 30-epoch training reached a
     * test energy MAE of 18.2 instead of 12.2 meV/atom.)
     */
    public static NepParameters silicon() {
        return singleElement("Si");
    }

    /**
     * The settings of {@link #silicon()} (cutoffs 5 / 5 Angstrom, n_max 4 / 4, l_max 4 2 0, 30 components) for
     * another single element, e.g. "Mo" for the mlearn Mo data (bcc Mo has its second neighbour shell at 3.15
     * Angstrom and its third at 4.45 Angstrom, both inside 5 Angstrom).
     *
     * @throws IllegalArgumentException if the symbol is not an element
     */
    public static NepParameters singleElement(String symbol) {
        return identityBasis(new String[]{symbol}, 5.0, 5.0, 4, 4, 4, 2, 0);
    }
}
