package org.physml.descriptors;

import java.util.List;

/**
 * What every descriptor has, per atom ({@link Descriptor}) or per structure ({@link GlobalDescriptor}): named
 * features and the parameters that define it ({@link DescriptorParameters}, built and identified through
 * {@link DescriptorRegistry}).
 */
public interface AnyDescriptor {

    /** A name for each feature, in output order, length {@link #featureCount()}. */
    List<String> featureNames();

    /**
     * Number of features: by default the number of names (implementations whose names are built on request, e.g.
     * {@link CoulombMatrix}, override it).
     */
    default int featureCount() {
        return featureNames().size();
    }

    /**
     * The parameters that define this descriptor, as plain data ({@link DescriptorRegistry}): their JSON is the
     * descriptor's {@code toString} and its cache key; {@code parameters().create()} gives an equal descriptor.
     */
    DescriptorParameters parameters();
}
