package org.physml.descriptors.nep;

import java.util.HashMap;
import java.util.Map;

/**
 * Chemical symbols of the elements Z = 1..118 (IUPAC names), used to translate the species list of a
 * nep.txt file ("Si", "Pb", ...) into the atomic numbers that {@link org.physml.structure.Structure} stores.
 */
final class ChemicalSymbols {
    private static final String[] SYMBOLS = {
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne",
        "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca",
        "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn",
        "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr",
        "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn",
        "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd",
        "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb",
        "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg",
        "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th",
        "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm",
        "Md", "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds",
        "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og"};
    private static final Map<String, Integer> Z = new HashMap<>();

    static {
        for (int i = 0; i < SYMBOLS.length; i++) {
            Z.put(SYMBOLS[i], i + 1);
        }
    }

    private ChemicalSymbols() {
    }

    /** Atomic number of a symbol (case-sensitive, e.g. "Si"), or -1 if it is not an element symbol. */
    static int atomicNumber(String symbol) {
        return Z.getOrDefault(symbol, -1);
    }

    /** Symbol of atomic number z in 1..118. */
    static String symbol(int z) {
        if (z < 1 || z > SYMBOLS.length) {
            throw new IllegalArgumentException("atomic number " + z + " is outside 1.." + SYMBOLS.length);
        }
        return SYMBOLS[z - 1];
    }
}
