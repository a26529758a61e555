package org.physml.heat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FtcsSolverTest {
    private final HeatProblem lecture = HeatProblem.lecture();
    private final ExactSolution exact = ExactSolution.lecture();

    @Test
    void agreesWithTheExactSolution() {
        // n_x = 101 (dx = 0.01), r = 0.4: the O(dx^2) error at t = 0.1 is ~5e-4 (measured 8.0e-4 at dx = 1/80
        // and 2.0e-4 at dx = 1/160 in the convergence study); it decays with the transient
        FtcsSolver solver = FtcsSolver.withR(lecture, 101, 0.4);
        HeatSolution sol = solver.solve(0.1, 0.5, 1.0);
        double[] bound = {7e-4, 2.5e-4, 1.5e-4};
        assertArrayEquals(new double[]{0.1, 0.5, 1.0}, sol.times(), 0);
        for (int k = 0; k < 3; k++) {
            double[] ref = exact.temperature(sol.x(), sol.times()[k]);
            double err = ErrorNorms.maxError(sol.temperature(k), ref);
            assertTrue(err < bound[k], "max error " + err + " at t = " + sol.times()[k]);
            assertTrue(err > 1e-6, "an O(dx^2) scheme cannot be this accurate: " + err);
        }
    }

    @Test
    void isExactForQuadraticSolutionsWithTimeDependentBoundaryValues() {
        // T = x^2 + 2 a t solves T_t = a T_xx; T_tt = T_xxxx = 0, so FTCS has zero truncation error
        double a = 0.25;
        double len = 2.0;
        HeatProblem p = new HeatProblem(a, len, t -> 2 * a * t, t -> len * len + 2 * a * t, x -> x * x);
        FtcsSolver solver = FtcsSolver.create(p, 41, 0.004);
        HeatSolution sol = solver.solve(0.0, 0.1, 0.3333, 1.0); // 0.3333 needs a shortened step
        double[] x = sol.x();
        for (int k = 0; k < sol.snapshotCount(); k++) {
            double t = sol.times()[k];
            double[] T = sol.temperature(k);
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i] * x[i] + 2 * a * t, T[i], 1e-12, "x = " + x[i] + ", t = " + t);
            }
        }
        assertEquals(0.3333, sol.times()[2], 0);
    }

    @Test
    void refusesUnstableStepsNamingRAndTheLargestStableDt() {
        // n_x = 51: dx = 0.02, dt_max = dx^2 / (2 a) = 0.002
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FtcsSolver.create(lecture, 51, 0.0021));
        assertTrue(e.getMessage().contains("r = a dt / dx^2 = " + (0.1 * 0.0021 / (0.02 * 0.02))), e.getMessage());
        assertTrue(e.getMessage().contains("dt_max = dx^2 / (2 a) = " + (0.02 * 0.02 / 0.2)), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FtcsSolver.withR(lecture, 51, 0.51));
        assertEquals(0.002, FtcsSolver.maxStableDt(0.1, 0.02), 1e-18);
    }

    @Test
    void acceptsRExactlyOneHalf() {
        FtcsSolver s1 = FtcsSolver.create(lecture, 51, FtcsSolver.maxStableDt(0.1, 1.0 / 50));
        FtcsSolver s2 = FtcsSolver.withR(lecture, 51, 0.5);
        assertEquals(0.5, s1.r(), 1e-12);
        HeatSolution sol = s2.solve(1.0);
        assertFalse(sol.unstable());
        assertFalse(sol.blewUp());
    }

    @Test
    void unstableRunGrowsAtTheVonNeumannRateAndBlowUpIsReported() {
        int nx = 51;
        double dx = 1.0 / (nx - 1);
        double r = 0.51;
        FtcsSolver solver = FtcsSolver.allowUnstable(lecture, nx, r * dx * dx / 0.1);
        // the fastest-growing grid mode is theta = 49 pi / 50: g = 1 - 4 r sin^2(theta / 2)
        double g = Math.abs(1 - 4 * r * Math.pow(Math.sin(49 * Math.PI / 100), 2));
        assertTrue(g > 1);
        HeatSolution sol = solver.solveEvery(100.0, 1000);
        assertTrue(sol.unstable());
        assertTrue(sol.blewUp(), "|g| = " + g + " > 1 must overflow within 100 time units");
        assertTrue(Double.isFinite(sol.maxAbs()));
        assertTrue(sol.blowUpTime() > 0 && sol.blowUpTime() < 100);
        // maximum principle violated long before overflow
        assertTrue(sol.temperature(5)[nx / 2] != 0 && maxDeviationFromSteadyState(sol, 5) > 10);
        // growth per step between snapshots 10 and 15 (steps 10000 and 15000) matches |g|
        double growth = Math.pow(maxDeviationFromSteadyState(sol, 15) / maxDeviationFromSteadyState(sol, 10),
                1.0 / 5000);
        assertEquals(g, growth, 1e-4);
    }

    private static double maxDeviationFromSteadyState(HeatSolution sol, int k) {
        double[] x = sol.x();
        double[] T = sol.temperature(k);
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, Math.abs(T[i] - x[i]));
        }
        return m;
    }

    @Test
    void reachesTheSteadyState() {
        HeatSolution sol = FtcsSolver.withR(lecture, 21, 0.4).solve(60.0);
        double[] x = sol.x();
        assertArrayEquals(x, sol.temperature(0), 1e-12);
    }

    @Test
    void obeysTheMaximumPrincipleForStableSteps() {
        for (double r : new double[]{0.1, 0.25, 0.5}) {
            HeatSolution sol = FtcsSolver.withR(lecture, 41, r).solveEvery(2.0, 1);
            for (double[] row : sol.temperatures()) {
                for (double v : row) {
                    assertTrue(v >= 0 && v <= 1, "T = " + v + " outside [0, 1] at r = " + r);
                }
            }
        }
        // random initial profile and oscillating boundary values, all within [0.2, 0.9]
        Random rnd = new Random(7);
        double[] init = new double[61];
        for (int i = 0; i < init.length; i++) {
            init[i] = 0.2 + 0.7 * rnd.nextDouble();
        }
        HeatProblem p = new HeatProblem(0.5, 3.0, t -> 0.55 + 0.35 * Math.sin(5 * t), t -> 0.2 + 0.7 * t / (1 + t),
                x -> init[(int) Math.round(x / 0.05)]);
        HeatSolution sol = FtcsSolver.withR(p, 61, 0.5).solveEvery(3.0, 1);
        for (double[] row : sol.temperatures()) {
            for (double v : row) {
                assertTrue(v >= 0.2 - 1e-15 && v <= 0.9 + 1e-15, "T = " + v);
            }
        }
    }

    @Test
    void storesSnapshotsEveryKStepsAndAtTheEnd() {
        FtcsSolver solver = FtcsSolver.create(lecture, 11, 0.01);
        HeatSolution sol = solver.solveEvery(0.255, 10);
        // t = 0, 0.1, 0.2 and the end 0.255 (after a shortened step of 0.005)
        assertArrayEquals(new double[]{0, 0.1, 0.2, 0.255}, sol.times(), 1e-12);
        assertEquals(26, sol.steps());
        assertEquals(4, sol.temperatures().length);
        assertEquals(11, sol.temperatures()[0].length);
        assertEquals(0.1, sol.dx(), 1e-15);
        assertEquals(0.01, sol.dt(), 0);
        assertEquals(0.1 * 0.01 / 0.01, sol.r(), 1e-12);
        // identical to marching to the same times explicitly
        HeatSolution direct = solver.solve(0.1, 0.2, 0.255);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(direct.temperature(k), sol.temperature(k + 1), 1e-15);
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> FtcsSolver.create(lecture, 2, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> FtcsSolver.create(lecture, 11, 0));
        FtcsSolver s = FtcsSolver.create(lecture, 11, 1e-3);
        assertThrows(IllegalArgumentException.class, () -> s.solve());
        assertThrows(IllegalArgumentException.class, () -> s.solve(0.2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> s.solve(-0.1));
        assertThrows(IllegalArgumentException.class, () -> s.solveEvery(1.0, 0));
        HeatProblem bad = new HeatProblem(0.1, 1, t -> t > 0.05 ? Double.NaN : 0, t -> 1, x -> 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FtcsSolver.create(bad, 11, 1e-2).solve(0.1));
        assertTrue(e.getMessage().contains("left boundary"), e.getMessage());
    }
}
