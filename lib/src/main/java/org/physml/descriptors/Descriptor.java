package org.physml.descriptors;

import java.util.List;
import java.util.stream.IntStream;

import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * The common contract of the atomic-environment descriptors, in the spirit of DScribe: an instance is
 * configured once with named parameters (validated on construction), knows its number of features and
 * their names, and maps each centre atom's neighbourhood to a feature vector.
 *
 * <p>Implementations are immutable and thread-safe; {@link #compute(Structure, int[])} runs in parallel
 * over centres.
 */
public interface Descriptor {

    /** Number of features per centre. */
    int featureCount();

    /** A name for each feature, in output order, length {@link #featureCount()}. */
    List<String> featureNames();

    /** Radius within which neighbours influence the features, Angstrom; the neighbour search uses it. */
    double cutoff();

    /**
     * Features of one centre.
     *
     * @param env neighbours of the centre within {@link #cutoff()}, centre excluded
     * @param out receives the features, length {@link #featureCount()}
     */
    void compute(LocalEnvironment env, double[] out);

    /** Features of every atom of {@code s}, shape [n_atoms][featureCount()]. */
    default double[][] compute(Structure s) {
        return compute(s, IntStream.range(0, s.size()).toArray());
    }

    /**
     * Features of the given centres, shape [centres.length][featureCount()], computed in parallel.
     *
     * @throws IndexOutOfBoundsException if a centre is not an atom index of {@code s}
     */
    default double[][] compute(Structure s, int[] centres) {
        for (int c : centres) {
            if (c < 0 || c >= s.size()) {
                throw new IndexOutOfBoundsException("centre " + c + " is not an atom of a structure with "
                        + s.size() + " atoms");
            }
        }
        NeighbourList nl = NeighbourList.build(s, cutoff(), centres);   // only the centres' neighbours
        double[][] out = new double[centres.length][featureCount()];
        IntStream.range(0, centres.length).parallel()
                .forEach(k -> compute(nl.environment(centres[k]), out[k]));
        return out;
    }
}
