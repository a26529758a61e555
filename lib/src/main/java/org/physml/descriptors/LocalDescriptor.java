package org.physml.descriptors;

import java.util.stream.IntStream;

import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * A descriptor whose features of a centre depend only on that centre's neighbours within {@link #cutoff()}: it
 * maps one {@link LocalEnvironment} to one feature vector, and the whole-structure method is a neighbour search
 * followed by that map for every centre, in parallel.
 */
public interface LocalDescriptor extends Descriptor {

    /**
     * Features of one centre.
     *
     * @param env neighbours of the centre within {@link #cutoff()}, centre excluded
     * @param out receives the features, length {@link #featureCount()}
     * @throws IllegalArgumentException if {@code out} has the wrong length or the environment holds a species the
     *                                  descriptor was not configured for (the message names it)
     */
    void compute(LocalEnvironment env, double[] out);

    /**
     * Features of the given centres, shape [centres.length][featureCount()]: one neighbour search of radius
     * {@link #cutoff()} for the centres only, then {@link #compute(LocalEnvironment, double[])} per centre in
     * parallel.
     *
     * @throws IndexOutOfBoundsException if a centre is not an atom index of {@code s}
     */
    @Override
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
