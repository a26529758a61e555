package org.physml.ice;

/**
 * How the hydrogen-bond graph of an oxygen lattice is found.
 *
 * <p>{@link WithinDistance}: every O-O pair closer than r_max is hydrogen bonded (all phases whose bonded and
 * non-bonded O-O distances are separated by a gap, including ice VI, whose two networks are 3.5 A apart).
 * {@link AlongVectors}: in ice VII every O has 8 nearest O at the same distance, 4 in its own network and 4 in
 * the other (body-centred cubic O sublattice made of two interpenetrating diamond nets), so distance cannot
 * tell them apart; the bonds run from the "donor-side" sites (the corners of the cubic cell) along the four
 * body diagonals whose signs multiply to +1, a fixed choice that separates the two diamond networks.
 */
public sealed interface HydrogenBondRule permits HydrogenBondRule.WithinDistance, HydrogenBondRule.AlongVectors {

    /**
     * Bonds between every O pair at distance &lt; r_max.
     *
     * @param rMax upper bound of the bonded O-O distance, Angstrom, &gt; 0
     */
    record WithinDistance(double rMax) implements HydrogenBondRule {
        /** @throws IllegalArgumentException if r_max is not positive and finite */
        public WithinDistance {
            if (!(rMax > 0) || !Double.isFinite(rMax)) {
                throw new IllegalArgumentException("r_max must be a positive finite number of Angstrom, got " + rMax);
            }
        }
    }

    /**
     * Bonds from each site at one of {@code from} (fractional coordinates of the conventional cell, modulo lattice
     * translations) to the O at that site plus one of {@code vectors} (fractional, conventional cell).
     *
     * @param from    fractional positions of the sites the bond vectors start from, shape [k][3]
     * @param vectors fractional bond vectors, shape [m][3]
     */
    record AlongVectors(double[][] from, double[][] vectors) implements HydrogenBondRule {
        /** @throws IllegalArgumentException if a row does not have 3 finite entries or a list is empty */
        public AlongVectors {
            from = checkRows(from, "from");
            vectors = checkRows(vectors, "vectors");
        }

        private static double[][] checkRows(double[][] rows, String name) {
            if (rows == null || rows.length == 0) {
                throw new IllegalArgumentException(name + " must hold at least one fractional vector");
            }
            double[][] copy = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] == null || rows[i].length != 3) {
                    throw new IllegalArgumentException(name + "[" + i + "] must have 3 components");
                }
                for (double x : rows[i]) {
                    if (!Double.isFinite(x)) {
                        throw new IllegalArgumentException(name + "[" + i + "] is not finite");
                    }
                }
                copy[i] = rows[i].clone();
            }
            return copy;
        }

        /** Copy of the start positions, shape [k][3]. */
        @Override
        public double[][] from() {
            return copyOf(from);
        }

        /** Copy of the bond vectors, shape [m][3]. */
        @Override
        public double[][] vectors() {
            return copyOf(vectors);
        }

        private static double[][] copyOf(double[][] rows) {
            double[][] c = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                c[i] = rows[i].clone();
            }
            return c;
        }
    }
}
