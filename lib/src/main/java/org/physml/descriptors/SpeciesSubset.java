package org.physml.descriptors;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.physml.structure.Elements;
import org.physml.structure.Structure;

/**
 * A descriptor computed on the atoms of some species only: every atom of another species is removed from the
 * structure (cell and periodicity kept) before the inner descriptor sees it, so that it is neither a centre nor a
 * neighbour. The oxygen sublattice of water is the example: SOAP of the O atoms alone spends all its radial and
 * angular functions on the O-O structure, where the H atoms of a classical water model (TIP4P/2005) follow their O
 * rigidly and mostly repeat it. In DScribe terms this is the descriptor of {@code atoms[atoms.numbers == 8]}.
 *
 * <p>Features and their names are the inner descriptor's, of shape [centres.length][inner.featureCount()]. A
 * whole-structure {@link Descriptor}: centres are atom indices of the full structure and must be of a kept species.
 * Immutable and thread-safe if the inner descriptor is.
 */
public final class SpeciesSubset extends ParameterisedDescriptor<SpeciesSubsetParameters> implements Descriptor {
    private final Descriptor inner;
    private final boolean[] kept;

    /**
     * @param inner   the descriptor computed on the kept atoms
     * @param species atomic numbers of the kept species, in any order, once each
     * @throws IllegalArgumentException if the species list is empty, repeats an element or holds an atomic number
     *                                  outside 1..118
     */
    public SpeciesSubset(Descriptor inner, int... species) {
        super(new SpeciesSubsetParameters(inner.parameters(), Arrays.stream(species).boxed().toList()));
        this.inner = inner;
        this.kept = new boolean[Elements.MAX_Z + 1];
        for (int z : parameters().species()) {
            kept[z] = true;
        }
    }

    /** The descriptor computed on the kept atoms. */
    public Descriptor inner() {
        return inner;
    }

    /** The inner descriptor's names. */
    @Override
    public List<String> featureNames() {
        return inner.featureNames();
    }

    /** The inner descriptor's cutoff, Angstrom. */
    @Override
    public double cutoff() {
        return inner.cutoff();
    }

    /**
     * Features of the given centres, shape [centres.length][featureCount()]: the inner descriptor on the structure
     * of the kept atoms (in their original order).
     *
     * @param centres atom indices of {@code s}, each of a kept species
     * @throws IllegalArgumentException  if a centre is of a species that is not kept
     * @throws IndexOutOfBoundsException if a centre is not an atom index of {@code s}
     */
    @Override
    public double[][] compute(Structure s, int[] centres) {
        int n = s.size();
        int[] subIndex = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int z = s.atomicNumber(i);
            subIndex[i] = z < kept.length && kept[z] ? m++ : -1;
        }
        int[] keptAtoms = new int[m];
        for (int i = 0; i < n; i++) {
            if (subIndex[i] >= 0) {
                keptAtoms[subIndex[i]] = i;
            }
        }
        int[] subCentres = new int[centres.length];
        for (int k = 0; k < centres.length; k++) {
            int c = centres[k];
            if (c < 0 || c >= n) {
                throw new IndexOutOfBoundsException("centre " + c + " is not an atom of a structure with " + n
                        + " atoms");
            }
            if (subIndex[c] < 0) {
                throw new IllegalArgumentException("centre " + c + " is " + Elements.symbol(s.atomicNumber(c))
                        + " (Z = " + s.atomicNumber(c) + "); this descriptor keeps only " + keptSymbols());
            }
            subCentres[k] = subIndex[c];
        }
        return inner.compute(m == n ? s : s.select(keptAtoms), subCentres);
    }

    private String keptSymbols() {
        return parameters().species().stream().map(z -> Elements.symbol(z) + " (Z = " + z + ")")
                .collect(Collectors.joining(", "));
    }
}
