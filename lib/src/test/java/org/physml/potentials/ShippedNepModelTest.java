package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physml.CoursePaths;

/**
 * The shipped NEP-style Si model ({@code data/mlearn/Si/nep_si.json}, made by {@code TrainSiliconNep 30}) loads
 * and reproduces the test accuracy recorded in its comment (test energy MAE 12.23 meV/atom, force MAE
 * 0.1365 eV/A).
 */
class ShippedNepModelTest {

    @Test
    void shippedModelReproducesItsRecordedTestAccuracy() throws Exception {
        NepPotential nep = NepPotentialFile.read(CoursePaths.data("mlearn/Si/nep_si.json"));
        assertEquals(NepSetup.silicon().dimension(), nep.network().dimension());
        ErrorMetrics m = ErrorMetrics.evaluate(nep, PotentialTestData.siliconTest());
        assertEquals(12.23, m.energyMae(), 0.01);
        assertEquals(0.1365, m.forceMae(), 2e-4);
        assertTrue(nep.parameters().qScaler()[0] > 0);
    }
}
