package org.physml.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.physml.descriptors.Soap;
import org.physml.descriptors.steinhardt.Steinhardt;
import org.physml.ice.IceBuilder;
import org.physml.ice.IcePhase;
import org.physml.ice.classify.SyntheticIceData;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

class NeighbourAveragedTest {
    static final Soap SOAP = Soap.builder().rCut(4.0).sigma(0.5).nMax(2).lMax(3).species(1, 8).build();

    /** The average equals the mean of the inner vectors of the centre and of its O neighbours, computed by hand. */
    @Test
    void equalsTheMeanOverTheFirstShell() {
        Structure s = SyntheticIceData.randomWater(40, 1.0, new SplittableRandom(3));
        int[] oxygens = Steinhardt.atomsOfSpecies(s, 8);
        double[][] all = SOAP.compute(s, oxygens);
        NeighbourList nl = NeighbourList.build(s.select(oxygens), 3.3);
        int[] centres = {oxygens[0], oxygens[7], oxygens[21]};
        double[][] avg = new NeighbourAveraged(SOAP, 8, 3.3).compute(s, centres);
        for (int k = 0; k < centres.length; k++) {
            int sub = java.util.Arrays.binarySearch(oxygens, centres[k]);
            LocalEnvironment env = nl.environment(sub);
            for (int f = 0; f < SOAP.featureCount(); f++) {
                double sum = all[sub][f];
                for (int j : env.neighbourIndex()) {
                    sum += all[j][f];
                }
                assertEquals(sum / (env.size() + 1), avg[k][f], 1e-12 * Math.max(1, Math.abs(sum)));
            }
        }
    }

    /**
     * In the O lattice of ice Ic every site is equivalent (diamond), so an O-only descriptor is the same on every
     * site and its average is itself.
     */
    @Test
    void equivalentSitesAverageToThemselves() {
        Structure ic = IceBuilder.of(IcePhase.IC).repeat(2, 2, 2).build().structure();
        Structure o = ic.select(Steinhardt.atomsOfSpecies(ic, 8));
        Soap oOnly = Soap.builder().rCut(4.0).sigma(0.5).nMax(2).lMax(4).species(8).build();
        int[] centres = {0, 5, 17};
        double[][] plain = oOnly.compute(o, centres);
        double[][] avg = new NeighbourAveraged(oOnly, 8, 3.0).compute(o, centres);
        for (int k = 0; k < centres.length; k++) {
            for (int f = 0; f < plain[k].length; f++) {
                assertEquals(plain[k][f], avg[k][f], 1e-9 * Math.max(1, Math.abs(plain[k][f])));
            }
        }
    }

    @Test
    void rejectsWhatItCannotDo() {
        Structure s = SyntheticIceData.randomWater(10, 1.0, new SplittableRandom(1));
        NeighbourAveraged a = new NeighbourAveraged(SOAP, 8, 3.3);
        assertThrows(IllegalArgumentException.class, () -> a.compute(s, new int[]{1}));   // an H atom
        assertFalse(LocalDescriptor.class.isInstance(a));   // the average needs the neighbours' features
        assertThrows(IllegalArgumentException.class, () -> new NeighbourAveraged(SOAP, 8, 0));
        assertEquals("avg " + SOAP.featureNames().get(3), a.featureNames().get(3));
    }
}
