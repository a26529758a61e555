package org.physml.pairpotential;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.physml.structure.Elements;
import org.physml.structure.Structure;

/**
 * The features of a pair potential E_2body = sum_k sum_{a &lt;= b} A^k_ab S^k_ab, with S^k_ab the lattice sums of
 * 1/r^k over all pairs of species a and b and their periodic images ({@link InversePowerSum}); optionally preceded
 * by the number of atoms of each species (for a constant energy per atom, e.g. the isolated-atom energy).
 *
 * <p>Column order: [N_0, .., N_{S-1}] if {@code atomCounts}, then for each power k (in the given order) the
 * species pairs (0,0), (0,1), .., (S-1,S-1). Immutable.
 */
public final class PairFeatures {
    private final int[] species;
    private final int[] powers;
    private final boolean atomCounts;
    private final InversePowerSum sums;

    /**
     * @param species    atomic numbers of the species
     * @param powers     exponents k (each &gt;= 4, no duplicates)
     * @param atomCounts whether to add one column per species with its atom count
     * @param sums       how the lattice sums are computed
     * @throws IllegalArgumentException if species or powers are empty or hold duplicates, or a k is below 4
     */
    public PairFeatures(int[] species, int[] powers, boolean atomCounts, InversePowerSum sums) {
        if (species.length == 0 || Arrays.stream(species).distinct().count() != species.length) {
            throw new IllegalArgumentException("species must be distinct atomic numbers, got "
                    + Arrays.toString(species));
        }
        if (powers.length == 0 || Arrays.stream(powers).distinct().count() != powers.length
                || Arrays.stream(powers).anyMatch(k -> k < 4)) {
            throw new IllegalArgumentException("powers must be distinct exponents k >= 4, got "
                    + Arrays.toString(powers));
        }
        this.species = species.clone();
        this.powers = powers.clone();
        this.atomCounts = atomCounts;
        this.sums = sums;
    }

    /** Number of species pairs P = S (S + 1) / 2. */
    public int pairCount() {
        return species.length * (species.length + 1) / 2;
    }

    /** Number of columns: (S if atomCounts) + powers x P. */
    public int columnCount() {
        return (atomCounts ? species.length : 0) + powers.length * pairCount();
    }

    /** Column names, e.g. "N_Si", "S^6_Si-Si" (A^-k). */
    public List<String> names() {
        List<String> n = new ArrayList<>();
        if (atomCounts) {
            for (int z : species) {
                n.add("N_" + Elements.symbol(z));
            }
        }
        for (int k : powers) {
            for (int a = 0; a < species.length; a++) {
                for (int b = a; b < species.length; b++) {
                    n.add("S^" + k + "_" + Elements.symbol(species[a]) + "-" + Elements.symbol(species[b]));
                }
            }
        }
        return n;
    }

    /** The species, a copy. */
    public int[] species() {
        return species.clone();
    }

    /** The exponents k, a copy. */
    public int[] powers() {
        return powers.clone();
    }

    /** Whether the first columns are atom counts. */
    public boolean atomCounts() {
        return atomCounts;
    }

    /**
     * The feature row of one structure, length {@link #columnCount()}.
     *
     * @throws IllegalArgumentException as {@link InversePowerSum#sums}
     */
    public double[] row(Structure s) {
        double[][] lattice = sums.sums(s, species, powers);
        double[] out = new double[columnCount()];
        int c = 0;
        if (atomCounts) {
            int[] type = InversePowerSum.types(s, species);
            for (int t : type) {
                out[t]++;
            }
            c = species.length;
        }
        for (double[] perPower : lattice) {
            for (double v : perPower) {
                out[c++] = v;
            }
        }
        return out;
    }

    /** Rows of several structures in parallel, shape [structures.size()][columnCount()]. */
    public double[][] rows(List<Structure> structures) {
        double[][] out = new double[structures.size()][];
        java.util.stream.IntStream.range(0, out.length).parallel().forEach(i -> out[i] = row(structures.get(i)));
        return out;
    }
}
