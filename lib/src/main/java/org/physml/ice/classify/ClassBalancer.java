package org.physml.ice.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Balances classes by random subsampling: every class keeps the same number of rows, so that the loss does not
 * favour the classes with more molecules per box or more frames.
 */
public final class ClassBalancer {
    private ClassBalancer() {
    }

    /**
     * A class-balanced random subset of {@code rows}, sorted ascending.
     *
     * @param rows     candidate row indices (e.g. {@link RunSplit#train()})
     * @param labels   class id of every row of the matrix (indexed by row index)
     * @param classes  number of classes K
     * @param perClass rows kept per class; 0 = as many as the smallest class present has
     * @param seed     seed of the subsampling
     * @return at most {@code perClass} rows of each class (all of a class that has fewer)
     * @throws IllegalArgumentException if perClass is negative or a label is out of range
     */
    public static int[] subsample(int[] rows, int[] labels, int classes, int perClass, long seed) {
        if (perClass < 0) {
            throw new IllegalArgumentException("perClass must be >= 0 (0 = size of the smallest class), got "
                    + perClass);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int r : rows) {
            int c = labels[r];
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException("row " + r + " has class id " + c + "; expected 0.."
                        + (classes - 1));
            }
            byClass.get(c).add(r);
        }
        int keep = perClass;
        if (keep == 0) {
            keep = byClass.stream().mapToInt(List::size).filter(n -> n > 0).min().orElse(0);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] out = new int[0];
        for (List<Integer> members : byClass) {
            int[] m = members.stream().mapToInt(Integer::intValue).toArray();
            int k = Math.min(keep, m.length);
            for (int i = 0; i < k; i++) {
                int j = i + rng.nextInt(m.length - i);
                int t = m[i];
                m[i] = m[j];
                m[j] = t;
            }
            int old = out.length;
            out = Arrays.copyOf(out, old + k);
            System.arraycopy(m, 0, out, old, k);
        }
        Arrays.sort(out);
        return out;
    }
}
