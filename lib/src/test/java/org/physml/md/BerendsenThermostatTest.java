package org.physml.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class BerendsenThermostatTest {

    @Test
    void heatsAndCoolsTheLennardJonesCrystalToTheTarget() {
        for (double[] c : new double[][]{{10, 60}, {90, 30}}) {
            MdState s = MdTestSystems.ljCrystal(c[0], 2);
            VelocityVerlet vv = new VelocityVerlet(MdTestSystems.LJ, 5.0);
            BerendsenThermostat thermostat = new BerendsenThermostat(c[1], 200);
            EnergyTrace trace = new EnergyTrace(s.size());
            thermostat.run(vv, s, 1600, (k, st) -> {
                if (k > 1200) {
                    trace.add(st);
                }
            });
            // after 6 ps = 30 tau the mean over the last 2 ps is the target within 3 %
            assertEquals(c[1], trace.meanTemperature(), 0.03 * c[1], "from " + c[0] + " K");
            double[] t = trace.temperature();
            assertTrue(Arrays.stream(t).max().getAsDouble() < 1.2 * c[1]);
        }
    }

    @Test
    void lambdaFollowsTheWeakCouplingFormula() {
        BerendsenThermostat b = new BerendsenThermostat(300, 100);
        assertEquals(1.0, b.lambda(300, 1), 1e-15);
        assertEquals(Math.sqrt(1 + 0.01 * (300.0 / 200 - 1)), b.lambda(200, 1), 1e-15);
        // tau = dt rescales to the target in one step
        MdState s = MdTestSystems.ljCrystal(50, 4);
        new BerendsenThermostat(80, 2.0).apply(s, 2.0);
        assertEquals(80, s.temperature(), 1e-9);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new BerendsenThermostat(0, 100));
        assertThrows(IllegalArgumentException.class, () -> new BerendsenThermostat(300, -1));
        BerendsenThermostat b = new BerendsenThermostat(300, 100);
        assertThrows(IllegalArgumentException.class, () -> b.lambda(300, 200));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.lambda(0, 1));
        assertTrue(e.getMessage().contains("MaxwellBoltzmann"), e.getMessage());
    }
}
