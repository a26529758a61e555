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
}
