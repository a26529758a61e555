package org.physml.descriptors;

/**
 * The parameters of a descriptor as plain data, after featomic's model: an immutable record, validated in its
 * constructor (the messages name the parameter, its value and what is allowed, as DScribe's constructors do), that
 * builds its descriptor ({@link #create()}). {@link DescriptorRegistry} writes it to JSON and reads it back; that
 * JSON identifies the descriptor: it is the feature-cache key, the descriptors' {@code toString} and
 * {@code equals}, and what the command line and the bench accept and print.
 *
 * <p>Every registered descriptor returns its parameters from {@link Descriptor#parameters()}, and
 * {@code p.create().parameters().equals(p)} holds.
 */
public interface DescriptorParameters {

    /** The descriptor these parameters define (a new instance; they are immutable and thread-safe). */
    AnyDescriptor create();

    /** The registered name of this parameter type, e.g. {@code "soap"} ({@link DescriptorRegistry}). */
    default String descriptorName() {
        return DescriptorRegistry.name(this);
    }

    /** The canonical JSON of these parameters ({@link DescriptorRegistry#toJson}). */
    default String toJson() {
        return DescriptorRegistry.toJson(this);
    }
}
