package org.physml.descriptors.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The tabulated radial functions against the exact sums of exponentials they replace. */
class GtoExpansionTest {

    /**
     * Two species, 80 atoms spread over [0, r_max] (the centre included): every coefficient of the tabulated
     * expansion agrees with the exact one to 1e-10 of the largest coefficient, for two bases.
     */
    @Test
    void tabulatedCoefficientsMatchTheExactSums() {
        for (double[] p : new double[][]{{5.0, 8, 6, 0.5}, {3.5, 4, 9, 0.3}}) {
            double rCut = p[0], sigma = p[3];
            GtoRadialBasis basis = new GtoRadialBasis(rCut, (int) p[1], (int) p[2]);
            double rMax = rCut + sigma * Math.sqrt(-2 * Math.log(1e-3));
            GtoExpansion exact = new GtoExpansion(basis, sigma, 2);
            GtoExpansion tabulated = new GtoExpansion(basis, sigma, 2, rMax);
            Random rnd = new Random(5);
            int count = 80;
            double[] x = new double[count], y = new double[count], z = new double[count];
            int[] species = new int[count];
            for (int i = 1; i < count; i++) {
                double r = rMax * Math.cbrt(rnd.nextDouble());
                double ct = 2 * rnd.nextDouble() - 1, ph = 2 * Math.PI * rnd.nextDouble();
                double st = Math.sqrt(1 - ct * ct);
                x[i] = r * st * Math.cos(ph);
                y[i] = r * st * Math.sin(ph);
                z[i] = r * ct;
                species[i] = rnd.nextInt(2);
            }
            double[] a = new double[exact.coefficientCount()];
            double[] b = new double[a.length];
            exact.expand(x, y, z, species, count, a);
            tabulated.copy().expand(x, y, z, species, count, b);
            double scale = 0;
            for (double v : a) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int k = 0; k < a.length; k++) {
                assertEquals(a[k], b[k], 1e-10 * scale, "r_cut " + rCut + ", coefficient " + k);
            }
        }
    }

    @Test
    void anAtomBeyondTheTabulatedRangeIsRefused() {
        GtoExpansion t = new GtoExpansion(new GtoRadialBasis(4.0, 3, 2), 0.5, 1, 5.0);
        double[] c = new double[t.coefficientCount()];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.expand(new double[]{0, 5.2}, new double[2], new double[2], new int[2], 2, c));
        assertTrue(e.getMessage().contains("outside the tabulated domain"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new GtoExpansion(new GtoRadialBasis(4.0, 3, 2), 0.5, 1, -1.0));
    }
}
