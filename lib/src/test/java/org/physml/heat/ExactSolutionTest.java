package org.physml.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExactSolutionTest {
    private final ExactSolution lecture = ExactSolution.lecture();

    @Test
    void satisfiesBoundaryConditionsAtAllTimes() {
        for (double t : new double[]{1e-9, 1e-4, 0.01, 0.05, 0.3, 1, 5, 100}) {
            assertEquals(0.0, lecture.temperature(0.0, t), 1e-12, "T(t, 0) at t = " + t);
            assertEquals(1.0, lecture.temperature(1.0, t), 1e-12, "T(t, L) at t = " + t);
        }
    }

    @Test
    void initialConditionIsExactWithBoundaryValuesAtTheCorners() {
        for (double x : new double[]{1e-9, 0.1, 0.5, 0.999999}) {
            assertEquals(0.0, lecture.temperature(x, 0.0), 0.0);
        }
        assertEquals(0.0, lecture.temperature(0.0, 0.0), 0.0);
        assertEquals(1.0, lecture.temperature(1.0, 0.0), 0.0);
        // and t -> 0+ approaches the initial value away from the hot end
        assertEquals(0.0, lecture.temperature(0.5, 1e-6), 1e-12);
    }

    @Test
    void satisfiesThePdeByFiniteDifferences() {
        double h = 1e-4;
        ExactSolution general = new ExactSolution(0.3, 2.0, -1.0, 2.5, 0.7);
        for (ExactSolution s : new ExactSolution[]{lecture, general}) {
            double len = s.length();
            for (double t : new double[]{0.005, 0.05, 0.2, 1.0}) {
                for (double xr : new double[]{0.1, 0.37, 0.5, 0.81, 0.95}) {
                    double x = xr * len;
                    double ht = 1e-3 * t; // T varies on the time scale t itself
                    double tt = (s.temperature(x, t + ht) - s.temperature(x, t - ht)) / (2 * ht);
                    double txx = (s.temperature(x + h, t) - 2 * s.temperature(x, t) + s.temperature(x - h, t)) / (h * h);
                    double tx = (s.temperature(x + h, t) - s.temperature(x - h, t)) / (2 * h);
                    // O(h^2) truncation plus ~1e-12/h^2 = 1e-4 of series tolerance amplified by the FD stencil
                    double scale = 1 + Math.abs(s.d2Tdx2(x, t));
                    String at = " at x = " + x + ", t = " + t;
                    assertEquals(0.0, tt - s.a() * txx, 3e-4 * scale, "PDE residual" + at);
                    assertEquals(tt, s.dTdt(x, t), 1e-5 * scale, "T_t" + at);
                    assertEquals(txx, s.d2Tdx2(x, t), 3e-4 * scale, "T_xx" + at);
                    assertEquals(tx, s.dTdx(x, t), 1e-5 * (1 + Math.abs(tx)), "T_x" + at);
                }
            }
        }
    }

    @Test
    void fourierAndImageSeriesAgree() {
        ExactSolution general = new ExactSolution(0.3, 2.0, -1.0, 2.5, 0.7);
        for (ExactSolution s : new ExactSolution[]{lecture, general}) {
            for (double t : new double[]{1e-3, 0.02, 0.1, 0.5, 2.0}) {
                for (double xr : new double[]{0.0, 0.05, 0.3, 0.5, 0.77, 0.99, 1.0}) {
                    double x = xr * s.length();
                    for (int p = 0; p <= 2; p++) {
                        double f = s.fourierSeries(x, t, p);
                        double i = s.imageSeries(x, t, p);
                        // round-off of the sums grows with the size of their terms, ~(L^2 / (a t))^{p/2}
                        double termScale = Math.pow(s.length() * s.length() / (s.a() * t), p / 2.0);
                        double tol = 1e-11 * (1 + Math.abs(f)) + 1e-13 * termScale;
                        assertEquals(f, i, tol, "p = " + p + " at x = " + x + ", t = " + t);
                    }
                }
            }
        }
    }

    @Test
    void lectureSeriesMatchesItsClosedFormCoefficients() {
        // T = x + sum 2 (-1)^n / (n pi) sin(n pi x) exp(-0.1 (n pi)^2 t); at t = 2 a handful of terms suffice
        double t = 2.0;
        for (double x : new double[]{0.2, 0.5, 0.9}) {
            double sum = x;
            for (int n = 1; n <= 30; n++) {
                sum += 2 * Math.pow(-1, n) / (n * Math.PI) * Math.sin(n * Math.PI * x)
                        * Math.exp(-0.1 * n * n * Math.PI * Math.PI * t);
            }
            assertEquals(sum, lecture.temperature(x, t), 1e-13);
        }
    }

    @Test
    void reachesTheLinearSteadyState() {
        ExactSolution general = new ExactSolution(0.3, 2.0, -1.0, 2.5, 0.7);
        for (double x : new double[]{0, 0.4, 1.3, 2.0}) {
            assertEquals(-1.0 + 3.5 * x / 2.0, general.temperature(x, 500.0), 1e-12);
            assertEquals(3.5 / 2.0, general.dTdx(x, 500.0), 1e-12);
        }
    }

    @Test
    void mirrorSymmetryOfSwappedBoundaryValues() {
        // T0 = 1, T1 = 0 is the lecture solution reflected, x -> L - x
        ExactSolution mirrored = new ExactSolution(0.1, 1.0, 1.0, 0.0, 0.0);
        for (double t : new double[]{0.01, 0.1, 1}) {
            for (double x : new double[]{0.1, 0.45, 0.8}) {
                assertEquals(lecture.temperature(1 - x, t), mirrored.temperature(x, t), 1e-12);
                assertEquals(-lecture.dTdx(1 - x, t), mirrored.dTdx(x, t), 1e-10);
            }
        }
    }

    @Test
    void truncationErrorIsBelowTheTolerance() {
        ExactSolution tight = new ExactSolution(0.1, 1.0, 0.0, 1.0, 0.0, 1e-15);
        ExactSolution loose = new ExactSolution(0.1, 1.0, 0.0, 1.0, 0.0, 1e-6);
        for (double t : new double[]{1e-4, 0.01, 0.05, 0.5}) {
            for (double x : new double[]{0.1, 0.5, 0.9, 0.999}) {
                assertEquals(tight.temperature(x, t), lecture.temperature(x, t), 1e-12 + 1e-14);
                assertEquals(tight.temperature(x, t), loose.temperature(x, t), 1e-6);
            }
        }
        assertTrue(loose.fourierTerms(0.01, 0) < lecture.fourierTerms(0.01, 0));
        assertTrue(lecture.fourierTerms(1e-4, 0) > lecture.fourierTerms(1e-2, 0));
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> lecture.temperature(-0.1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> lecture.temperature(1.1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> lecture.temperature(0.5, -1));
        assertThrows(IllegalArgumentException.class, () -> lecture.temperature(0.5, Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lecture.dTdt(0.5, 0));
        assertTrue(e.getMessage().contains("t > 0"));
        assertThrows(IllegalArgumentException.class, () -> new ExactSolution(0, 1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ExactSolution(0.1, 1, 0, 1, 0, 0));
    }
}
