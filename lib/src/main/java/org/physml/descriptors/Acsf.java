package org.physml.descriptors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.physml.math.Lazy;
import org.physml.math.PiecewisePolynomialTable;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;

/**
 * Atom-centred symmetry functions (ACSF) of J. Behler, J. Chem. Phys. 134, 074106 (2011), with the
 * numbers and the feature order of DScribe 2.1's {@code ACSF} descriptor.
 *
 * <p>With f_c the cosine cutoff {@link CutoffFunction#cosine(double)} (f_c(R) = 0.5 (cos(pi R / r_cut) + 1)
 * for R &lt;= r_cut), distances in Angstrom and theta_ijk the angle at the centre i between neighbours j and k:
 * <pre>
 *   G1            = sum_j f_c(R_ij)
 *   G2[eta, R_s]  = sum_j exp(-eta (R_ij - R_s)^2) f_c(R_ij)
 *   G3[kappa]     = sum_j cos(kappa R_ij) f_c(R_ij)
 *   G4[eta, zeta, lambda] = sum_{j &lt; k} 2^(1-zeta) (1 + lambda cos theta_ijk)^zeta
 *                           exp(-eta (R_ij^2 + R_ik^2 + R_jk^2)) f_c(R_ij) f_c(R_ik) f_c(R_jk)
 *   G5[eta, zeta, lambda] = sum_{j &lt; k} 2^(1-zeta) (1 + lambda cos theta_ijk)^zeta
 *                           exp(-eta (R_ij^2 + R_ik^2)) f_c(R_ij) f_c(R_ik)
 * </pre>
 * The angular sums run over unordered neighbour pairs, each pair once (DScribe's convention, and n2p2's
 * j &lt; k; a sum over all ordered pairs j != k would count each pair twice). 2^(1-zeta) (1 + lambda cos)^zeta equals DScribe's
 * 2 ((1 + lambda cos)/2)^zeta. In G4 a pair with R_jk &gt; r_cut contributes nothing (f_c(R_jk) = 0); G5 has
 * no R_jk term. Units: eta in 1/Angstrom^2, R_s in Angstrom, kappa in 1/Angstrom, zeta and lambda dimensionless.
 *
 * <p><b>Feature order</b> (that of DScribe 2.1), with the S species sorted by atomic number: first, for each
 * neighbour species s = 0..S-1, the block [G1, G2 (in g2Params order), G3 (in g3Params order)]; then, for each
 * unordered species pair in the order (0,0), (1,0), (1,1), (2,0), (2,1), (2,2), ... (pair (a, b), a &gt;= b, at
 * position a (a+1)/2 + b), the block [G4 (in g4Params order), G5 (in g5Params order)]. The length is
 * S (1 + n_G2 + n_G3) + S (S+1)/2 (n_G4 + n_G5). The centre's own species is not encoded. Feature names look like
 * {@code "G1|H"}, {@code "G2[eta=0.01,Rs=0]|H"}, {@code "G3[kappa=1]|O"},
 * {@code "G4[eta=0.005,zeta=1,lambda=1]|H-O"} (pair species by ascending Z).
 *
 * <p>Build one with {@link #builder()} (named parameters, like DScribe's constructor), e.g.
 * <pre>
 *   Acsf acsf = Acsf.builder().rCut(6.0).species("H", "O")
 *           .g2Params(new double[][]{{1, 1}, {1, 2}}).g3Params(1, 2)
 *           .g4Params(new double[][]{{0.005, 1, 1}}).g5Params(new double[][]{{0.005, 1, -1}}).build();
 *   double[][] x = acsf.compute(water);   // [n_atoms][acsf.featureCount()]
 * </pre>
 * A different radial weight (e.g. {@link CutoffFunction#sigmoid}) may replace the cosine cutoff through
 * {@link Builder#cutoffFunction(CutoffFunction)}; the numbers then no longer correspond to DScribe's.
 *
 * <p>Immutable and thread-safe.
 */
public final class Acsf extends ParameterisedDescriptor<AcsfParameters> implements LocalDescriptor {
    private final CutoffFunction fc;
    private final double rCut;
    private final AcsfSpecies species;
    private final double[][] g2, g4, g5;
    private final double[] g3;
    private final int nG2, nG3, nG4, nG5, radialBlock, angularBlock, angularOffset, featureCount;

