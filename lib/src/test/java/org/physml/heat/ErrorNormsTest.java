package org.physml.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ErrorNormsTest {
    @Test
    void trapezoidalL2OfAConstantErrorIsItsValueTimesSqrtLength() {
        double[] x = {0, 0.5, 1.25, 2.0};
        double[] ref = {1, 2, 3, 4};
        double[] num = {1.1, 2.1, 3.1, 4.1};
        assertEquals(0.1 * Math.sqrt(2.0), ErrorNorms.l2Error(x, num, ref), 1e-15);
        assertEquals(0.1, ErrorNorms.maxError(num, ref), 1e-15);
    }

    @Test
    void trapezoidalL2ConvergesToTheIntegral() {
        // error e(x) = x on [0, 1]: ||e||_2 = sqrt(1/3); trapezoid error O(dx^2)
        int n = 1001;
        double[] x = new double[n];
        double[] zero = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / (n - 1.0);
        }
        assertEquals(Math.sqrt(1.0 / 3.0), ErrorNorms.l2Error(x, x, zero), 1e-6);
    }

    @Test
    void relativeL2() {
        double[][] ref = {{3, 0}, {4}};
        double[][] num = {{3, 1}, {4}};
        assertEquals(1.0 / 5.0, ErrorNorms.relativeL2(num, ref), 1e-15);
        assertEquals(1.0, ErrorNorms.maxError(num, ref), 0);
    }

    @Test
    void rejectsMismatchedInput() {
        assertThrows(IllegalArgumentException.class, () -> ErrorNorms.maxError(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> ErrorNorms.relativeL2(new double[2], new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> ErrorNorms.l2Error(new double[]{0, 0}, new double[2], new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> ErrorNorms.relativeL2(new double[][]{{1, 2}}, new double[][]{{1}}));
    }
}
