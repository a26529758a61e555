package org.physml.ice.classify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import org.physml.descriptors.Descriptor;

/**
 * A named descriptor of the classification study, e.g. "SOAP (324)", with a canonical text of all its parameters
 * ({@link #parameters()}) from which cache keys are made.
 *
 * <p>The parameter text is the JSON of the descriptor's parameter record, every number written exactly: two specs
 * with equal parameter text compute equal numbers, and two that differ in any parameter have different keys.
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

    /**
     * Canonical text of every parameter that changes the numbers: the JSON of the descriptor's parameters
     * ({@link org.physml.descriptors.DescriptorRegistry#toJson}).
     */
    public String parameters() {
        return descriptor.parameters().toJson();
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
