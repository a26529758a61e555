package org.physml.descriptors.steinhardt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.physml.descriptors.Descriptor;
import org.physml.descriptors.ParameterisedDescriptor;
import org.physml.structure.Elements;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;
import org.physml.math.angular.SphericalHarmonics;

/**
 * Steinhardt bond-orientational order parameters of each atom, as LAMMPS {@code compute orientorder/atom}
 * (version 29 Sep 2021) computes them, plus the neighbour-averaged variants of Lechner and Dellago.
 *
 * <p><b>Definitions.</b> For a centre i with bonds r_ij = r_j - r_i to its neighbour set N_i (N_b = |N_i| bonds)
 * and Y_lm the spherical harmonics with the Condon-Shortley phase ({@link SphericalHarmonics}):
 * <pre>
 *   q_lm(i)  = (1/N_b) sum_{j in N_i} Y_lm(r_ij)
 *   q_l(i)   = sqrt( 4 pi/(2l+1) sum_{m=-l..l} |q_lm(i)|^2 )                               [SNR; LAMMPS Q_l]
 *   w_l(i)   = sum_{m1+m2+m3=0} (l l l; m1 m2 m3) q_lm1 q_lm2 q_lm3                         [SNR Eq. 1.4; LAMMPS W_l]
 *   what_l(i) = w_l(i) / (sum_m |q_lm(i)|^2)^{3/2}                                         [SNR Eq. 2.2; LAMMPS W_l hat]
 *   qbar_lm(i) = (q_lm(i) + sum_{j in N_i} q_lm(j)) / (N_b + 1)                            [Lechner-Dellago]
 *   qbar_l, wbar_l, whatbar_l: q_l, w_l, what_l with qbar_lm in place of q_lm
 * </pre>
 * (SNR: P. J. Steinhardt, D. R. Nelson and M. Ronchetti, Phys. Rev. B 28, 784 (1983), equation numbers as cited
 * by the LAMMPS documentation; averaging: W. Lechner and C. Dellago, J. Chem. Phys. 129, 114707 (2008), in the
 * form of Eqs. (1)-(3) of the Supplementary Material of Faure Beaulieu, Deringer and Martelli, J. Chem. Phys.
 * 160, 081101 (2024), arXiv:2312.14277.) The neighbours j of the average are the same bonds N_i, so a periodic
 * image of an atom (including of i itself) counts once per image. (l l l; m1 m2 m3) is the Wigner 3j symbol
 * ({@link Wigner3j}); w_l vanishes identically for odd l. All features are dimensionless.
 *
 * <p><b>LAMMPS conventions reproduced</b> (source: src/compute_orientorder_atom.cpp of the Debian lammps package
 * 20220106.git7586adbb6a, which is 29 Sep 2021 update 2):
 * <ul>
 *   <li>Neighbours: distance strictly below r_cut ({@code rsq < cutsq}); {@code nnn N} keeps the N closest
 *       (default N = 12), {@code nnn NULL} ({@link Builder#allNeighbours()}) keeps all. Ties at the N-th distance
 *       are broken by neighbour order ({@link NeighbourSelection}); LAMMPS's quickselect may break them
 *       differently.</li>
 *   <li>An atom with fewer than N neighbours within r_cut (or none with {@code nnn NULL}) gets all features 0
 *       ({@link InsufficientNeighbours#ZERO}, the default; {@link InsufficientNeighbours#THROW} throws
 *       instead).</li>
 *   <li>what_l (and whatbar_l) is set to 0 when q_l (qbar_l) &lt; {@link #Q_EPSILON} = 1e-6, and so are the
 *       components; LAMMPS's QEPSILON.</li>
 *   <li>{@code components l} ({@link Builder#components(int)}): Re and Im of q_lm / sqrt(sum_m |q_lm|^2) for
 *       m = -l..l, in the order Re(m=-l), Im(m=-l), ..., Re(m=l), Im(m=l). LAMMPS forms its bond vectors as
 *       x_i - x_j, the reverse of r_ij here; since Y_lm(-r) = (-1)^l Y_lm(r), LAMMPS's components equal these
 *       times (-1)^l (identical for even l). Every invariant (q, w, what and their averages) is unaffected.</li>
 *   <li>{@code chunksize} only splits the KOKKOS computation into passes and has no counterpart here.</li>
 * </ul>
 * Atoms at distance 0 from a centre throw an {@link IllegalArgumentException} (LAMMPS silently returns zeros).
 *
 * <p><b>Feature order</b>: q_l (in the order given to {@link Builder#q}), qbar_l, w_l, wbar_l, what_l,
 * whatbar_l, then the 2(2l+1) components. With only q, w and what this is the LAMMPS column order. Names:
 * {@code q6}, {@code qbar6}, {@code w6}, {@code wbar6}, {@code what6}, {@code whatbar6},
 * {@code qhat6[m=-6].re}, {@code qhat6[m=-6].im}, ...
 *
 * <p><b>Averaged features need the neighbours' own q_lm</b>, so they are only available from
 * {@link #compute(Structure, int[])} (two passes: q_lm of the centres and of their neighbours, then the
 * averages). This is why Steinhardt is a whole-structure {@link Descriptor} and not a
 * {@link org.physml.descriptors.LocalDescriptor}.
 *
 * <p><b>Species</b>: {@link Builder#neighbourSpecies(int...)} restricts the bonds (and hence the neighbour average)
 * to the given elements; choose the centres with {@link #atomsOfSpecies(Structure, int...)}. For example, O-O
 * order parameters of water: {@code neighbourSpecies(8)} and centres {@code atomsOfSpecies(s, 8)}, which gives
 * the same numbers as an oxygen-only structure {@code s.select(atomsOfSpecies(s, 8))}.
 *
 * <pre>
 *   Steinhardt s = Steinhardt.builder().rCut(3.5).nearestNeighbours(12).q(4, 6).qBar(4, 6).wHat(4, 6).build();
 *   double[][] x = s.compute(structure);            // [n_atoms][s.featureCount()]
 *   double[][] ice = Steinhardt.faureBeaulieu2024().compute(water, Steinhardt.atomsOfSpecies(water, 8));
 * </pre>
 *
 * <p>Immutable and thread-safe; {@link #compute(Structure, int[])} runs in parallel over atoms.
 */
