package org.physml.descriptors.snap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * Bispectrum components and their derivatives against LAMMPS (29 Sep 2021 Update 2, built with ML-SNAP) for the
 * structures and parameter sets of src/test/resources/bispectrum/cases.txt: compute sna/atom per atom and
 * column, and compute snad/atom, which dumps for atom a and each atom type I the sum
 * -sum_{i of type I} dB^i/dr_a (LAMMPS documentation of compute snad/atom).
 */
class BispectrumLammpsTest {

    static List<LammpsReference.Case> cases() {
        return LammpsReference.cases();
    }

    static List<LammpsReference.Case> casesWithDerivatives() {
        return LammpsReference.cases().stream().filter(c -> LammpsReference.exists(c.name() + ".snad.dump")).toList();
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
        double worst = compare(c.name() + " sna/atom", ref, ours, b.featureNames());
        System.out.printf("%s sna/atom: max |ours - LAMMPS| / max_l |B_l| = %.3g%n", c.name(), worst);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithDerivatives")
    void derivativesMatchLammpsComputeSnadAtom(LammpsReference.Case c) {
        Bispectrum b = c.descriptor();
        Structure s = LammpsReference.structure(c.structureFile());
        double[][] ref = LammpsReference.dump(c.name() + ".snad.dump");
        int nf = b.featureCount();
        int nTypes = c.z().length;
        double[][] ours = new double[s.size()][nTypes * 3 * nf];
        NeighbourList nl = NeighbourList.build(s, b.cutoff());
        double[] out = new double[nf];
        for (int i = 0; i < s.size(); i++) {
            LocalEnvironment env = nl.environment(i);
            double[][][] grad = new double[env.size()][nf][3];
            b.computeWithGradient(env, out, grad);
            int block = typeIndex(c, s.atomicNumber(i)) * 3 * nf;
            for (int k = 0; k < env.size(); k++) {
                int a = env.neighbourIndex()[k];
                for (int cc = 0; cc < 3; cc++) {
                    for (int l = 0; l < nf; l++) {
                        // dB^i/dr_a for the neighbour a, and dB^i/dr_i = -sum_k dB^i/dr_k for the centre
                        ours[a][block + cc * nf + l] -= grad[k][l][cc];
                        ours[i][block + cc * nf + l] += grad[k][l][cc];
                    }
                }
            }
        }
        assertEquals(s.size(), ref.length, "atoms in the dump");
        assertEquals(ref[0].length, ours[0].length, "columns in the dump");
        double worst = compare(c.name() + " snad/atom", ref, ours, null);
        System.out.printf("%s snad/atom: max |ours - LAMMPS| / max_l |dB_l| = %.3g%n", c.name(), worst);
    }

    private static int typeIndex(LammpsReference.Case c, int z) {
        for (int t = 0; t < c.z().length; t++) {
            if (c.z()[t] == z) {
                return t;
            }
        }
        throw new IllegalStateException("atomic number " + z + " is not a type of case " + c.name());
    }

    /**
     * Asserts that every entry agrees to 1e-12 relative to the largest |value| of its atom (the columns of one
     * atom span several orders of magnitude) and returns the largest such deviation.
     */
    private static double compare(String what, double[][] ref, double[][] ours, List<String> names) {
        double worst = 0.0;
        for (int i = 0; i < ref.length; i++) {
            double scale = 0.0;
            for (double v : ref[i]) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int l = 0; l < ref[i].length; l++) {
                double rel = Math.abs(ours[i][l] - ref[i][l]) / scale;
                worst = Math.max(worst, rel);
                String where = "%s: atom %d column %d%s: ours %.17g, LAMMPS %.17g".formatted(what, i + 1, l + 1,
                        names == null ? "" : " (" + names.get(l) + ")", ours[i][l], ref[i][l]);
                assertTrue(rel < 1e-12, where);
            }
        }
        return worst;
    }
}
