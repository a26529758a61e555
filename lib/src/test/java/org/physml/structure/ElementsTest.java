package org.physml.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ElementsTest {

    @Test
    void symbolsAndAtomicNumbersAreInverse() {
        for (int z = 1; z <= Elements.MAX_Z; z++) {
            assertEquals(z, Elements.atomicNumber(Elements.symbol(z)));
            assertTrue(Elements.isSymbol(Elements.symbol(z)));
        }
        assertEquals(26, Elements.atomicNumber("Fe"));
        assertEquals(42, Elements.atomicNumber("Mo"));
        assertEquals(47, Elements.atomicNumber("Ag"));
        assertEquals(50, Elements.atomicNumber("Sn"));
        assertEquals(118, Elements.atomicNumber("Og"));
        assertEquals("aluminium", Elements.name(13));
    }

    @Test
    void unknownSymbolsAndNumbersAreRejected() {
        for (String bad : new String[]{"FE", "fe", "Xx", "", " H"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Elements.atomicNumber(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"));
            assertFalse(Elements.isSymbol(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> Elements.symbol(0));
        assertThrows(IllegalArgumentException.class, () -> Elements.mass(119));
    }

    /** Values as listed in the CIAAW 2021 table (ciaaw.org/atomic-weights.htm) and the 2021 report's abstract. */
    @Test
    void massesAreTheIupac2021StandardAtomicWeights() {
        assertEquals(4.002602, Elements.mass(2), 0);
        assertEquals(63.546, Elements.mass(29), 0);
        assertEquals(95.95, Elements.mass(42), 0);
        assertEquals(107.8682, Elements.mass(47), 0);
        assertEquals(118.710, Elements.mass(50), 0);
        // changed in 2021 (Prohaska et al. 2022 abstract): Hf 178.49 -> 178.486, Yb 173.054 -> 173.045
        assertEquals(178.486, Elements.mass(72), 0);
        assertEquals(173.045, Elements.mass(70), 0);
        // interval elements: abridged values
        assertEquals(1.0080, Elements.mass(1), 0);
        assertEquals(15.999, Elements.mass(8), 0);
        assertEquals(39.95, Elements.mass(18), 0);
        assertTrue(Elements.isIntervalMass(6));
        assertFalse(Elements.isIntervalMass(29));
    }

    /**
     * "Of the 118 known chemical elements ... 84 have this Earth-environment based value" (Wikipedia, Standard
     * atomic weight); Tc and Pm are the lightest without one.
     */
    @Test
    void eightyFourElementsHaveAStandardAtomicWeight() {
        int count = 0;
        for (int z = 1; z <= Elements.MAX_Z; z++) {
            count += Elements.hasMass(z) ? 1 : 0;
        }
        assertEquals(84, count);
        assertFalse(Elements.hasMass(43));
        assertFalse(Elements.hasMass(61));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Elements.mass(43));
        assertTrue(e.getMessage().contains("Tc"));
    }

    /**
     * Transcription check: atomic weight increases with Z except for the four classic inversions of the
     * periodic table, Ar/K, Co/Ni, Te/I and Th/Pa.
     */
    @Test
    void onlyTheFourKnownMassInversions() {
        List<String> inversions = new ArrayList<>();
        int previous = 0;
        for (int z = 1; z <= Elements.MAX_Z; z++) {
            if (!Elements.hasMass(z)) {
                continue;
            }
            if (previous != 0 && Elements.mass(z) < Elements.mass(previous)) {
                inversions.add(Elements.symbol(previous) + "/" + Elements.symbol(z));
            }
            previous = z;
        }
        assertEquals(List.of("Ar/K", "Co/Ni", "Te/I", "Th/Pa"), inversions);
    }

    @Test
    void elementsAreRecognisedFromForceFieldMasses() {
        assertEquals(8, Elements.atomicNumberFromMass(15.9994, 0.1));
        assertEquals(1, Elements.atomicNumberFromMass(1.00794, 0.1));
        assertEquals(42, Elements.atomicNumberFromMass(95.94, 0.1));
        assertEquals(29, Elements.atomicNumberFromMass(63.55, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Elements.atomicNumberFromMass(2.014, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Elements.atomicNumberFromMass(39.5, 1.0));
        // 0.1 u never matches two elements
        for (int z = 1; z <= Elements.MAX_Z; z++) {
            if (Elements.hasMass(z)) {
                assertEquals(z, Elements.atomicNumberFromMass(Elements.mass(z), 0.1));
            }
        }
    }
}
