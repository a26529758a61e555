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
public interface Descriptor extends AnyDescriptor {

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

    /**
     * Column of the feature with this name ({@link #featureNames()}), e.g. {@code "q6"} or
     * {@code "soap[Z1=8,Z2=8,l=4,n=0,n'=1]"}: the label lookup every descriptor offers. Descriptors with species
     * blocks add typed lookups (SOAP {@code location(Z1, Z2)}, ACSF {@code location(Z...)}).
     *
     * @throws IllegalArgumentException if no feature has that name (the message shows the first names)
     */
    default int column(String name) {
        int k = featureNames().indexOf(name);
        if (k < 0) {
            List<String> names = featureNames();
            throw new IllegalArgumentException("no feature named '" + name + "' among the " + names.size()
                    + " features, which start " + names.subList(0, Math.min(4, names.size())) + "");
        }
        return k;
    }

    /** Features of every atom of {@code s}, shape [n_atoms][featureCount()]. */
    default double[][] compute(Structure s) {
        return compute(s, IntStream.range(0, s.size()).toArray());
    }
}
