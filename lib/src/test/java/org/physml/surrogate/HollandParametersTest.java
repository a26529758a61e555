package org.physml.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class HollandParametersTest {
    private final HollandParameters si = HollandParameters.silicon();

    @Test
    void characteristicFrequencies() {
        // omega = k_B theta / hbar: 1.380649e-23 * 180 / 1.054571817e-34 = 2.3566e13 rad/s
        assertEquals(1.380649e-23 * 180 / 1.054571817e-34, si.omega1(), 1e-9 * si.omega1());
        assertEquals(2.3566e13, si.omega1(), 1e9);
        assertEquals(si.omega1() * 210 / 180, si.omega2(), 1e-3);
        assertEquals(si.omega1() * 570 / 180, si.omega3(), 1e-2);
    }

    @Test
    void segmentsTileTheSpectrumWithContinuousWavevector() {
        List<PhononSegment> s = si.segments();
        assertEquals(3, s.size());
        PhononSegment tn = s.get(0);
        PhononSegment tu = s.get(1);
        PhononSegment la = s.get(2);
        assertEquals(PhononSegment.Kind.TA_N, tn.kind());
        assertEquals(PhononSegment.Kind.TA_U, tu.kind());
        assertEquals(PhononSegment.Kind.LA, la.kind());
        assertEquals(2, tn.degeneracy());
        assertEquals(2, tu.degeneracy());
        assertEquals(1, la.degeneracy());
        assertEquals(tn.omegaHigh(), tu.omegaLow(), 0.0);
        // q continuous at omega_1, and the TA zone edge q(omega_2) = omega_1/v_T + (omega_2 - omega_1)/v_TU
        assertEquals(tn.wavevector(si.omega1()), tu.wavevector(si.omega1()), 1e-6);
        double qEdge = si.omega1() / 5860 + (si.omega2() - si.omega1()) / 2000;
        assertEquals(qEdge, tu.wavevector(si.omega2()), 1e-6 * qEdge);
        // shortest wavelengths: TA 2 pi / 5.99e9 = 1.05 nm, LA 2 pi v_L / omega_3 = 0.714 nm
        assertEquals(1.05e-9, tu.wavelength(si.omega2()), 0.01e-9);
        assertEquals(2 * Math.PI * 8480 / si.omega3(), la.wavelength(si.omega3()), 1e-15);
        assertEquals(0.714e-9, la.wavelength(si.omega3()), 0.001e-9);
    }

    @Test
    void segmentDensityOfStates() {
        PhononSegment la = si.segments().get(2);
        double w = 3e13;
        double dLa = w * w / (2 * Math.PI * Math.PI * Math.pow(8480, 3));
        assertEquals(dLa, la.densityOfStates(w), 1e-14 * dLa);
        PhononSegment tn = si.segments().get(0);
        double dTn = 2 * w * w / (2 * Math.PI * Math.PI * Math.pow(5860, 3));
        assertEquals(dTn, tn.densityOfStates(w), 1e-14 * dTn);
        // Debye count of LA states below omega_3: int D = omega_3^3 / (6 pi^2 v_L^3) = q_max^3 / (6 pi^2)
        GaussLegendreQuadrature q = new GaussLegendreQuadrature(4);
        double n = q.integrate(la::densityOfStates, 0, si.omega3(), 1);
        double qMax = si.omega3() / 8480;
        assertEquals(qMax * qMax * qMax / (6 * Math.PI * Math.PI), n, 1e-9 * n);
    }

    @Test
    void badParametersThrow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HollandParameters(-5860, 2000, 8480, 180, 210, 570, 9.3e-13, 5.5e-18, 2e-24, 1.32e-45));
        assertTrue(e.getMessage().contains("v_T"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new HollandParameters(5860, 2000, 8480, 210, 180, 570, 9.3e-13, 5.5e-18, 2e-24, 1.32e-45));
        assertTrue(e.getMessage().contains("theta_1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new HollandParameters(5860, 2000, 8480, 180, 210, 570, 9.3e-13, Double.NaN, 2e-24, 1.32e-45));
        assertThrows(IllegalArgumentException.class,
                () -> new PhononSegment(PhononSegment.Kind.LA, 0, 8480, 0, 1e13, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new PhononSegment(PhononSegment.Kind.LA, 1, 8480, 1e13, 1e13, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new PhononSegment(null, 1, 8480, 0, 1e13, 0));
    }
}
