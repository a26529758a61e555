package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.physml.CoursePaths;

/**
 * The NEP-style Si models shipped in data/potentials/Si (trained with {@link TrainSiliconNep}) still reproduce the
 * test-set errors recorded in their files when training finished, i.e. the descriptor and network code have not
 * drifted away from the weights.
 */
class ShippedNepModelsTest {
    private static final Pattern TEST_ERRORS = Pattern.compile(
            "test energy MAE ([0-9.]+) meV/atom \\(RMSE [0-9.]+\\), force MAE ([0-9.]+) eV/A");

    @Test
    void shippedModelsReproduceTheirRecordedTestErrors() throws IOException {
        String[][] files = {{"nep-si-h5-seed42.json", "5"}, {"nep-si-h10-seed42.json", "10"},
            {"nep-si-h30-seed42.json", "30"}, {"nep-si-h60-seed42.json", "60"}, {"nep-si-h30-seed1.json", "30"},
            {"nep-si-h30-seed2.json", "30"}, {"nep-si-h30-seed3.json", "30"}};
        for (String[] f : files) {
            var path = CoursePaths.data("potentials/Si/" + f[0]);
            NepPotential p = NepPotentialFile.read(path);
            assertEquals(Integer.parseInt(f[1]), p.network().neurons(), f[0]);
            String json = java.nio.file.Files.readString(path);
            Matcher m = TEST_ERRORS.matcher(json);
            assertTrue(m.find(), f[0] + " records its test errors");
            ErrorMetrics e = ErrorMetrics.evaluate(p, PotentialTestData.siliconTest());
            // recorded with 2 and 4 decimals
            assertEquals(Double.parseDouble(m.group(1)), e.energyMae(), 0.006, f[0] + " energy MAE");
            assertEquals(Double.parseDouble(m.group(2)), e.forceMae(), 6e-5, f[0] + " force MAE");
        }
    }

    /**
     * The models of the virial and coefficient ablations (data/potentials/&lt;element&gt;/virial: train-nep
     * --virial-weight 0, 0.1, 1; &lt;element&gt;/coefficients: --train-c) reproduce their recorded test errors, the
     * virial RMSE included (which also pins the order in which the data's virial components are read), and record the
     * settings they were trained with.
     */
    @Test
    void ablationModelsReproduceTheirRecordedTestErrors() throws IOException {
        Pattern virial = Pattern.compile("virial RMSE ([0-9.]+) meV/atom \\(train\\), ([0-9.]+) \\(test\\)");
        for (String el : PublishedModels.ELEMENTS) {
            java.util.List<LabelledStructure> test = el.equals("Si") ? PotentialTestData.siliconTest()
                    : PotentialTestData.molybdenumTest();
            String stem = "-h30-seed42-";
            String e = el.toLowerCase();
            String[][] models = {{"virial/nep-" + e + stem + "lv0.json", "0", "false"},
                {"virial/nep-" + e + stem + "lv0.1.json", "0.1", "false"},
                {"virial/nep-" + e + stem + "lv1.json", "1", "false"},
                {"coefficients/nep-" + e + stem + "c.json", "0", "true"},
                {"coefficients/nep-" + e + stem + "c-lv1.json", "1", "true"}};
            for (String[] model : models) {
                String name = el + "/" + model[0];
                var path = CoursePaths.data("potentials/" + name);
                String json = java.nio.file.Files.readString(path);
                NepPotential p = NepPotentialFile.read(path);
                Matcher m = TEST_ERRORS.matcher(json);
                assertTrue(m.find(), name + " records its test errors");
                ErrorMetrics err = ErrorMetrics.evaluate(p, test);
                assertEquals(Double.parseDouble(m.group(1)), err.energyMae(), 0.006, name + " energy MAE");
                assertEquals(Double.parseDouble(m.group(2)), err.forceMae(), 6e-5, name + " force MAE");
                Matcher v = virial.matcher(json);
                assertTrue(v.find(), name + " records its virial errors");
                assertEquals(Double.parseDouble(v.group(2)), Virials.rmsePerAtom(p, test), 0.06, name + " virial");
                assertTrue(json.contains("lambdaV=" + Double.parseDouble(model[1])), name + " lambda_v " + model[1]);
                assertTrue(!json.contains("trainCoefficients=") || json.contains("trainCoefficients=" + model[2]),
                        name + " trainCoefficients " + model[2]);
                double[] c = p.parameters().coefficients();
                double[] identity = NepSetup.singleElement(el).coefficients();
                double moved = 0;
                for (int k = 0; k < c.length; k++) {
                    moved = Math.max(moved, Math.abs(c[k] - identity[k]));
                }
                assertEquals(model[2].equals("true"), moved > 1e-3, name + ": trained c moved by " + moved);
            }
        }
    }

    /** The Mo model (./physml potentials train-nep --element Mo) reproduces its recorded test errors too. */
    @Test
    void shippedMolybdenumModelReproducesItsRecordedTestErrors() throws IOException {
        var path = CoursePaths.data("potentials/Mo/nep-mo-h30-seed42.json");
        NepPotential p = NepPotentialFile.read(path);
        Matcher m = TEST_ERRORS.matcher(java.nio.file.Files.readString(path));
        assertTrue(m.find(), "the Mo model records its test errors");
        ErrorMetrics e = ErrorMetrics.evaluate(p, PotentialTestData.molybdenumTest());
        assertEquals(Double.parseDouble(m.group(1)), e.energyMae(), 0.006, "energy MAE");
        assertEquals(Double.parseDouble(m.group(2)), e.forceMae(), 6e-5, "force MAE");
    }

    /**
     * The shipped error table (./physml potentials mlearn-table) still holds for the fast rows: the published Mo
     * SNAP and NNP and the Mo NEP-style model on the Mo test set, to the last digit.
     */
    @Test
    void shippedErrorTableReproducesForTheMolybdenumTestSet() throws IOException {
        java.util.List<ModelErrors> rows = ModelErrors.read(CoursePaths.data("potentials/mlearn-errors.json"));
        assertEquals(36, rows.size(), "3 published + 6 course models, 2 elements, 2 sets");
        java.util.Map<String, Potential> models = java.util.Map.of(
                PublishedModels.Kind.SNAP.label(), PublishedModels.load("Mo", PublishedModels.Kind.SNAP),
                PublishedModels.Kind.NNP.label(), PublishedModels.load("Mo", PublishedModels.Kind.NNP),
                "NEP-style H = 30 (trained here)",
                NepPotentialFile.read(CoursePaths.data("potentials/Mo/nep-mo-h30-seed42.json")));
        for (var entry : models.entrySet()) {
            ModelErrors row = rows.stream().filter(r -> r.element().equals("Mo") && r.set().equals("test")
                    && r.model().equals(entry.getKey())).findFirst().orElseThrow();
            ErrorMetrics e = ErrorMetrics.evaluate(entry.getValue(), PotentialTestData.molybdenumTest());
            assertEquals(row.energyMae(), e.energyMae(), 1e-9, entry.getKey());
            assertEquals(row.forceRmse(), e.forceRmse(), 1e-9, entry.getKey());
        }
    }
}
