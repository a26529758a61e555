package org.physml.descriptors.nep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.physml.descriptors.DifferentiableDescriptor;
import org.physml.descriptors.ParameterisedDescriptor;
import org.physml.structure.LocalEnvironment;

/**
 * The NEP descriptor of GPUMD / NEP_CPU (NEP3, NEP4, NEP5): Z. Fan et al., Phys. Rev. B 104, 104309 (2021),
 * Eqs. 2-9, and J. Phys.: Condens. Matter 34, 125902 (2022), Sec. II.B-C.
 *
 * <p>For a centre i of species t_i and neighbours j (species t_j, distance r_ij &lt; the pair cutoff
 * r_c = (r_c[t_i] + r_c[t_j]) / 2, separately for the radial and the angular part):
 * <pre>
 *   g_n(r_ij)  = sum_{k=0..N_bas} c^{t_i t_j}_{nk} f_k(r_ij)                      ({@link NepRadialBasis})
 *   q_n        = sum_j g_n^R(r_ij),                                 n = 0..n_max^R
 *   q_nl       = sum_m |A_nlm|^2 = (2l+1)/(4 pi) sum_{j,k} g_n^A g_n^A P_l(cos theta_ijk),   l = 1..l_max^3b
 *   q_n222     = sum (2 2 2; m1 m2 m3) A_n2m1 A_n2m2 A_n2m3             (if l_max^4b = 2)
 *   q_n1111    = (7/15) (sum_m |A_n1m|^2)^2                             (if l_max^5b = 1)
 * </pre>
 * with A_nlm = sum_j g_n^A(r_ij) Y_lm(r_ij / r_ij). The sums are accumulated with explicit polynomial forms
 * h_k(x, y, z) = D_lm(z) Re/Im (x + i y)^m of the real harmonic components (D_lm = d^m P_l / dz^m; no
 * trigonometric functions), q_nl = sum_k w_k S_nk^2 with w_{l0} = (2l+1)/(4 pi), w_{lm} = 2 (2l+1)/(4 pi)
 * (l-m)!/(l+m)!; these weights and the four- and five-body coefficients are checked against NEP_CPU's
 * constants C3B, C4B and C5B in the tests.
 * Output order (NEP_CPU's): q_0..q_{n_max^R}, then for l = 1..l_max^3b the block q_{0l}..q_{n_max^A l},
 * then the 4-body block, then the 5-body block; every component d is multiplied by q_scaler[d].
 *
 * <p>The neighbour search radius {@link #cutoff()} is the largest cutoff of any species. Instances are
 * immutable and thread-safe (each thread uses its own work space).
 */
public final class NepDescriptor extends ParameterisedDescriptor<NepParameters> implements DifferentiableDescriptor {
    private final NepParameters p;
    private final NepAngularBasis angular;
    private final int nR;          // n_max^R + 1
    private final int nA;          // n_max^A + 1
    private final int bR;          // N_bas^R + 1
    private final int bA;          // N_bas^A + 1
    private final int k3;          // number of angular components
    private final int types;
    private final int dim;
    private final int[] typeOfZ = new int[119];
    private final double[][] cR;   // [t_i T + t_j][n bR + k]
    private final double[][] cA;
    private final double[] rcR;    // [t_i T + t_j]
    private final double[] rcA;
    private final double[] qScaler;
    private final List<String> names;
    private final ThreadLocal<Work> work;

    /** A descriptor with the given parameters. */
    public NepDescriptor(NepParameters parameters) {
        super(parameters);
        this.p = parameters;
        this.angular = new NepAngularBasis(p.lMax());
        this.nR = p.nMaxRadial() + 1;
        this.nA = p.nMaxAngular() + 1;
        this.bR = p.basisSizeRadial() + 1;
        this.bA = p.basisSizeAngular() + 1;
        this.k3 = angular.size();
        this.types = p.speciesCount();
        this.dim = p.dimension();
        Arrays.fill(typeOfZ, -1);
        for (int t = 0; t < types; t++) {
            typeOfZ[p.atomicNumber(t)] = t;
        }
        this.cR = new double[types * types][nR * bR];
        this.cA = new double[types * types][nA * bA];
        this.rcR = new double[types * types];
        this.rcA = new double[types * types];
        for (int ti = 0; ti < types; ti++) {
            for (int tj = 0; tj < types; tj++) {
                int pair = ti * types + tj;
                rcR[pair] = p.pairCutoffRadial(ti, tj);
                rcA[pair] = p.pairCutoffAngular(ti, tj);
                for (int n = 0; n < nR; n++) {
                    for (int k = 0; k < bR; k++) {
                        cR[pair][n * bR + k] = p.radialCoefficient(n, k, ti, tj);
                    }
                }
                for (int n = 0; n < nA; n++) {
                    for (int k = 0; k < bA; k++) {
                        cA[pair][n * bA + k] = p.angularCoefficient(n, k, ti, tj);
                    }
                }
            }
        }
        this.qScaler = p.qScaler();
        this.names = Collections.unmodifiableList(buildNames());
        this.work = ThreadLocal.withInitial(Work::new);
    }

