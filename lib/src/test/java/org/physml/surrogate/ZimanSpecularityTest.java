package org.physml.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ZimanSpecularityTest {

    @Test
    void smoothSurfaceIsSpecular() {
        assertEquals(1.0, ZimanSpecularity.specularity(1e-9, 0.0), 0.0);
        assertEquals(1.0, ZimanSpecularity.specularity(1e-3, 0.0), 0.0);
    }

    @Test
    void handValues() {
        double lambda = 2e-9;
        // eta = lambda / (4 pi): 16 pi^2 eta^2 / lambda^2 = 1
        assertEquals(Math.exp(-1.0), ZimanSpecularity.specularity(lambda, lambda / (4 * Math.PI)), 1e-15);
        // eta = lambda / (2 pi): exponent 4
        assertEquals(Math.exp(-4.0), ZimanSpecularity.specularity(lambda, lambda / (2 * Math.PI)), 1e-15);
        // wavevector form exp(-4 q^2 eta^2), q = 2 pi / lambda; eta = 0.3 nm, lambda = 5 nm
        double q = 2 * Math.PI / 5e-9;
        double eta = 0.3e-9;
        assertEquals(Math.exp(-4 * q * q * eta * eta), ZimanSpecularity.specularity(5e-9, eta), 1e-15);
        // 0.3 nm roughness against a 5 nm wavelength: 16 pi^2 0.0036 = 0.5685 -> p = 0.5664
        assertEquals(0.566, ZimanSpecularity.specularity(5e-9, 0.3e-9), 1e-3);
    }

    @Test
    void rougherOrShorterWavesAreLessSpecular() {
        double prev = 1.0;
        for (double eta = 0.05e-9; eta < 2e-9; eta += 0.05e-9) {
            double p = ZimanSpecularity.specularity(3e-9, eta);
            assertTrue(p < prev && p > 0.0);
            prev = p;
        }
        assertTrue(ZimanSpecularity.specularity(1e-9, 0.2e-9) < ZimanSpecularity.specularity(10e-9, 0.2e-9));
    }

    @Test
    void badInputsThrow() {
        assertThrows(IllegalArgumentException.class, () -> ZimanSpecularity.specularity(0.0, 1e-10));
        assertThrows(IllegalArgumentException.class, () -> ZimanSpecularity.specularity(-1e-9, 1e-10));
        assertThrows(IllegalArgumentException.class, () -> ZimanSpecularity.specularity(Double.NaN, 1e-10));
        assertThrows(IllegalArgumentException.class,
                () -> ZimanSpecularity.specularity(Double.POSITIVE_INFINITY, 1e-10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZimanSpecularity.specularity(1e-9, -1e-10));
        assertTrue(e.getMessage().contains("eta"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ZimanSpecularity.specularity(1e-9, Double.NaN));
    }
}