public final class Steinhardt extends ParameterisedDescriptor<SteinhardtParameters> implements Descriptor {
    /** Largest degree l accepted. */
    public static final int MAX_L = 40;
    /** LAMMPS's QEPSILON: what_l and the components are 0 when q_l is below it. */
    public static final double Q_EPSILON = 1.0e-6;
    /** LAMMPS's default number of nearest neighbours (nnn 12). */
    public static final int DEFAULT_NEAREST = 12;
    /** The per-atom cutoff radius of Faure Beaulieu et al. (their {@code cutoff_radius = 5}), Angstrom. */
    public static final double FAURE_BEAULIEU_CUTOFF_RADIUS = 5.0;
    /** ASE's default neighbour-list skin, added to every per-atom radius by ase.neighborlist.NeighborList, A. */
    public static final double ASE_SKIN = 0.3;

    private static final double[] INVALID = new double[0];

    private final double rCut;
    private final int nearest;
    private final InsufficientNeighbours insufficient;
    private final boolean[] allowedZ;
    private final int[] qL, qBarL, wL, wBarL, wHatL, wHatBarL;
    private final int componentsL;
    private final boolean averaged;
    private final SphericalHarmonics harmonics;
    private final ThirdOrderInvariant[] invariant;
    private final int featureCount;
    private final List<String> names;
    private final ThreadLocal<NeighbourSelection> selection;
    private final ThreadLocal<double[][]> scratch;

