package org.physml.structure;

import java.util.Arrays;

/**
 * Growable flat storage of neighbour pairs while a {@link NeighbourList} is built: for pair p the neighbour
 * atom index {@code index[p]} and the image shift (n_1, n_2, n_3) in {@code shift[3p..3p+2]}, plus the
 * first pair of every centre.
 */
final class PairBuffer {
    private static final int MAX_PAIRS = Integer.MAX_VALUE / 4;

    private int[] index;
    private int[] shift;
    private final int[] start;
    private int size;
    private int centres;

    PairBuffer(int nAtoms, int expectedPairs) {
        int capacity = Math.max(0, expectedPairs);
        index = new int[capacity];
        shift = new int[3 * capacity];
        start = new int[nAtoms + 1];
    }

    /**
     * The pairs of consecutive chunks of centres as one buffer: the centres of {@code parts[0]} first, then
     * those of {@code parts[1]}, and so on.
     *
     * @throws IllegalArgumentException if the total exceeds the pair limit
     */
    static PairBuffer concat(PairBuffer[] parts) {
        long pairs = 0;
        int atoms = 0;
        for (PairBuffer b : parts) {
            pairs += b.size;
            atoms += b.centres;
        }
        if (pairs > MAX_PAIRS) {
            throw new IllegalArgumentException("the neighbour list would hold more than " + MAX_PAIRS
                    + " pairs; reduce r_cut or the number of atoms");
        }
        PairBuffer all = new PairBuffer(atoms, (int) pairs);
        for (PairBuffer b : parts) {
            System.arraycopy(b.index, 0, all.index, all.size, b.size);
            System.arraycopy(b.shift, 0, all.shift, 3 * all.size, 3 * b.size);
            for (int c = 1; c <= b.centres; c++) {
                all.start[all.centres + c] = all.size + b.start[c];
            }
            all.size += b.size;
            all.centres += b.centres;
        }
        return all;
    }

    /** Appends one neighbour of the current centre. */
    void add(int j, int n1, int n2, int n3) {
        if (size == index.length) {
            if (size >= MAX_PAIRS) {
                throw new IllegalArgumentException("the neighbour list would hold more than " + MAX_PAIRS
                        + " pairs; reduce r_cut or the number of atoms");
            }
            int capacity = (int) Math.min(MAX_PAIRS, Math.max(16, 2L * size));
            index = Arrays.copyOf(index, capacity);
            shift = Arrays.copyOf(shift, 3 * capacity);
        }
        index[size] = j;
        shift[3 * size] = n1;
        shift[3 * size + 1] = n2;
        shift[3 * size + 2] = n3;
        size++;
    }

    /** Closes the current centre; the next {@link #add} calls belong to the next centre. */
    void endCentre() {
        centres++;
        start[centres] = size;
    }

    int[] start() {
        return start;
    }

    /**
     * The neighbour index of every pair, length {@link #size}: the buffer's own array when it is exactly full (as
     * after {@link #concat}, which saves copying a large list once more), else a trimmed copy. Call once the
     * buffer is complete; it must not be appended to afterwards.
     */
    int[] index() {
        return index.length == size ? index : Arrays.copyOf(index, size);
    }

    /** The image shifts, three per pair, as {@link #index()}. */
    int[] shift() {
        return shift.length == 3 * size ? shift : Arrays.copyOf(shift, 3 * size);
    }
}
