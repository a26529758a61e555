package org.physml.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Measured orders of FTCS. At fixed r the O(dt) + O(dx^2) error is O(dx^2). r = 1/6 is avoided for the
 * second-order test: there the leading truncation error a dx^2 (r/2 - 1/12) T_xxxx cancels and smooth data
 * converge at fourth order, which would make a "2 +- 0.1" test meaningless.
 */
class ConvergenceStudyTest {
    private final ExactSolution exact = ExactSolution.lecture();

    @Test
    void secondOrderAtFixedR() {
        for (double r : new double[]{0.25, 0.4}) {
            ConvergenceStudy.Result res = ConvergenceStudy.atFixedR(exact, r, 11, 5, 0.5);
            assertEquals(2.0, res.l2Order(), 0.1, "L2 order at r = " + r);
            assertEquals(2.0, res.maxOrder(), 0.1, "max order at r = " + r);
            assertEquals(1.0 / 160, res.dx()[4], 1e-15);
            assertEquals(r * res.dx()[4] * res.dx()[4] / 0.1, res.dt()[4], 1e-15);
            for (int j = 1; j < 5; j++) {
                assertTrue(res.l2Error()[j] < res.l2Error()[j - 1]);
            }
        }
    }

    @Test
    void fourthOrderAtROneSixthForSmoothCompatibleData() {
        // T = sin(pi x / L) exp(-a (pi/L)^2 t) with zero boundary values
        double a = 0.1;
        HeatProblem smooth = new HeatProblem(a, 1.0, t -> 0, t -> 0, x -> Math.sin(Math.PI * x));
        ConvergenceStudy.Result sixth = ConvergenceStudy.atFixedR(smooth,
                (x, t) -> Math.sin(Math.PI * x) * Math.exp(-a * Math.PI * Math.PI * t), 1.0 / 6, 11, 4, 0.5);
        // measured 4.004 (n_x - 1 = 10 .. 80; t = 0.5 is 30 full steps on the coarsest grid)
        assertEquals(4.0, sixth.l2Order(), 0.1);
        ConvergenceStudy.Result quarter = ConvergenceStudy.atFixedR(smooth,
                (x, t) -> Math.sin(Math.PI * x) * Math.exp(-a * Math.PI * Math.PI * t), 0.25, 11, 4, 0.5);
        assertEquals(2.0, quarter.l2Order(), 0.1);
    }

    @Test
    void lectureProblemStaysSecondOrderAtROneSixth() {
        // the initial value 0 and boundary value 1 disagree at x = L: the sampled initial data carry their own
        // O(dx^2) error, so the r = 1/6 cancellation does not show
        ConvergenceStudy.Result res = ConvergenceStudy.atFixedR(exact, 1.0 / 6, 11, 5, 0.5);
        assertEquals(2.0, res.l2Order(), 0.1);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> ConvergenceStudy.atFixedR(exact, 0.6, 11, 3, 0.1));
        assertThrows(IllegalArgumentException.class, () -> ConvergenceStudy.atFixedR(exact, 0.4, 11, 1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> ConvergenceStudy.atFixedR(exact, 0.4, 11, 3, 0));
    }
}
