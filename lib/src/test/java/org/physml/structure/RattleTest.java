package org.physml.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RattleTest {

    /** Mean zero and variance sigma^2 per component within sampling noise; cell and species kept; reproducible. */
    @Test
    void displacementsHaveTheRequestedSpreadAndKeepTheCell() {
        Structure s = new Structure(new double[][]{{0, 0, 0}}, new int[]{8},
                new double[][]{{2, 0, 0}, {0, 2, 0}, {0, 0, 2}}, new boolean[]{true, true, true}).repeat(10, 10, 10);
        double sigma = 0.1;
        Structure r = Rattle.gaussian(s, sigma, 5);
        double sum = 0, sq = 0;
        for (int i = 0; i < s.size(); i++) {
            for (int c = 0; c < 3; c++) {
                double d = r.position(i)[c] - s.position(i)[c];
                sum += d;
                sq += d * d;
            }
        }
        int n = 3 * s.size();
        // sample mean ~ N(0, sigma^2/n); sample variance within 4 standard errors (relative sqrt(2/n))
        assertEquals(0.0, sum / n, 4 * sigma / Math.sqrt(n));
        assertEquals(sigma * sigma, sq / n, 4 * Math.sqrt(2.0 / n) * sigma * sigma);
        assertArrayEquals(s.cell()[2], r.cell()[2], 0.0);
        assertArrayEquals(s.atomicNumbers(), r.atomicNumbers());
        assertArrayEquals(r.position(7), Rattle.gaussian(s, sigma, 5).position(7), 0.0, "same seed, same shifts");
        assertArrayEquals(s.position(9), Rattle.gaussian(s, 0.0, 1).position(9), 0.0);
    }

    @Test
    void negativeOrNonFiniteSigmaIsRefused() {
        Structure s = new Structure(new double[][]{{0, 0, 0}}, new int[]{14}, new double[3][3], new boolean[3]);
        assertThrows(IllegalArgumentException.class, () -> Rattle.gaussian(s, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> Rattle.gaussian(s, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Rattle.gaussian(s, Double.POSITIVE_INFINITY, 1));
    }
}
