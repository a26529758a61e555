package org.physml.descriptors.nep;

import java.util.Random;

import org.apache.commons.math3.analysis.polynomials.PolynomialsUtils;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.physml.structure.LocalEnvironment;

/**
 * Independent reference implementations for the NEP tests: Chebyshev polynomials from Commons Math, complex
 * spherical harmonics from the associated-Legendre recurrence and angles (not the polynomial forms of the main
 * code), Wigner 3j symbols from Racah's formula.
 */
final class NepTestSupport {
    private NepTestSupport() {
    }

    /** f_k(r) = (T_k(x) + 1)/2 f_c(r), x = 2 (r/rc - 1)^2 - 1, with T_k from Commons Math. */
    static double basis(int k, double r, double rc) {
        if (r >= rc) {
            return 0.0;
        }
        double x = 2.0 * Math.pow(r / rc - 1.0, 2) - 1.0;
        double fc = 0.5 * Math.cos(Math.PI * r / rc) + 0.5;
        return 0.5 * (PolynomialsUtils.createChebyshevPolynomial(k).value(x) + 1.0) * fc;
    }

    /** g_n(r) of the radial part for the pair (ti, tj). */
    static double gRadial(NepParameters p, int n, int ti, int tj, double r) {
        double rc = 0.5 * (p.rcRadial(ti) + p.rcRadial(tj));
        double g = 0.0;
        for (int k = 0; k <= p.basisSizeRadial(); k++) {
            g += p.radialCoefficient(n, k, ti, tj) * basis(k, r, rc);
        }
        return g;
    }

    /** g_n(r) of the angular part for the pair (ti, tj). */
    static double gAngular(NepParameters p, int n, int ti, int tj, double r) {
        double rc = 0.5 * (p.rcAngular(ti) + p.rcAngular(tj));
        double g = 0.0;
        for (int k = 0; k <= p.basisSizeAngular(); k++) {
            g += p.angularCoefficient(n, k, ti, tj) * basis(k, r, rc);
        }
        return g;
    }

    /** Associated Legendre function P_l^m(x), m &ge; 0, with the Condon-Shortley phase, by the standard recurrence. */
    static double associatedLegendre(int l, int m, double x) {
        double pmm = 1.0;
        double s = Math.sqrt((1.0 - x) * (1.0 + x));
        double fact = 1.0;
        for (int i = 1; i <= m; i++) {
            pmm *= -fact * s;
            fact += 2.0;
        }
        if (l == m) {
            return pmm;
        }
        double pmmp1 = x * (2 * m + 1) * pmm;
        if (l == m + 1) {
            return pmmp1;
        }
        double pll = 0.0;
        for (int ll = m + 2; ll <= l; ll++) {
            pll = ((2 * ll - 1) * x * pmmp1 - (ll + m - 1) * pmm) / (ll - m);
            pmm = pmmp1;
            pmmp1 = pll;
        }
        return pll;
    }

    /** Orthonormal complex Y_lm(theta, phi) of the direction of v (Condon-Shortley phase), any m in -l..l. */
    static Complex ylm(int l, int m, double[] v) {
        double r = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        double theta = Math.acos(v[2] / r);
        double phi = Math.atan2(v[1], v[0]);
        int am = Math.abs(m);
        double norm = Math.sqrt((2 * l + 1) / (4 * Math.PI) * CombinatoricsUtils.factorialDouble(l - am)
                / CombinatoricsUtils.factorialDouble(l + am));
        Complex y = new Complex(Math.cos(am * phi), Math.sin(am * phi))
                .multiply(norm * associatedLegendre(l, am, Math.cos(theta)));
        if (m < 0) {
            y = y.conjugate().multiply(am % 2 == 0 ? 1.0 : -1.0);
        }
        return y;
    }

    /** Wigner 3j symbol (j1 j2 j3; m1 m2 m3) for integer j by Racah's formula. */
    static double wigner3j(int j1, int j2, int j3, int m1, int m2, int m3) {
        if (m1 + m2 + m3 != 0 || j3 < Math.abs(j1 - j2) || j3 > j1 + j2
                || Math.abs(m1) > j1 || Math.abs(m2) > j2 || Math.abs(m3) > j3) {
            return 0.0;
        }
        double delta = f(j1 + j2 - j3) * f(j1 - j2 + j3) * f(-j1 + j2 + j3) / f(j1 + j2 + j3 + 1);
        double pre = Math.sqrt(delta * f(j1 + m1) * f(j1 - m1) * f(j2 + m2) * f(j2 - m2) * f(j3 + m3) * f(j3 - m3));
        double sum = 0.0;
        for (int k = 0; k <= j1 + j2 + j3; k++) {
            int[] a = {k, j3 - j2 + k + m1, j3 - j1 + k - m2, j1 + j2 - j3 - k, j1 - k - m1, j2 - k + m2};
            boolean ok = true;
            double den = 1.0;
            for (int x : a) {
                if (x < 0) {
                    ok = false;
                    break;
                }
                den *= f(x);
            }
            if (ok) {
                sum += (k % 2 == 0 ? 1.0 : -1.0) / den;
            }
        }
        int phase = j1 - j2 - m3;
        return (Math.floorMod(phase, 2) == 0 ? 1.0 : -1.0) * pre * sum;
    }

    private static double f(int n) {
        return CombinatoricsUtils.factorialDouble(n);
    }

    /** A_nlm = sum_j w_j Y_lm(r_j) for weights w and vectors r, m = -l..l at index m + l. */
    static Complex[] sphericalSums(int l, double[] w, double[][] r) {
        Complex[] a = new Complex[2 * l + 1];
        for (int m = -l; m <= l; m++) {
            Complex s = Complex.ZERO;
            for (int j = 0; j < w.length; j++) {
                s = s.add(ylm(l, m, r[j]).multiply(w[j]));
            }
            a[m + l] = s;
        }
        return a;
    }

    /** A local environment of centre 0 (atomic number zc) with the given neighbour vectors and atomic numbers. */
    static LocalEnvironment environment(int zc, double[][] r, int[] z) {
        int m = r.length;
        int[] idx = new int[m];
        double[] d = new double[m];
        double[][] copy = new double[m][];
        for (int j = 0; j < m; j++) {
            idx[j] = j + 1;
            copy[j] = r[j].clone();
            d[j] = Math.sqrt(r[j][0] * r[j][0] + r[j][1] * r[j][1] + r[j][2] * r[j][2]);
        }
        return new LocalEnvironment(0, zc, idx, z.clone(), copy, d);
    }

    /** m random vectors with lengths uniform in [rMin, rMax] and isotropic directions. */
    static double[][] randomVectors(Random rng, int m, double rMin, double rMax) {
        double[][] r = new double[m][3];
        for (int j = 0; j < m; j++) {
            double len = rMin + (rMax - rMin) * rng.nextDouble();
            double z = 2 * rng.nextDouble() - 1;
            double phi = 2 * Math.PI * rng.nextDouble();
            double s = Math.sqrt(1 - z * z);
            r[j][0] = len * s * Math.cos(phi);
            r[j][1] = len * s * Math.sin(phi);
            r[j][2] = len * z;
        }
        return r;
    }
}
