package org.physml.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleFunction;

import org.junit.jupiter.api.Test;

class PiecewisePolynomialTableTest {

    /** A polynomial of the table's degree is reproduced to rounding on the first, coarsest grid. */
    @Test
    void reproducesPolynomialsOfItsDegreeExactly() {
        DoubleFunction<double[]> f = x -> new double[]{1 - 2 * x + 0.5 * x * x * x, Math.pow(x - 1.5, 7)};
        PiecewisePolynomialTable t = PiecewisePolynomialTable.fit(f, 2, 3.0, 7, 1e-13);
        assertEquals(6, t.pieceCount(), "ceil(3 / 0.5) pieces already suffice");
        for (double x = 0; x <= 3.0; x += 0.0137) {
            double[] v = t.evaluate(x);
            assertEquals(f.apply(x)[0], v[0], 1e-13);
            assertEquals(f.apply(x)[1], v[1], 1e-13 * 1.5 * Math.pow(1.5, 6));
        }
    }

    /**
     * Gaussians exp(-a x^2) of very different widths meet the tolerance relative to each one's magnitude, checked
     * at random points the fit never saw; a tighter tolerance takes more pieces.
     */
    @Test
    void gaussiansMeetTheToleranceAtRandomPoints() {
        double[] a = {0.05, 0.7, 3.0, 12.0};
        DoubleFunction<double[]> f = x -> {
            double[] v = new double[a.length];
            for (int k = 0; k < a.length; k++) {
                v[k] = 2.5 * Math.exp(-a[k] * x * x);
            }
            return v;
        };
        PiecewisePolynomialTable loose = PiecewisePolynomialTable.fit(f, a.length, 7.0, 7, 1e-6);
        PiecewisePolynomialTable tight = PiecewisePolynomialTable.fit(f, a.length, 7.0, 7, 1e-11);
        assertTrue(tight.pieceCount() > loose.pieceCount(), loose.pieceCount() + " vs " + tight.pieceCount());
        assertTrue(tight.maxRelativeError() <= 1e-11, "measured " + tight.maxRelativeError());
        Random rnd = new Random(11);
        double[] out = new double[a.length];
        for (int i = 0; i < 20000; i++) {
            double x = 7.0 * rnd.nextDouble();
            tight.evaluate(x, out);
            double[] exact = f.apply(x);
            for (int k = 0; k < a.length; k++) {
                assertEquals(exact[k], out[k], 2e-11 * 2.5, "a = " + a[k] + ", x = " + x);
            }
        }
        assertEquals(2.5, tight.evaluate(0.0)[3], 2e-11 * 2.5);
        assertEquals(f.apply(7.0)[0], tight.evaluate(7.0)[0], 2e-11 * 2.5);
    }

    @Test
    void pointsOutsideTheDomainAndBadArgumentsAreRefused() {
        DoubleFunction<double[]> f = x -> new double[]{Math.exp(-x)};
        PiecewisePolynomialTable t = PiecewisePolynomialTable.fit(f, 1, 2.0, 5, 1e-10);
        for (double x : new double[]{-1e-9, 2.0000001, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.evaluate(x));
            assertTrue(e.getMessage().contains("outside the tabulated domain [0, 2.0]"), e.getMessage());
        }
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> t.evaluate(1.0, new double[2]));
        assertTrue(length.getMessage().contains("out must have length 1, got 2"), length.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PiecewisePolynomialTable.fit(f, 0, 2.0, 5, 1e-10));
        assertThrows(IllegalArgumentException.class, () -> PiecewisePolynomialTable.fit(f, 1, 0.0, 5, 1e-10));
        assertThrows(IllegalArgumentException.class, () -> PiecewisePolynomialTable.fit(f, 1, 2.0, 0, 1e-10));
        assertThrows(IllegalArgumentException.class, () -> PiecewisePolynomialTable.fit(f, 1, 2.0, 5, 1e-16));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> PiecewisePolynomialTable.fit(x -> new double[2], 1, 2.0, 5, 1e-10));
        assertTrue(wrong.getMessage().contains("returned 2 values"), wrong.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> PiecewisePolynomialTable.fit(x -> new double[]{Math.log(x - 1)}, 1, 2.0, 5, 1e-10));
        assertTrue(nan.getMessage().contains("not finite"), nan.getMessage());
    }

    /**
     * Values with rounding noise: a sum that cancels (1e4 exp(-x) - 1e4 exp(-x) + exp(-x)) cannot be checked
     * below its noise; without a floor the fit gives up with a message instead of looping, with a floor of a few
     * ulps of the large terms it stops at the noise.
     */
    @Test
    void noisyValuesNeedAnErrorFloor() {
        DoubleFunction<double[]> f = x -> new double[]{1e4 * Math.exp(-x) + Math.exp(-x) - 1e4 * Math.exp(-x)
                + 1e4 * Math.sin(7.3 * x) - 1e4 * Math.sin(7.3 * x)};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PiecewisePolynomialTable.fit(f, 1, 2.0, 3, 1e-15));
        assertTrue(e.getMessage().contains("miss the relative tolerance"), e.getMessage());
        PiecewisePolynomialTable t = PiecewisePolynomialTable.fit(f, 1, 2.0, 7, 1e-15,
                new double[]{16 * Math.ulp(2e4)});
        for (double x = 0; x <= 2.0; x += 0.01) {
            assertEquals(Math.exp(-x), t.evaluate(x)[0], 32 * Math.ulp(2e4));
        }
        assertThrows(IllegalArgumentException.class, () -> PiecewisePolynomialTable.fit(f, 1, 2.0, 7, 1e-15,
                new double[]{-1}));
        assertThrows(IllegalArgumentException.class, () -> PiecewisePolynomialTable.fit(f, 1, 2.0, 7, 1e-15,
                new double[2]));
    }
}
