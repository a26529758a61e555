package org.physml.descriptors.nep;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.physml.descriptors.DescriptorParameters;
import org.physml.structure.Elements;

/**
 * The hyper-parameters and trainable expansion coefficients of the NEP descriptor (NEP3, NEP4 and NEP5
 * share it): Z. Fan et al., Phys. Rev. B 104, 104309 (2021), Sec. II, and Z. Fan et al., J. Phys.:
 * Condens. Matter 34, 125902 (2022), Sec. II.B-C (Eqs. 2-3); conventions as in GPUMD's {@code nep}
 * executable and NEP_CPU ({@code src/nep.cpp}).
 *
 * <p>Parameters by name (GPUMD's {@code nep.in} keywords and defaults):
 * <ul>
 *   <li>{@code species}: the element symbols, in model order; species index t = position in this list.</li>
 *   <li>{@code cutoff r_c^R r_c^A} (Angstrom, default 8 and 4), either one pair for every species or one
 *       pair per species (NEP4/NEP5 typewise cutoffs); a neighbour pair (t_i, t_j) uses
 *       r_c = (r_c[t_i] + r_c[t_j]) / 2.</li>
 *   <li>{@code n_max n_max^R n_max^A} (default 4 4), each 0..19.</li>
 *   <li>{@code basis_size N_bas^R N_bas^A} (default 8 8), each 0..19.</li>
 *   <li>{@code l_max l_max^3b l_max^4b l_max^5b} (default 4 2 0): l_max^3b in 0..8, l_max^4b in {0, 2}
 *       and at most l_max^3b, l_max^5b in {0, 1} and only with l_max^4b = 2.</li>
 *   <li>{@code c}: the T^2 [(n_max^R+1)(N_bas^R+1) + (n_max^A+1)(N_bas^A+1)] expansion coefficients
 *       c^{t_i t_j}_{nk}; the radial one of (n, k, t_i, t_j) sits at index
 *       (n (N_bas^R + 1) + k) T^2 + t_i T + t_j, the angular ones follow the radial block in the same layout.</li>
 *   <li>{@code q_scaler}: one factor per descriptor component (default 1), the last block of nep.txt.</li>
 * </ul>
 * The limits are those of GPUMD's {@code src/main_nep/parameters.cu} ({@code parse_n_max},
 * {@code parse_basis_size}, {@code parse_l_max}). Instances are immutable.
 */
