package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physml.CoursePaths;

class MlearnReaderTest {

    @Test
    void readsTheSiliconSetsWithTheirSizesAndFirstEntry() throws IOException {
        List<LabelledStructure> train = PotentialTestData.siliconTraining();
        List<LabelledStructure> test = PotentialTestData.siliconTest();
        // Zuo et al. (2020): 214 training and 25 test structures for Si (also the PyXtal_FF example "UCSD-Si-214-25")
        assertEquals(214, train.size());
        assertEquals(25, test.size());
        // first test entry, values as written in data/mlearn/Si/test.json.gz
        LabelledStructure d = test.get(0);
        assertEquals(63, d.size());
        assertEquals(-297.62773938, d.energy(), 0.0);
        assertEquals(-0.05394626, d.forces()[0][0], 0.0);
        assertEquals(2.18442019, d.forces()[62][0], 0.0);
        assertEquals("Vacancy", d.group());
        assertTrue(d.description().startsWith("Snapshot 7 of 32"));
        assertNotNull(d.virialStress());
        assertEquals(-27.23177616, d.virialStress()[0], 0.0);
        for (LabelledStructure s : train) {
            assertEquals(14, s.structure().atomicNumber(0));
            assertTrue(s.structure().volume() > 0);
        }
    }

    @Test
    void readsTheMolybdenumSets() throws IOException {
        List<LabelledStructure> train = MlearnReader.read(CoursePaths.data("mlearn/Mo/training.json.gz"));
        List<LabelledStructure> test = MlearnReader.read(CoursePaths.data("mlearn/Mo/test.json.gz"));
        assertEquals(194, train.size());
        assertEquals(23, test.size());
        // first Mo training entry as written in the file: a 53-atom vacancy cell
        assertEquals(53, train.get(0).size());
        assertEquals(-569.56177802, train.get(0).energy(), 0.0);
        assertEquals(42, train.get(0).structure().atomicNumber(0));
    }

    /**
     * The virial stress of the "Elastic" mode-0 series (Lagrangian strain eta along x: a_x = a_0 sqrt(1 + 2 eta))
     * must satisfy dE/deta = V sigma_xx / (1 + 2 eta) with sigma = -virial_stress / 1602.18 eV/A^3 per kbar: this
     * fixes the unit (kbar) and sign (positive under compression) documented in {@link MlearnReader}.
     */
    @Test
    void virialStressIsKbarPositiveInCompression() {
        LabelledStructure e0 = find("Ground state crystal");
        LabelledStructure e2 = find("mode 0, strain 0.02");
        LabelledStructure e4 = find("mode 0, strain 0.04");
        LabelledStructure m2 = find("mode 0, strain -0.02");
        LabelledStructure m4 = find("mode 0, strain -0.04");
        double h = 0.02;
        check(e2, (e4.energy() - e0.energy()) / (2 * h), h);
        check(m2, (e0.energy() - m4.energy()) / (2 * h), -h);
        assertTrue(m2.virialStress()[0] > 0, "compressed cell: positive xx component");
        assertTrue(e2.virialStress()[0] < 0, "stretched cell: negative xx component");
    }

    /**
     * The order of the off-diagonal components: every sheared cell of the Mo "Elastic" group (one lattice vector
     * tilted into the plane of two axes) has its largest off-diagonal virial component at the index of that pair in
     * {@link LabelledStructure#VIRIAL_COMPONENTS} (xy, yz, xz), and all three planes occur: in the Si files as
     * stored, in the Mo files after the permutation of {@code data/mlearn/Mo/virial_order.txt}.
     */
    @Test
    void offDiagonalVirialComponentsFollowTheShearPlaneInBothSets() {
        offDiagonalVirialComponentsFollowTheShearPlane(PotentialTestData.molybdenumTraining());
        offDiagonalVirialComponentsFollowTheShearPlane(PotentialTestData.siliconTraining());
    }

