package org.physml.descriptors.nep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nep.txt write/read round trips, block counting and error messages. */
class NepModelFileTest {

    @TempDir
    Path dir;

    private static double[] random(int n, long seed) {
        Random rng = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian() * Math.pow(10, rng.nextInt(7) - 3);
        }
        return v;
    }

    @Test
    void roundTripWithPerSpeciesCutoffsAndFlexibleZbl() throws IOException {
        NepParameters shape = NepParameters.builder("Si", "C", "O")
                .cutoffs(new double[]{6.0, 4.5, 5.25}, new double[]{4.0, 3.5, 3.75})
                .nMax(5, 3).basisSize(7, 6).lMax(4, 2, 1).randomCoefficients(1).build();
        NepParameters p = shape.toBuilder().coefficients(random(shape.coefficientCount(), 2))
                .qScaler(random(shape.dimension(), 3)).build();
        int neurons = 7;
        double[] ann = random(NepModel.annParameterCount("nep5_zbl", p.dimension(), neurons, 3), 4);
        double[] flex = random(NepModel.flexibleZblCount(3), 5);
        NepModel model = new NepModel("nep5_zbl", p, neurons, ann, new double[]{0, 0}, flex, 150, 60);
        Path file = dir.resolve("nep.txt");
        NepModelFile.write(model, file);
        NepModel back = NepModelFile.read(file);
        assertEquals(model, back);
        assertArrayEquals(p.coefficients(), back.descriptor().coefficients(), 0.0);
        assertArrayEquals(p.qScaler(), back.descriptor().qScaler(), 0.0);
        String[] lines = Files.readString(file).split("\n");
        assertEquals("nep5_zbl 3 Si C O", lines[0]);
        assertEquals("zbl 0 0", lines[1]);
        assertEquals("cutoff 6 4 4.5 3.5 5.25 3.75 150 60", lines[2]);
        assertEquals("n_max 5 3", lines[3]);
        assertEquals("basis_size 7 6", lines[4]);
        assertEquals("l_max 4 2 1", lines[5]);
        assertEquals("ANN 7 0", lines[6]);
        assertEquals(7 + ann.length + p.coefficientCount() + p.dimension() + flex.length, lines.length);
    }

    @Test
    void roundTripOfAZeroNetworkModelWithGlobalCutoffs() {
        NepParameters p = NepParameters.builder("Si").cutoff(5, 4).randomCoefficients(8).build();
        NepModel model = NepModel.withZeroNetwork("nep4", p, 10);
        String text = NepModelFile.format(model);
        assertTrue(text.startsWith("nep4 1 Si\ncutoff 5 4 1000 500\nn_max 4 4\nbasis_size 8 8\nl_max 4 2 0\nANN 10 0\n"),
                text.substring(0, 80));
        assertEquals(model, NepModelFile.parse(text));
    }

    @Test
    void networkBlockSizesFollowNepCpu() {
        // dimension 30, 30 neurons, 2 species (the NEP_CPU test_qnep model): (30+2) 30 2 + 1 + 30 2 + 1
        assertEquals(1982, NepModel.annParameterCount("nep4_charge1", 30, 30, 2));
        assertEquals((30 + 2) * 30 + 1, NepModel.annParameterCount("nep3", 30, 30, 2));
        assertEquals((30 + 2) * 30 * 2 + 1, NepModel.annParameterCount("nep4_zbl", 30, 30, 2));
        assertEquals(((30 + 2) * 30 + 1) * 2 + 1, NepModel.annParameterCount("nep5", 30, 30, 2));
        assertEquals(2 * ((30 + 2) * 30 * 2 + 1), NepModel.annParameterCount("nep4_polarizability", 30, 30, 2));
    }

    private static String header() {
        return "nep3 1 Si\ncutoff 5 4 100 50\nn_max 1 1\nbasis_size 2 2\nl_max 2 0 0\nANN 2 0\n";
    }

    private static String validModel() {
        // dimension 2 + 2 x 2 = 6; ANN (6 + 2) 2 + 1 = 17; c = 2 x 3 + 2 x 3 = 12; q_scaler 6
        StringBuilder sb = new StringBuilder(header());
        for (int i = 0; i < 17 + 12 + 6; i++) {
            sb.append(" 1.0e-01\n");
        }
        return sb.toString();
    }

    private static String error(String content) {
        return assertThrows(IllegalArgumentException.class,
                () -> NepModelFile.parse(new java.io.StringReader(content), "model.txt")).getMessage();
    }

    @Test
    void parsesTheMinimalModelAndCountsTheBlocks() {
        NepModel m = NepModelFile.parse(validModel());
        assertEquals(3, m.version());
        assertEquals(6, m.descriptor().dimension());
        assertEquals(17, m.annParameters().length);
        assertEquals(12, m.descriptor().coefficientCount());
        assertEquals(0.1, m.descriptor().qScaler()[5], 0.0);
        assertEquals(100, m.mnRadial());
    }

    @Test
    void errorsNameFileLineAndExpectation() {
        String bad = validModel().replace("n_max 1 1", "n_max 1 x");
        assertEquals("model.txt:3: expected n_max_A (integer), got 'x' (line: 'n_max 1 x')", error(bad));

        String shortFile = validModel().substring(0, validModel().length() - 2 * " 1.0e-01\n".length());
        String msg = error(shortFile);
        assertTrue(msg.startsWith("model.txt:40: expected q_scaler 5 of 6"), msg);
        assertTrue(msg.contains("end of the file"), msg);

        String[] lines = validModel().split("\n");
        lines[6 + 17 + 3] = " 0.5 0.7";
        msg = error(String.join("\n", lines));
        assertTrue(msg.startsWith("model.txt:27: expected descriptor coefficient c 4 of 12 (one number per line), "
                + "got 2 entries"), msg);

        msg = error(validModel().replace("nep3 1 Si", "nep7 1 Si"));
        assertTrue(msg.startsWith("model.txt:1: expected a supported model keyword"), msg);
        msg = error(validModel().replace("nep3 1 Si", "nep3 2 Si"));
        assertTrue(msg.startsWith("model.txt:1: expected 2 element symbols"), msg);
        msg = error(validModel().replace("cutoff 5 4 100 50", "cutoff 5 4 100 50 1.5 1.5 0.7"));
        assertTrue(msg.startsWith("model.txt:2: expected a cutoff line without covalent-radius"), msg);
        msg = error(validModel().replace("l_max 2 0 0", "l_max 2 0 0 1"));
        assertTrue(msg.startsWith("model.txt:5: expected no further descriptor flags"), msg);
        msg = error(validModel().replace("n_max 1 1", "n_max 25 1"));
        assertTrue(msg.startsWith("model.txt:6: header values out of range: n_max radial must be in 0..19"), msg);
        msg = error(validModel() + " 3.0\n");
        assertTrue(msg.startsWith("model.txt:42: expected the end of the file after 35 parameters"), msg);
        msg = error(validModel().replace(" 1.0e-01\n 1.0e-01\n", " 1.0e-01\n NaN\n"));
        assertTrue(msg.contains("(finite), got 'NaN'"), msg);
    }

    @Test
    void readsTheOlderThreeEntryCutoffLine() {
        NepModel m = NepModelFile.parse(validModel().replace("cutoff 5 4 100 50", "cutoff 5 4"));
        assertEquals(NepModel.DEFAULT_MN_RADIAL, m.mnRadial());
        assertEquals(5.0, m.descriptor().rcRadial(0));
    }
}
