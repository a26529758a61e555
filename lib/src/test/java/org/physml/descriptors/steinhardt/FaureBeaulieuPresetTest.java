package org.physml.descriptors.steinhardt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.physml.structure.Structure;
import org.physml.structure.io.ExtXyz;
import org.physml.structure.io.Frame;

/**
 * {@link Steinhardt#faureBeaulieu2024()} against make_faure_beaulieu_reference.py, an independent re-implementation
 * (ASE neighbour list, SciPy spherical harmonics, SymPy exact 3j symbols) of the procedure of the authors'
 * src/steinhardt.py (Faure Beaulieu, Deringer and Martelli, J. Chem. Phys. 160, 081101 (2024)), on noisy ice Ih
 * oxygens and on a random oxygen cell at low-density-amorphous-ice density where 64 of 96 atoms have fewer than 16
 * neighbours within 5 A.
 */
class FaureBeaulieuPresetTest {

    private static Frame reference(String name) {
        return ExtXyz.read(LammpsCase.directory().resolve(name + ".extxyz")).get(0);
    }

    @Test
    void featureLayoutIsThatOfThePaperCode() {
        Steinhardt s = Steinhardt.faureBeaulieu2024();
        List<String> expected = new ArrayList<>();
        for (int l = 3; l <= 12; l++) {
            expected.add("q" + l);
        }
        for (int l = 3; l <= 12; l++) {
            expected.add("qbar" + l);
        }
        for (int l = 4; l <= 12; l += 2) {
            expected.add("what" + l);
        }
        for (int l = 4; l <= 12; l += 2) {
            expected.add("whatbar" + l);
        }
        assertEquals(expected, s.featureNames());
        assertEquals(30, s.featureCount());
        assertEquals(16, s.parameters().nearestNeighbours());
        assertEquals(10.6, s.cutoff(), 1e-12);
        assertEquals(8, s.parameters().neighbourSpecies().get(0));
        assertTrue(s.averaged());
    }

    @ParameterizedTest
    @ValueSource(strings = {"faure_beaulieu_ice_ih", "faure_beaulieu_random_lda"})
    void matchesTheIndependentPythonReference(String name) {
        Frame f = reference(name);
        double[][] ref = f.reals("steinhardt");
        double[][] ours = Steinhardt.faureBeaulieu2024().compute(f.structure());
        double worst = 0;
        for (int i = 0; i < ref.length; i++) {
            for (int k = 0; k < 30; k++) {
                worst = Math.max(worst, Math.abs(ours[i][k] - ref[i][k]));
                assertEquals(ref[i][k], ours[i][k], 1e-10, name + ": atom " + i + " feature " + k);
            }
        }
        System.out.printf("%s: %d atoms, max |Java - Python| = %.2e%n", name, ref.length, worst);
    }

    @Test
    void strictFiveAngstromCutoffWouldZeroTheLowDensityAtoms() {
        // the reason for the 10.6 A candidate radius: with a strict 5 A cutoff (LAMMPS semantics) most atoms of
        // the low-density cell have fewer than 16 neighbours and would get zeros instead of the paper's values
        Structure s = reference("faure_beaulieu_random_lda").structure();
        int[] q = java.util.stream.IntStream.rangeClosed(3, 12).toArray();
        Steinhardt strict = Steinhardt.builder().rCut(5.0).nearestNeighbours(16).q(q).build();
        double[][] x = strict.compute(s);
        long zeros = java.util.Arrays.stream(x).filter(row -> row[0] == 0.0).count();
        assertEquals(64, zeros);
        assertThrows(IllegalArgumentException.class, () -> Steinhardt.builder().rCut(5.0).nearestNeighbours(16)
                .q(q).insufficientNeighbours(InsufficientNeighbours.THROW).build().compute(s));
    }

    @Test
    void waterCentresWithOxygenNeighboursEqualTheOxygenOnlyStructure() {
        // ice oxygens plus two H per O: the preset restricted to oxygen neighbours, on the oxygen centres, gives the
        // numbers of the oxygen-only structure
        Structure water = LammpsCase.named("water_o_nnn16").structure();
        int[] oxygens = Steinhardt.atomsOfSpecies(water, 8);
        assertEquals(128, oxygens.length);
        Steinhardt s = Steinhardt.faureBeaulieu2024();
        double[][] fromWater = s.compute(water, oxygens);
        double[][] fromOxygens = s.compute(water.select(oxygens));
        for (int i = 0; i < oxygens.length; i++) {
            for (int k = 0; k < 30; k++) {
                assertEquals(fromOxygens[i][k], fromWater[i][k], 1e-13);
            }
        }
    }

    @Test
    void throwsWhenFewerThanSixteenOxygensLieWithinTheCandidateRadius() {
        double[][] pos = new double[10][];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = new double[]{3.0 * i, 0, 0};
        }
        int[] z = new int[pos.length];
        java.util.Arrays.fill(z, 8);
        Structure chain = Structure.molecule(pos, z);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Steinhardt.faureBeaulieu2024().compute(chain));
        assertTrue(e.getMessage().contains("needs 16"), e.getMessage());
    }
}
