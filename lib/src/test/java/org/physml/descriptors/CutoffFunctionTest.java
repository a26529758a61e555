package org.physml.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CutoffFunctionTest {

    /** Central finite difference of f at r with step h. */
    private static double fd(CutoffFunction f, double r, double h) {
        return (f.value(r + h) - f.value(r - h)) / (2 * h);
    }

    private static void assertDerivativeMatchesFiniteDifferences(CutoffFunction f, double from, double to) {
        double h = 1e-6;
        for (int k = 1; k < 200; k++) {
            double r = from + (to - from) * k / 200.0;
            assertEquals(fd(f, r, h), f.derivative(r), 1e-6 * (1 + Math.abs(f.derivative(r))), "df/dR at R = " + r);
        }
    }

    @Test
    void cosineHasItsClosedFormValues() {
        CutoffFunction f = CutoffFunction.cosine(5.0);
        assertEquals(1.0, f.value(0.0), 0);
        assertEquals(0.5, f.value(2.5), 1e-15);            // cos(pi/2) = 0
        assertEquals(0.75, f.value(5.0 / 3), 1e-15);       // cos(pi/3) = 1/2
        assertEquals(0.0, f.value(5.0), 1e-15);
        assertEquals(0.0, f.value(5.0001), 0);
        assertEquals(0.0, f.value(100), 0);
        assertEquals(-Math.PI / 10, f.derivative(2.5), 1e-15); // -pi/(2 r_c) sin(pi/2)
        assertEquals(5.0, f.rCut(), 0);
    }

    @Test
    void cosineDerivativeMatchesFiniteDifferences() {
        assertDerivativeMatchesFiniteDifferences(CutoffFunction.cosine(6.0), 0.0, 6.0);
    }

    @Test
    void cosineValueAndSlopeVanishQuadraticallyAndLinearlyAtTheCutoff() {
        double rc = 6.0;
        CutoffFunction f = CutoffFunction.cosine(rc);
        for (double delta : new double[]{1e-2, 1e-3, 1e-4}) {
            // Taylor expansion about r_c: f = (pi delta / r_c)^2 / 4, f' = -pi^2 delta / (2 r_c^2).
            double value = f.value(rc - delta);
            double slope = f.derivative(rc - delta);
            assertEquals(Math.pow(Math.PI * delta / rc, 2) / 4, value, 1e-3 * value);
            assertEquals(-Math.PI * Math.PI * delta / (2 * rc * rc), slope, 1e-3 * Math.abs(slope));
        }
        assertEquals(0.0, f.derivative(rc), 1e-15);
        assertEquals(0.0, f.derivative(rc + 1e-9), 0);
    }

    @Test
    void sigmoidIsOneHalfAtItsMidpointAndJumpsToZeroAtTheCutoff() {
        double rc = 4.0, alpha = 10.0, eps = 0.3;
        CutoffFunction f = CutoffFunction.sigmoid(rc, alpha, eps);
        assertEquals(0.5, f.value(rc - eps), 1e-15);
        assertEquals(1 / (1 + Math.exp(alpha * (1.0 - rc + eps))), f.value(1.0), 1e-15);
        // Just below r_c the value is 1/(1 + exp(alpha eps_c)), at and beyond r_c it is 0.
        assertEquals(1 / (1 + Math.exp(alpha * eps)), f.value(rc - 1e-12), 1e-9);
        assertEquals(0.0, f.value(rc), 0);
        assertEquals(0.0, f.derivative(rc + 1), 0);
        // Slope at the midpoint: -alpha/4.
        assertEquals(-alpha / 4, f.derivative(rc - eps), 1e-12);
    }

    @Test
    void sigmoidDerivativeMatchesFiniteDifferences() {
        assertDerivativeMatchesFiniteDifferences(CutoffFunction.sigmoid(4.0, 10.0, 0.3), 0.0, 3.99);
    }

    @Test
    void smoothWindowHasRampsPlateauAndCompactSupport() {
        double nu = 2.0, aL = 2.5, aR = 3.0;
        CutoffFunction.SmoothWindow f = CutoffFunction.smoothWindow(nu, aL, aR);
        double ramp = Math.PI / (2 * nu);
        assertEquals(aL - ramp, f.rMin(), 1e-15);
        assertEquals(aR + ramp, f.rCut(), 1e-15);
        assertEquals(0.0, f.value(aL - ramp - 0.01), 0);
        assertEquals(0.0, f.value(aL - ramp), 1e-15);
        assertEquals(0.5, f.value(aL - ramp / 2), 1e-15);   // cos^2(pi/4)
        assertEquals(1.0, f.value(aL), 0);
        assertEquals(1.0, f.value(0.5 * (aL + aR)), 0);
        assertEquals(1.0, f.value(aR), 0);
        assertEquals(0.5, f.value(aR + ramp / 2), 1e-15);
        assertEquals(0.0, f.value(aR + ramp), 1e-15);
        assertEquals(0.0, f.value(aR + ramp + 0.01), 0);
        // Rising ramp: positive slope, peak slope nu at the ramp middle; falling ramp: the opposite.
        assertEquals(nu, f.derivative(aL - ramp / 2), 1e-12);
        assertEquals(-nu, f.derivative(aR + ramp / 2), 1e-12);
    }

    @Test
    void smoothWindowAndItsSlopeAreContinuousAtEveryJoint() {
        CutoffFunction.SmoothWindow f = CutoffFunction.smoothWindow(1.5, 2.0, 3.0);
        double h = 1e-7;
        for (double joint : new double[]{f.rMin(), 2.0, 3.0, f.rCut()}) {
            assertEquals(f.value(joint - h), f.value(joint + h), 1e-6, "f jumps at R = " + joint);
            assertEquals(f.derivative(joint - h), f.derivative(joint + h), 1e-5, "df/dR jumps at R = " + joint);
        }
    }

    @Test
    void smoothWindowDerivativeMatchesFiniteDifferences() {
        CutoffFunction.SmoothWindow f = CutoffFunction.smoothWindow(1.5, 2.0, 3.0);
        assertDerivativeMatchesFiniteDifferences(f, f.rMin() - 0.5, f.rCut() + 0.5);
    }

    @Test
    void degenerateWindowWithoutPlateauIsAcos2Bump() {
        CutoffFunction f = CutoffFunction.smoothWindow(1.0, 3.0, 3.0);
        assertEquals(1.0, f.value(3.0), 0);
        assertEquals(Math.pow(Math.cos(0.2), 2), f.value(2.8), 1e-15);
        assertEquals(Math.pow(Math.cos(0.2), 2), f.value(3.2), 1e-15);
    }

    @Test
    void badParametersAreRejectedWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CutoffFunction.cosine(0));
        assertTrue(e.getMessage().contains("r_cut") && e.getMessage().contains("0.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CutoffFunction.cosine(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CutoffFunction.cosine(Double.POSITIVE_INFINITY));
        e = assertThrows(IllegalArgumentException.class, () -> CutoffFunction.sigmoid(4, -1, 0));
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CutoffFunction.sigmoid(4, 1, Double.NaN));
        e = assertThrows(IllegalArgumentException.class, () -> CutoffFunction.smoothWindow(0, 1, 2));
        assertTrue(e.getMessage().contains("nu"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CutoffFunction.smoothWindow(1, 3, 2));
        assertTrue(e.getMessage().contains("a_l <= a_r"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CutoffFunction.smoothWindow(1, -5, -4));
    }
}
