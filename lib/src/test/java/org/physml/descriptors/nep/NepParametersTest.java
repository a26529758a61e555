package org.physml.descriptors.nep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Defaults, dimensions, the coefficient layout of nep.txt and the validation messages. */
class NepParametersTest {

    @Test
    void gpumdDefaultsGiveDimensionThirty() {
        NepParameters p = NepParameters.builder("Si").randomCoefficients(7).build();
        assertEquals(8.0, p.rcRadial(0));
        assertEquals(4.0, p.rcAngular(0));
        // (4+1) radial + (4+1) x (l_max 4 + 4-body) angular
        assertEquals(30, p.dimension());
        assertEquals(5 * 9 + 5 * 9, p.coefficientCount());
        assertArrayEquals(new double[30], minusOne(p.qScaler()), 0.0);
    }

    private static double[] minusOne(double[] v) {
        double[] r = v.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] -= 1.0;
        }
        return r;
    }

    @Test
    void coefficientLayoutIsThatOfNepTxt() {
        NepParameters p = NepParameters.builder("Te", "Pb").nMax(2, 3).basisSize(4, 5).lMax(2, 2, 0)
                .randomCoefficients(3).build();
        double[] c = p.coefficients();
        int t = 2;
        int radial = t * t * 3 * 5;
        assertEquals(radial, p.radialCoefficientCount());
        assertEquals(radial + t * t * 4 * 6, c.length);
        for (int n = 0; n <= 2; n++) {
            for (int k = 0; k <= 4; k++) {
                for (int ti = 0; ti < t; ti++) {
                    for (int tj = 0; tj < t; tj++) {
                        assertEquals(c[(n * 5 + k) * t * t + ti * t + tj], p.radialCoefficient(n, k, ti, tj));
                    }
                }
            }
        }
        for (int n = 0; n <= 3; n++) {
            for (int k = 0; k <= 5; k++) {
                for (int ti = 0; ti < t; ti++) {
                    for (int tj = 0; tj < t; tj++) {
                        assertEquals(c[radial + (n * 6 + k) * t * t + ti * t + tj],
                                p.angularCoefficient(n, k, ti, tj));
                    }
                }
            }
        }
        assertEquals(52, p.atomicNumber(0));
        assertEquals(82, p.atomicNumber(1));
        assertEquals(1, p.speciesIndex(82));
        assertEquals(-1, p.speciesIndex(14));
    }

    @Test
    void randomCoefficientsAreReproducibleAndInRange() {
        double[] a = NepParameters.builder("Si").randomCoefficients(5).build().coefficients();
        double[] b = NepParameters.builder("Si").randomCoefficients(5).build().coefficients();
        double[] c = NepParameters.builder("Si").randomCoefficients(6).build().coefficients();
        assertArrayEquals(a, b, 0.0);
        assertNotEquals(a[0], c[0]);
        for (double v : a) {
            assertTrue(v >= -1 && v < 1);
        }
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void validationNamesParameterValueAndLimit() {
        assertTrue(message(() -> NepParameters.builder("Si").nMax(20, 4).randomCoefficients(1).build())
                .contains("n_max radial must be in 0..19"));
        assertTrue(message(() -> NepParameters.builder("Si").basisSize(8, -1).randomCoefficients(1).build())
                .contains("basis_size angular must be in 0..19 (GPUMD's limit), got -1"));
        assertTrue(message(() -> NepParameters.builder("Si").lMax(9, 2, 0).randomCoefficients(1).build())
                .contains("l_max (3-body) must be in 0..8 (GPUMD's limit), got 9"));
        assertTrue(message(() -> NepParameters.builder("Si").lMax(4, 1, 0).randomCoefficients(1).build())
                .contains("4-body must be 0 or 2"));
        assertTrue(message(() -> NepParameters.builder("Si").lMax(1, 2, 0).randomCoefficients(1).build())
                .contains("must not exceed l_max 3-body"));
        assertTrue(message(() -> NepParameters.builder("Si").lMax(4, 0, 1).randomCoefficients(1).build())
                .contains("requires l_max 4-body = 2"));
        assertTrue(message(() -> NepParameters.builder("Si").cutoff(4, 5).randomCoefficients(1).build())
                .contains("angular cutoff of Si (5.0 A) must not exceed its radial cutoff"));
        assertTrue(message(() -> NepParameters.builder("Si").cutoff(-1, -2).randomCoefficients(1).build())
                .contains("radial cutoff of Si must be a positive"));
        assertTrue(message(() -> NepParameters.builder("Si").build()).contains("coefficients c are not set"));
        assertTrue(message(() -> NepParameters.builder("Si").coefficients(new double[3]).build())
                .contains("expected 90 values"));
        assertTrue(message(() -> NepParameters.builder("Si").randomCoefficients(1).qScaler(new double[2]).build())
                .contains("q_scaler: expected 30 values"));
        assertTrue(message(() -> NepParameters.builder("Xx")).contains("'Xx' is not an element symbol"));
        assertTrue(message(() -> NepParameters.builder("Si", "Si")).contains("listed twice"));
        assertTrue(message(() -> NepParameters.builder("Si", "C").cutoffs(new double[]{5}, new double[]{4}))
                .contains("expected 2 radial and 2 angular"));
    }
}
