package org.physml.descriptors;

import java.util.List;
import java.util.Objects;

import org.physml.structure.Elements;

/**
 * The parameters of {@link Acsf}, with DScribe's names ({@code ACSF(r_cut, g2_params, g3_params, g4_params,
 * g5_params, species)}); registered as {@code "acsf"}. The radial weight is a {@link CutoffFunction}: DScribe's
 * cosine cutoff of radius r_cut, or another (e.g. the sigmoid) whose radius bounds the neighbourhood.
 *
 * @param cutoff   the radial weight f_c and its radius r_cut
 * @param species  atomic numbers, sorted ascending (given in any order, once each)
 * @param g2Params G2 terms, in feature order
 * @param g3Params G3 wave numbers kappa, 1/Angstrom, finite, in feature order
 * @param g4Params G4 terms, in feature order
 * @param g5Params G5 terms, in feature order
 */
public record AcsfParameters(CutoffFunction cutoff, List<Integer> species, List<G2> g2Params, List<Double> g3Params,
                             List<Angular> g4Params, List<Angular> g5Params) implements DescriptorParameters {

    /**
     * One G2 term exp(-eta (R - R_s)^2) f_c(R).
     *
     * @param eta Gaussian exponent, 1/Angstrom^2, finite and &gt;= 0
     * @param rS  shift R_s, Angstrom, finite
     */
    public record G2(double eta, double rS) {
        /** @throws IllegalArgumentException on a negative or non-finite eta or a non-finite R_s */
        public G2 {
            checkEta(eta);
            if (!Double.isFinite(rS)) {
                throw new IllegalArgumentException("R_s must be finite, got " + rS);
            }
        }
    }

    /**
     * One G4 or G5 term 2^(1-zeta) (1 + lambda cos theta)^zeta exp(-eta (...)) f_c ... .
     *
     * @param eta    Gaussian exponent, 1/Angstrom^2, finite and &gt;= 0
     * @param zeta   angular exponent, finite and &gt; 0
     * @param lambda +1 or -1
     */
    public record Angular(double eta, double zeta, double lambda) {
        /** @throws IllegalArgumentException on a value outside those ranges */
        public Angular {
            checkEta(eta);
            if (!(zeta > 0) || !Double.isFinite(zeta)) {
                throw new IllegalArgumentException("zeta must be a finite number > 0, got " + zeta);
            }
            if (lambda != 1.0 && lambda != -1.0) {
                throw new IllegalArgumentException("lambda must be +1 or -1, got " + lambda);
            }
        }
    }

    private static void checkEta(double eta) {
        if (!(eta >= 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta must be a finite number >= 0 (1/Angstrom^2), got " + eta);
        }
    }

    /**
     * @throws IllegalArgumentException if the cutoff or species is missing, the species list is invalid, or a
     *                                  kappa is not finite
     */
    public AcsfParameters {
        if (cutoff == null) {
            throw new IllegalArgumentException("ACSF needs r_cut (Angstrom) or a cutoff function");
        }
        if (species == null) {
            throw new IllegalArgumentException("ACSF needs a species list (atomic numbers or chemical symbols)");
        }
        species = Elements.sortedSpecies(species);
        g2Params = List.copyOf(Objects.requireNonNull(g2Params, "g2_params"));
        g3Params = List.copyOf(Objects.requireNonNull(g3Params, "g3_params"));
        g4Params = List.copyOf(Objects.requireNonNull(g4Params, "g4_params"));
        g5Params = List.copyOf(Objects.requireNonNull(g5Params, "g5_params"));
        for (int t = 0; t < g3Params.size(); t++) {
            if (!Double.isFinite(g3Params.get(t))) {
                throw new IllegalArgumentException("g3Params[" + t + "]: kappa must be finite, got "
                        + g3Params.get(t));
            }
        }
    }

    /** The ACSF of these parameters. */
    @Override
    public Acsf create() {
        return new Acsf(this);
    }
}
