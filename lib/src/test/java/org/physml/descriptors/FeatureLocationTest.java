package org.physml.descriptors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.physml.descriptors.nep.NepDescriptor;
import org.physml.descriptors.nep.NepParameters;
import org.physml.descriptors.snap.Bispectrum;
import org.physml.descriptors.steinhardt.Steinhardt;

/** The label lookups: every column a lookup returns carries the label asked for, and the blocks tile the vector. */
class FeatureLocationTest {
    private static final Pattern SOAP_NAME = Pattern.compile("soap\\[Z1=(\\d+),Z2=(\\d+),l=(\\d+),n=(\\d+),n'=(\\d+)]");

    @Test
    void soapColumnsAndBlocksFollowTheNames() {
        for (Soap soap : List.of(
                Soap.builder().rCut(4).sigma(0.5).nMax(3).lMax(2).species(1, 8).build(),
                Soap.builder().rCut(4).sigma(0.5).nMax(2).lMax(3).species(1, 6, 8).build(),
                Soap.builder().rCut(4).sigma(0.5).nMax(3).lMax(2).species(1, 6, 8).compression("crossover").build())) {
            List<String> names = soap.featureNames();
            for (int k = 0; k < names.size(); k++) {
                Matcher m = SOAP_NAME.matcher(names.get(k));
                assertTrue(m.matches(), names.get(k));
                int z1 = Integer.parseInt(m.group(1)), z2 = Integer.parseInt(m.group(2));
                int l = Integer.parseInt(m.group(3)), n = Integer.parseInt(m.group(4)), np = Integer.parseInt(m.group(5));
                assertEquals(k, soap.column(z1, z2, l, n, np), names.get(k));
                assertEquals(k, soap.column(z2, z1, l, np, n), "symmetric label of " + names.get(k));
                int[] block = soap.location(z1, z2);
                assertTrue(block[0] <= k && k < block[1], names.get(k) + " outside its block");
                assertArrayEquals(block, soap.location(z2, z1));
            }
            assertEquals(0, soap.location(1, 1)[0]);
            var e = assertThrows(IllegalArgumentException.class, () -> soap.location(1, 7));
            assertTrue(e.getMessage().contains("Z = 7"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> soap.column(1, 1, 9, 0, 0));
        }
        Soap crossover = Soap.builder().rCut(4).sigma(0.5).nMax(2).lMax(1).species(1, 8).compression("crossover")
                .build();
        assertThrows(IllegalArgumentException.class, () -> crossover.location(1, 8));
    }

    @Test
    void acsfBlocksAreTheRadialAndAngularBlocksOfTheirSpecies() {
        Acsf acsf = Acsf.builder().rCut(5).species(1, 6, 8).g2Params(new double[][]{{0.1, 0}, {1, 2}})
                .g3Params(1.0).g4Params(new double[][]{{0.01, 1, 1}, {0.01, 2, -1}})
                .g5Params(new double[][]{{0.02, 1, 1}}).build();
        List<String> names = acsf.featureNames();
        boolean[] covered = new boolean[names.size()];
        String[] sym = {"H", "C", "O"};
        int[] z = {1, 6, 8};
        for (int a = 0; a < 3; a++) {
            int[] r = acsf.location(z[a]);
            assertEquals(1 + 2 + 1, r[1] - r[0]);
            for (int k = r[0]; k < r[1]; k++) {
                assertTrue(names.get(k).endsWith("|" + sym[a]) && names.get(k).matches("G[123].*"), names.get(k));
                covered[k] = true;
            }
            for (int b = 0; b <= a; b++) {
                int[] ang = acsf.location(z[a], z[b]);
                assertArrayEquals(ang, acsf.location(z[b], z[a]));
                assertEquals(2 + 1, ang[1] - ang[0]);
                for (int k = ang[0]; k < ang[1]; k++) {
                    assertTrue(names.get(k).endsWith("|" + sym[b] + "-" + sym[a]) && names.get(k).matches("G[45].*"),
                            names.get(k));
                    assertTrue(!covered[k], "column " + k + " in two blocks");
                    covered[k] = true;
                }
            }
        }
        for (int k = 0; k < covered.length; k++) {
            assertTrue(covered[k], "column " + k + " (" + names.get(k) + ") in no block");
        }
        assertThrows(IllegalArgumentException.class, () -> acsf.location(1, 6, 8));
        var e = assertThrows(IllegalArgumentException.class, () -> acsf.location(7));
        assertTrue(e.getMessage().contains("[1, 6, 8]"), e.getMessage());
    }

    @Test
    void bispectrumNepAndSteinhardtColumnsCarryTheirLabels() {
        Bispectrum b = Bispectrum.builder().rcutfac(1).rfac0(0.99363).twojmax(4).species(14, 2.5, 1).build();
        assertEquals("B_{1,1,2}", b.featureNames().get(b.column(1, 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> b.column(2, 1, 1));   // LAMMPS keeps j >= j1 only
        assertEquals("B_{4,4,4}", b.featureNames().get(b.column(4, 4, 4)));
        assertThrows(IllegalArgumentException.class, () -> b.column(6, 6, 6));

        NepDescriptor nep = new NepDescriptor(NepParameters.builder("H", "O").cutoff(5, 4).nMax(3, 2).basisSize(4, 4)
                .lMax(4, 2, 1).randomCoefficients(3).build());
        assertEquals("radial_n3", nep.featureNames().get(nep.radialColumn(3)));
        assertEquals("angular_l4_n2", nep.featureNames().get(nep.angularColumn(4, 2)));
        assertThrows(IllegalArgumentException.class, () -> nep.radialColumn(4));
        assertThrows(IllegalArgumentException.class, () -> nep.angularColumn(0, 0));
        assertThrows(IllegalArgumentException.class, () -> nep.angularColumn(5, 0));

        Steinhardt st = Steinhardt.builder().rCut(3.5).allNeighbours().q(4, 6).w(6).build();
        assertEquals("q6", st.featureNames().get(st.column("q6")));
        var e = assertThrows(IllegalArgumentException.class, () -> st.column("q8"));
        assertTrue(e.getMessage().contains("q8") && e.getMessage().contains("q4"), e.getMessage());
    }
}