    Steinhardt(SteinhardtParameters p) {
        super(p);
        rCut = p.rCut();
        nearest = p.nearestNeighbours();
        insufficient = p.insufficientNeighbours();
        if (p.neighbourSpecies().isEmpty()) {
            allowedZ = null;
        } else {
            allowedZ = new boolean[Elements.MAX_Z + 1];
            p.neighbourSpecies().forEach(z -> allowedZ[z] = true);
        }
        qL = ints(p.q());
        qBarL = ints(p.qBar());
        wL = ints(p.w());
        wBarL = ints(p.wBar());
        wHatL = ints(p.wHat());
        wHatBarL = ints(p.wHatBar());
        componentsL = p.components();
        averaged = qBarL.length + wBarL.length + wHatBarL.length > 0;
        int lMax = Math.max(componentsL, 0);
        for (int[] ls : List.of(qL, qBarL, wL, wBarL, wHatL, wHatBarL)) {
            for (int l : ls) {
                lMax = Math.max(lMax, l);
            }
        }
        harmonics = new SphericalHarmonics(lMax);
        invariant = new ThirdOrderInvariant[lMax + 1];
        for (int[] ls : List.of(wL, wBarL, wHatL, wHatBarL)) {
            for (int l : ls) {
                if (invariant[l] == null) {
                    invariant[l] = new ThirdOrderInvariant(l);
                }
            }
        }
        List<String> n = new ArrayList<>();
        String[] prefix = {"q", "qbar", "w", "wbar", "what", "whatbar"};
        int[][] families = {qL, qBarL, wL, wBarL, wHatL, wHatBarL};
        for (int f = 0; f < families.length; f++) {
            for (int l : families[f]) {
                n.add(prefix[f] + l);
            }
        }
        if (componentsL >= 0) {
            for (int m = -componentsL; m <= componentsL; m++) {
                n.add("qhat" + componentsL + "[m=" + m + "].re");
                n.add("qhat" + componentsL + "[m=" + m + "].im");
            }
        }
        names = Collections.unmodifiableList(n);
        featureCount = n.size();
        boolean[] z = allowedZ;
        selection = ThreadLocal.withInitial(() -> new NeighbourSelection(rCut, nearest, z));
        int length = harmonics.length();
        scratch = ThreadLocal.withInitial(() -> new double[][]{new double[length], new double[length]});
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A builder with the LAMMPS defaults: nnn 12, degrees 4 6 8 10 12 for q_l, no other feature; r_cut must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The order parameters of Z. Faure Beaulieu, V. L. Deringer and F. Martelli, J. Chem. Phys. 160, 081101 (2024),
     * on oxygen positions: q_3..q_12, qbar_3..qbar_12, what_4..what_12 and whatbar_4..whatbar_12 (even l), 30
     * features in that order, from the 16 nearest oxygen neighbours.
     *
     * <p>Settings checked against the authors' code and data (github.com/ZoeFaureBeaulieu/NN-amorphous-ices:
     * src/steinhardt.py, function get_steinhardt_params with {@code cutoff_radius = 5, numb_neighbours = 16,
     * q_l_values = [3..12], w_l_values = [4, 6, 8, 10, 12]}, the values recorded in the header of their
     * data/ice_Ih/ice_Ih_conf1.extxyz). Their "w_l" columns are the normalised what_l (w_l divided by
     * (sum_m |q_lm|^2)^{3/2}), their averages include the centre (divide by 17).
     *
     * <p>Their neighbour candidates come from {@code ase.neighborlist.NeighborList(cutoffs=[5.0] * n)}: ASE treats
     * the 5 A as a per-atom radius, adds its default skin of 0.3 A and pairs atoms closer than the sum of their
     * radii, i.e. within 2 (5.0 + 0.3) = 10.6 A. This preset therefore uses r_cut = 10.6 A, so that an atom with
     * fewer than 16 oxygens within 5 A (common at the density of low-density amorphous ice) gets the same 16
     * nearest neighbours as in their code rather than zeros; it throws if fewer than 16 lie within 10.6 A (their
     * code fails an assertion). Where every atom has 16 oxygens within 5 A, the numbers equal those of a strict
     * 5 A cutoff. Neighbours are restricted to oxygen (Z = 8); pass oxygen centres.
     */
    public static Steinhardt faureBeaulieu2024() {
        int[] q = IntStream.rangeClosed(3, 12).toArray();
        int[] w = {4, 6, 8, 10, 12};
        return builder().rCut(2 * (FAURE_BEAULIEU_CUTOFF_RADIUS + ASE_SKIN)).nearestNeighbours(16)
                .neighbourSpecies(8).insufficientNeighbours(InsufficientNeighbours.THROW)
                .q(q).qBar(q).wHat(w).wHatBar(w).build();
    }

