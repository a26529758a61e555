package org.physml.descriptors;

import org.physml.structure.Elements;

/**
 * The parameters of {@link NeighbourAveraged} (registered as {@code "neighbour-average"}).
 *
 * @param inner    the parameters of the averaged descriptor
 * @param z        element of the centres and of the neighbours averaged over (8 for the O of water), 1..118
 * @param rAverage averaging radius r_avg, Angstrom, positive and finite
 */
public record NeighbourAverageParameters(DescriptorParameters inner, int z, double rAverage)
        implements DescriptorParameters {

    /** @throws IllegalArgumentException if the inner parameters are missing, r_avg is not positive or z is outside 1..118 */
    public NeighbourAverageParameters {
        if (inner == null) {
            throw new IllegalArgumentException("a neighbour average needs the parameters of its inner descriptor");
        }
        if (!(rAverage > 0) || !Double.isFinite(rAverage)) {
            throw new IllegalArgumentException("averaging radius must be a positive number of Angstrom, got "
                    + rAverage);
        }
        if (z < 1 || z > Elements.MAX_Z) {
            throw new IllegalArgumentException("atomic number must be in 1.." + Elements.MAX_Z + ", got " + z);
        }
    }

    /**
     * The average of these parameters (its inner descriptor made from {@link #inner()}).
     *
     * @throws IllegalArgumentException if the inner descriptor is a whole-structure (global) one
     */
    @Override
    public NeighbourAveraged create() {
        if (!(inner.create() instanceof Descriptor d)) {
            throw new IllegalArgumentException("a neighbour average needs a per-atom descriptor, got '"
                    + inner.descriptorName() + "'");
        }
        return new NeighbourAveraged(d, z, rAverage);
    }
}
