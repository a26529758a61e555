package org.physml.pinn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.physml.heat.HeatProblem;

class CollocationSamplerTest {
    private final HeatProblem problem = new HeatProblem(0.2, 2.0, t -> Math.sin(t), t -> 1 + t, x -> x * x);

    @Test
    void pointsLieInTheDomainWithTheirTargets() {
        CollocationPoints p = new CollocationSampler(256, 40, 30, 1).sample(problem, 3.0, new Random(1));
        assertEquals(256 + 40 + 30, p.size());
        for (int i = 0; i < 256; i++) {
            assertTrue(p.xPde()[i] >= 0 && p.xPde()[i] <= 2.0);
            assertTrue(p.tPde()[i] >= 0 && p.tPde()[i] <= 3.0);
        }
        for (int i = 0; i < 40; i++) {
            double x = p.xBc()[i];
            assertEquals(i < 20 ? 0.0 : 2.0, x, 0);
            double t = p.tBc()[i];
            assertEquals(i < 20 ? Math.sin(t) : 1 + t, p.tempBc()[i], 0);
        }
        for (int i = 0; i < 30; i++) {
            double x = p.xIc()[i];
            assertTrue(x > 0 && x < 2.0);
            assertEquals(x * x, p.tempIc()[i], 0);
            // stratified: one point per stratum of width L / N_ic
            assertEquals(i, (int) Math.floor(x / (2.0 / 30)));
        }
    }

    @Test
    void sobolPointsAreEvenlySpreadAndTimeWarpConcentratesNearZero() {
        int n = 1024;
        CollocationPoints uniform = new CollocationSampler(n, 2, 1, 1).sample(problem, 1.0, new Random(3));
        CollocationPoints warped = new CollocationSampler(n, 2, 1, 2).sample(problem, 1.0, new Random(3));
        // a (shifted) Sobol net of 1024 points puts exactly 256 points in each quarter of x, and of v
        for (int q = 0; q < 4; q++) {
            final int qq = q;
            long inX = Arrays.stream(uniform.xPde()).filter(x -> Math.floor(x / 0.5) == qq).count();
            long inT = Arrays.stream(uniform.tPde()).filter(t -> Math.floor(t / 0.25) == qq).count();
            assertEquals(256, inX, 1);
            assertEquals(256, inT, 1);
        }
        // t = v^2: P(t < 1/4) = P(v < 1/2) = 1/2
        long early = Arrays.stream(warped.tPde()).filter(t -> t < 0.25).count();
        assertEquals(512, early, 1);
    }

    @Test
    void differentRandomStatesGiveDifferentPoints() {
        CollocationSampler s = new CollocationSampler(64, 4, 4, 2);
        CollocationPoints p1 = s.sample(problem, 1.0, new Random(1));
        CollocationPoints p2 = s.sample(problem, 1.0, new Random(2));
        CollocationPoints p1again = s.sample(problem, 1.0, new Random(1));
        assertFalse(Arrays.equals(p1.xPde(), p2.xPde()));
        assertTrue(Arrays.equals(p1.tPde(), p1again.tPde()));
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new CollocationSampler(0, 2, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CollocationSampler(10, 3, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CollocationSampler(10, 2, 1, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> new CollocationSampler(10, 2, 1, 1).sample(problem, 0, new Random()));
    }
}