    /**
     * Indices of the atoms of {@code s} whose atomic number is one of {@code z}, ascending; use them as centres,
     * or build a sub-structure with {@code s.select(...)}.
     *
     * @throws IllegalArgumentException if no atomic number is given
     */
    public static int[] atomsOfSpecies(Structure s, int... z) {
        if (z.length == 0) {
            throw new IllegalArgumentException("give at least one atomic number");
        }
        return IntStream.range(0, s.size()).filter(i -> contains(z, s.atomicNumber(i))).toArray();
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    /** The neighbour cutoff r_cut, Angstrom. */
    @Override
    public double cutoff() {
        return rCut;
    }

    /** Whether any neighbour-averaged feature is configured (then only {@link #compute(Structure, int[])} works). */
    public boolean averaged() {
        return averaged;
    }

    /**
     * Non-averaged features of one centre. Neighbours of {@code env} at or beyond r_cut, or of a species not
     * allowed, are ignored.
     *
     * @param env neighbours of the centre, e.g. from {@code NeighbourList.build(s, cutoff())}
     * @param out receives the {@link #featureCount()} features
     * @throws IllegalStateException    if averaged features are configured (use {@link #compute(Structure, int[])})
     * @throws IllegalArgumentException if out has the wrong length, a neighbour sits on the centre, or the centre
     *                                  has too few neighbours under {@link InsufficientNeighbours#THROW}
     */
    void computeLocal(LocalEnvironment env, double[] out) {
        if (averaged) {
            throw new IllegalStateException("averaged features (qbar, wbar, whatbar) need the q_lm of the "
                    + "neighbours: call compute(Structure, int[])");
        }
        checkOutput(out);
        double[] q = scratch.get()[0];
        Arrays.fill(q, 0.0);
        if (bondHarmonics(env, q) < 0) {
            Arrays.fill(out, 0.0);
            return;
        }
        features(q, null, out);
    }

    /**
     * Features of the given centres, shape [centres.length][featureCount()], in parallel. With averaged features
     * the q_lm of the centres' neighbours are computed as well (two passes). For N nearest neighbours in a periodic
     * structure the candidates are first searched within a smaller radius that holds about 2N neighbours, falling
     * back to r_cut for atoms that need it ({@link CandidateSearch}); this is faster and gives identical numbers.
     *
     * @throws IndexOutOfBoundsException if a centre is not an atom index of {@code s}
     * @throws IllegalArgumentException  if a neighbour sits on an atom, or an atom that is needed has too few
     *                                   neighbours under {@link InsufficientNeighbours#THROW}
     */
    @Override
    public double[][] compute(Structure s, int[] centres) {
        int n = s.size();
        boolean[] isCentre = new boolean[n];
        for (int c : centres) {
            if (c < 0 || c >= n) {
                throw new IndexOutOfBoundsException("centre " + c + " is not an atom of a structure with " + n
                        + " atoms");
            }
            isCentre[c] = true;
        }
        CandidateSearch nl = new CandidateSearch(s, rCut, nearest, allowedZ);
        double[][] q = new double[n][];
        int[][] bonds = averaged ? new int[n][] : null;
        int[] unique = IntStream.range(0, n).filter(i -> isCentre[i]).toArray();
        IntStream.of(unique).parallel().forEach(i -> atom(nl, i, q, bonds));
        if (averaged) {
            boolean[] queued = new boolean[n];
            int[] extra = new int[n];
            int count = 0;
            for (int i : unique) {
                for (int j : bonds[i]) {
                    if (q[j] == null && !queued[j]) {
                        queued[j] = true;
                        extra[count++] = j;
                    }
                }
            }
            IntStream.of(extra).limit(count).parallel().forEach(j -> atom(nl, j, q, null));
        }
        double[][] out = new double[centres.length][featureCount];
        IntStream.range(0, centres.length).parallel().forEach(k -> {
            int i = centres[k];
            if (q[i] == INVALID) {
                return;
            }
            double[] qBar = null;
            if (averaged) {
                qBar = scratch.get()[1];
                average(i, q, bonds[i], qBar);
            }
            features(q[i], qBar, out[k]);
        });
        return out;
    }

    /** q_lm of atom i into q[i] (or INVALID), and its bonded atom indices into bonds[i] if bonds is not null. */
    private void atom(CandidateSearch nl, int i, double[][] q, int[][] bonds) {
        LocalEnvironment env = nl.environment(i);
        NeighbourSelection sel = selection.get();
        if (nl.reduced() && sel.select(env) < 0) {
            env = nl.fullEnvironment(i);
        }
        double[] qi = new double[harmonics.length()];
        int nb = bondHarmonics(env, qi);
        if (nb < 0) {
            q[i] = INVALID;
            if (bonds != null) {
                bonds[i] = new int[0];
            }
            return;
        }
        q[i] = qi;
        if (bonds != null) {
            int[] b = new int[nb];
            for (int k = 0; k < nb; k++) {
                b[k] = env.neighbourIndex()[sel.bond(k)];
            }
            bonds[i] = b;
        }
    }

    /**
     * Selects the bonds of env and writes q_lm (m &gt;= 0, all l &lt;= l_max) into the zeroed array q.
     *
     * @return the number of bonds N_b, or -1 if the centre has too few neighbours under
     *         {@link InsufficientNeighbours#ZERO}
     */
    private int bondHarmonics(LocalEnvironment env, double[] q) {
        NeighbourSelection sel = selection.get();
        int nb = sel.select(env);
        if (nb < 0) {
            if (insufficient == InsufficientNeighbours.THROW) {
                throw new IllegalArgumentException("atom " + env.centre() + " has " + sel.available()
                        + " neighbours within r_cut = " + rCut + " A"
                        + (allowedZ == null ? "" : " of species Z = " + parameters().neighbourSpecies())
                        + ", needs " + (nearest > 0 ? nearest : "at least 1"));
            }
            return -1;
        }
        double[][] r = env.r();
        for (int b = 0; b < nb; b++) {
            double[] v = r[sel.bond(b)];
            harmonics.add(v[0], v[1], v[2], q);
        }
        double inv = 1.0 / nb;
        for (int k = 0; k < q.length; k++) {
            q[k] *= inv;
        }
        return nb;
    }

    /** qbar_lm(i) = (q_lm(i) + sum_j q_lm(j)) / (N_b + 1); atoms without q_lm (INVALID) contribute 0. */
    private static void average(int i, double[][] q, int[] bonds, double[] qBar) {
        System.arraycopy(q[i], 0, qBar, 0, qBar.length);
        for (int j : bonds) {
            double[] qj = q[j];
            if (qj != INVALID) {
                for (int k = 0; k < qBar.length; k++) {
                    qBar[k] += qj[k];
                }
            }
        }
        double inv = 1.0 / (bonds.length + 1);
        for (int k = 0; k < qBar.length; k++) {
            qBar[k] *= inv;
        }
    }

    private void features(double[] q, double[] qBar, double[] out) {
        int p = 0;
        for (int l : qL) {
            out[p++] = ql(q, l);
        }
        for (int l : qBarL) {
            out[p++] = ql(qBar, l);
        }
        for (int l : wL) {
            out[p++] = invariant[l].evaluate(q);
        }
        for (int l : wBarL) {
            out[p++] = invariant[l].evaluate(qBar);
        }
        for (int l : wHatL) {
            out[p++] = wHat(q, l);
        }
        for (int l : wHatBarL) {
            out[p++] = wHat(qBar, l);
        }
        if (componentsL >= 0) {
            int l = componentsL;
            double sum = normSquared(q, l);
            if (ql(q, l) < Q_EPSILON) {
                Arrays.fill(out, p, p + 2 * (2 * l + 1), 0.0);
                return;
            }
            double inv = 1.0 / Math.sqrt(sum);
            for (int m = -l; m <= l; m++) {
                int k = 2 * SphericalHarmonics.index(l, Math.abs(m));
                double sign = (m < 0 && (m & 1) != 0) ? -1.0 : 1.0;
                out[p++] = sign * q[k] * inv;
                out[p++] = (m < 0 ? -sign : sign) * q[k + 1] * inv;
            }
        }
    }

    /** sum_{m=-l..l} |q_lm|^2 from the m &gt;= 0 components. */
    private static double normSquared(double[] q, int l) {
        int k = 2 * SphericalHarmonics.index(l, 0);
        double sum = q[k] * q[k] + q[k + 1] * q[k + 1];
        for (int m = 1; m <= l; m++) {
            k += 2;
            sum += 2.0 * (q[k] * q[k] + q[k + 1] * q[k + 1]);
        }
        return sum;
    }

    private static double ql(double[] q, int l) {
        return Math.sqrt(4.0 * Math.PI / (2 * l + 1) * normSquared(q, l));
    }

    private double wHat(double[] q, int l) {
        if (ql(q, l) < Q_EPSILON) {
            return 0.0;
        }
        double s = normSquared(q, l);
        return invariant[l].evaluate(q) / (s * Math.sqrt(s));
    }

    private void checkOutput(double[] out) {
        if (out.length != featureCount) {
            throw new IllegalArgumentException("output array has length " + out.length + ", expected "
                    + featureCount);
        }
    }

    /** Named parameters of {@link Steinhardt}; each setter validates its argument. */
    public static final class Builder {
        private double rCut = Double.NaN;
        private int nearest = DEFAULT_NEAREST;
        private InsufficientNeighbours insufficient = InsufficientNeighbours.ZERO;
        private boolean[] allowedZ;
        private int[] qL = {4, 6, 8, 10, 12};
        private int[] qBarL = {}, wL = {}, wBarL = {}, wHatL = {}, wHatBarL = {};
        private int componentsL = -1;

        private Builder() {
        }

        /**
         * Neighbour cutoff r_cut (LAMMPS {@code cutoff}); neighbours must be strictly closer.
         *
         * @param rCut Angstrom, positive and finite
         * @throws IllegalArgumentException otherwise
         */
        public Builder rCut(double rCut) {
            NeighbourList.checkCutoff(rCut);
            this.rCut = rCut;
            return this;
        }

        /**
         * Use the N nearest neighbours within r_cut (LAMMPS {@code nnn N}; default 12).
         *
         * @throws IllegalArgumentException if n &lt; 1
         */
        public Builder nearestNeighbours(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("the number of nearest neighbours must be >= 1, got " + n
                        + " (use allNeighbours() for LAMMPS nnn NULL)");
            }
            nearest = n;
            return this;
        }

        /** Use every neighbour within r_cut (LAMMPS {@code nnn NULL}). */
        public Builder allNeighbours() {
            nearest = 0;
            return this;
        }

        /** Degrees l of q_l (LAMMPS {@code degrees}; default 4 6 8 10 12); no argument: no q_l. */
        public Builder q(int... l) {
            qL = degrees("q", l);
            return this;
        }

        /** Degrees l of the neighbour-averaged qbar_l. */
        public Builder qBar(int... l) {
            qBarL = degrees("qBar", l);
            return this;
        }

        /** Degrees l of w_l (LAMMPS {@code wl yes} uses the q_l degrees). */
        public Builder w(int... l) {
            wL = degrees("w", l);
            return this;
        }

        /** Degrees l of the neighbour-averaged wbar_l. */
        public Builder wBar(int... l) {
            wBarL = degrees("wBar", l);
            return this;
        }

        /** Degrees l of the normalised what_l (LAMMPS {@code wl/hat yes} uses the q_l degrees). */
        public Builder wHat(int... l) {
            wHatL = degrees("wHat", l);
            return this;
        }

        /** Degrees l of the normalised neighbour-averaged whatbar_l. */
        public Builder wHatBar(int... l) {
            wHatBarL = degrees("wHatBar", l);
            return this;
        }

        /**
         * Output the 2(2l+1) normalised components q_lm / |q_l| (LAMMPS {@code components l}).
         *
         * @throws IllegalArgumentException if l is outside 0..{@link #MAX_L}
         */
        public Builder components(int l) {
            degrees("components", l);
            componentsL = l;
            return this;
        }

        /**
         * Count only neighbours of these atomic numbers (bonds and averages); default: all species.
         *
         * @throws IllegalArgumentException if no atomic number is given or one is outside 1..118
         */
        public Builder neighbourSpecies(int... z) {
            if (z.length == 0) {
                throw new IllegalArgumentException("give at least one neighbour atomic number");
            }
            boolean[] allowed = new boolean[119];
            for (int v : z) {
                if (v < 1 || v > 118) {
                    throw new IllegalArgumentException("atomic number " + v + " is outside 1..118");
                }
                allowed[v] = true;
            }
            allowedZ = allowed;
            return this;
        }

        /** What to do with atoms that have too few neighbours (default {@link InsufficientNeighbours#ZERO}, as LAMMPS). */
        public Builder insufficientNeighbours(InsufficientNeighbours policy) {
            if (policy == null) {
                throw new IllegalArgumentException("policy must not be null");
            }
            insufficient = policy;
            return this;
        }

        /**
         * @throws IllegalArgumentException if r_cut was not set or no feature is requested
         */
        public Steinhardt build() {
            if (Double.isNaN(rCut)) {
                throw new IllegalArgumentException("r_cut must be set (LAMMPS takes it from the pair style)");
            }
            List<Integer> species = allowedZ == null ? List.of()
                    : IntStream.range(0, allowedZ.length).filter(z -> allowedZ[z]).boxed().toList();
            return new SteinhardtParameters(rCut, nearest, species, insufficient, list(qL), list(qBarL), list(wL),
                    list(wBarL), list(wHatL), list(wHatBarL), componentsL).create();
        }

        private static List<Integer> list(int[] l) {
            return Arrays.stream(l).boxed().toList();
        }

        private static int[] degrees(String what, int... l) {
            for (int v : l) {
                if (v < 0 || v > MAX_L) {
                    throw new IllegalArgumentException(what + ": degree l = " + v + " is outside 0.." + MAX_L);
                }
            }
            return l.clone();
        }
    }
}
