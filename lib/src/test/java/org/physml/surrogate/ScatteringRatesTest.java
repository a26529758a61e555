package org.physml.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScatteringRatesTest {
    private final HollandParameters si = HollandParameters.silicon();
    private final ScatteringRates rates = new ScatteringRates(si, 1e-3);

    @Test
    void handComputedRatesAt300K() {
        double w = 2.5e13;
        double t = 300;
        // TA_N: 9.3e-13 * 2.5e13 * 300^4 = 1.883e14 1/s
        assertEquals(9.3e-13 * 2.5e13 * 8.1e9, rates.phononPhonon(PhononSegment.Kind.TA_N, w, t), 1e3);
        // TA_U: x = hbar w / k_B T = 0.6365; 5.5e-18 * 6.25e26 / sinh(0.6365) = 5.05e9 1/s
        // (hbar rounded to 10 digits here, hence the 1e-8 relative tolerance)
        double x = 1.054571817e-34 * w / (1.380649e-23 * t);
        assertEquals(0.63652, x, 1e-5);
        assertEquals(5.5e-18 * 6.25e26 / Math.sinh(x), rates.phononPhonon(PhononSegment.Kind.TA_U, w, t), 50.0);
        assertEquals(5.05e9, rates.phononPhonon(PhononSegment.Kind.TA_U, w, t), 0.01e9);
        // LA: 2e-24 * 6.25e26 * 2.7e7 = 3.375e10 1/s
        assertEquals(3.375e10, rates.phononPhonon(PhononSegment.Kind.LA, w, t), 1.0);
        // isotope: 1.32e-45 * (2.5e13)^4 = 5.156e8 1/s
        assertEquals(1.32e-45 * Math.pow(2.5e13, 4), rates.pointDefect(w), 1e-3);
        // Casimir, L_C = 1 mm: v / L
        assertEquals(8.48e6, rates.casimir(8480), 1e-6);
    }

    @Test
    void matthiessenSumOfAllMechanisms() {
        for (PhononSegment s : si.segments()) {
            double w = 0.5 * (s.omegaLow() + s.omegaHigh());
            for (double t : new double[] {100, 300, 500}) {
                double sum = rates.phononPhonon(s.kind(), w, t) + rates.pointDefect(w) + rates.casimir(s.velocity());
                assertEquals(sum, rates.total(s, w, t), 1e-12 * sum);
            }
        }
        ScatteringRates noCasimir = new ScatteringRates(si);
        assertEquals(0.0, noCasimir.casimir(8480), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, noCasimir.casimirLength());
    }

    @Test
    void phononPhononRatesGrowWithTemperature() {
        for (PhononSegment s : si.segments()) {
            double w = 0.7 * s.omegaHigh();
            assertTrue(rates.phononPhonon(s.kind(), w, 400) > rates.phononPhonon(s.kind(), w, 200), s.kind().name());
        }
        // high-T umklapp limit: sinh(x) -> x, 1/tau_TU -> B_TU omega k_B T / hbar, linear in T
        double w = 2.5e13;
        double t = 1e6;
        assertEquals(5.5e-18 * w * 1.380649e-23 * t / 1.054571817e-34,
                rates.phononPhonon(PhononSegment.Kind.TA_U, w, t), 1e-6 * rates.phononPhonon(PhononSegment.Kind.TA_U, w, t));
    }

    @Test
    void badInputsThrow() {
        assertThrows(IllegalArgumentException.class, () -> new ScatteringRates(null, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new ScatteringRates(si, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new ScatteringRates(si, Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rates.phononPhonon(PhononSegment.Kind.LA, 1e13, 0.0));
        assertTrue(e.getMessage().contains("temperature"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rates.phononPhonon(PhononSegment.Kind.LA, -1e13, 300));
        assertThrows(IllegalArgumentException.class, () -> rates.pointDefect(Double.NaN));
    }
}
