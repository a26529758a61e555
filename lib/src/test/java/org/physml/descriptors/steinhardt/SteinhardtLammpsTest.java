package org.physml.descriptors.steinhardt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * Per-atom agreement with LAMMPS compute orientorder/atom (29 Sep 2021 update 2, the Debian lammps package) on
 * the cases of src/test/resources/steinhardt: perfect fcc, bcc (8 and 14 neighbours), hcp and simple-cubic
 * crystals, a random 40-atom triclinic cell (nnn 12 with degrees 0..12, nnn NULL, wl/hat without wl), a 6-atom
 * cell smaller than 2 r_cut (several images of one atom; nnn NULL, nnn 12, nnn 40 with too few neighbours ->
 * zeros), noisy ice Ih oxygens (nnn 16 and nnn 4) and an O/H cell where neigh_modify excludes O-H and H-H pairs
 * (oxygen-only neighbours). The compute arguments are taken verbatim from the LAMMPS inputs.
 */
class SteinhardtLammpsTest {
    private static final double TOL = 1e-10;

    static Stream<LammpsCase> cases() {
        return LammpsCase.all().stream();
    }

    @Test
    void allFifteenCasesArePresent() {
        assertEquals(15, LammpsCase.all().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyColumnOfEveryAtomMatchesLammps(LammpsCase c) {
        Steinhardt s = c.descriptor();
        double[][] ref = c.reference();
        int[] centres = c.centres();
        double[][] ours = s.compute(c.structure(), centres);
        assertEquals(ref[0].length, s.featureCount(), "column count");
        List<String> names = s.featureNames();
        double worst = 0;
        for (int k = 0; k < centres.length; k++) {
            for (int f = 0; f < s.featureCount(); f++) {
                double expected = ref[centres[k]][f] * lammpsSign(names.get(f));
                double diff = Math.abs(ours[k][f] - expected);
                worst = Math.max(worst, diff);
                assertEquals(expected, ours[k][f], TOL, c + ": atom " + centres[k] + " column " + names.get(f));
            }
        }
        System.out.printf("%-16s %4d centres x %3d columns, max |ours - LAMMPS| = %.2e%n", c, centres.length,
                s.featureCount(), worst);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void atomsOutsideTheGroupAreZeroInLammps(LammpsCase c) {
        double[][] ref = c.reference();
        int[] types = c.types();
        for (int i = 0; i < ref.length; i++) {
            if (c.groupType() != 0 && types[i] != c.groupType()) {
                for (double v : ref[i]) {
                    assertEquals(0.0, v, c + ": atom " + i);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void perEnvironmentCallEqualsStructureCall(LammpsCase c) {
        Steinhardt s = c.descriptor();
        Structure st = c.structure();
        int[] centres = c.centres();
        double[][] whole = s.compute(st, centres);
        NeighbourList nl = NeighbourList.build(st, s.cutoff());
        double[] out = new double[s.featureCount()];
        for (int k = 0; k < centres.length; k++) {
            s.computeLocal(nl.environment(centres[k]), out);
            assertArrayEquals(whole[k], out, 0.0, c + ": atom " + centres[k]);
        }
    }

    @Test
    void tooFewNeighboursGiveZerosAsInLammps() {
        LammpsCase c = LammpsCase.named("small_nnn40");
        double[][] ours = c.descriptor().compute(c.structure());
        for (int i = 0; i < ours.length; i++) {
            for (int f = 0; f < ours[i].length; f++) {
                assertEquals(0.0, ours[i][f]);
                assertEquals(0.0, c.reference()[i][f]);
            }
        }
    }

    @Test
    void oddComponentsDifferFromLammpsBySignOnly() {
        // LAMMPS's bond vectors are x_i - x_j, ours r_j - r_i: Y_lm(-r) = (-1)^l Y_lm(r). components 5 of
        // random_nnn12 must therefore be exactly the negatives of the LAMMPS columns, and non-trivially so.
        LammpsCase c = LammpsCase.named("random_nnn12");
        Steinhardt s = c.descriptor();
        double[][] ours = s.compute(c.structure());
        int first = s.featureNames().indexOf("qhat5[m=-5].re");
        assertTrue(first > 0);
        double largest = 0;
        for (int i = 0; i < ours.length; i++) {
            for (int f = first; f < s.featureCount(); f++) {
                assertEquals(-c.reference()[i][f], ours[i][f], TOL);
                largest = Math.max(largest, Math.abs(ours[i][f]));
            }
        }
        assertTrue(largest > 0.1, "components must not all vanish");
    }

    /** (-1)^l for a component column of odd degree l, else 1 (see the class documentation of Steinhardt). */
    private static double lammpsSign(String name) {
        if (!name.startsWith("qhat")) {
            return 1.0;
        }
        int l = Integer.parseInt(name.substring(4, name.indexOf('[')));
        return l % 2 == 0 ? 1.0 : -1.0;
    }
}
