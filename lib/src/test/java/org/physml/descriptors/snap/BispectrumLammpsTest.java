package org.physml.descriptors.snap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.physml.structure.Structure;

/**
 * Bispectrum components against LAMMPS's compute sna/atom (LAMMPS 29 Sep 2021 Update 2 with ML-SNAP), per atom
 * and per column, for the structures and parameter sets of src/test/resources/bispectrum/cases.txt.
 */
class BispectrumLammpsTest {

    static List<LammpsReference.Case> cases() {
        return LammpsReference.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesLammpsComputeSnaAtom(LammpsReference.Case c) {
        Bispectrum b = c.descriptor();
        Structure s = LammpsReference.structure(c.structureFile());
        double[][] ref = LammpsReference.dump(c.dumpFile());
        double[][] ours = b.compute(s);
        assertEquals(s.size(), ref.length, "atoms in the dump");
        assertEquals(ref[0].length, b.featureCount(), "columns in the dump");
        double worst = 0.0;
        for (int i = 0; i < ref.length; i++) {
            // components of one atom span several orders of magnitude: relative to the atom's largest one
            double scale = 0.0;
            for (double v : ref[i]) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int l = 0; l < ref[i].length; l++) {
                double rel = Math.abs(ours[i][l] - ref[i][l]) / scale;
                worst = Math.max(worst, rel);
                String where = "%s: atom %d column %d (%s): ours %.17g, LAMMPS %.17g".formatted(c.name(), i + 1, l + 1,
                        b.featureNames().get(l), ours[i][l], ref[i][l]);
                assertTrue(rel < 1e-12, where);
            }
        }
        System.out.printf("%s: max |ours - LAMMPS| / max_l |B_l| = %.3g%n", c.name(), worst);
    }
}