    private static void offDiagonalVirialComponentsFollowTheShearPlane(List<LabelledStructure> data) {
        java.util.Set<Integer> planes = new java.util.HashSet<>();
        for (LabelledStructure d : data) {
            double[][] cell = d.structure().cell();
            int tilted = -1;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    if (a != b && Math.abs(cell[a][b]) > 0.1) {
                        int lo = Math.min(a, b);
                        int hi = Math.max(a, b);
                        for (int c = 3; c < 6; c++) {
                            if (LabelledStructure.VIRIAL_COMPONENTS[c][0] == lo
                                    && LabelledStructure.VIRIAL_COMPONENTS[c][1] == hi) {
                                tilted = c;
                            }
                        }
                    }
                }
            }
            if (tilted < 0 || !d.group().equals("Elastic")) {
                continue;
            }
            double[] v = d.virialStress();
            for (int c = 3; c < 6; c++) {
                if (c != tilted) {
                    assertTrue(Math.abs(v[tilted]) > 10 * Math.abs(v[c]), d.description() + ": component " + tilted
                            + " should dominate, virial stress " + java.util.Arrays.toString(v));
                }
            }
            planes.add(tilted);
        }
        assertEquals(java.util.Set.of(3, 4, 5), planes);
    }

    @Test
    void virialOrderFilePermutesTheComponents(@TempDir Path dir) throws IOException {
        String entry = "[{\"structure\": {\"lattice\": {\"matrix\": [[5,0,0],[0,5,0],[0,0,5]]}, \"sites\": ["
                + "{\"species\": [{\"element\": \"Si\", \"occu\": 1}], \"xyz\": [0,0,0]}]},"
                + " \"outputs\": {\"energy\": -5.0, \"forces\": [[0,0,0]], \"virial_stress\": [1,2,3,4,5,6]}}]";
        Path f = dir.resolve("set.json");
        Files.writeString(f, entry);
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0), boxed(MlearnReader.read(f).get(0).virialStress()));
        Files.writeString(dir.resolve(MlearnReader.VIRIAL_ORDER_FILE), "# stored order\nzz xx yy xz xy yz\n");
        // canonical xx yy zz xy yz xz from stored zz xx yy xz xy yz
        assertEquals(List.of(2.0, 3.0, 1.0, 5.0, 6.0, 4.0), boxed(MlearnReader.read(f).get(0).virialStress()));
        for (String bad : List.of("xx yy zz xy yz", "xx yy zz xy yz yz", "xx yy zz xy yz zx", "", "xx yy zz xy yz xz\nxx")) {
            Files.writeString(dir.resolve(MlearnReader.VIRIAL_ORDER_FILE), bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MlearnReader.read(f), bad);
            assertTrue(e.getMessage().contains(MlearnReader.VIRIAL_ORDER_FILE), e.getMessage());
        }
    }

    private static List<Double> boxed(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }

    private static void check(LabelledStructure d, double dEdEta, double eta) {
        double sigma = -d.virialStress()[0] / 1602.1766208;   // eV/A^3, tensile positive
        double predicted = d.structure().volume() * sigma / (1 + 2 * eta);
        // central difference with step 0.02: O(h^2) error, about 1 %
        assertEquals(dEdEta, predicted, 0.03 * Math.abs(dEdEta), "strain " + eta);
    }

    private static LabelledStructure find(String text) {
        return PotentialTestData.siliconTraining().stream().filter(d -> d.description().contains(text)
                && (text.startsWith("Ground") || d.description().endsWith(text.substring(text.lastIndexOf(' ') + 1))))
                .findFirst().orElseThrow(() -> new AssertionError("no entry '" + text + "'"));
    }

    @Test
    void malformedEntryIsNamedByFileAndIndex(@TempDir Path dir) throws IOException {
        String good = "{\"structure\": {\"lattice\": {\"matrix\": [[5,0,0],[0,5,0],[0,0,5]]}, \"sites\": ["
                + "{\"species\": [{\"element\": \"Si\", \"occu\": 1}], \"xyz\": [0,0,0]}]},"
                + " \"outputs\": {\"energy\": -5.0, \"forces\": [[0,0,0]]}}";
        String noEnergy = good.replace("\"energy\": -5.0, ", "");
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "[" + good + "," + noEnergy + "]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MlearnReader.read(f));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
        assertTrue(e.getMessage().contains("entry 1"), e.getMessage());
        assertTrue(e.getMessage().contains("outputs.energy"), e.getMessage());

        Path g = dir.resolve("forces.json");
        Files.writeString(g, "[" + good.replace("[[0,0,0]]", "[[0,0,0],[1,1,1]]") + "]");
        e = assertThrows(IllegalArgumentException.class, () -> MlearnReader.read(g));
        assertTrue(e.getMessage().contains("forces.json, entry 0") && e.getMessage().contains("expected 1 rows"),
                e.getMessage());

        Path h = dir.resolve("element.json");
        Files.writeString(h, "[" + good.replace("\"Si\"", "\"Xx\"") + "]");
        e = assertThrows(IllegalArgumentException.class, () -> MlearnReader.read(h));
        assertTrue(e.getMessage().contains("element.json, entry 0") && e.getMessage().contains("Xx"), e.getMessage());

        Path i = dir.resolve("object.json");
        Files.writeString(i, "{\"a\": 1}");
        e = assertThrows(IllegalArgumentException.class, () -> MlearnReader.read(i));
        assertTrue(e.getMessage().contains("object.json") && e.getMessage().contains("list"), e.getMessage());

        Path j = dir.resolve("truncated.json");
        Files.writeString(j, "[" + good);
        e = assertThrows(IllegalArgumentException.class, () -> MlearnReader.read(j));
        assertTrue(e.getMessage().contains("truncated.json"), e.getMessage());

        Path ok = dir.resolve("ok.json");
        Files.writeString(ok, "[" + good + "]");
        LabelledStructure d = MlearnReader.read(ok).get(0);
        assertEquals(-5.0, d.energy());
        assertEquals(125.0, d.structure().volume(), 1e-12);
        assertEquals(null, d.virialStress());
    }

    @Test
    void plainAndGzippedFilesAgree(@TempDir Path dir) throws IOException {
        Path gz = CoursePaths.data("mlearn/Si/test.json.gz");
        Path plain = dir.resolve("test.json");
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
            Files.copy(in, plain);
        }
        List<LabelledStructure> a = MlearnReader.read(plain);
        List<LabelledStructure> b = PotentialTestData.siliconTest();
        assertEquals(b.size(), a.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(b.get(k).energy(), a.get(k).energy(), 0.0);
        }
    }
}