    // Precomputed for the angular loop: distinct etas (per G4 and per G5), distinct (zeta, lambda) pairs.
    private final double[] g4Etas, g5Etas;
    private final int[] g4EtaIndex, g5EtaIndex;
    private final double[] angZeta, angLambda, angPrefactor;
    private final int[] angIntZeta;
    private final int[] g4AngIndex, g5AngIndex;
    /**
     * For the cosine cutoff, the R_jk factors f_c(R) exp(-eta_e R^2) of G4 for the distinct etas, tabulated as
     * functions of s = R^2 on [0, r_cut^2] (smooth there: cos(pi sqrt(s)/r_cut) is a power series in s), so that
     * a pair costs one table lookup instead of a square root, a cosine and the exponentials; null for other
     * cutoffs (the sigmoid jumps to 0 at r_cut) and without G4.
     */
    private final Lazy<PiecewisePolynomialTable> pairTable;
    private final List<String> names;

    /** Polynomial degree of the tabulated R_jk factors of G4. */
    public static final int PAIR_TABLE_DEGREE = 7;
    /** Largest error of the tabulated R_jk factors of G4, relative to each factor's largest value (1). */
    public static final double PAIR_TABLE_TOLERANCE = 1e-14;

    Acsf(AcsfParameters p) {
        super(p);
        this.fc = p.cutoff();
        this.rCut = fc.rCut();
        this.species = AcsfSpecies.ofAtomicNumbers(p.species().stream().mapToInt(Integer::intValue).toArray());
        this.g2 = p.g2Params().stream().map(t -> new double[]{t.eta(), t.rS()}).toArray(double[][]::new);
        this.g3 = p.g3Params().stream().mapToDouble(Double::doubleValue).toArray();
        this.g4 = p.g4Params().stream().map(t -> new double[]{t.eta(), t.zeta(), t.lambda()}).toArray(double[][]::new);
        this.g5 = p.g5Params().stream().map(t -> new double[]{t.eta(), t.zeta(), t.lambda()}).toArray(double[][]::new);
        nG2 = g2.length;
        nG3 = g3.length;
        nG4 = g4.length;
        nG5 = g5.length;
        int nS = species.size();
        radialBlock = 1 + nG2 + nG3;
        angularBlock = nG4 + nG5;
        angularOffset = nS * radialBlock;
        featureCount = angularOffset + nS * (nS + 1) / 2 * angularBlock;

        g4EtaIndex = new int[nG4];
        g4Etas = distinct(g4, 0, g4EtaIndex);
        g5EtaIndex = new int[nG5];
        g5Etas = distinct(g5, 0, g5EtaIndex);

        List<double[]> ang = new ArrayList<>();
        g4AngIndex = new int[nG4];
        g5AngIndex = new int[nG5];
        for (int t = 0; t < nG4; t++) {
            g4AngIndex[t] = indexOfZetaLambda(ang, g4[t][1], g4[t][2]);
        }
        for (int t = 0; t < nG5; t++) {
            g5AngIndex[t] = indexOfZetaLambda(ang, g5[t][1], g5[t][2]);
        }
        int nA = ang.size();
        angZeta = new double[nA];
        angLambda = new double[nA];
        angPrefactor = new double[nA];
        angIntZeta = new int[nA];
        for (int a = 0; a < nA; a++) {
            angZeta[a] = ang.get(a)[0];
            angLambda[a] = ang.get(a)[1];
            angPrefactor[a] = Math.pow(2.0, 1.0 - angZeta[a]);
            boolean integral = angZeta[a] == Math.rint(angZeta[a]) && angZeta[a] <= 1 << 20;
            angIntZeta[a] = integral ? (int) angZeta[a] : -1;
        }
        names = Collections.unmodifiableList(buildNames());
        pairTable = fc instanceof CutoffFunction.Cosine && nG4 > 0
                ? new Lazy<>(() -> PiecewisePolynomialTable.fit(this::exactPairFactors, g4Etas.length, rCut * rCut,
                        PAIR_TABLE_DEGREE, PAIR_TABLE_TOLERANCE))
                : null;
    }

