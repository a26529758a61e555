package org.physml.structure;

import java.util.Map;
import java.util.TreeMap;

/**
 * Mass, density and chemical formula of a {@link Structure}, from the standard atomic weights of
 * {@link Elements}.
 */
public final class Composition {
    /**
     * Atomic mass constant m_u = 1.66053906660e-27 kg (CODATA 2018), written here in g so that
     * 1 u / 1 A^3 = 1.66053906660 g/cm^3 (1 A^3 = 1e-24 cm^3).
     */
    public static final double ATOMIC_MASS_CONSTANT_G = 1.66053906660e-24;
    private static final double CUBIC_ANGSTROM_IN_CM3 = 1e-24;

    private Composition() {
    }

    /**
     * Sum of the standard atomic weights of all atoms, u (g/mol).
     *
     * @throws IllegalArgumentException if an element has no standard atomic weight
     */
    public static double totalMass(Structure s) {
        double m = 0;
        for (int i = 0; i < s.size(); i++) {
            m += Elements.mass(s.atomicNumber(i));
        }
        return m;
    }

    /**
     * Mass density rho = M m_u / |V| of a structure periodic along all three axes, g/cm^3, with M the
     * {@link #totalMass(Structure)} in u and V the cell volume in A^3.
     *
     * @throws IllegalArgumentException if the structure is not periodic along all three axes (the volume of a
     *                                  slab or molecule cell is not the volume of the material), or an element
     *                                  has no standard atomic weight
     */
    public static double density(Structure s) {
        boolean[] pbc = s.pbc();
        if (!(pbc[0] && pbc[1] && pbc[2])) {
            throw new IllegalArgumentException("density needs a structure periodic along all three axes, got pbc "
                    + java.util.Arrays.toString(pbc));
        }
        return totalMass(s) * ATOMIC_MASS_CONSTANT_G / (Math.abs(s.volume()) * CUBIC_ANGSTROM_IN_CM3);
    }

    /** Number of atoms of each element, keyed by atomic number in increasing order. */
    public static Map<Integer, Integer> counts(Structure s) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < s.size(); i++) {
            counts.merge(s.atomicNumber(i), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Chemical formula in Hill order: C first, then H, then the other elements alphabetically; without carbon,
     * all elements alphabetically. Counts of 1 are omitted, e.g. "CH4", "H2O", "Cu4".
     */
    public static String formula(Structure s) {
        Map<String, Integer> bySymbol = new TreeMap<>();
        for (Map.Entry<Integer, Integer> e : counts(s).entrySet()) {
            bySymbol.put(Elements.symbol(e.getKey()), e.getValue());
        }
        StringBuilder sb = new StringBuilder();
        if (bySymbol.containsKey("C")) {
            append(sb, "C", bySymbol.remove("C"));
            if (bySymbol.containsKey("H")) {
                append(sb, "H", bySymbol.remove("H"));
            }
        }
        bySymbol.forEach((symbol, count) -> append(sb, symbol, count));
        return sb.toString();
    }

    private static void append(StringBuilder sb, String symbol, int count) {
        sb.append(symbol);
        if (count != 1) {
            sb.append(count);
        }
    }
}
