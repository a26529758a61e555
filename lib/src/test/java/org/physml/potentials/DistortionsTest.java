package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.physml.structure.Structure;

class DistortionsTest {

    @Test
    void rattleHasTheRequestedSpreadAndKeepsTheCell() {
        Structure s = EquationOfStateScan.diamond(14, 5.43).repeat(3, 3, 3);   // 216 atoms, 648 components
        double sigma = 0.1;
        Structure r = Distortions.rattled(s, sigma, 5);
        double sum = 0, sq = 0;
        for (int i = 0; i < s.size(); i++) {
            for (int c = 0; c < 3; c++) {
                double d = r.positionsView()[i][c] - s.positionsView()[i][c];
                sum += d;
                sq += d * d;
            }
        }
        int n = 3 * s.size();
        // sample mean ~ N(0, sigma^2/n), sample variance within ~4 standard errors (sqrt(2/n) relative)
        assertEquals(0.0, sum / n, 4 * sigma / Math.sqrt(n));
        assertEquals(sigma * sigma, sq / n, 4 * Math.sqrt(2.0 / n) * sigma * sigma);
        assertArrayEquals(s.cell()[2], r.cell()[2], 0.0);
        assertArrayEquals(s.atomicNumbers(), r.atomicNumbers());
        assertArrayEquals(r.positionsView()[7], Distortions.rattled(s, sigma, 5).positionsView()[7], 0.0,
                "same seed, same displacements");
        assertArrayEquals(s.positionsView()[9], Distortions.rattled(s, 0.0, 1).positionsView()[9], 0.0);
        assertThrows(IllegalArgumentException.class, () -> Distortions.rattled(s, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> Distortions.rattled(s, Double.NaN, 1));
    }
}
