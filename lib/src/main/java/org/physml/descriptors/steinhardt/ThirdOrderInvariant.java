package org.physml.descriptors.steinhardt;

import java.util.ArrayList;
import java.util.List;

import org.physml.math.angular.Wigner3j;
import org.physml.math.angular.SphericalHarmonics;

/**
 * The third-order rotational invariant of one degree l,
 * <pre>
 *   w_l = sum_{m1 + m2 + m3 = 0} (l l l; m1 m2 m3) q_lm1 q_lm2 q_lm3
 * </pre>
 * (Steinhardt, Nelson and Ronchetti, Phys. Rev. B 28, 784 (1983), Eq. 1.4, as the LAMMPS documentation of
 * compute orientorder/atom quotes it), from the m &gt;= 0 components q_lm (layout of {@link SphericalHarmonics}),
 * with q_l,-m = (-1)^m conj(q_lm).
 *
 * <p>The sum is real. For even l the 3j symbol is invariant under every permutation of its columns and under
 * m -&gt; -m, and so is Re(q_m1 q_m2 q_m3); the sum then runs over one representative m1 &lt;= 0 &lt;= m2 &lt;= m3 per
 * class, weighted by the class size (1, 6 or 12). For odd l an exchange of two columns changes the sign of the 3j
 * symbol while the product is unchanged, so w_l vanishes identically; it is still evaluated as the full sum over
 * all (m1, m2), which returns 0 up to rounding.
 *
 * <p>Immutable and thread-safe.
 */
final class ThirdOrderInvariant {
    private final int l;
    /** Per term: flat index (into the complex array, already doubled) and the factors of the real and imaginary part. */
    private final int[] index;
    private final double[] reSign;
    private final double[] imSign;
    private final double[] coefficient;

    /**
     * @throws IllegalArgumentException if l is negative
     */
    ThirdOrderInvariant(int l) {
        if (l < 0) {
            throw new IllegalArgumentException("l must be >= 0, got " + l);
        }
        this.l = l;
        List<int[]> triples = new ArrayList<>();
        List<Double> coefficients = new ArrayList<>();
        if (l % 2 == 0) {
            for (int m1 = -l; m1 <= 0; m1++) {
                for (int m2 = 0; m2 <= (-m1) / 2; m2++) {
                    int m3 = -m1 - m2;
                    int multiplicity = m1 == 0 ? 1 : (m2 == 0 || m2 == m3) ? 6 : 12;
                    add(triples, coefficients, m1, m2, m3, multiplicity);
                }
            }
        } else {
            for (int m1 = -l; m1 <= l; m1++) {
                for (int m2 = Math.max(-l, -l - m1); m2 <= Math.min(l, l - m1); m2++) {
                    add(triples, coefficients, m1, m2, -m1 - m2, 1);
                }
            }
        }
        int n = triples.size();
        index = new int[3 * n];
        reSign = new double[3 * n];
        imSign = new double[3 * n];
        coefficient = new double[n];
        for (int t = 0; t < n; t++) {
            coefficient[t] = coefficients.get(t);
            for (int k = 0; k < 3; k++) {
                int m = triples.get(t)[k];
                int am = Math.abs(m);
                index[3 * t + k] = 2 * SphericalHarmonics.index(l, am);
                double s = (m < 0 && am % 2 == 1) ? -1.0 : 1.0;
                reSign[3 * t + k] = s;
                imSign[3 * t + k] = m < 0 ? -s : s;
            }
        }
    }

    private void add(List<int[]> triples, List<Double> coefficients, int m1, int m2, int m3, int multiplicity) {
        double c = Wigner3j.symbol(l, m1, m2, m3);
        if (c != 0.0) {
            triples.add(new int[]{m1, m2, m3});
            coefficients.add(c * multiplicity);
        }
    }

    /** The degree l. */
    int l() {
        return l;
    }

    /**
     * w_l of the components in {@code q} (complex m &gt;= 0 components in the {@link SphericalHarmonics} layout,
     * covering degree l).
     */
    double evaluate(double[] q) {
        double sum = 0.0;
        for (int t = 0, p = 0; t < coefficient.length; t++, p += 3) {
            double ar = reSign[p] * q[index[p]], ai = imSign[p] * q[index[p] + 1];
            double br = reSign[p + 1] * q[index[p + 1]], bi = imSign[p + 1] * q[index[p + 1] + 1];
            double cr = reSign[p + 2] * q[index[p + 2]], ci = imSign[p + 2] * q[index[p + 2] + 1];
            double abr = ar * br - ai * bi, abi = ar * bi + ai * br;
            sum += coefficient[t] * (abr * cr - abi * ci);
        }
        return sum;
    }
}
