package org.physml.descriptors;

import java.util.List;

import org.physml.structure.Structure;

/**
 * A descriptor of a whole structure as one vector (not one row per atom), e.g. the sorted eigenvalues of the
 * Coulomb matrix ({@link CoulombMatrix}).
 */
public interface GlobalDescriptor extends AnyDescriptor {

    /** Length of the vector. */
    @Override
    int featureCount();

    /**
     * The vector of one structure, length {@link #featureCount()}.
     *
     * @throws IllegalArgumentException if the structure does not fit the descriptor (the message says why)
     */
    double[] compute(Structure s);
}
