package org.physml.pairpotential;

import java.util.Arrays;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * Lattice sums of inverse powers 1/r^k over all pairs of atoms and their periodic images, per pair of species:
 * the features of a pair potential E_2body = sum_{a &lt;= b} sum_k A^k_ab S^k_ab ({@link PairFeatures}).
 * <pre>
 *   S^k_ab = sum_{i in a} sum_{j in b} sum_n' |r_j - r_i + n|^-k              (a != b)
 *   S^k_aa = 1/2 sum_{i in a} sum_{j in a} sum_n' |r_j - r_i + n|^-k
 * </pre>
 * (n runs over the lattice vectors, the prime drops i = j with n = 0), so that E_2body is the energy of every
 * pair, periodic images included, counted once. Units: Angstrom^-k per cell.
 *
 * <p><b>k = 4 and 6, the slowly converging sums: Ewald summation</b>, generalised to R^-n sums over composite
 * lattices by D. E. Williams (1971; reviewed in International Tables for Crystallography Vol. B, ch. 3.4,
 * "Accelerated convergence treatment of R^-n lattice sums"; the formulas below are derived here). With
 * s = k/2 and the identity 1/r^k = [Gamma(s, alpha^2 r^2) + gamma(s, alpha^2 r^2)] / (Gamma(s) r^k):
 * <pre>
 *   S  = real + reciprocal - self
 *   real       = sum over pairs within r_real of Q(s, alpha^2 r^2) / r^k     (Q = Gamma(s,x)/Gamma(s))
 *   reciprocal = 1/V sum_G f(G) Re[rho_a(G) rho_b(G)^*],    rho_a(G) = sum_{i in a} exp(i G.r_i)
 *   f(0) = 2 pi^{3/2} alpha^{k-3} / ((k-3) Gamma(s)),
 *   f(G) = pi^{3/2} / Gamma(s) (G/2)^{k-3} Gamma(3/2 - s, G^2 / (4 alpha^2))
 *   self       = N_a alpha^k / Gamma(s+1)  (a = b only)
 * </pre>
 * (halved for a = b as above). The splitting parameter is alpha = sqrt(x_c) / r_real and the reciprocal cutoff
 * G_max = 2 alpha sqrt(x_c), with x_c chosen so that the neglected real-space tail Q(k/2, x_c) is below the
 * tolerance for the largest k (the reciprocal tail decays as exp(-x_c) / x_c). The result does
 * not depend on alpha (tested). Gamma(3/2 - s, x) for the negative half-integer 3/2 - s comes from
 * Gamma(1/2, x) = sqrt(pi) erfc(sqrt x) by the recurrence Gamma(a, x) = (Gamma(a+1, x) - x^a e^-x) / a.
 *
 * The formulas hold for every even k &gt;= 4, but for large k the real, reciprocal and self terms nearly cancel
 * (the self term grows as alpha^k) and round-off limits the relative accuracy (about 1e-8 for k = 12 in a
 * test), so they are used for k &lt;= 6 only.
 *
 * <p><b>k &gt;= 5 except 6, and the reference:</b> {@link #direct} sums w(r)/r^k directly, with a smooth window w = 1
 * below 3R/4, w = (1 + cos(pi (r - 3R/4) / (R/4))) / 2 up to R and 0 beyond, and adds the rest, (1 - w(r)) / r^k,
 * for a uniform density: 4 pi N_a N_b / V integral_{3R/4}^infinity (1 - w) r^(2-k) dr (ordered pairs, halved for
 * a = b; Commons Math's 64-point Gauss-Legendre rule on [3R/4, R], analytic beyond). The smooth window makes the
 * error of the uniform-density assumption fall off much faster with R than a sharp cutoff does. For k &lt;= 3 the
 * sum diverges and is rejected. Only fully periodic structures are accepted.
 */
public final class InversePowerSum {
    private final double rReal;
    private final double tolerance;

    /**
     * @param rReal     real-space cutoff r_real of the Ewald sums, Angstrom, &gt; 0 (6-8 A is a good choice)
     * @param tolerance relative size exp(-x_c) of the neglected real and reciprocal tails, in (0, 1)
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public InversePowerSum(double rReal, double tolerance) {
        if (!(rReal > 0) || !Double.isFinite(rReal)) {
            throw new IllegalArgumentException("r_real must be a positive number of Angstrom, got " + rReal);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must lie in (0, 1), got " + tolerance);
        }
        this.rReal = rReal;
        this.tolerance = tolerance;
    }

    /** r_real = 7 A, tolerance 1e-12. */
    public static InversePowerSum standard() {
        return new InversePowerSum(7.0, 1e-12);
    }

    /** Real-space cutoff r_real, Angstrom. */
    public double rReal() {
        return rReal;
    }

    /**
     * x_c of the largest power k_max: the smallest x &gt;= -ln(tolerance) with Q(k_max/2, x) &lt;= tolerance (the
     * real-space terms decay as Q(s, alpha^2 r^2) = e^-x sum_{j &lt; s} x^j / j!, slower for larger s).
     */
    double xCut(int kMax) {
        double x = -Math.log(tolerance);
        while (Gamma.regularizedGammaQ(kMax / 2.0, x) > tolerance) {
            x += 0.5;
        }
        return x;
    }

    /** Ewald splitting parameter alpha = sqrt(x_c) / r_real for powers up to k_max, 1/Angstrom. */
    public double alpha(int kMax) {
        return Math.sqrt(xCut(kMax)) / rReal;
    }

    /**
     * Lattice sums S^k_ab of every requested power for the species pairs (a, b) with a &lt;= b of
     * {@code species}: shape [powers.length][P], P = S (S + 1) / 2 pairs in the order (0,0), (0,1), ..,
     * (0,S-1), (1,1), .., (S-1,S-1). k = 4, 6 by Ewald summation, other k by {@link #direct} with R = 2 r_real.
     *
     * @param species atomic numbers of the species (every atom of s must be one of them)
     * @param powers  exponents k, each &gt;= 4
     * @throws IllegalArgumentException if s is not periodic along all three axes, an atom's species is not listed,
     *                                  or a power is below 4
     */
    public double[][] sums(Structure s, int[] species, int[] powers) {
        checkPeriodic(s);
        int[] type = types(s, species);
        for (int k : powers) {
            if (k < 4) {
                throw new IllegalArgumentException("1/r^k lattice sums need k >= 4 (k <= 3 diverges), got k = " + k);
            }
        }
        int nS = species.length;
        int kMax = java.util.Arrays.stream(powers).filter(InversePowerSum::ewald).max().orElse(4);
        double alpha = alpha(kMax);
        double xc = xCut(kMax);
        double[][] out = new double[powers.length][];
        boolean anyEwald = java.util.Arrays.stream(powers).anyMatch(InversePowerSum::ewald);
        double[][] real = anyEwald ? realSpace(s, type, nS, powers, alpha) : null;
        double[][] recip = anyEwald ? reciprocal(s, type, nS, powers, alpha, xc) : null;
        int[] other = java.util.Arrays.stream(powers).filter(k -> !ewald(k)).toArray();
        double[][] directSums = other.length == 0 ? new double[0][] : direct(s, species, other, 2 * rReal);
        for (int p = 0, o = 0; p < powers.length; p++) {
            int k = powers[p];
            if (!ewald(k)) {
                out[p] = directSums[o++];
                continue;
            }
            double self = Math.pow(alpha, k) / CombinatoricsUtils.factorialDouble(k / 2);
            out[p] = new double[real[p].length];
            int[] count = new int[nS];
            for (int t : type) {
                count[t]++;
            }
            for (int a = 0, q = 0; a < nS; a++) {
                for (int b = a; b < nS; b++, q++) {
                    double total = real[p][q] + recip[p][q] - (a == b ? count[a] * self : 0.0);
                    out[p][q] = a == b ? 0.5 * total : total;
                }
            }
        }
        return out;
    }

    // ordered sums over (i in a, j in b) of Q(s, alpha^2 r^2)/r^k within r_real, indexed by unordered pair q
    private double[][] realSpace(Structure s, int[] type, int nS, int[] powers, double alpha) {
        double alpha2 = alpha * alpha;
        NeighbourList nl = NeighbourList.build(s, rReal);
        double[][] out = new double[powers.length][nS * (nS + 1) / 2];
        for (int i = 0; i < s.size(); i++) {
            LocalEnvironment env = nl.environment(i);
            for (int m = 0; m < env.size(); m++) {
                int q = pairIndex(type[i], type[env.neighbourIndex()[m]], nS);
                double r = env.distance()[m];
                for (int p = 0; p < powers.length; p++) {
                    int k = powers[p];
                    if (ewald(k)) {
                        out[p][q] += Gamma.regularizedGammaQ(k / 2.0, alpha2 * r * r) / Math.pow(r, k);
                    }
                }
            }
        }
        // the loop visits (i, j) and (j, i): for a != b both orders belong to the unordered pair, which is what
        // S_ab (a != b) counts once per ordered (i in a, j in b); halve to get the ordered sum over i in a, j in b
        for (double[] row : out) {
            for (int a = 0, q = 0; a < nS; a++) {
                for (int b = a; b < nS; b++, q++) {
                    if (a != b) {
                        row[q] *= 0.5;
                    }
                }
            }
        }
        return out;
    }

    private double[][] reciprocal(Structure s, int[] type, int nS, int[] powers, double alpha, double xc) {
        double gMax = 2 * alpha * Math.sqrt(xc);
        double[][] cell = s.cell();
        double volume = Math.abs(s.volume());
        double[][] rec = reciprocalVectors(cell, volume);
        int[] nMax = new int[3];
        for (int d = 0; d < 3; d++) {
            double len = Math.sqrt(cell[d][0] * cell[d][0] + cell[d][1] * cell[d][1] + cell[d][2] * cell[d][2]);
            nMax[d] = (int) Math.ceil(gMax * len / (2 * Math.PI));
        }
        double[][] out = new double[powers.length][nS * (nS + 1) / 2];
        double[][] pos = s.positionsView();
        int[] count = new int[nS];
        for (int t : type) {
            count[t]++;
        }
        double pi32 = Math.pow(Math.PI, 1.5);
        // G = 0
        for (int p = 0; p < powers.length; p++) {
            int k = powers[p];
            if (!ewald(k)) {
                continue;
            }
            double f0 = 2 * pi32 * Math.pow(alpha, k - 3) / ((k - 3) * Gamma.gamma(k / 2.0));
            for (int a = 0, q = 0; a < nS; a++) {
                for (int b = a; b < nS; b++, q++) {
                    out[p][q] += f0 * count[a] * count[b] / volume;
                }
            }
        }
        double[] re = new double[nS];
        double[] im = new double[nS];
        double[] g = new double[3];
        for (int n1 = -nMax[0]; n1 <= nMax[0]; n1++) {
            for (int n2 = -nMax[1]; n2 <= nMax[1]; n2++) {
                for (int n3 = -nMax[2]; n3 <= nMax[2]; n3++) {
                    if (n1 == 0 && n2 == 0 && n3 == 0) {
                        continue;
                    }
                    for (int d = 0; d < 3; d++) {
                        g[d] = n1 * rec[0][d] + n2 * rec[1][d] + n3 * rec[2][d];
                    }
                    double gLen = Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
                    if (gLen > gMax) {
                        continue;
                    }
                    Arrays.fill(re, 0);
                    Arrays.fill(im, 0);
                    for (int i = 0; i < pos.length; i++) {
                        double phase = g[0] * pos[i][0] + g[1] * pos[i][1] + g[2] * pos[i][2];
                        re[type[i]] += Math.cos(phase);
                        im[type[i]] += Math.sin(phase);
                    }
                    double x = gLen * gLen / (4 * alpha * alpha);
                    for (int p = 0; p < powers.length; p++) {
                        int k = powers[p];
                        if (!ewald(k)) {
                            continue;
                        }
                        double f = pi32 / Gamma.gamma(k / 2.0) * Math.pow(gLen / 2, k - 3)
                                * upperGammaHalfInteger(k / 2, x);
                        for (int a = 0, q = 0; a < nS; a++) {
                            for (int b = a; b < nS; b++, q++) {
                                out[p][q] += f * (re[a] * re[b] + im[a] * im[b]) / volume;
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Whether k is summed by Ewald's method: k = 4 and 6 (see the class comment). */
    static boolean ewald(int k) {
        return k == 4 || k == 6;
    }

    /** Gamma(3/2 - s, x) for integer s &gt;= 2 by downward recurrence from Gamma(1/2, x). */
    static double upperGammaHalfInteger(int s, double x) {
        double g = Math.sqrt(Math.PI) * Erf.erfc(Math.sqrt(x));   // a = 1/2
        double a = 0.5;
        while (a > 1.5 - s + 1e-9) {
            double an = a - 1;                                       // Gamma(an, x) = (Gamma(an+1, x) - x^an e^-x)/an
            g = (g - Math.pow(x, an) * Math.exp(-x)) / an;
            a = an;
        }
        return g;
    }

    /**
     * S^k_ab by a direct sum over pairs within R with a smooth window plus the uniform-density rest (see the class
     * comment); length S (S + 1) / 2 in the pair order of {@link #sums}.
     *
     * @param rMax summation radius R, Angstrom, &gt; 0
     * @throws IllegalArgumentException if s is not fully periodic, k &lt; 4, or an atom's species is not listed
     */
    public static double[] direct(Structure s, int[] species, int k, double rMax) {
        return direct(s, species, new int[]{k}, rMax)[0];
    }

    /**
     * {@link #direct(Structure, int[], int, double)} for several powers from one neighbour list, shape
     * [powers.length][S (S + 1) / 2].
     *
     * @throws IllegalArgumentException if s is not fully periodic, a k &lt; 4, or an atom's species is not listed
     */
    public static double[][] direct(Structure s, int[] species, int[] powers, double rMax) {
        checkPeriodic(s);
        for (int k : powers) {
            if (k < 4) {
                throw new IllegalArgumentException("1/r^k lattice sums need k >= 4 (k <= 3 diverges), got k = " + k);
            }
        }
        int[] type = types(s, species);
        int nS = species.length;
        double[][] out = new double[powers.length][nS * (nS + 1) / 2];
        NeighbourList nl = NeighbourList.build(s, rMax);
        for (int i = 0; i < s.size(); i++) {
            LocalEnvironment env = nl.environment(i);
            for (int m = 0; m < env.size(); m++) {
                double r = env.distance()[m];
                double w = 0.5 * window(r, rMax);
                double inv = 1.0 / r;
                int q = pairIndex(type[i], type[env.neighbourIndex()[m]], nS);
                for (int p = 0; p < powers.length; p++) {
                    double v = w;
                    for (int e = 0; e < powers[p]; e++) {
                        v *= inv;
                    }
                    out[p][q] += v;
                }
            }
        }
        int[] count = new int[nS];
        for (int t : type) {
            count[t]++;
        }
        double volume = Math.abs(s.volume());
        for (int p = 0; p < powers.length; p++) {
            double rest = restIntegral(powers[p], rMax);
            for (int a = 0, q = 0; a < nS; a++) {
                for (int b = a; b < nS; b++, q++) {
                    double tail = 4 * Math.PI * count[a] * count[b] / volume * rest;
                    out[p][q] += a == b ? 0.5 * tail : tail;
                }
            }
        }
        return out;
    }

    private static double window(double r, double rMax) {
        double on = 0.75 * rMax;
        if (r <= on) {
            return 1.0;
        }
        return r >= rMax ? 0.0 : 0.5 * (1 + Math.cos(Math.PI * (r - on) / (rMax - on)));
    }

    // integral_{3R/4}^infinity (1 - w(r)) r^(2-k) dr
    private static double restIntegral(int k, double rMax) {
        // the integrand is smooth on [3R/4, R]: a fixed 64-point Gauss-Legendre rule is exact to round-off
        double inner = new org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory()
                .legendre(64, 0.75 * rMax, rMax).integrate(r -> (1 - window(r, rMax)) * Math.pow(r, 2 - k));
        return inner + Math.pow(rMax, 3 - k) / (k - 3);
    }

    /** Index of the unordered species pair (a, b) in the order (0,0), (0,1), .., (1,1), .. */
    static int pairIndex(int a, int b, int nS) {
        int lo = Math.min(a, b), hi = Math.max(a, b);
        return lo * nS - lo * (lo - 1) / 2 + (hi - lo);
    }

    static int[] types(Structure s, int[] species) {
        int[] type = new int[s.size()];
        for (int i = 0; i < type.length; i++) {
            type[i] = -1;
            for (int t = 0; t < species.length; t++) {
                if (species[t] == s.atomicNumber(i)) {
                    type[i] = t;
                }
            }
            if (type[i] < 0) {
                throw new IllegalArgumentException("atom " + i + " has Z = " + s.atomicNumber(i)
                        + ", which is not among the species " + Arrays.toString(species));
            }
        }
        return type;
    }

    private static void checkPeriodic(Structure s) {
        boolean[] pbc = s.pbc();
        if (!(pbc[0] && pbc[1] && pbc[2])) {
            throw new IllegalArgumentException("lattice sums need a structure periodic along all three axes, got pbc "
                    + Arrays.toString(pbc));
        }
    }

    private static double[][] reciprocalVectors(double[][] a, double volume) {
        double[][] b = new double[3][];
        for (int d = 0; d < 3; d++) {
            double[] u = a[(d + 1) % 3], v = a[(d + 2) % 3];
            double[] c = {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
            double sign = Math.signum(a[d][0] * c[0] + a[d][1] * c[1] + a[d][2] * c[2]);
            for (int e = 0; e < 3; e++) {
                c[e] *= 2 * Math.PI * sign / volume;
            }
            b[d] = c;
        }
        return b;
    }
}
