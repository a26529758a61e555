package org.physml.math.angular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Clebsch-Gordan coefficients (doubled labels) against hand-derived values and their defining identities. */
class ClebschGordanTest {

    @Test
    void twoSpinHalvesByLoweringOperators() {
        // |1 1> = |up up>; J_- |1 1> = sqrt2 |1 0> = |down up> + |up down>; |0 0> orthogonal to |1 0>
        double s = Math.sqrt(0.5);
        assertEquals(1.0, ClebschGordan.coefficient(1, 1, 1, 1, 2, 2), 1e-15);
        assertEquals(s, ClebschGordan.coefficient(1, 1, 1, -1, 2, 0), 1e-15);
        assertEquals(s, ClebschGordan.coefficient(1, -1, 1, 1, 2, 0), 1e-15);
        assertEquals(s, ClebschGordan.coefficient(1, 1, 1, -1, 0, 0), 1e-15);
        assertEquals(-s, ClebschGordan.coefficient(1, -1, 1, 1, 0, 0), 1e-15);
        assertEquals(1.0, ClebschGordan.coefficient(1, -1, 1, -1, 2, -2), 1e-15);
    }

    @Test
    void spinOneTimesSpinHalfByLoweringOperators() {
        // |3/2 1/2> = J_-|3/2 3/2>/sqrt3 = (sqrt2 |1 0>|up> + |1 1>|down>)/sqrt3
        assertEquals(Math.sqrt(2.0 / 3), ClebschGordan.coefficient(2, 0, 1, 1, 3, 1), 1e-15);
        assertEquals(Math.sqrt(1.0 / 3), ClebschGordan.coefficient(2, 2, 1, -1, 3, 1), 1e-15);
        // |1/2 1/2> is orthogonal to it, with the Condon-Shortley sign <j1 j1, j2 (j-j1) | j j> > 0
        assertEquals(Math.sqrt(2.0 / 3), ClebschGordan.coefficient(2, 2, 1, -1, 1, 1), 1e-15);
        assertEquals(-Math.sqrt(1.0 / 3), ClebschGordan.coefficient(2, 0, 1, 1, 1, 1), 1e-15);
    }

    @Test
    void selectionRulesGiveZero() {
        assertEquals(0.0, ClebschGordan.coefficient(2, 0, 2, 0, 2, 2));   // m1 + m2 != m
        assertEquals(0.0, ClebschGordan.coefficient(2, 0, 2, 0, 6, 0));   // j > j1 + j2
        assertEquals(0.0, ClebschGordan.coefficient(2, 0, 1, 1, 2, 1));   // j1 + j2 + j odd
        assertEquals(0.0, ClebschGordan.coefficient(2, 0, 2, 0, 2, 0));   // (1 0 1 0 | 1 0) vanishes by symmetry
        assertThrows(IllegalArgumentException.class, () -> ClebschGordan.coefficient(-1, 0, 1, 1, 0, 0));
    }

    @Test
    void orthonormalUpToMaximalTwojmax() {
        int max = org.physml.descriptors.snap.Bispectrum.MAX_TWOJMAX;
        double worst = 0.0;
        for (int j1 = 0; j1 <= max; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= j1 + j2; j += 2) {
                    for (int jp = j; jp <= j1 + j2; jp += 2) {
                        for (int m = -Math.min(j, jp); m <= Math.min(j, jp); m += 2) {
                            // sum_{m1} <j1 m1 j2 m-m1 | j m> <j1 m1 j2 m-m1 | j' m> = delta_{j j'}
                            double sum = 0.0;
                            for (int m1 = -j1; m1 <= j1; m1 += 2) {
                                int m2 = m - m1;
                                sum += ClebschGordan.coefficient(j1, m1, j2, m2, j, m)
                                        * ClebschGordan.coefficient(j1, m1, j2, m2, jp, m);
                            }
                            worst = Math.max(worst, Math.abs(sum - (j == jp ? 1.0 : 0.0)));
                        }
                    }
                }
            }
        }
        System.out.printf("Clebsch-Gordan orthonormality up to twojmax %d: largest deviation %.3g%n", max, worst);
        assertEquals(0.0, worst, 1e-10, "largest deviation from orthonormality");
    }

    @Test
    void exchangeSymmetry() {
        // <j1 m1 j2 m2 | j m> = (-1)^(j1 + j2 - j) <j2 m2 j1 m1 | j m>
        for (int j1 = 0; j1 <= 8; j1++) {
            for (int j2 = 0; j2 <= 8; j2++) {
                for (int j = Math.abs(j1 - j2); j <= j1 + j2; j += 2) {
                    int sign = ((j1 + j2 - j) / 2) % 2 == 0 ? 1 : -1;
                    for (int m1 = -j1; m1 <= j1; m1 += 2) {
                        for (int m2 = -j2; m2 <= j2; m2 += 2) {
                            assertEquals(sign * ClebschGordan.coefficient(j2, m2, j1, m1, j, m1 + m2),
                                    ClebschGordan.coefficient(j1, m1, j2, m2, j, m1 + m2), 1e-14);
                        }
                    }
                }
            }
        }
    }
}
