package org.physml.descriptors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.physml.descriptors.steinhardt.Steinhardt;
import org.physml.ice.classify.SyntheticIceData;
import org.physml.structure.Structure;

class SpeciesSubsetTest {
    static final Soap O_SOAP = Soap.builder().rCut(5.0).sigma(0.8).nMax(3).lMax(4).species(8).build();

    /** The features are the inner descriptor's on the structure of the kept atoms, to the last bit. */
    @Test
    void equalsTheInnerDescriptorOnTheKeptAtoms() {
        Structure s = SyntheticIceData.randomWater(40, 1.0, new SplittableRandom(11));
        int[] oxygens = Steinhardt.atomsOfSpecies(s, 8);
        Structure o = s.select(oxygens);
        int[] centres = {oxygens[3], oxygens[0], oxygens[30]};
        double[][] subset = new SpeciesSubset(O_SOAP, 8).compute(s, centres);
        double[][] direct = O_SOAP.compute(o, new int[]{3, 0, 30});
        for (int k = 0; k < centres.length; k++) {
            assertArrayEquals(direct[k], subset[k], 0.0);
        }
    }

    /** Removed atoms do not count: moving every H atom leaves the features unchanged. */
    @Test
    void removedSpeciesDoNotChangeTheFeatures() {
        Structure s = SyntheticIceData.randomWater(30, 1.0, new SplittableRandom(5));
        double[][] moved = s.positions();
        SplittableRandom rnd = new SplittableRandom(8);
        for (int i = 0; i < s.size(); i++) {
            if (s.atomicNumber(i) == 1) {
                for (int c = 0; c < 3; c++) {
                    moved[i][c] += rnd.nextDouble(-0.3, 0.3);
                }
            }
        }
        Structure t = new Structure(moved, s.atomicNumbers(), s.cell(), s.pbc());
        int[] oxygens = Steinhardt.atomsOfSpecies(s, 8);
        SpeciesSubset d = new SpeciesSubset(O_SOAP, 8);
        double[][] a = d.compute(s, oxygens);
        double[][] b = d.compute(t, oxygens);
        for (int k = 0; k < oxygens.length; k++) {
            assertArrayEquals(a[k], b[k], 0.0);
        }
        // the same SOAP on H and O sees the H atoms move
        Soap both = Soap.builder().rCut(5.0).sigma(0.8).nMax(3).lMax(4).species(1, 8).build();
        assertFalse(Arrays.equals(both.compute(s, oxygens)[0], both.compute(t, oxygens)[0]));
    }

    @Test
    void refusesCentresOfRemovedSpeciesAndBadSpecies() {
        Structure s = SyntheticIceData.randomWater(10, 1.0, new SplittableRandom(1));
        SpeciesSubset d = new SpeciesSubset(O_SOAP, 8);
        int h = Steinhardt.atomsOfSpecies(s, 1)[0];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.compute(s, new int[]{h}));
        assertEquals("centre " + h + " is H (Z = 1); this descriptor keeps only O (Z = 8)", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> d.compute(s, new int[]{s.size()}));
        assertThrows(IllegalArgumentException.class, () -> new SpeciesSubset(O_SOAP));
        assertThrows(IllegalArgumentException.class, () -> new SpeciesSubset(O_SOAP, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new SpeciesSubset(O_SOAP, 119));
        assertFalse(LocalDescriptor.class.isInstance(d));
        assertEquals(O_SOAP.featureNames(), d.featureNames());
    }

    /** The JSON names the kept species and the inner descriptor, and different subsets differ. */
    @Test
    void parametersIdentifyTheSubset() {
        SpeciesSubset o = new SpeciesSubset(O_SOAP, 8);
        String json = o.parameters().toJson();
        assertTrue(json.startsWith("{\"descriptor\":\"species-subset\",\"parameters\":{\"inner\":{\"descriptor\":"
                + "\"soap\""), json);
        assertTrue(json.endsWith("\"species\":[8]}}"), json);
        assertEquals(o, DescriptorRegistry.fromJson(json).create());
        assertNotEquals(o.parameters(), new SpeciesSubset(O_SOAP, 1, 8).parameters());
        assertEquals(List.of(1, 8), new SpeciesSubset(O_SOAP, 8, 1).parameters().species());
    }
}
