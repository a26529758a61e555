package org.physml.descriptors;

import java.util.Objects;

/**
 * The common part of the registered descriptors: they hold their {@link DescriptorParameters}, and those define
 * them: {@link #parameters()}, {@code toString} (the parameters' JSON), {@code equals} and {@code hashCode} (equal
 * parameters, equal numbers).
 *
 * @param <P> the parameter record
 */
public abstract class ParameterisedDescriptor<P extends DescriptorParameters> {
    private final P parameters;

    protected ParameterisedDescriptor(P parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** The parameters this descriptor was made from. */
    public P parameters() {
        return parameters;
    }

    /** The JSON of the parameters ({@link DescriptorRegistry#toJson}). */
    @Override
    public String toString() {
        return parameters.toJson();
    }

    /** Same class and equal parameters. */
    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass()
                && parameters.equals(((ParameterisedDescriptor<?>) o).parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }
}
