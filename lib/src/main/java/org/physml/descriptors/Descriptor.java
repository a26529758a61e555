package org.physml.descriptors;

import java.util.List;
import java.util.stream.IntStream;

import org.physml.structure.Structure;

/**
 * The common contract of the atomic-environment descriptors, in the spirit of DScribe: an instance is
 * configured once with named parameters (validated on construction), knows its number of features and
 * their names, and maps the neighbourhood of each centre atom of a structure to a feature vector.
 *
 * <p>Whole-structure contract: the features of a centre may depend on other centres' neighbourhoods (averaged
 * Steinhardt parameters, {@link NeighbourAveraged}). Descriptors whose features depend on the centre's own
 * neighbours only are {@link LocalDescriptor}s and add the per-centre method; those that also give derivatives
 * are {@link DifferentiableDescriptor}s. A descriptor of a whole structure as one vector is a
 * {@link GlobalDescriptor}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Descriptor {

    /** Number of features per centre. */
    int featureCount();

    /** A name for each feature, in output order, length {@link #featureCount()}. */
    List<String> featureNames();

    /**
     * Radius within which atoms influence a centre's features, Angstrom (for a {@link LocalDescriptor} the
     * neighbour-search radius).
     */
    double cutoff();

    /**
     * Features of the given centres, shape [centres.length][featureCount()].
     *
     * @param s       the structure (periodic or not)
     * @param centres atom indices of {@code s}
     * @throws IndexOutOfBoundsException if a centre is not an atom index of {@code s}
     */
    double[][] compute(Structure s, int[] centres);

    /** Features of every atom of {@code s}, shape [n_atoms][featureCount()]. */
    default double[][] compute(Structure s) {
        return compute(s, IntStream.range(0, s.size()).toArray());
    }
}
