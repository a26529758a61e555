package org.physml.descriptors.steinhardt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.physml.math.angular.SphericalHarmonics;
import org.physml.math.angular.Wigner3j;

/** {@link ThirdOrderInvariant}: the reduced w_l sum against the full sum over Wigner 3j symbols. */
class ThirdOrderInvariantTest {
    @Test
    void reducedSumEqualsTheFullSum() {
        // the even-l representative sum with multiplicities 1, 6, 12 against the brute-force sum over all
        // (m1, m2) for random components q_lm; odd l vanishes
        Random rnd = new Random(5);
        int lMax = 12;
        double[] q = new double[new SphericalHarmonics(lMax).length()];
        for (int k = 0; k < q.length; k++) {
            q[k] = rnd.nextGaussian();
        }
        for (int l = 0; l <= lMax; l++) {
            double full = 0;
            for (int m1 = -l; m1 <= l; m1++) {
                for (int m2 = -l; m2 <= l; m2++) {
                    int m3 = -m1 - m2;
                    if (Math.abs(m3) > l) {
                        continue;
                    }
                    double[] a = component(q, l, m1), b = component(q, l, m2), c = component(q, l, m3);
                    double abr = a[0] * b[0] - a[1] * b[1], abi = a[0] * b[1] + a[1] * b[0];
                    full += Wigner3j.symbol(l, m1, m2, m3) * (abr * c[0] - abi * c[1]);
                }
            }
            double reduced = new ThirdOrderInvariant(l).evaluate(q);
            assertEquals(full, reduced, 1e-12 * (1 + Math.abs(full)), "l = " + l);
            if (l % 2 == 1) {
                assertEquals(0.0, reduced, 1e-12);
            } else if (l > 0) {
                assertEquals(true, Math.abs(full) > 1e-3, "even l must not vanish for random q");
            }
        }
    }

    /** q_lm for any sign of m from the m >= 0 storage: q_l,-m = (-1)^m conj(q_lm). */
    private static double[] component(double[] q, int l, int m) {
        int k = 2 * SphericalHarmonics.index(l, Math.abs(m));
        if (m >= 0) {
            return new double[]{q[k], q[k + 1]};
        }
        double s = (-m) % 2 == 0 ? 1 : -1;
        return new double[]{s * q[k], -s * q[k + 1]};
    }
}
