package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.physml.descriptors.NeighbourAveraged;
import org.physml.CoursePaths;
import org.physml.descriptors.Acsf;
import org.physml.descriptors.AcsfG8;
import org.physml.descriptors.ConcatenatedDescriptor;
import org.physml.descriptors.steinhardt.Steinhardt;
import org.physml.structure.Structure;
import org.physml.structure.io.ExtXyz;

/** The descriptors of the v2 study: the study's ACSF (sigmoid cutoff + G8) and the first-shell averages. */
class StudyDescriptorsTest {

    private static Structure water(String file) {
        return ExtXyz.read(CoursePaths.root().resolve("data/water").resolve(file)).get(0).structure();
    }

    @Test
    void studyAcsfIsBehlerOnAllNeighboursThenG8OnTheOxygenSubLattice() {
        DescriptorSpec spec = IceDescriptors.acsfSigmoidG8();
        assertEquals(64, spec.featureCount());
        Structure ice = water("ice_Ih.extxyz");
        int[] o = Steinhardt.atomsOfSpecies(ice, 8);
        int[] some = Arrays.copyOf(o, 20);
        double[][] x = spec.descriptor().compute(ice, some);
        var parts = ((ConcatenatedDescriptor) spec.descriptor()).parts();
        Acsf behler = (Acsf) parts.get(0).descriptor();
        double[][] xb = behler.compute(ice, some);
        // G8 computed independently on a structure that holds only the oxygens
        Structure oxygens = ice.select(o);
        int[] someInO = java.util.stream.IntStream.range(0, 20).toArray();
        double[][] g8a = ((AcsfG8) parts.get(1).descriptor()).compute(oxygens, someInO);
        double[][] g8b = ((AcsfG8) parts.get(2).descriptor()).compute(oxygens, someInO);
        for (int k = 0; k < some.length; k++) {
            for (int f = 0; f < 60; f++) {
                assertEquals(xb[k][f], x[k][f], 1e-12 * (1 + Math.abs(xb[k][f])));
            }
            assertEquals(g8a[k][0], x[k][60], 1e-12);
            assertEquals(g8a[k][1], x[k][61], 1e-12);
            assertEquals(g8b[k][0], x[k][62], 1e-12);
            assertEquals(g8b[k][1], x[k][63], 1e-12);
        }
        assertTrue(spec.descriptor().featureNames().get(60).startsWith("G8[eta=1,")
                && spec.descriptor().featureNames().get(60).endsWith("|Z=8"), spec.descriptor().featureNames().get(60));
    }

    @Test
    void firstShellG8VanishesForTheTetrahedraOfIceButNotInTheLiquid() {
        // G8[eta, alpha = arccos(-1/3)] sums sin(eta (theta - alpha)) over O-O-O angles of the first shell: the four
        // neighbours of an O in ice Ih are (nearly) tetrahedral, so every term is (nearly) zero
        DescriptorSpec spec = IceDescriptors.acsfSigmoidG8();
        Structure ice = water("ice_Ih.extxyz"), liquid = water("liquid_300K.extxyz");
        double[][] xi = spec.descriptor().compute(ice, Steinhardt.atomsOfSpecies(ice, 8));
        double[][] xl = spec.descriptor().compute(liquid, Steinhardt.atomsOfSpecies(liquid, 8));
        double ice60 = Arrays.stream(xi).mapToDouble(r -> Math.abs(r[60])).average().orElseThrow();
        double liq60 = Arrays.stream(xl).mapToDouble(r -> Math.abs(r[60])).average().orElseThrow();
        assertTrue(ice60 < 0.05, "mean |G8| over ice Ih: " + ice60);
        assertTrue(liq60 > 10 * ice60 && liq60 > 0.2, "mean |G8| ice " + ice60 + ", liquid " + liq60);
    }

    @Test
    void sigmoidCutoffIsInTheParametersSoCacheKeysSeparateIt() {
        String a = IceDescriptors.acsfSigmoidG8().parameters(), b = IceDescriptors.acsfSigmoidG8().parameters();
        assertEquals(a, b);
        assertTrue(a.contains("{\"kind\":\"sigmoid\",\"parameters\":{\"r_cut\":" + IceDescriptors.SIGMOID_R_CUT
                + ",\"alpha\":10.0,\"eps_c\":0.5}}")
                && a.contains("{\"kind\":\"smooth-window\",\"parameters\":{\"nu\":5.0,\"a_l\":3.3"), a);
        assertNotEquals(IceDescriptors.acsf().parameters(), a);
    }

    @Test
    void firstShellAveragesStopAtFiveAngstrom() {
        List<DescriptorSpec> study = IceDescriptors.study();
        assertEquals(14, study.size());
        assertTrue(study.stream().noneMatch(s -> s.descriptor() instanceof NeighbourAveraged avg
                && avg.averagingRadius() > IceDescriptors.FIRST_SHELL_RADIUS));
        assertEquals(7, study.stream().filter(s -> s.descriptor() instanceof NeighbourAveraged).count());
        assertEquals("SOAP large + first-shell average", IceDescriptors.firstShellAverage(
                IceDescriptors.soapLarge()).name());
        var e = assertThrows(IllegalArgumentException.class, () -> IceDescriptors.firstShellAverage(
                IceDescriptors.soapSmall(), 6.5));
        assertTrue(e.getMessage().contains("6.5"), e.getMessage());
        assertEquals(3.5, ((NeighbourAveraged) IceDescriptors.firstShellAverage(IceDescriptors.steinhardt(), 3.5)
                .descriptor()).averagingRadius());
    }
}
