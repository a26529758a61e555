package org.physml.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoseEinsteinTest {
    private static final double KB = PhysicalConstants.K_B;

    private static double omegaOfX(double x, double T) {
        return x * KB * T / PhysicalConstants.HBAR;
    }

    @Test
    void classicalLimitIsKB() {
        assertEquals(KB, BoseEinstein.modeHeatCapacity(0.0, 300), 0.0);
        // C/k_B = 1 - x^2/12 + ... for small x
        double x = 1e-3;
        assertEquals(KB * (1 - x * x / 12), BoseEinstein.modeHeatCapacity(omegaOfX(x, 300), 300), KB * 1e-12);
    }

    @Test
    void matchesTextbookFormAtModerateX() {
        for (double x : new double[] {0.3, 1.0, 2.5, 10.0}) {
            double direct = KB * x * x * Math.exp(x) / Math.pow(Math.expm1(x), 2);
            assertEquals(direct, BoseEinstein.modeHeatCapacity(omegaOfX(x, 250), 250), direct * 1e-12, "x=" + x);
        }
    }

    @Test
    void frozenOutModesCarryNoHeatCapacityAndNoNaN() {
        double c = BoseEinstein.modeHeatCapacity(omegaOfX(2000, 10), 10);
        assertEquals(0.0, c, 0.0);
        double c50 = BoseEinstein.modeHeatCapacity(omegaOfX(50, 10), 10);
        assertTrue(c50 > 0 && c50 < KB * 1e-18);
    }

    @Test
    void badInputsThrow() {
        assertThrows(IllegalArgumentException.class, () -> BoseEinstein.modeHeatCapacity(-1.0, 300));
        assertThrows(IllegalArgumentException.class, () -> BoseEinstein.modeHeatCapacity(1e13, 0.0));
        assertThrows(IllegalArgumentException.class, () -> BoseEinstein.modeHeatCapacity(Double.NaN, 300));
    }
}
