package org.physml.descriptors;

import java.util.Arrays;

import org.physml.structure.Elements;

/**
 * The species list of an {@link Acsf}: atomic numbers sorted ascending (the order DScribe uses), a map from
 * atomic number to position in that list, and the chemical symbols for feature names. Package-private helper.
 */
final class AcsfSpecies {
    private final int[] sorted;
    private final int[] indexOfZ;

    private AcsfSpecies(int[] sorted) {
        this.sorted = sorted;
        this.indexOfZ = new int[Elements.MAX_Z + 1];
        Arrays.fill(indexOfZ, -1);
        for (int s = 0; s < sorted.length; s++) {
            indexOfZ[sorted[s]] = s;
        }
    }

    /**
     * @throws IllegalArgumentException if the list is empty, has a Z outside 1..118 or a duplicate
     */
    static AcsfSpecies ofAtomicNumbers(int... z) {
        if (z == null || z.length == 0) {
            throw new IllegalArgumentException("species must list at least one atomic number or chemical symbol");
        }
        return new AcsfSpecies(Elements.sortedSpecies(z));
    }

    /**
     * @throws IllegalArgumentException if the list is empty, has an unknown symbol or a duplicate
     */
    static AcsfSpecies ofSymbols(String... symbols) {
        if (symbols == null || symbols.length == 0) {
            throw new IllegalArgumentException("species must list at least one atomic number or chemical symbol");
        }
        int[] z = new int[symbols.length];
        for (int k = 0; k < symbols.length; k++) {
            z[k] = atomicNumber(symbols[k]);
        }
        return ofAtomicNumbers(z);
    }

    /**
     * Atomic number of a chemical symbol (case-sensitive, e.g. "Si").
     *
     * @throws IllegalArgumentException if it is not one of the 118 symbols
     */
    static int atomicNumber(String symbol) {
        return Elements.atomicNumber(symbol);
    }

    static String symbol(int z) {
        return Elements.symbol(z);
    }

    int size() {
        return sorted.length;
    }

    /** Atomic number of the s-th species in sorted order. */
    int z(int s) {
        return sorted[s];
    }

    /** Copy of the sorted atomic numbers. */
    int[] atomicNumbers() {
        return sorted.clone();
    }

    /** Position of Z in the sorted list, or -1 if Z is not a species (Z outside 0..118 also gives -1). */
    int index(int z) {
        return z >= 0 && z < indexOfZ.length ? indexOfZ[z] : -1;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int s = 0; s < sorted.length; s++) {
            b.append(s == 0 ? "" : ", ").append(Elements.symbol(sorted[s]));
        }
        return b.append(']').toString();
    }
}