    private List<String> buildNames() {
        List<String> list = new ArrayList<>(dim);
        for (int n = 0; n < nR; n++) {
            list.add("radial_n" + n);
        }
        for (int l = 1; l <= p.lMax(); l++) {
            for (int n = 0; n < nA; n++) {
                list.add("angular_l" + l + "_n" + n);
            }
        }
        if (p.lMax4Body() == 2) {
            for (int n = 0; n < nA; n++) {
                list.add("q222_n" + n);
            }
        }
        if (p.lMax5Body() == 1) {
            for (int n = 0; n < nA; n++) {
                list.add("q1111_n" + n);
            }
        }
        return list;
    }

    /**
     * Column of the radial descriptor q^i_n (named {@code radial_n<n>}).
     *
     * @throws IllegalArgumentException unless 0 &lt;= n &lt; n_max^R + 1
     */
    public int radialColumn(int n) {
        if (n < 0 || n >= nR) {
            throw new IllegalArgumentException("radial index n must be in 0.." + (nR - 1) + ", got " + n);
        }
        return n;
    }

    /**
     * Column of the three-body angular descriptor q^i_{nl} (named {@code angular_l<l>_n<n>}).
     *
     * @throws IllegalArgumentException unless 1 &lt;= l &lt;= l_max and 0 &lt;= n &lt; n_max^A + 1
     */
    public int angularColumn(int l, int n) {
        if (l < 1 || l > p.lMax() || n < 0 || n >= nA) {
            throw new IllegalArgumentException("need 1 <= l <= " + p.lMax() + " and 0 <= n <= " + (nA - 1)
                    + ", got l = " + l + ", n = " + n);
        }
        return nR + (l - 1) * nA + n;
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    /** Largest radial or angular cutoff of any species, Angstrom. */
    @Override
    public double cutoff() {
        return p.maxCutoff();
    }

    /** Index of the first component of the angular block of order l (1..l_max). */
    private int angularIndex(int l) {
        return nR + (l - 1) * nA;
    }

    private int species(int z, LocalEnvironment env, int j) {
        int t = z >= 0 && z < typeOfZ.length ? typeOfZ[z] : -1;
        if (t < 0) {
            String role = j < 0 ? "centre atom " + env.centre() : "neighbour " + env.neighbourIndex()[j]
                    + " of atom " + env.centre();
            throw new IllegalArgumentException(role + " has atomic number " + z + ", which is not one of the model's "
                    + "species " + p.species());
        }
        return t;
    }

    /**
     * Descriptor of one centre.
     *
     * @param env neighbours within {@link #cutoff()}, centre excluded; vectors and distances in Angstrom
     * @param out receives the {@link #featureCount()} components (already multiplied by q_scaler)
     * @throws IllegalArgumentException if the centre or a neighbour is not one of the model's species, or a
     *                                  neighbour sits at distance 0
     */
    @Override
    public void compute(LocalEnvironment env, double[] out) {
        Work w = work.get();
        accumulate(env, w, out);
        for (int d = 0; d < dim; d++) {
            out[d] *= qScaler[d];
        }
    }

    /** Unscaled q in {@code q} and the angular sums S_{nk} in w.s; returns the centre species. */
    private int accumulate(LocalEnvironment env, Work w, double[] q) {
        int ti = species(env.centreZ(), env, -1);
        Arrays.fill(q, 0, dim, 0.0);
        double[] s = w.s;
        Arrays.fill(s, 0.0);
        int[] zs = env.neighbourZ();
        double[] dist = env.distance();
        double[][] r = env.r();
        for (int j = 0; j < dist.length; j++) {
            double d = dist[j];
            int pair = ti * types + species(zs[j], env, j);
            if (d < rcR[pair]) {
                checkDistance(d, env, j);
                NepRadialBasis.values(bR - 1, rcR[pair], d, w.f);
                double[] c = cR[pair];
                for (int n = 0; n < nR; n++) {
                    double g = 0.0;
                    int o = n * bR;
                    for (int k = 0; k < bR; k++) {
                        g += c[o + k] * w.f[k];
                    }
                    q[n] += g;
                }
            }
            if (k3 > 0 && d < rcA[pair]) {
                checkDistance(d, env, j);
                NepRadialBasis.values(bA - 1, rcA[pair], d, w.f);
                double inv = 1.0 / d;
                angular.values(r[j][0] * inv, r[j][1] * inv, r[j][2] * inv, w.h, w.scratch);
                double[] c = cA[pair];
                for (int n = 0; n < nA; n++) {
                    double g = 0.0;
                    int o = n * bA;
                    for (int k = 0; k < bA; k++) {
                        g += c[o + k] * w.f[k];
                    }
                    int so = n * k3;
                    for (int k = 0; k < k3; k++) {
                        s[so + k] += g * w.h[k];
                    }
                }
            }
        }
        for (int n = 0; n < nA; n++) {
            int so = n * k3;
            for (int l = 1; l <= p.lMax(); l++) {
                q[angularIndex(l) + n] = angular.threeBody(s, so, l);
            }
            int b = angularIndex(p.lMax() + 1);
            if (p.lMax4Body() == 2) {
                q[b + n] = NepAngularBasis.fourBody(s, so);
                b += nA;
            }
            if (p.lMax5Body() == 1) {
                q[b + n] = NepAngularBasis.fiveBody(s, so);
            }
        }
        return ti;
    }

    private static void checkDistance(double d, LocalEnvironment env, int j) {
        if (!(d > 0)) {
            throw new IllegalArgumentException("neighbour " + env.neighbourIndex()[j] + " of atom " + env.centre()
                    + " is at distance " + d + " A; NEP needs distinct positions");
        }
    }

    /**
     * Descriptor and its derivatives with respect to each neighbour vector r_ij = r_j - r_i:
     * dqdr[j][d][a] = d q_d / d (r_ij)_a (times q_scaler[d], like the values). The derivative with respect
     * to the centre position is minus the sum over j; if an atom appears as several periodic images, its
     * derivative is the sum over its images. Entries of neighbours outside every pair cutoff are zero.
     *
     * @param env  neighbours within {@link #cutoff()}
     * @param out  receives the {@link #featureCount()} components
     * @param dqdr receives the derivatives, shape [env.size()][featureCount()][3], 1/Angstrom times the unit
     *             of q
     * @throws IllegalArgumentException as {@link #compute(LocalEnvironment, double[])}, or on a wrong shape
     */
    @Override
    public void computeWithGradient(LocalEnvironment env, double[] out, double[][][] dqdr) {
        int m = env.size();
        if (dqdr.length != m) {
            throw new IllegalArgumentException("dqdr must have one row per neighbour (" + m + "), got " + dqdr.length);
        }
        Work w = work.get();
        int ti = accumulate(env, w, out);
        // dq/dS for the three-body weights, the four-body and the five-body blocks
        double[] s = w.s;
        double[] d4 = w.d4;
        double[] d5 = w.d5;
        for (int n = 0; n < nA; n++) {
            if (p.lMax4Body() == 2) {
                NepAngularBasis.fourBodyDerivative(s, n * k3, w.tmp5);
                System.arraycopy(w.tmp5, 0, d4, n * 5, 5);
            }
            if (p.lMax5Body() == 1) {
                NepAngularBasis.fiveBodyDerivative(s, n * k3, w.tmp5);
                System.arraycopy(w.tmp5, 0, d5, n * 3, 3);
            }
        }
        int idx4 = angularIndex(p.lMax() + 1);
        int idx5 = idx4 + (p.lMax4Body() == 2 ? nA : 0);
        int[] zs = env.neighbourZ();
        double[] dist = env.distance();
        double[][] r = env.r();
        for (int j = 0; j < m; j++) {
            double[][] g = dqdr[j];
            if (g.length != dim) {
                throw new IllegalArgumentException("dqdr[" + j + "] must have " + dim + " rows, got " + g.length);
            }
            for (double[] row : g) {
                Arrays.fill(row, 0.0);
            }
            double d = dist[j];
            int pair = ti * types + typeOfZ[zs[j]];
            double inv = 1.0 / d;
            double ux = r[j][0] * inv;
            double uy = r[j][1] * inv;
            double uz = r[j][2] * inv;
            if (d < rcR[pair]) {
                NepRadialBasis.valuesAndDerivatives(bR - 1, rcR[pair], d, w.f, w.fp);
                double[] c = cR[pair];
                for (int n = 0; n < nR; n++) {
                    double gp = 0.0;
                    int o = n * bR;
                    for (int k = 0; k < bR; k++) {
                        gp += c[o + k] * w.fp[k];
                    }
                    g[n][0] = gp * ux;
                    g[n][1] = gp * uy;
                    g[n][2] = gp * uz;
                }
            }
            if (k3 > 0 && d < rcA[pair]) {
                NepRadialBasis.valuesAndDerivatives(bA - 1, rcA[pair], d, w.f, w.fp);
                angular.valuesAndGradients(ux, uy, uz, w.h, w.gx, w.gy, w.gz, w.scratch);
                // gradient of h_k(r / |r|) with respect to r: tangential part of grad h, divided by |r|
                for (int k = 0; k < k3; k++) {
                    double radial = ux * w.gx[k] + uy * w.gy[k] + uz * w.gz[k];
                    w.gx[k] = (w.gx[k] - radial * ux) * inv;
                    w.gy[k] = (w.gy[k] - radial * uy) * inv;
                    w.gz[k] = (w.gz[k] - radial * uz) * inv;
                }
                double[] c = cA[pair];
                for (int n = 0; n < nA; n++) {
                    double gn = 0.0;
                    double gp = 0.0;
                    int o = n * bA;
                    for (int k = 0; k < bA; k++) {
                        gn += c[o + k] * w.f[k];
                        gp += c[o + k] * w.fp[k];
                    }
                    int so = n * k3;
                    // dS_k/dr = gp u h_k + gn grad h_k
                    for (int l = 1; l <= p.lMax(); l++) {
                        double[] row = g[angularIndex(l) + n];
                        int b = NepAngularBasis.start(l);
                        for (int k = b; k < b + 2 * l + 1; k++) {
                            double a = 2.0 * angular.weight(k) * s[so + k];
                            accumulate(row, a, gp, gn, ux, uy, uz, w, k);
                        }
                    }
                    if (p.lMax4Body() == 2) {
                        double[] row = g[idx4 + n];
                        for (int k = 0; k < 5; k++) {
                            accumulate(row, d4[n * 5 + k], gp, gn, ux, uy, uz, w, 3 + k);
                        }
                    }
                    if (p.lMax5Body() == 1) {
                        double[] row = g[idx5 + n];
                        for (int k = 0; k < 3; k++) {
                            accumulate(row, d5[n * 3 + k], gp, gn, ux, uy, uz, w, k);
                        }
                    }
                }
            }
            for (int f = 0; f < dim; f++) {
                double sc = qScaler[f];
                g[f][0] *= sc;
                g[f][1] *= sc;
                g[f][2] *= sc;
            }
        }
        for (int f = 0; f < dim; f++) {
            out[f] *= qScaler[f];
        }
    }

    private static void accumulate(double[] row, double a, double gp, double gn, double ux, double uy, double uz,
                                   Work w, int k) {
        double radial = a * gp * w.h[k];
        double tangential = a * gn;
        row[0] += radial * ux + tangential * w.gx[k];
        row[1] += radial * uy + tangential * w.gy[k];
        row[2] += radial * uz + tangential * w.gz[k];
    }

    /** Number K of real harmonic components h_kappa of the angular terms, l = 1..l_max^3b (l_max (l_max + 2)). */
    public int angularComponentCount() {
        return k3;
    }

    /**
     * Order l of the harmonic component kappa (components are stored l by l: h_l0, h_l1c, h_l1s, ..., h_llc,
     * h_lls).
     *
     * @throws IllegalArgumentException unless 0 &lt;= kappa &lt; {@link #angularComponentCount()}
     */
    public int angularOrder(int kappa) {
        if (kappa < 0 || kappa >= k3) {
            throw new IllegalArgumentException("kappa must be in 0.." + (k3 - 1) + ", got " + kappa);
        }
        int l = 1;
        while (NepAngularBasis.start(l + 1) <= kappa) {
            l++;
        }
        return l;
    }

    /** Weight w_kappa of q_nl = sum over the components kappa of order l of w_kappa S_{n kappa}^2. */
    public double angularWeight(int kappa) {
        angularOrder(kappa);
        return angular.weight(kappa);
    }

    /**
     * The constants (K0, K1, K2, K3) of the four-body term q_n222 = K0 u0^3 + K1 u0 (u1c^2 + u1s^2)
     * + K2 u0 (u2c^2 + u2s^2) + K3 [u2c (u1c^2 - u1s^2) + 2 u2s u1c u1s] of the five l = 2 sums u (components
     * kappa = 3..7), NEP_CPU's C4B.
     */
    public static double[] fourBodyConstants() {
        return new double[]{NepAngularBasis.K0, NepAngularBasis.K1, NepAngularBasis.K2, NepAngularBasis.K3};
    }

    /**
     * The terms of one neighbour entry j from which q and its gradient follow for any coefficients c (for training
     * c): f_k and df_k/dr of the radial basis (k = 0..N_bas^R; zero beyond the radial pair cutoff), of the angular
     * basis (k = 0..N_bas^A; zero beyond the angular pair cutoff), the harmonic components h_kappa(u) of
     * u = r_ij / r_ij and their gradients with respect to r_ij (tangential, divided by r_ij), gx[kappa] =
     * d h_kappa / d (r_ij)_x etc. Per Angstrom for derivatives.
     *
     * @throws IllegalArgumentException if a species is not one of the model's or the neighbour sits at distance 0
     */
    public void basisTerms(LocalEnvironment env, int j, double[] fR, double[] fpR, double[] fA, double[] fpA,
                           double[] h, double[] gx, double[] gy, double[] gz) {
        Work w = work.get();
        int ti = species(env.centreZ(), env, -1);
        int pair = ti * types + species(env.neighbourZ()[j], env, j);
        double d = env.distance()[j];
        checkDistance(d, env, j);
        NepRadialBasis.valuesAndDerivatives(bR - 1, rcR[pair], d, fR, fpR);
        NepRadialBasis.valuesAndDerivatives(bA - 1, rcA[pair], d, fA, fpA);
        double inv = 1.0 / d;
        double ux = env.r()[j][0] * inv;
        double uy = env.r()[j][1] * inv;
        double uz = env.r()[j][2] * inv;
        angular.valuesAndGradients(ux, uy, uz, h, gx, gy, gz, w.scratch);
        for (int k = 0; k < k3; k++) {
            double radial = ux * gx[k] + uy * gy[k] + uz * gz[k];
            gx[k] = (gx[k] - radial * ux) * inv;
            gy[k] = (gy[k] - radial * uy) * inv;
            gz[k] = (gz[k] - radial * uz) * inv;
        }
    }

    /**
     * Convenience form of {@link #computeWithGradient(LocalEnvironment, double[], double[][][])} that allocates
     * the derivative array, shape [env.size()][featureCount()][3].
     */
    public double[][][] gradient(LocalEnvironment env, double[] out) {
        double[][][] dqdr = new double[env.size()][dim][3];
        computeWithGradient(env, out, dqdr);
        return dqdr;
    }

    /** Per-thread work arrays. */
    private final class Work {
        final double[] f = new double[Math.max(bR, bA)];
        final double[] fp = new double[Math.max(bR, bA)];
        final double[] s = new double[nA * Math.max(k3, 1)];
        final double[] h = new double[Math.max(k3, 1)];
        final double[] gx = new double[Math.max(k3, 1)];
        final double[] gy = new double[Math.max(k3, 1)];
        final double[] gz = new double[Math.max(k3, 1)];
        final double[] scratch = new double[angular.scratchLength()];
        final double[] d4 = new double[nA * 5];
        final double[] d5 = new double[nA * 3];
        final double[] tmp5 = new double[5];
    }
}