public record NepParameters(List<String> species, double[] rcRadial, double[] rcAngular, int nMaxRadial,
                            int nMaxAngular, int basisSizeRadial, int basisSizeAngular, int lMax, int lMax4Body,
                            int lMax5Body, double[] coefficients, double[] qScaler) implements DescriptorParameters {
    /** Largest n_max and basis size GPUMD accepts (parameters.cu, parse_n_max / parse_basis_size). */
    public static final int MAX_N = 19;
    /** Largest l_max^3b GPUMD accepts (parameters.cu, parse_l_max). */
    public static final int MAX_L = 8;

    /**
     * Validates everything (the limits in the class comment); the arrays are copied.
     *
     * @throws IllegalArgumentException naming the parameter, its value and the allowed range
     */
    public NepParameters {
        species = checkedSpecies(species);
        Objects.requireNonNull(rcRadial, "rc_radial");
        Objects.requireNonNull(rcAngular, "rc_angular");
        if (rcRadial.length != species.size() || rcAngular.length != species.size()) {
            throw new IllegalArgumentException("cutoffs: expected " + species.size() + " radial and "
                    + species.size() + " angular values (one per species), got " + rcRadial.length + " and "
                    + rcAngular.length);
        }
        rcRadial = rcRadial.clone();
        rcAngular = rcAngular.clone();
        for (int t = 0; t < species.size(); t++) {
            String s = species.get(t);
            if (!(rcRadial[t] > 0) || !Double.isFinite(rcRadial[t])) {
                throw new IllegalArgumentException("cutoff: radial cutoff of " + s + " must be a positive finite "
                        + "number of Angstrom, got " + rcRadial[t]);
            }
            if (!(rcAngular[t] > 0) || !Double.isFinite(rcAngular[t])) {
                throw new IllegalArgumentException("cutoff: angular cutoff of " + s + " must be a positive "
                        + "finite number of Angstrom, got " + rcAngular[t]);
            }
            if (rcAngular[t] > rcRadial[t]) {
                throw new IllegalArgumentException("cutoff: angular cutoff of " + s + " (" + rcAngular[t]
                        + " A) must not exceed its radial cutoff (" + rcRadial[t] + " A)");
            }
        }
        checkRange("n_max radial", nMaxRadial, 0, MAX_N);
        checkRange("n_max angular", nMaxAngular, 0, MAX_N);
        checkRange("basis_size radial", basisSizeRadial, 0, MAX_N);
        checkRange("basis_size angular", basisSizeAngular, 0, MAX_N);
        checkRange("l_max (3-body)", lMax, 0, MAX_L);
        if (lMax4Body != 0 && lMax4Body != 2) {
            throw new IllegalArgumentException("l_max 4-body must be 0 or 2, got " + lMax4Body);
        }
        if (lMax4Body > lMax) {
            throw new IllegalArgumentException("l_max 4-body (" + lMax4Body + ") must not exceed l_max 3-body ("
                    + lMax + ")");
        }
        if (lMax5Body != 0 && lMax5Body != 1) {
            throw new IllegalArgumentException("l_max 5-body must be 0 or 1, got " + lMax5Body);
        }
        if (lMax5Body == 1 && lMax4Body == 0) {
            throw new IllegalArgumentException("l_max 5-body = 1 requires l_max 4-body = 2 (GPUMD: cannot have "
                    + "l_max_4body = 0 with l_max_5body = 1)");
        }
        int count = coefficientCount(species.size(), nMaxRadial, nMaxAngular, basisSizeRadial, basisSizeAngular);
        if (coefficients == null) {
            throw new IllegalArgumentException("coefficients c are not set: call coefficients(double[]) or "
                    + "randomCoefficients(seed); " + count + " values are needed");
        }
        if (coefficients.length != count) {
            throw new IllegalArgumentException("coefficients c: expected " + count + " values (T^2 [(n_max^R+1)"
                    + "(N_bas^R+1) + (n_max^A+1)(N_bas^A+1)] with T = " + species.size() + "), got "
                    + coefficients.length);
        }
        coefficients = coefficients.clone();
        checkFinite("coefficients c", coefficients);
        int dim = dimension(nMaxRadial, nMaxAngular, lMax, lMax4Body, lMax5Body);
        Objects.requireNonNull(qScaler, "q_scaler");
        if (qScaler.length != dim) {
            throw new IllegalArgumentException("q_scaler: expected " + dim + " values (one per descriptor "
                    + "component), got " + qScaler.length);
        }
        qScaler = qScaler.clone();
        checkFinite("q_scaler", qScaler);
    }

    private static int dimension(int nMaxRadial, int nMaxAngular, int lMax, int lMax4Body, int lMax5Body) {
        return (nMaxRadial + 1) + (nMaxAngular + 1) * (lMax + (lMax4Body == 2 ? 1 : 0) + (lMax5Body == 1 ? 1 : 0));
    }

    private static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + " (GPUMD's limit), got "
                    + value);
        }
    }

    private static void checkFinite(String name, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + v[i]);
            }
        }
    }

    /** The NEP descriptor of these parameters. */
    @Override
    public NepDescriptor create() {
        return new NepDescriptor(this);
    }

    /**
     * The species list, copied, once validated: at least one symbol, every one an element, none twice.
     *
     * @throws IllegalArgumentException naming the offending entry
     */
    private static List<String> checkedSpecies(List<String> species) {
        Objects.requireNonNull(species, "species");
        if (species.isEmpty()) {
            throw new IllegalArgumentException("species: expected at least one element symbol, got none");
        }
        for (int t = 0; t < species.size(); t++) {
            if (!Elements.isSymbol(species.get(t))) {
                throw new IllegalArgumentException("species[" + t + "] = '" + species.get(t)
                        + "' is not an element symbol (expected e.g. 'Si', 'Pb')");
            }
            if (species.subList(0, t).contains(species.get(t))) {
                throw new IllegalArgumentException("species '" + species.get(t) + "' is listed twice");
            }
        }
        return List.copyOf(species);
    }

    /**
     * A builder with GPUMD's defaults for the given species (element symbols such as "Si").
     *
     * @throws IllegalArgumentException if the list is empty, has duplicates or a symbol that is not an element
     */
    public static Builder builder(String... species) {
        return new Builder(species);
    }

    /** A builder initialised with every value of this instance (to change a few of them). */
    public Builder toBuilder() {
        Builder b = new Builder(species.toArray(new String[0]));
        b.cutoffs(rcRadial, rcAngular).nMax(nMaxRadial, nMaxAngular).basisSize(basisSizeRadial, basisSizeAngular)
                .lMax(lMax, lMax4Body, lMax5Body).coefficients(coefficients).qScaler(qScaler);
        return b;
    }

    /** Number of species T. */
    public int speciesCount() {
        return species.size();
    }

    /** Atomic number of species t. */
    public int atomicNumber(int t) {
        return Elements.atomicNumber(species.get(t));
    }

    /** Radial cutoff r_c^R of species t, Angstrom. */
    public double rcRadial(int t) {
        return rcRadial[t];
    }

    /** Angular cutoff r_c^A of species t, Angstrom. */
    public double rcAngular(int t) {
        return rcAngular[t];
    }

    /** Radial cutoff of the pair (t_i, t_j): (r_c^R[t_i] + r_c^R[t_j]) / 2, Angstrom. */
    public double pairCutoffRadial(int ti, int tj) {
        return (rcRadial[ti] + rcRadial[tj]) * 0.5;
    }

    /** Angular cutoff of the pair (t_i, t_j): (r_c^A[t_i] + r_c^A[t_j]) / 2, Angstrom. */
    public double pairCutoffAngular(int ti, int tj) {
        return (rcAngular[ti] + rcAngular[tj]) * 0.5;
    }

    /** Whether every species has the same radial and the same angular cutoff. */
    public boolean hasGlobalCutoffs() {
        for (int t = 1; t < rcRadial.length; t++) {
            if (rcRadial[t] != rcRadial[0] || rcAngular[t] != rcAngular[0]) {
                return false;
            }
        }
        return true;
    }

    /** Largest radial or angular cutoff of any species, Angstrom: the neighbour-search radius. */
    public double maxCutoff() {
        double m = 0;
        for (int t = 0; t < rcRadial.length; t++) {
            m = Math.max(m, Math.max(rcRadial[t], rcAngular[t]));
        }
        return m;
    }

    /** n_max^R (radial components n = 0..n_max^R). */
    public int nMaxRadial() {
        return nMaxRadial;
    }

    /** n_max^A (angular components n = 0..n_max^A). */
    public int nMaxAngular() {
        return nMaxAngular;
    }

    /** N_bas^R (radial basis functions k = 0..N_bas^R). */
    public int basisSizeRadial() {
        return basisSizeRadial;
    }

    /** N_bas^A (angular basis functions k = 0..N_bas^A). */
    public int basisSizeAngular() {
        return basisSizeAngular;
    }

    /** l_max^3b: three-body terms q_nl for l = 1..l_max. */
    public int lMax() {
        return lMax;
    }

    /** l_max^4b: 0, or 2 for the four-body terms q_n222. */
    public int lMax4Body() {
        return lMax4Body;
    }

    /** l_max^5b: 0, or 1 for the five-body terms q_n1111. */
    public int lMax5Body() {
        return lMax5Body;
    }

    /** Number of angular blocks of n_max^A + 1 components: l_max^3b plus one each for 4-body and 5-body. */
    public int angularBlockCount() {
        return lMax + (lMax4Body == 2 ? 1 : 0) + (lMax5Body == 1 ? 1 : 0);
    }

    /** Descriptor length: (n_max^R + 1) + (n_max^A + 1) x {@link #angularBlockCount()}. */
    public int dimension() {
        return (nMaxRadial + 1) + (nMaxAngular + 1) * angularBlockCount();
    }

    /** Number of radial coefficients T^2 (n_max^R + 1)(N_bas^R + 1). */
    public int radialCoefficientCount() {
        return radialCoefficientCount(species.size(), nMaxRadial, basisSizeRadial);
    }

    /** Total number of coefficients c (radial then angular). */
    public int coefficientCount() {
        return coefficientCount(species.size(), nMaxRadial, nMaxAngular, basisSizeRadial, basisSizeAngular);
    }

    static int radialCoefficientCount(int t, int nMaxRadial, int basisSizeRadial) {
        return t * t * (nMaxRadial + 1) * (basisSizeRadial + 1);
    }

    static int coefficientCount(int t, int nMaxRadial, int nMaxAngular, int basisSizeRadial, int basisSizeAngular) {
        return t * t * ((nMaxRadial + 1) * (basisSizeRadial + 1) + (nMaxAngular + 1) * (basisSizeAngular + 1));
    }

    /** Copy of all coefficients c in nep.txt order (radial block, then angular block). */
    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Copy of the radial cutoffs r_c^R per species, Angstrom. */
    @Override
    public double[] rcRadial() {
        return rcRadial.clone();
    }

    /** Copy of the angular cutoffs r_c^A per species, Angstrom. */
    @Override
    public double[] rcAngular() {
        return rcAngular.clone();
    }

    /** Radial coefficient c^{t_i t_j}_{nk}. */
    public double radialCoefficient(int n, int k, int ti, int tj) {
        int t = species.size();
        return coefficients[(n * (basisSizeRadial + 1) + k) * t * t + ti * t + tj];
    }

    /** Angular coefficient c^{t_i t_j}_{nk}. */
    public double angularCoefficient(int n, int k, int ti, int tj) {
        int t = species.size();
        return coefficients[radialCoefficientCount() + (n * (basisSizeAngular + 1) + k) * t * t + ti * t + tj];
    }

    /** Copy of q_scaler, length {@link #dimension()}. */
    @Override
    public double[] qScaler() {
        return qScaler.clone();
    }

    /** Species index of atomic number z, or -1 if z is not one of the species. */
    public int speciesIndex(int z) {
        for (int t = 0; t < species.size(); t++) {
            if (atomicNumber(t) == z) {
                return t;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NepParameters p)) {
            return false;
        }
        return species.equals(p.species) && Arrays.equals(rcRadial, p.rcRadial) && Arrays.equals(rcAngular, p.rcAngular)
                && nMaxRadial == p.nMaxRadial && nMaxAngular == p.nMaxAngular && basisSizeRadial == p.basisSizeRadial
                && basisSizeAngular == p.basisSizeAngular && lMax == p.lMax && lMax4Body == p.lMax4Body
                && lMax5Body == p.lMax5Body && Arrays.equals(coefficients, p.coefficients)
                && Arrays.equals(qScaler, p.qScaler);
    }

    @Override
    public int hashCode() {
        return Objects.hash(species, Arrays.hashCode(rcRadial), nMaxRadial, nMaxAngular, lMax, Arrays.hashCode(coefficients));
    }

    /** The JSON of these parameters ({@link org.physml.descriptors.DescriptorRegistry}). */
    @Override
    public String toString() {
        return toJson();
    }

    /**
     * Collects the NEP descriptor parameters by name; {@link #build()} validates them all. Defaults are
     * GPUMD's: cutoff 8 / 4 A, n_max 4 4, basis_size 8 8, l_max 4 2 0, q_scaler 1. The coefficients c have
     * no default: set them with {@link #coefficients(double[])} or {@link #randomCoefficients(long)}.
     */
    public static final class Builder {
        private final List<String> species;
        private double[] rcRadial;
        private double[] rcAngular;
        private int nMaxRadial = 4;
        private int nMaxAngular = 4;
        private int basisSizeRadial = 8;
        private int basisSizeAngular = 8;
        private int lMax = 4;
        private int lMax4Body = 2;
        private int lMax5Body = 0;
        private double[] c;
        private Long randomSeed;
        private double[] qScaler;

        private Builder(String[] species) {
            this.species = checkedSpecies(Arrays.asList(Objects.requireNonNull(species, "species")));
            cutoff(8.0, 4.0);
        }

        /** One radial and one angular cutoff for every species, Angstrom. */
        public Builder cutoff(double rcRadial, double rcAngular) {
            this.rcRadial = new double[species.size()];
            this.rcAngular = new double[species.size()];
            Arrays.fill(this.rcRadial, rcRadial);
            Arrays.fill(this.rcAngular, rcAngular);
            return this;
        }

        /** Per-species radial and angular cutoffs (NEP4/NEP5 typewise cutoffs), Angstrom, length T each. */
        public Builder cutoffs(double[] rcRadial, double[] rcAngular) {
            if (rcRadial.length != species.size() || rcAngular.length != species.size()) {
                throw new IllegalArgumentException("cutoffs: expected " + species.size() + " radial and "
                        + species.size() + " angular values (one per species), got " + rcRadial.length + " and "
                        + rcAngular.length);
            }
            this.rcRadial = rcRadial.clone();
            this.rcAngular = rcAngular.clone();
            return this;
        }

        /** n_max^R and n_max^A. */
        public Builder nMax(int nMaxRadial, int nMaxAngular) {
            this.nMaxRadial = nMaxRadial;
            this.nMaxAngular = nMaxAngular;
            return this;
        }

        /** N_bas^R and N_bas^A. */
        public Builder basisSize(int basisSizeRadial, int basisSizeAngular) {
            this.basisSizeRadial = basisSizeRadial;
            this.basisSizeAngular = basisSizeAngular;
            return this;
        }

        /** l_max^3b, l_max^4b (0 or 2) and l_max^5b (0 or 1). */
        public Builder lMax(int lMax, int lMax4Body, int lMax5Body) {
            this.lMax = lMax;
            this.lMax4Body = lMax4Body;
            this.lMax5Body = lMax5Body;
            return this;
        }

        /** The coefficients c in nep.txt order (see the class comment); copied. */
        public Builder coefficients(double[] c) {
            this.c = c.clone();
            this.randomSeed = null;
            return this;
        }

        /**
         * Coefficients drawn uniformly from [-1, 1) with the given seed (reproducible; for teaching and tests,
         * not GPUMD's training initialisation), drawn when {@link #build()} knows their number.
         */
        public Builder randomCoefficients(long seed) {
            this.randomSeed = seed;
            this.c = null;
            return this;
        }

        /** q_scaler, one factor per descriptor component; copied. Default: all 1. */
        public Builder qScaler(double[] qScaler) {
            this.qScaler = qScaler.clone();
            return this;
        }

        /**
         * Validates everything and builds the parameters.
         *
         * @throws IllegalArgumentException naming the parameter, its value and the allowed range
         */
        public NepParameters build() {
            double[] c = this.c;
            if (randomSeed != null) {
                int count = coefficientCount(species.size(), nMaxRadial, nMaxAngular, basisSizeRadial,
                        basisSizeAngular);
                SplittableRandom rng = new SplittableRandom(randomSeed);
                c = new double[count];
                for (int i = 0; i < count; i++) {
                    c[i] = 2.0 * rng.nextDouble() - 1.0;
                }
            }
            double[] qScaler = this.qScaler;
            if (qScaler == null) {
                qScaler = new double[dimension(nMaxRadial, nMaxAngular, lMax, lMax4Body, lMax5Body)];
                Arrays.fill(qScaler, 1.0);
            }
            return new NepParameters(species, rcRadial, rcAngular, nMaxRadial, nMaxAngular, basisSizeRadial,
                    basisSizeAngular, lMax, lMax4Body, lMax5Body, c, qScaler);
        }
    }
}
