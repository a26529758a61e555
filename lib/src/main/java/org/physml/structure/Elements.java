package org.physml.structure;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The periodic table: symbol, name and standard atomic weight of the elements Z = 1..118.
 *
 * <p>Masses are the IUPAC/CIAAW standard atomic weights 2021: T. Prohaska et al., "Standard atomic weights of
 * the elements 2021 (IUPAC Technical Report)", Pure Appl. Chem. 94 (2022) 573-600, doi:10.1515/pac-2019-0603,
 * as tabulated by CIAAW at ciaaw.org/atomic-weights.htm (Z = 1..53 read there) and transcribed with the
 * abridged values in the CIAAW table file data/src/saw_2021.txt of github.com/MilanSkocic/ciaaw (Z = 54..92).
 * For the 14 elements whose standard atomic weight is an interval (H, Li, B, C, N, O, Mg, Si, S, Cl, Ar, Br,
 * Tl, Pb) the abridged (conventional) value of that table is used, e.g. H 1.0080 for [1.00784, 1.00811].
 * Elements without a standard atomic weight (no stable isotope with a characteristic terrestrial isotopic
 * composition: Tc, Pm, Po..Ac, Np..Og) have no mass here: {@link #mass(int)} throws for them.
 */
public final class Elements {
    /** Largest atomic number in the table. */
    public static final int MAX_Z = 118;

    private static final String[] SYMBOLS = {
            "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca",
            "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr",
            "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba",
            "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W",
            "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th", "Pa", "U",
            "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds",
            "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og"};

    private static final String[] NAMES = {
            "hydrogen", "helium", "lithium", "beryllium", "boron", "carbon", "nitrogen", "oxygen", "fluorine", "neon",
            "sodium", "magnesium", "aluminium", "silicon", "phosphorus", "sulfur", "chlorine", "argon", "potassium",
            "calcium", "scandium", "titanium", "vanadium", "chromium", "manganese", "iron", "cobalt", "nickel", "copper",
            "zinc", "gallium", "germanium", "arsenic", "selenium", "bromine", "krypton", "rubidium", "strontium",
            "yttrium", "zirconium", "niobium", "molybdenum", "technetium", "ruthenium", "rhodium", "palladium", "silver",
            "cadmium", "indium", "tin", "antimony", "tellurium", "iodine", "xenon", "caesium", "barium", "lanthanum",
            "cerium", "praseodymium", "neodymium", "promethium", "samarium", "europium", "gadolinium", "terbium",
            "dysprosium", "holmium", "erbium", "thulium", "ytterbium", "lutetium", "hafnium", "tantalum", "tungsten",
            "rhenium", "osmium", "iridium", "platinum", "gold", "mercury", "thallium", "lead", "bismuth", "polonium",
            "astatine", "radon", "francium", "radium", "actinium", "thorium", "protactinium", "uranium", "neptunium",
            "plutonium", "americium", "curium", "berkelium", "californium", "einsteinium", "fermium", "mendelevium",
            "nobelium", "lawrencium", "rutherfordium", "dubnium", "seaborgium", "bohrium", "hassium", "meitnerium",
            "darmstadtium", "roentgenium", "copernicium", "nihonium", "flerovium", "moscovium", "livermorium",
            "tennessine", "oganesson"};

    private static final double NaN = Double.NaN;

    /** Standard atomic weights 2021 (see class comment), u; NaN where CIAAW gives none. Index Z - 1. */
    private static final double[] MASSES = {
            1.0080, 4.002602, 6.94, 9.0121831, 10.81, 12.011,
            14.007, 15.999, 18.998403162, 20.1797, 22.98976928, 24.305,
            26.9815384, 28.085, 30.973761998, 32.06, 35.45, 39.95,
            39.0983, 40.078, 44.955907, 47.867, 50.9415, 51.9961,
            54.938043, 55.845, 58.933194, 58.6934, 63.546, 65.38,
            69.723, 72.630, 74.921595, 78.971, 79.904, 83.798,
            85.4678, 87.62, 88.905838, 91.224, 92.90637, 95.95,
            NaN, 101.07, 102.90549, 106.42, 107.8682, 112.414,
            114.818, 118.710, 121.760, 127.60, 126.90447, 131.293,
            132.90545196, 137.327, 138.90547, 140.116, 140.90766, 144.242,
            NaN, 150.36, 151.964, 157.25, 158.925354, 162.500,
            164.930329, 167.259, 168.934219, 173.045, 174.9668, 178.486,
            180.94788, 183.84, 186.207, 190.23, 192.217, 195.084,
            196.966570, 200.592, 204.38, 207.2, 208.98040, NaN,
            NaN, NaN, NaN, NaN, NaN, 232.0377,
            231.03588, 238.02891, NaN, NaN, NaN, NaN,
            NaN, NaN, NaN, NaN, NaN, NaN,
            NaN, NaN, NaN, NaN, NaN, NaN,
            NaN, NaN, NaN, NaN, NaN, NaN,
            NaN, NaN, NaN, NaN};

    /** Elements whose standard atomic weight is an interval; their mass here is the abridged value. */
    private static final int[] INTERVAL_ELEMENTS = {1, 3, 5, 6, 7, 8, 12, 14, 16, 17, 18, 35, 81, 82};

    private static final Map<String, Integer> BY_SYMBOL = new HashMap<>();

    static {
        for (int z = 1; z <= MAX_Z; z++) {
            BY_SYMBOL.put(SYMBOLS[z - 1], z);
        }
    }

    private Elements() {
    }

    /**
     * {@link #sortedSpecies(int...)} for a list, as the parameter records hold their species: validated, ascending,
     * unmodifiable.
     *
     * @throws IllegalArgumentException as {@link #sortedSpecies(int...)}
     * @throws NullPointerException     if the list or one of its elements is null
     */
    public static List<Integer> sortedSpecies(List<Integer> z) {
        return Arrays.stream(sortedSpecies(z.stream().mapToInt(Integer::intValue).toArray())).boxed()
                .toList();
    }

    /**
     * A species list as descriptors take it: the atomic numbers sorted ascending, each in 1..{@value #MAX_Z} and
     * given once.
     *
     * @param z atomic numbers in any order, at least one
     * @return a sorted copy
     * @throws IllegalArgumentException if the list is empty, holds a number outside 1..118 or one twice (the
     *                                  message names it)
     */
    public static int[] sortedSpecies(int... z) {
        if (z == null || z.length == 0) {
            throw new IllegalArgumentException("species must list at least one atomic number");
        }
        int[] s = z.clone();
        Arrays.sort(s);
        for (int k = 0; k < s.length; k++) {
            if (s[k] < 1 || s[k] > MAX_Z) {
                throw new IllegalArgumentException("species contains atomic number " + s[k] + "; expected 1.."
                        + MAX_Z);
            }
            if (k > 0 && s[k] == s[k - 1]) {
                throw new IllegalArgumentException("species lists " + symbol(s[k]) + " (Z = " + s[k]
                        + ") twice; give each species once: " + Arrays.toString(z));
            }
        }
        return s;
    }

    /**
     * Chemical symbol of element Z, e.g. "Fe" for 26.
     *
     * @throws IllegalArgumentException if Z is outside 1..118
     */
    public static String symbol(int z) {
        checkZ(z);
        return SYMBOLS[z - 1];
    }

    /**
     * English (IUPAC) name of element Z, lower case, e.g. "aluminium".
     *
     * @throws IllegalArgumentException if Z is outside 1..118
     */
    public static String name(int z) {
        checkZ(z);
        return NAMES[z - 1];
    }

    /** Whether {@code symbol} is a chemical symbol, with exact capitalisation ("Fe", not "FE" or "fe"). */
    public static boolean isSymbol(String symbol) {
        return BY_SYMBOL.containsKey(symbol);
    }

    /**
     * Atomic number of a chemical symbol, exact capitalisation.
     *
     * @throws IllegalArgumentException if {@code symbol} is not one of the 118 symbols
     */
    public static int atomicNumber(String symbol) {
        Integer z = BY_SYMBOL.get(symbol);
        if (z == null) {
            throw new IllegalArgumentException("'" + symbol + "' is not a chemical symbol; expected one of H, He, ..., Og "
                    + "with exact capitalisation");
        }
        return z;
    }

    /** Whether CIAAW gives a standard atomic weight for element Z (84 elements do). */
    public static boolean hasMass(int z) {
        checkZ(z);
        return !Double.isNaN(MASSES[z - 1]);
    }

    /**
     * Whether the standard atomic weight of Z is an interval, so that {@link #mass(int)} is its abridged
     * (conventional) value.
     */
    public static boolean isIntervalMass(int z) {
        checkZ(z);
        for (int zi : INTERVAL_ELEMENTS) {
            if (zi == z) {
                return true;
            }
        }
        return false;
    }

    /**
     * Standard atomic weight of element Z (IUPAC 2021), in u (g/mol).
     *
     * @throws IllegalArgumentException if Z is outside 1..118 or the element has no standard atomic weight
     */
    public static double mass(int z) {
        checkZ(z);
        double m = MASSES[z - 1];
        if (Double.isNaN(m)) {
            throw new IllegalArgumentException(SYMBOLS[z - 1] + " (Z = " + z + ") has no IUPAC standard atomic weight; "
                    + "give its mass explicitly");
        }
        return m;
    }

    /**
     * The element whose standard atomic weight is nearest to {@code mass}, if it lies within {@code tolerance}.
     * Used to recognise elements from the masses of a LAMMPS data file (force fields round masses, e.g.
     * 15.9994 for O or 1.00794 for H).
     *
     * @param mass      atomic mass, u
     * @param tolerance largest accepted |mass - standard weight|, u, &gt; 0
     * @throws IllegalArgumentException if no element is within the tolerance, or two are
     */
    public static int atomicNumberFromMass(double mass, double tolerance) {
        if (!(tolerance > 0) || !(mass > 0) || !Double.isFinite(mass)) {
            throw new IllegalArgumentException("mass and tolerance must be positive, got mass " + mass
                    + " u and tolerance " + tolerance + " u");
        }
        int best = 0;
        for (int z = 1; z <= MAX_Z; z++) {
            double m = MASSES[z - 1];
            if (!Double.isNaN(m) && Math.abs(m - mass) <= tolerance) {
                if (best != 0) {
                    throw new IllegalArgumentException("mass " + mass + " u matches both " + SYMBOLS[best - 1] + " ("
                            + MASSES[best - 1] + ") and " + SYMBOLS[z - 1] + " (" + m + ") within " + tolerance
                            + " u; give the element explicitly");
                }
                best = z;
            }
        }
        if (best == 0) {
            throw new IllegalArgumentException("no element has a standard atomic weight within " + tolerance
                    + " u of " + mass + " u; give the element explicitly");
        }
        return best;
    }

    static void checkZ(int z) {
        if (z < 1 || z > MAX_Z) {
            throw new IllegalArgumentException("atomic number " + z + " is outside 1.." + MAX_Z);
        }
    }
}
