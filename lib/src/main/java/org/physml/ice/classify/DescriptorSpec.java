package org.physml.ice.classify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import org.physml.descriptors.NeighbourAveraged;
import org.physml.descriptors.Acsf;
import org.physml.descriptors.ConcatenatedDescriptor;
import org.physml.descriptors.Descriptor;
import org.physml.descriptors.nep.NepDescriptor;
import org.physml.descriptors.snap.Bispectrum;
import org.physml.descriptors.steinhardt.Steinhardt;

/**
 * A named descriptor of the classification study, e.g. "SOAP (324)", with a canonical text of all its parameters
 * ({@link #parameters()}) from which cache keys are made.
 *
 * <p>The parameter text is the descriptor's {@code toString()} completed by what that leaves out: the cutoff
 * function of ACSF, the per-species radii and weights of the bispectrum, a SHA-256 of the NEP coefficients and
 * scalers, the neighbour species and the too-few-neighbours policy of Steinhardt. Two specs with equal parameter
 * text compute equal numbers.
 *
 * @param name       short display name, unique within a study
 * @param descriptor the descriptor
 */
public record DescriptorSpec(String name, Descriptor descriptor) {

    /** @throws IllegalArgumentException if the name is blank */
    public DescriptorSpec {
        Objects.requireNonNull(descriptor, "descriptor");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a descriptor spec needs a name");
        }
    }

    /** Number of features. */
    public int featureCount() {
        return descriptor.featureCount();
    }

    /** Canonical text of every parameter that changes the numbers. */
    public String parameters() {
        if (descriptor instanceof NeighbourAveraged avg) {
            return "NeighbourAveraged(Z=" + avg.element() + ",r_avg=" + avg.averagingRadius() + "):"
                    + new DescriptorSpec(name, avg.inner()).parameters();
        }
        if (descriptor instanceof ConcatenatedDescriptor cat) {
            StringBuilder b = new StringBuilder("Concatenated:");
            for (ConcatenatedDescriptor.Part p : cat.parts()) {
                b.append('[').append(new DescriptorSpec(name, p.descriptor()).parameters()).append(";neighbourZ=")
                        .append(Arrays.toString(p.neighbourZ())).append(']');
            }
            return b.append(";features=").append(descriptor.featureCount()).toString();
        }
        StringBuilder b = new StringBuilder(descriptor.getClass().getName()).append(':').append(descriptor);
        if (descriptor instanceof Acsf a) {
            b.append(";fc=").append(a.cutoffFunction());
        } else if (descriptor instanceof Bispectrum bs) {
            for (int z : bs.species()) {
                b.append(";Z").append(z).append(":R=").append(bs.radius(z)).append(",w=").append(bs.weight(z));
            }
        } else if (descriptor instanceof NepDescriptor nep) {
            b.append(";c=").append(sha256(Arrays.toString(nep.parameters().coefficients())));
            b.append(";q_scaler=").append(sha256(Arrays.toString(nep.parameters().qScaler())));
        } else if (descriptor instanceof Steinhardt st) {
            b.append(";neighbourZ=").append(Arrays.toString(st.neighbourSpecies()));
            b.append(";insufficient=").append(st.insufficientNeighbours());
        }
        b.append(";features=").append(descriptor.featureCount());
        return b.toString();
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + featureCount() + " features)";
    }
}