    /** f_c(sqrt(s)) exp(-eta_e s) for the distinct G4 etas, exactly; s = R^2 in Angstrom^2. */
    private double[] exactPairFactors(double s) {
        double[] v = new double[g4Etas.length];
        exactPairFactors(s, v);
        return v;
    }

    /** As {@link #exactPairFactors(double)}, into out (length: the distinct G4 etas). */
    private void exactPairFactors(double s, double[] out) {
        double f = fc.value(Math.sqrt(s));
        for (int e = 0; e < out.length; e++) {
            out[e] = f * Math.exp(-g4Etas[e] * s);
        }
    }

    /** A builder taking DScribe's named parameters (r_cut, species, g2..g5 params). */
    public static Builder builder() {
        return new Builder();
    }

    private static double[] distinct(double[][] params, int column, int[] indexOut) {
        double[] values = new double[params.length];
        int n = 0;
        for (int t = 0; t < params.length; t++) {
            double v = params[t][column];
            int found = -1;
            for (int k = 0; k < n; k++) {
                if (values[k] == v) {
                    found = k;
                    break;
                }
            }
            if (found < 0) {
                values[n] = v;
                found = n++;
            }
            indexOut[t] = found;
        }
        return Arrays.copyOf(values, n);
    }

    private static int indexOfZetaLambda(List<double[]> list, double zeta, double lambda) {
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k)[0] == zeta && list.get(k)[1] == lambda) {
                return k;
            }
        }
        list.add(new double[]{zeta, lambda});
        return list.size() - 1;
    }

    private List<String> buildNames() {
        List<String> n = new ArrayList<>(featureCount);
        int nS = species.size();
        for (int s = 0; s < nS; s++) {
            String sym = AcsfSpecies.symbol(species.z(s));
            n.add("G1|" + sym);
            for (double[] p : g2) {
                n.add("G2[eta=" + fmt(p[0]) + ",Rs=" + fmt(p[1]) + "]|" + sym);
            }
            for (double kappa : g3) {
                n.add("G3[kappa=" + fmt(kappa) + "]|" + sym);
            }
        }
        for (int a = 0; a < nS; a++) {
            for (int b = 0; b <= a; b++) {
                String pair = AcsfSpecies.symbol(species.z(b)) + "-" + AcsfSpecies.symbol(species.z(a));
                for (double[] p : g4) {
                    n.add("G4[eta=" + fmt(p[0]) + ",zeta=" + fmt(p[1]) + ",lambda=" + fmt(p[2]) + "]|" + pair);
                }
                for (double[] p : g5) {
                    n.add("G5[eta=" + fmt(p[0]) + ",zeta=" + fmt(p[1]) + ",lambda=" + fmt(p[2]) + "]|" + pair);
                }
            }
        }
        return n;
    }

    /** Shortest decimal form of a parameter for feature names: 1 rather than 1.0. */
    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    /**
     * Columns of one species block, as DScribe's {@code ACSF.get_location}: for one atomic number the radial block
     * of that neighbour species (G1, its G2, its G3), for two the angular block of that neighbour pair, in either
     * order (its G4, its G5). Returns {start, end}: the block is columns start..end-1.
     *
     * @throws IllegalArgumentException if not one or two atomic numbers are given or a species is not configured
     *                                  (the message lists the species)
     */
    public int[] location(int... z) {
        if (z == null || z.length < 1 || z.length > 2) {
            throw new IllegalArgumentException("give one atomic number (radial block) or two (angular block), got "
                    + (z == null ? "none" : Arrays.toString(z)));
        }
        int[] s = new int[z.length];
        for (int k = 0; k < z.length; k++) {
            s[k] = species.index(z[k]);
            if (s[k] < 0) {
                throw new IllegalArgumentException("species Z = " + z[k] + " is not configured; expected one of "
                        + Arrays.toString(species.atomicNumbers()));
            }
        }
        if (s.length == 1) {
            return new int[]{s[0] * radialBlock, (s[0] + 1) * radialBlock};
        }
        int a = Math.max(s[0], s[1]), b = Math.min(s[0], s[1]);
        int start = angularOffset + (a * (a + 1) / 2 + b) * angularBlock;   // the layout compute() writes
        return new int[]{start, start + angularBlock};
    }

    /** The radius r_cut of the radial weight, Angstrom. */
    @Override
    public double cutoff() {
        return rCut;
    }

    /** The species as atomic numbers in feature order (ascending Z). */
    public int[] species() {
        return species.atomicNumbers();
    }

    /**
     * ACSF of one centre. Neighbours of {@code env} beyond r_cut are ignored (their weight is 0).
     *
     * @param env neighbours of the centre (for example from {@code NeighbourList.build(s, cutoff())})
     * @param out receives the {@link #featureCount()} features in the order described in the class documentation
     * @throws IllegalArgumentException if out has the wrong length, the centre or a neighbour within r_cut has a
     *                                  species not in the species list, or a neighbour sits at distance 0
     */
    @Override
    public void compute(LocalEnvironment env, double[] out) {
        if (out.length != featureCount) {
            throw new IllegalArgumentException("output array has length " + out.length + ", expected "
                    + featureCount);
        }
        if (species.index(env.centreZ()) < 0) {
            throw new IllegalArgumentException("centre atom " + env.centre() + " has atomic number " + env.centreZ()
                    + ", which is not in this ACSF's species list " + species);
        }
        Arrays.fill(out, 0.0);
        double[] dist = env.distance();
        double[][] vec = env.r();
        int[] zs = env.neighbourZ();
        int m0 = env.size();

        // Per-neighbour quantities, computed once: kept neighbours (R <= r_cut), species index, f_c.
        int[] keep = new int[m0];
        int[] sp = new int[m0];
        double[] w = new double[m0];
        int m = 0;
        for (int q = 0; q < m0; q++) {
            double r = dist[q];
            if (r > rCut) {
                continue;
            }
            int s = species.index(zs[q]);
            if (s < 0) {
                throw new IllegalArgumentException("neighbour atom " + env.neighbourIndex()[q] + " of centre "
                        + env.centre() + " has atomic number " + zs[q] + ", which is not in this ACSF's species"
                        + " list " + species);
            }
            if (!(r > 0)) {
                throw new IllegalArgumentException("neighbour atom " + env.neighbourIndex()[q] + " of centre "
                        + env.centre() + " is at distance " + r + " Angstrom; symmetry functions need distinct"
                        + " positions");
            }
            double f = fc.value(r);
            keep[m] = q;
            sp[m] = s;
            w[m] = f;
            m++;
            int o = s * radialBlock;
            out[o++] += f;
            for (int t = 0; t < nG2; t++) {
                double x = r - g2[t][1];
                out[o++] += Math.exp(-g2[t][0] * x * x) * f;
            }
            for (int t = 0; t < nG3; t++) {
                out[o++] += Math.cos(g3[t] * r) * f;
            }
        }
        if (angularBlock > 0 && m > 1) {
            angular(vec, dist, keep, sp, w, m, out);
        }
    }

    /**
     * G4 and G5 of one centre. The neighbours are grouped by species; then, for each neighbour j, the factors of
     * all pairs (j, k &lt; j) are computed as rows over k (cos theta_ijk, the angular terms
     * 2^(1-zeta) (1 + lambda cos)^zeta, and for G4 the R_jk factor f_c(R_jk) exp(-eta R_jk^2)), loops the JIT can
     * vectorise, and each G4/G5 term of a species pair is one sum over its run of k.
     */
    private void angular(double[][] vec, double[] dist, int[] keep, int[] sp, double[] w, int m, double[] out) {
        int nS = species.size();
        int[] start = new int[nS + 1];
        for (int q = 0; q < m; q++) {
            start[sp[q] + 1]++;
        }
        for (int t = 0; t < nS; t++) {
            start[t + 1] += start[t];
        }
        int[] next = Arrays.copyOf(start, nS);
        double[] x = new double[m], y = new double[m], z = new double[m], r2 = new double[m], ws = new double[m];
        double[] ux = new double[m], uy = new double[m], uz = new double[m];
        int[] spS = new int[m];
        for (int q = 0; q < m; q++) {
            int j = next[sp[q]]++;
            double[] v = vec[keep[q]];
            double r = dist[keep[q]];
            x[j] = v[0];
            y[j] = v[1];
            z[j] = v[2];
            r2[j] = r * r;
            ux[j] = v[0] / r;
            uy[j] = v[1] / r;
            uz[j] = v[2] / r;
            ws[j] = w[q];
            spS[j] = sp[q];
        }
        // f_c(R) exp(-eta R^2) per neighbour and distinct eta: the (j, k) weight of G4 and G5 is a product of two.
        double[][] e4 = weightedExpTable(g4Etas, r2, ws, m);
        double[][] e5 = weightedExpTable(g5Etas, r2, ws, m);
        int nA = angZeta.length;
        double[] cos = new double[m];
        double[] base = new double[m];
        double[][] ang = new double[nA][m];
        double[] rjk2 = new double[m];
        double[][] pair = new double[g4Etas.length][m];
        double[] ejk = new double[g4Etas.length];
        PiecewisePolynomialTable table = pairTable == null ? null : pairTable.get();

        for (int j = 1; j < m; j++) {
            double xj = x[j], yj = y[j], zj = z[j], uxj = ux[j], uyj = uy[j], uzj = uz[j];
            for (int k = 0; k < j; k++) {
                // rounding can push |cos| a hair above 1; (1 + lambda cos)^zeta needs a base >= 0
                cos[k] = Math.max(-1.0, Math.min(1.0, uxj * ux[k] + uyj * uy[k] + uzj * uz[k]));
            }
            for (int a = 0; a < nA; a++) {
                angularTerms(a, cos, j, base, ang[a]);
            }
            if (nG4 > 0) {
                for (int k = 0; k < j; k++) {
                    double dx = x[k] - xj, dy = y[k] - yj, dz = z[k] - zj;
                    rjk2[k] = dx * dx + dy * dy + dz * dz;
                }
                pairFactors(rjk2, j, table, ejk, pair);
            }
            int sj = spS[j];
            for (int sk = 0; sk < nS && start[sk] < j; sk++) {
                int from = start[sk], to = Math.min(start[sk + 1], j);
                int hi = Math.max(sj, sk), lo = Math.min(sj, sk);
                int off = angularOffset + (hi * (hi + 1) / 2 + lo) * angularBlock;
                for (int t = 0; t < nG4; t++) {
                    int e = g4EtaIndex[t];
                    out[off + t] += e4[e][j] * sum(ang[g4AngIndex[t]], e4[e], pair[e], from, to);
                }
                for (int t = 0; t < nG5; t++) {
                    int e = g5EtaIndex[t];
                    out[off + nG4 + t] += e5[e][j] * sum(ang[g5AngIndex[t]], e5[e], from, to);
                }
            }
        }
    }

    /**
     * out[k] = 2^(1-zeta) (1 + lambda cos[k])^zeta of the a-th (zeta, lambda) pair for k &lt; count: repeated
     * squaring, each step one loop over k, for integral zeta; Math.pow otherwise.
     */
    private void angularTerms(int a, double[] cos, int count, double[] base, double[] out) {
        double lambda = angLambda[a];
        double prefactor = angPrefactor[a];
        int n = angIntZeta[a];
        if (n < 0) {
            double zeta = angZeta[a];
            for (int k = 0; k < count; k++) {
                out[k] = prefactor * Math.pow(1.0 + lambda * cos[k], zeta);
            }
            return;
        }
        for (int k = 0; k < count; k++) {
            base[k] = 1.0 + lambda * cos[k];
            out[k] = prefactor;
        }
        while (n > 0) {
            if ((n & 1) != 0) {
                for (int k = 0; k < count; k++) {
                    out[k] *= base[k];
                }
            }
            n >>= 1;
            if (n > 0) {
                for (int k = 0; k < count; k++) {
                    base[k] *= base[k];
                }
            }
        }
    }

    /**
     * pair[e][k] = f_c(R_jk) exp(-eta_e R_jk^2) for k &lt; count, 0 beyond r_cut (f_c(r_cut) = 0 for every
     * cutoff form, so a pair at exactly r_cut adds nothing either): one table lookup per pair within r_cut, or a
     * cosine and the exponentials. (Looking up every pair at once, capped and masked, was slower: half the pairs
     * lie beyond r_cut.)
     */
    private void pairFactors(double[] rjk2, int count, PiecewisePolynomialTable table, double[] ejk,
                             double[][] pair) {
        double rc2 = rCut * rCut;
        for (int k = 0; k < count; k++) {
            double s = rjk2[k];
            if (s >= rc2) {
                for (double[] row : pair) {
                    row[k] = 0.0;
                }
                continue;
            }
            if (table != null) {
                table.evaluate(s, ejk);
            } else {
                exactPairFactors(s, ejk);
            }
            for (int e = 0; e < ejk.length; e++) {
                pair[e][k] = ejk[e];
            }
        }
    }

    /** sum over k in [from, to) of a[k] b[k], four partial sums. */
    private static double sum(double[] a, double[] b, int from, int to) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        int k = from;
        for (; k + 4 <= to; k += 4) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
            s2 += a[k + 2] * b[k + 2];
            s3 += a[k + 3] * b[k + 3];
        }
        for (; k < to; k++) {
            s0 += a[k] * b[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** sum over k in [from, to) of a[k] b[k] c[k], four partial sums. */
    private static double sum(double[] a, double[] b, double[] c, int from, int to) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        int k = from;
        for (; k + 4 <= to; k += 4) {
            s0 += a[k] * b[k] * c[k];
            s1 += a[k + 1] * b[k + 1] * c[k + 1];
            s2 += a[k + 2] * b[k + 2] * c[k + 2];
            s3 += a[k + 3] * b[k + 3] * c[k + 3];
        }
        for (; k < to; k++) {
            s0 += a[k] * b[k] * c[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** w_j exp(-eta_e R_j^2) at [e][j], for the weights w_j = f_c(R_j). */
    private static double[][] weightedExpTable(double[] etas, double[] r2, double[] w, int m) {
        double[][] t = new double[etas.length][m];
        for (int e = 0; e < etas.length; e++) {
            for (int j = 0; j < m; j++) {
                t[e][j] = w[j] * Math.exp(-etas[e] * r2[j]);
            }
        }
        return t;
    }

    /**
     * Named parameters of {@link Acsf}, mirroring DScribe's {@code ACSF(r_cut, g2_params, g3_params, g4_params,
     * g5_params, species)}. r_cut and species are required; each of g2..g5 defaults to none. Every setter
     * copies its argument; {@link #build()} validates.
     */
    public static final class Builder {
        private double rCut = Double.NaN;
        private AcsfSpecies species;
        private List<AcsfParameters.G2> g2 = List.of();
        private List<Double> g3 = List.of();
        private List<AcsfParameters.Angular> g4 = List.of(), g5 = List.of();
        private CutoffFunction cutoffFunction;

        private Builder() {
        }

        /**
         * Cutoff radius r_cut, Angstrom, positive and finite.
         *
         * @throws IllegalArgumentException if rCut is not a positive finite number
         */
        public Builder rCut(double rCut) {
            NeighbourList.checkCutoff(rCut);
            this.rCut = rCut;
            return this;
        }

        /**
         * Species as atomic numbers, in any order (the features use ascending Z), without duplicates.
         *
         * @throws IllegalArgumentException if empty, a Z is outside 1..118 or listed twice
         */
        public Builder species(int... atomicNumbers) {
            this.species = AcsfSpecies.ofAtomicNumbers(atomicNumbers);
            return this;
        }

        /**
         * Species as chemical symbols such as "H", "O", "Si", without duplicates.
         *
         * @throws IllegalArgumentException if empty, a symbol is unknown or listed twice
         */
        public Builder species(String... symbols) {
            this.species = AcsfSpecies.ofSymbols(symbols);
            return this;
        }

        /**
         * G2 parameters, shape [n_G2][2]: rows {eta, R_s}, eta &gt;= 0 in 1/Angstrom^2, R_s in Angstrom.
         *
         * @throws IllegalArgumentException on a row that is not of length 2, a negative or non-finite eta, or a
         *                                  non-finite R_s
         */
        public Builder g2Params(double[][] params) {
            double[][] p = rows("g2Params", params, 2, "{eta, R_s}");
            List<AcsfParameters.G2> terms = new ArrayList<>();
            for (int t = 0; t < p.length; t++) {
                double[] row = p[t];
                terms.add(row("g2Params", t, () -> new AcsfParameters.G2(row[0], row[1])));
            }
            this.g2 = terms;
            return this;
        }

        /**
         * G3 parameters kappa, 1/Angstrom, finite.
         *
         * @throws IllegalArgumentException on a non-finite kappa
         */
        public Builder g3Params(double... kappas) {
            Objects.requireNonNull(kappas, "g3Params");
            for (int t = 0; t < kappas.length; t++) {
                if (!Double.isFinite(kappas[t])) {
                    throw new IllegalArgumentException("g3Params[" + t + "]: kappa must be finite, got " + kappas[t]);
                }
            }
            this.g3 = Arrays.stream(kappas).boxed().toList();
            return this;
        }

        /**
         * G4 parameters, shape [n_G4][3]: rows {eta, zeta, lambda} with eta &gt;= 0 (1/Angstrom^2),
         * zeta &gt; 0 and lambda = +1 or -1.
         *
         * @throws IllegalArgumentException on a malformed row or a parameter out of range
         */
        public Builder g4Params(double[][] params) {
            this.g4 = angularParams("g4Params", params);
            return this;
        }

        /**
         * G5 parameters, shape [n_G5][3]: rows {eta, zeta, lambda} with eta &gt;= 0 (1/Angstrom^2),
         * zeta &gt; 0 and lambda = +1 or -1.
         *
         * @throws IllegalArgumentException on a malformed row or a parameter out of range
         */
        public Builder g5Params(double[][] params) {
            this.g5 = angularParams("g5Params", params);
            return this;
        }

        /**
         * Replaces the cosine cutoff by another radial weight (then r_cut is taken from it, and must agree
         * with {@link #rCut(double)} if that was also given). The features then differ from DScribe's.
         */
        public Builder cutoffFunction(CutoffFunction f) {
            this.cutoffFunction = Objects.requireNonNull(f, "cutoffFunction");
            return this;
        }

        /**
         * @throws IllegalArgumentException if r_cut (or a cutoff function) or the species were not given, or
         *                                  r_cut disagrees with the cutoff function's radius
         */
        public Acsf build() {
            if (species == null) {
                throw new IllegalArgumentException("ACSF needs a species list (atomic numbers or chemical symbols)");
            }
            if (cutoffFunction == null && Double.isNaN(rCut)) {
                throw new IllegalArgumentException("ACSF needs r_cut (Angstrom) or a cutoff function");
            }
            if (cutoffFunction != null && !Double.isNaN(rCut) && cutoffFunction.rCut() != rCut) {
                throw new IllegalArgumentException("r_cut = " + rCut + " Angstrom disagrees with the radius "
                        + cutoffFunction.rCut() + " Angstrom of the cutoff function " + cutoffFunction);
            }
            CutoffFunction fc = cutoffFunction != null ? cutoffFunction : CutoffFunction.cosine(rCut);
            return new AcsfParameters(fc, Arrays.stream(species.atomicNumbers()).boxed().toList(), g2, g3, g4, g5)
                    .create();
        }

        /** A parameter row made into its record, an error prefixed with "what[t]: ". */
        private static <T> T row(String what, int t, java.util.function.Supplier<T> make) {
            try {
                return make.get();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + "[" + t + "]: " + e.getMessage(), e);
            }
        }

        private static double[][] rows(String what, double[][] params, int width, String layout) {
            Objects.requireNonNull(params, what);
            double[][] p = new double[params.length][];
            for (int t = 0; t < params.length; t++) {
                if (params[t] == null || params[t].length != width) {
                    throw new IllegalArgumentException(what + "[" + t + "] must be a row of " + width + " numbers "
                            + layout + ", got " + Arrays.toString(params[t]));
                }
                p[t] = params[t].clone();
            }
            return p;
        }

        private static List<AcsfParameters.Angular> angularParams(String what, double[][] params) {
            double[][] p = rows(what, params, 3, "{eta, zeta, lambda}");
            List<AcsfParameters.Angular> terms = new ArrayList<>();
            for (int t = 0; t < p.length; t++) {
                double[] row = p[t];
                terms.add(row(what, t, () -> new AcsfParameters.Angular(row[0], row[1], row[2])));
            }
            return terms;
        }
    }
}
