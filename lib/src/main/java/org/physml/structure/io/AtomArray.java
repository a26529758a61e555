package org.physml.structure.io;

import java.util.Arrays;

/**
 * A per-atom property of a {@link Frame}: one row of {@code columns()} values per atom, of one of the four
 * extended-XYZ types R (real), I (integer), S (string) and L (logical).
 *
 * <p>Values are stored as [n_atoms][columns] arrays, also for single-column properties (then each row has
 * length 1). The arrays are shared, not copied: do not modify them after building a frame.
 */
public sealed interface AtomArray permits AtomArray.Reals, AtomArray.Integers, AtomArray.Strings, AtomArray.Logicals {

    /** The rows: {@code values()} of the record, an array of n per-atom arrays of equal length. */
    Object[] rows();

    /** Number of atoms (rows). */
    default int size() {
        return rows().length;
    }

    /** Number of columns per atom (0 without atoms). */
    default int columns() {
        return rows().length == 0 ? 0 : java.lang.reflect.Array.getLength(rows()[0]);
    }

    /** Extended-XYZ type letter: 'R', 'I', 'S' or 'L'. */
    char type();

    /** Real values, e.g. forces:R:3 in eV/A. */
    record Reals(double[][] values) implements AtomArray {
        /**
         * @param values real values, shape [n][k]
         * @throws IllegalArgumentException if rows differ in length or have no column
         */
        public Reals {
            checkRectangular(values.length, i -> values[i].length);
        }

        public Object[] rows() {
            return values;
        }

        public char type() {
            return 'R';
        }
    }

    /** Integer values (64 bit, as numpy's int64). */
    record Integers(long[][] values) implements AtomArray {
        /**
         * @param values integer values, shape [n][k]
         * @throws IllegalArgumentException if rows differ in length or have no column
         */
        public Integers {
            checkRectangular(values.length, i -> values[i].length);
        }

        public Object[] rows() {
            return values;
        }

        public char type() {
            return 'I';
        }
    }

    /** String values without white space. */
    record Strings(String[][] values) implements AtomArray {
        /**
         * @param values strings without white space, shape [n][k]
         * @throws IllegalArgumentException if rows differ in length or have no column
         */
        public Strings {
            checkRectangular(values.length, i -> values[i].length);
        }

        public Object[] rows() {
            return values;
        }

        public char type() {
            return 'S';
        }
    }

    /** Logical values (written T / F). */
    record Logicals(boolean[][] values) implements AtomArray {
        /**
         * @param values logical values, shape [n][k]
         * @throws IllegalArgumentException if rows differ in length or have no column
         */
        public Logicals {
            checkRectangular(values.length, i -> values[i].length);
        }

        public Object[] rows() {
            return values;
        }

        public char type() {
            return 'L';
        }
    }

    /** Reals with several columns, shape [n][k]. */
    static AtomArray of(double[][] values) {
        return new Reals(values);
    }

    /** One real column. */
    static AtomArray of(double[] values) {
        return new Reals(Arrays.stream(values).mapToObj(v -> new double[]{v}).toArray(double[][]::new));
    }

    /** One integer column. */
    static AtomArray of(long[] values) {
        return new Integers(Arrays.stream(values).mapToObj(v -> new long[]{v}).toArray(long[][]::new));
    }

    /** One integer column. */
    static AtomArray of(int[] values) {
        return new Integers(Arrays.stream(values).mapToObj(v -> new long[]{v}).toArray(long[][]::new));
    }

    /** One string column. */
    static AtomArray of(String[] values) {
        return new Strings(Arrays.stream(values).map(v -> new String[]{v}).toArray(String[][]::new));
    }

    /** One logical column. */
    static AtomArray of(boolean[] values) {
        boolean[][] rows = new boolean[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new boolean[]{values[i]};
        }
        return new Logicals(rows);
    }

    private static void checkRectangular(int rows, java.util.function.IntUnaryOperator length) {
        if (rows == 0) {
            return;
        }
        int k = length.applyAsInt(0);
        if (k < 1) {
            throw new IllegalArgumentException("a per-atom array needs at least one column");
        }
        for (int i = 1; i < rows; i++) {
            if (length.applyAsInt(i) != k) {
                throw new IllegalArgumentException("row " + i + " of a per-atom array has " + length.applyAsInt(i)
                        + " columns, row 0 has " + k + "; expected the same number for every atom");
            }
        }
    }
}
