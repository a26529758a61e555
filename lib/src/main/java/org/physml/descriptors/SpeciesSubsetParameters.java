package org.physml.descriptors;

import java.util.List;

import org.physml.structure.Elements;

/**
 * The parameters of {@link SpeciesSubset} (registered as {@code "species-subset"}).
 *
 * @param inner   the parameters of the descriptor computed on the kept atoms
 * @param species atomic numbers of the kept species, sorted ascending (given in any order, once each), 1..118
 */
public record SpeciesSubsetParameters(DescriptorParameters inner, List<Integer> species)
        implements DescriptorParameters {

    /**
     * @throws IllegalArgumentException if the inner parameters are missing, or the species list is missing, empty,
     *                                  repeats an element or holds an atomic number outside 1..118
     */
    public SpeciesSubsetParameters {
        if (inner == null) {
            throw new IllegalArgumentException("a species subset needs the parameters of its inner descriptor");
        }
        if (species == null) {
            throw new IllegalArgumentException("a species subset needs the species it keeps (atomic numbers)");
        }
        species = Elements.sortedSpecies(species);
    }

    /** The kept species as an array, ascending. */
    public int[] speciesArray() {
        return species.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The subset of these parameters (its inner descriptor made from {@link #inner()}).
     *
     * @throws IllegalArgumentException if the inner descriptor is a whole-structure (global) one
     */
    @Override
    public SpeciesSubset create() {
        if (!(inner.create() instanceof Descriptor d)) {
            throw new IllegalArgumentException("a species subset needs a per-atom descriptor, got '"
                    + inner.descriptorName() + "'");
        }
        return new SpeciesSubset(d, speciesArray());
    }
}
