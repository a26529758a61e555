package org.physml.ice.classify;

import java.util.Arrays;
import java.util.function.IntFunction;

import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;
import org.physml.structure.Elements;

/**
 * The water molecules of a structure of O and H atoms: every H bonded to exactly one O within
 * {@link #R_OH_MAX}, every O bonded to exactly two H. Periodic images count (a molecule may straddle the cell).
 *
 * @param oxygens   atom index of each molecule's O, ascending, length N
 * @param hydrogens atom indices of each molecule's two H, shape [N][2]
 */
public record WaterMolecules(int[] oxygens, int[][] hydrogens) {
    /**
     * Largest O-H distance of a bond, Angstrom: the rigid O-H bond of TIP4P/2005 is 0.9572 A (Abascal and Vega,
     * J. Chem. Phys. 123, 234505 (2005)); flexible models stretch it by a few hundredths, while the shortest
     * hydrogen bond O...H in ice is about 1.7 A.
     */
    public static final double R_OH_MAX = 1.25;

    /** Number of molecules N. */
    public int size() {
        return oxygens.length;
    }

    /**
     * Assembles the molecules.
     *
     * @param s         the atoms (Angstrom)
     * @param atomLabel how to name atom i in messages, e.g. {@code i -> "atom " + i + " (line 7)"}
     * @throws IllegalArgumentException naming the atom: if an atom is neither O nor H, an H has no O or two O within
     *                                  R_OH_MAX, an O has not exactly two H, or there is no O at all
     */
    public static WaterMolecules assemble(Structure s, IntFunction<String> atomLabel) {
        for (int i = 0; i < s.size(); i++) {
            int z = s.atomicNumber(i);
            if (z != 1 && z != 8) {
                throw new IllegalArgumentException(atomLabel.apply(i) + " is " + Elements.symbol(z)
                        + "; expected water, only O and H atoms");
            }
        }
        int[] oxygens = java.util.stream.IntStream.range(0, s.size()).filter(i -> s.atomicNumber(i) == 8).toArray();
        if (oxygens.length == 0) {
            throw new IllegalArgumentException("no water: the structure has " + s.size() + " atoms and no O");
        }
        NeighbourList nl = NeighbourList.build(s, R_OH_MAX);
        int[] oxygenOf = new int[s.size()];
        Arrays.fill(oxygenOf, -1);
        for (int i = 0; i < s.size(); i++) {
            if (s.atomicNumber(i) != 1) {
                continue;
            }
            LocalEnvironment env = nl.environment(i);
            for (int q = 0; q < env.size(); q++) {
                if (env.neighbourZ()[q] != 8) {
                    continue;
                }
                int o = env.neighbourIndex()[q];
                if (oxygenOf[i] >= 0 && oxygenOf[i] != o) {
                    throw new IllegalArgumentException(atomLabel.apply(i) + " (H) is within " + R_OH_MAX
                            + " A of two O, " + atomLabel.apply(oxygenOf[i]) + " and " + atomLabel.apply(o)
                            + "; cannot tell its molecule");
                }
                oxygenOf[i] = o;
            }
            if (oxygenOf[i] < 0) {
                throw new IllegalArgumentException(atomLabel.apply(i) + " (H) has no O within " + R_OH_MAX
                        + " A; cannot assemble its water molecule");
            }
        }
        int[] row = new int[s.size()];
        for (int k = 0; k < oxygens.length; k++) {
            row[oxygens[k]] = k;
        }
        int[][] h = new int[oxygens.length][2];
        int[] count = new int[oxygens.length];
        for (int i = 0; i < s.size(); i++) {
            if (oxygenOf[i] >= 0) {
                int k = row[oxygenOf[i]];
                if (count[k] < 2) {
                    h[k][count[k]] = i;
                }
                count[k]++;
            }
        }
        for (int k = 0; k < oxygens.length; k++) {
            if (count[k] != 2) {
                throw new IllegalArgumentException(atomLabel.apply(oxygens[k]) + " (O) has " + count[k] + " H within "
                        + R_OH_MAX + " A; a water molecule has 2");
            }
        }
        return new WaterMolecules(oxygens, h);
    }
}
