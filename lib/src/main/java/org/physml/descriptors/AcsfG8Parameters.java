package org.physml.descriptors;

import java.util.List;
import java.util.Objects;

/**
 * The parameters of {@link AcsfG8} (registered as {@code "acsf-g8"}).
 *
 * @param weight the radial weight f_b (usually {@link CutoffFunction#smoothWindow}); its radius bounds the
 *               neighbourhood
 * @param terms  the (eta, alpha) terms, at least one, in feature order
 */
public record AcsfG8Parameters(CutoffFunction weight, List<Term> terms) implements DescriptorParameters {

    /**
     * One term sum_{j &lt; k} sin(eta (theta_ijk - alpha)) f_b(R_ij) f_b(R_ik).
     *
     * @param eta   dimensionless, positive and finite
     * @param alpha angle, radians, finite
     */
    public record Term(double eta, double alpha) {
        /** @throws IllegalArgumentException if eta is not a positive finite number or alpha is not finite */
        public Term {
            if (!(eta > 0) || !Double.isFinite(eta)) {
                throw new IllegalArgumentException("eta must be a positive finite number, got " + eta);
            }
            if (!Double.isFinite(alpha)) {
                throw new IllegalArgumentException("alpha must be a finite angle in radians, got " + alpha);
            }
        }
    }

    /** @throws IllegalArgumentException if the weight is missing or no term is given */
    public AcsfG8Parameters {
        if (weight == null) {
            throw new IllegalArgumentException("G8 needs a radial weight f_b");
        }
        if (terms == null || terms.isEmpty()) {
            throw new IllegalArgumentException("G8 needs at least one {eta, alpha} parameter row");
        }
        terms.forEach(t -> Objects.requireNonNull(t, "G8 term"));
        terms = List.copyOf(terms);
    }

    /** The G8 of these parameters. */
    @Override
    public AcsfG8 create() {
        return new AcsfG8(this);
    }
}
