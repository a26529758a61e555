package org.physml.descriptors.steinhardt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/** Argument checking, names, and the LAMMPS keyword parser. */
class SteinhardtValidationTest {

    private static IllegalArgumentException bad(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e);
    }

    @Test
    void builderRejectsBadArguments() {
        bad(() -> Steinhardt.builder().rCut(0));
        bad(() -> Steinhardt.builder().rCut(-1));
        bad(() -> Steinhardt.builder().rCut(Double.NaN));
        bad(() -> Steinhardt.builder().rCut(Double.POSITIVE_INFINITY));
        bad(() -> Steinhardt.builder().nearestNeighbours(0));
        bad(() -> Steinhardt.builder().q(4, -1));
        bad(() -> Steinhardt.builder().wHat(Steinhardt.MAX_L + 1));
        bad(() -> Steinhardt.builder().components(-2));
        bad(() -> Steinhardt.builder().neighbourSpecies());
        bad(() -> Steinhardt.builder().neighbourSpecies(8, 0));
        bad(() -> Steinhardt.builder().neighbourSpecies(119));
        bad(() -> Steinhardt.builder().insufficientNeighbours(null));
        assertTrue(bad(() -> Steinhardt.builder().build()).getMessage().contains("r_cut"));
        assertTrue(bad(() -> Steinhardt.builder().rCut(3).q().build()).getMessage().contains("no feature"));
        bad(() -> Steinhardt.atomsOfSpecies(Crystals.sc(3, 2)));
    }

    @Test
    void namesFollowTheFeatureOrder() {
        Steinhardt s = Steinhardt.builder().rCut(3).q(6, 4).qBar(4).w(2).wBar(2).wHat(6).wHatBar(6).components(1)
                .build();
        assertEquals(List.of("q6", "q4", "qbar4", "w2", "wbar2", "what6", "whatbar6", "qhat1[m=-1].re",
                "qhat1[m=-1].im", "qhat1[m=0].re", "qhat1[m=0].im", "qhat1[m=1].re", "qhat1[m=1].im"),
                s.featureNames());
        assertEquals(13, s.featureCount());
        assertEquals(3.0, s.cutoff());
        assertEquals(Steinhardt.DEFAULT_NEAREST, s.parameters().nearestNeighbours());
        assertEquals(InsufficientNeighbours.ZERO, s.parameters().insufficientNeighbours());
        assertEquals(java.util.List.of(), s.parameters().neighbourSpecies());
        assertThrows(UnsupportedOperationException.class, () -> s.featureNames().add("x"));
    }

    @Test
    void computeChecksItsArguments() {
        Structure s = Crystals.sc(3.0, 3);
        Steinhardt st = Steinhardt.builder().rCut(3.5).nearestNeighbours(6).q(4).build();
        NeighbourList nl = NeighbourList.build(s, 3.5);
        assertTrue(bad(() -> st.computeLocal(nl.environment(0), new double[2])).getMessage().contains("length 2"));
        assertThrows(IndexOutOfBoundsException.class, () -> st.compute(s, new int[]{0, 27}));
        assertThrows(IndexOutOfBoundsException.class, () -> st.compute(s, new int[]{-1}));
    }

    @Test
    void coincidentAtomsAreRejected() {
        Structure s = Structure.molecule(new double[][]{{0, 0, 0}, {0, 0, 0}, {1, 0, 0}}, new int[]{8, 8, 8});
        Steinhardt st = Steinhardt.builder().rCut(2).allNeighbours().q(4).build();
        assertTrue(bad(() -> st.compute(s)).getMessage().contains("sits on centre atom"));
    }

    @Test
    void throwPolicyNamesTheAtom() {
        Structure s = Crystals.sc(3.0, 3);
        Steinhardt st = Steinhardt.builder().rCut(3.5).nearestNeighbours(7).q(4)
                .insufficientNeighbours(InsufficientNeighbours.THROW).build();
        String m = bad(() -> st.compute(s)).getMessage();
        assertTrue(m.contains("has 6 neighbours") && m.contains("needs 7"), m);
        Structure lone = Structure.molecule(new double[][]{{0, 0, 0}, {9, 0, 0}}, new int[]{8, 8});
        Steinhardt all = Steinhardt.builder().rCut(3.5).allNeighbours().q(4)
                .insufficientNeighbours(InsufficientNeighbours.THROW).build();
        assertTrue(bad(() -> all.compute(lone)).getMessage().contains("at least 1"));
        double[][] zero = Steinhardt.builder().rCut(3.5).allNeighbours().q(4).build().compute(lone);
        assertEquals(0.0, zero[0][0]);
    }

    @Test
    void lammpsDefaults() {
        Steinhardt s = LammpsOrientOrder.parse("cutoff 3.5");
        assertEquals(List.of("q4", "q6", "q8", "q10", "q12"), s.featureNames());
        assertEquals(12, s.parameters().nearestNeighbours());
        Steinhardt t = LammpsOrientOrder.parse("nnn NULL degrees 2 6 4 wl/hat yes cutoff 2.5 chunksize 100 components 4");
        assertEquals(List.of("q6", "q4", "what6", "what4"), t.featureNames().subList(0, 4));
        assertEquals(4 + 18, t.featureCount());
        assertEquals(0, t.parameters().nearestNeighbours());
    }

    @Test
    void lammpsParserRejectsWhatLammpsRejects() {
        bad(() -> LammpsOrientOrder.parse(""));
        bad(() -> LammpsOrientOrder.parse("nnn 12"));
        bad(() -> LammpsOrientOrder.parse("cutoff 3 nnn 0"));
        bad(() -> LammpsOrientOrder.parse("cutoff 3 nnn"));
        bad(() -> LammpsOrientOrder.parse("cutoff abc"));
        bad(() -> LammpsOrientOrder.parse("cutoff 3 degrees 3 4 6"));
        bad(() -> LammpsOrientOrder.parse("cutoff 3 degrees 0"));
        bad(() -> LammpsOrientOrder.parse("cutoff 3 wl maybe"));
        bad(() -> LammpsOrientOrder.parse("cutoff 3 components 5"));
        bad(() -> LammpsOrientOrder.parse("cutoff 3 chunksize 0"));
        assertTrue(bad(() -> LammpsOrientOrder.parse("cutoff 3 ql yes")).getMessage().contains("unknown"));
    }
}
