package org.physml.descriptors.steinhardt;

import java.util.Arrays;

import org.physml.structure.LocalEnvironment;

/**
 * Picks the bonds of one centre from its {@link LocalEnvironment}: neighbours with distance &lt; r_cut (strictly, as
 * LAMMPS's {@code rsq < cutsq}) and, if a species filter is set, of an allowed species; then either all of them
 * (LAMMPS {@code nnn NULL}) or the N closest (LAMMPS {@code nnn N}).
 *
 * <p>Ties at the N-th distance: among neighbours at exactly the same distance the one that comes first in the
 * environment (lower atom index, then lower image shift, the order of {@link org.physml.structure.NeighbourList})
 * is kept. LAMMPS picks with the Numerical Recipes quickselect {@code select3} on its own neighbour-list order, so
 * with an exact tie at the N-th neighbour (perfect crystals whose shell is cut by N, e.g. bcc with N = 12) the two
 * programs may keep different atoms; results are comparable only when the N-th and (N+1)-th distances differ.
 *
 * <p>Not thread-safe: one instance per thread (the buffers grow to the largest environment seen).
 */
final class NeighbourSelection {
    private final double rCut;
    private final int nearest;
    private final boolean[] allowedZ;
    private int[] kept = new int[16];
    private double[] keptDistance = new double[16];
    private int available;

    /**
     * @param rCut     cutoff r_cut, Angstrom
     * @param nearest  N of "N nearest neighbours", or 0 for all neighbours within r_cut
     * @param allowedZ allowed neighbour species indexed by Z, or null for all species
     */
    NeighbourSelection(double rCut, int nearest, boolean[] allowedZ) {
        this.rCut = rCut;
        this.nearest = nearest;
        this.allowedZ = allowedZ;
        if (nearest > 0) {
            kept = new int[nearest];
            keptDistance = new double[nearest];
        }
    }

    /**
     * Selects the bonds of {@code env}.
     *
     * @return the number of selected bonds (their positions in {@code env} are {@link #bond(int)}), or -1 if
     *         fewer than N neighbours (or none, for all neighbours) qualify; {@link #available()} tells how many did
     * @throws IllegalArgumentException if a qualifying neighbour sits at distance 0 from the centre
     */
    int select(LocalEnvironment env) {
        double[] d = env.distance();
        int[] z = env.neighbourZ();
        int m = d.length;
        int count = 0;
        available = 0;
        for (int k = 0; k < m; k++) {
            double dk = d[k];
            if (!(dk < rCut) || (allowedZ != null && !allowedZ[z[k]])) {
                continue;
            }
            if (!(dk > 0.0)) {
                throw new IllegalArgumentException("atom " + env.neighbourIndex()[k] + " sits on centre atom "
                        + env.centre() + " (distance " + dk + " A); bond directions are undefined");
            }
            available++;
            if (nearest == 0) {
                if (count == kept.length) {
                    kept = Arrays.copyOf(kept, 2 * count);
                }
                kept[count++] = k;
            } else if (count < nearest) {
                insert(k, dk, count++);
            } else if (dk < keptDistance[nearest - 1]) {
                insert(k, dk, nearest - 1);
            }
        }
        if (available == 0 || available < nearest) {
            return -1;
        }
        return count;
    }

    /** Inserts (k, dk) into the sorted buffer whose occupied length is {@code last}, overwriting slot last. */
    private void insert(int k, double dk, int last) {
        int p = last;
        while (p > 0 && keptDistance[p - 1] > dk) {
            kept[p] = kept[p - 1];
            keptDistance[p] = keptDistance[p - 1];
            p--;
        }
        kept[p] = k;
        keptDistance[p] = dk;
    }

    /** Position in the environment of the b-th selected bond. */
    int bond(int b) {
        return kept[b];
    }

    /** Number of neighbours that qualified in the last {@link #select} (within r_cut and of an allowed species). */
    int available() {
        return available;
    }
}
