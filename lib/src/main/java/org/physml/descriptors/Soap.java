package org.physml.descriptors;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.physml.descriptors.soap.GtoExpansion;
import org.physml.descriptors.soap.GtoRadialBasis;
import org.physml.descriptors.soap.PolynomialExpansion;
import org.physml.descriptors.soap.PolynomialRadialBasis;
import org.physml.descriptors.soap.SoapExpansion;
import org.physml.descriptors.soap.SoapPowerSpectrum;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * Smooth Overlap of Atomic Positions (SOAP): the partial power spectrum of DScribe 2.1's {@code SOAP}, with
 * the same parameters, the same numbers and the same feature order.
 *
 * <p>Definition (Bartok, Kondor, Csanyi, Phys. Rev. B 87, 184115 (2013); DScribe: Himanen et al., Comput.
 * Phys. Commun. 247, 106949 (2020), Laakso et al., J. Chem. Phys. 158, issue 23 (2023), and the SOAP page of
 * the DScribe 2.1 documentation):
 * <pre>
 *   rho^Z(r)  = sum_{j of species Z} exp(-|r - r_j|^2 / (2 sigma^2))          (peak 1, no cutoff function)
 *   c^Z_nlm   = integral d^3r g_nl(r) Y_lm(r_hat) rho^Z(r)
 *   p^{Z1 Z2}_{n n' l} = pi sqrt(8/(2l+1)) sum_m c^{Z1}_nlm c^{Z2}_n'lm
 * </pre>
 * with r_j relative to the centre atom, real orthonormal Y_lm, and the atoms j every atom (periodic
 * images included) with |r_j| &lt;= r_cut + sigma sqrt(-2 ln 1e-3) (= {@link #cutoff()}), the centre atom
 * itself included (it contributes to l = 0 only). Radial bases: {@code "gto"} ({@link GtoRadialBasis},
 * analytic coefficients {@link GtoExpansion}, its radial functions tabulated on [0, {@link #cutoff()}] to about
 * 1e-11 on first use) and {@code "polynomial"} ({@link PolynomialRadialBasis},
 * quadrature {@link PolynomialExpansion}). Output order and length: {@link SoapPowerSpectrum}.
 *
 * <p>Parameters, set by name on the {@link Builder} (DScribe's names and defaults):
 * <ul>
 *   <li>{@code rCut} r_cut, Angstrom (required): &gt; 1 for "gto", &gt; 0 for "polynomial";</li>
 *   <li>{@code nMax} n_max &gt;= 1 (required); {@code lMax} l_max in 0..20 (required);</li>
 *   <li>{@code sigma} Gaussian width, Angstrom, &gt; 0 (default 1.0);</li>
 *   <li>{@code rbf} "gto" (default) or "polynomial";</li>
 *   <li>{@code species} atomic numbers (required; any order, no duplicates);</li>
 *   <li>{@code average} "off" (default), "inner" (average c over centres, then the power spectrum) or
 *       "outer" (mean of the per-centre power spectra): see {@link #computeAverage(Structure, int[])};</li>
 *   <li>{@code compression} "off" (default) or "crossover" (only same-species blocks). DScribe's "mu2" and
 *       "mu1nu1" and its density weighting functions are not provided (weighting is off: every atom has
 *       weight 1).</li>
 * </ul>
 *
 * <p><b>No smooth cutoff.</b> As in DScribe without weighting, an atom counts if and only if it lies within
 * {@link #cutoff()}: the descriptor jumps (by the atom's small but non-zero contribution) when an atom crosses
 * that radius, unlike ACSF, bispectrum and NEP, whose cutoff functions vanish smoothly. Models that need
 * continuous energies and forces should weight each atom by a function that goes to zero at the radius
 * (DScribe's {@code weighting}, a cutoff transition width as in QUIP/GAP); notebook 05 measures the jump.
 *
 * <p>Neighbours: {@link #compute(LocalEnvironment, double[])} uses the environment's neighbours with
 * distance &lt;= {@link #cutoff()} and adds the centre atom itself; the environment must have been built
 * with a radius of at least {@link #cutoff()} (as {@link #compute(Structure)} does).
 *
 * <p>Instances are immutable and thread-safe; scratch buffers are kept per thread.
 */
public final class Soap extends ParameterisedDescriptor<SoapParameters> implements LocalDescriptor {
    /** Density value sigma-Gaussians have decayed to at the extended cutoff (DScribe's padding threshold). */
    public static final double PADDING_THRESHOLD = 1e-3;
    /** Largest l_max accepted (DScribe 2.1's limit). */
    public static final int MAX_L = 20;

    private final double rCut;
    private final int nMax;
    private final int lMax;
    private final double sigma;
    private final SoapParameters.Average average;
    private final int[] species;
    private final int[] speciesIndex;   // atomic number -> index, -1 if absent
    private final double cutoff;
    private final SoapExpansion prototype;
    private final SoapPowerSpectrum spectrum;
    private final List<String> names;
    private final ThreadLocal<Workspace> workspace;

    Soap(SoapParameters p) {
        super(p);
        this.rCut = p.rCut();
        this.nMax = p.nMax();
        this.lMax = p.lMax();
        this.sigma = p.sigma();
        this.average = p.average();
        this.species = p.speciesArray();
        this.speciesIndex = new int[119];
        Arrays.fill(speciesIndex, -1);
        for (int s = 0; s < species.length; s++) {
            speciesIndex[species[s]] = s;
        }
        this.cutoff = rCut + sigma * Math.sqrt(-2.0 * Math.log(PADDING_THRESHOLD));
        if (p.rbf() == SoapParameters.Rbf.GTO) {
            this.prototype = new GtoExpansion(new GtoRadialBasis(rCut, nMax, lMax), sigma, species.length,
                    cutoff * (1 + 1e-12));
        } else {
            this.prototype = new PolynomialExpansion(new PolynomialRadialBasis(rCut, nMax), lMax, sigma,
                    species.length);
        }
        this.spectrum = new SoapPowerSpectrum(species, nMax, lMax, p.compression() == SoapParameters.Compression.CROSSOVER);
        this.names = spectrum.featureNames();
        this.workspace = ThreadLocal.withInitial(() -> new Workspace(prototype.copy()));
    }

    /** A builder with DScribe's defaults: sigma 1.0, rbf "gto", average "off", compression "off". */
    public static Builder builder() {
        return new Builder();
    }

    /** Named parameters of {@link Soap}; validated by {@link #build()}. */
    public static final class Builder {
        private Double rCut;
        private Integer nMax;
        private Integer lMax;
        private double sigma = 1.0;
        private String rbf = "gto";
        private int[] species;
        private String average = "off";
        private String compression = "off";

        private Builder() {
        }

        /** r_cut, Angstrom. */
        public Builder rCut(double rCut) {
            this.rCut = rCut;
            return this;
        }

        /** n_max, number of radial basis functions. */
        public Builder nMax(int nMax) {
            this.nMax = nMax;
            return this;
        }

        /** l_max, maximum degree of the spherical harmonics. */
        public Builder lMax(int lMax) {
            this.lMax = lMax;
            return this;
        }

        /** sigma, width of the atomic Gaussians, Angstrom. */
        public Builder sigma(double sigma) {
            this.sigma = sigma;
            return this;
        }

        /** Radial basis: "gto" or "polynomial". */
        public Builder rbf(String rbf) {
            this.rbf = rbf;
            return this;
        }

        /** Atomic numbers of every species that may occur. */
        public Builder species(int... species) {
            this.species = species.clone();
            return this;
        }

        /** Averaging over centres: "off", "inner" or "outer". */
        public Builder average(String average) {
            this.average = average;
            return this;
        }

        /** Compression mode: "off" or "crossover". */
        public Builder compression(String compression) {
            this.compression = compression;
            return this;
        }

        /**
         * @throws IllegalArgumentException if a required parameter is missing or a value is out of range
         *                                  (see {@link Soap})
         */
        public Soap build() {
            if (rCut == null) {
                throw new IllegalArgumentException("r_cut is required (radial cutoff in Angstrom)");
            }
            if (nMax == null) {
                throw new IllegalArgumentException("n_max is required (number of radial basis functions)");
            }
            if (lMax == null) {
                throw new IllegalArgumentException("l_max is required (maximum degree of the spherical harmonics)");
            }
            if (species == null) {
                throw new IllegalArgumentException("species is required (the atomic numbers that may occur)");
            }
            if ("mu2".equalsIgnoreCase(compression) || "mu1nu1".equalsIgnoreCase(compression)) {
                throw new IllegalArgumentException("compression mode '" + compression + "' of DScribe is not"
                        + " implemented here; expected one of [off, crossover]");
            }
            return new SoapParameters(rCut, nMax, lMax, sigma,
                    ParameterChoice.parse(SoapParameters.Rbf.class, rbf, "radial basis function"),
                    java.util.Arrays.stream(species).boxed().toList(),
                    ParameterChoice.parse(SoapParameters.Average.class, average, "average mode"),
                    ParameterChoice.parse(SoapParameters.Compression.class, compression, "compression mode"))
                    .create();
        }
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    /**
     * Columns of the species-pair block (Z1, Z2), in either order, as DScribe's {@code SOAP.get_location((Z1, Z2))}
     * gives a slice: {start, end}, columns start..end-1.
     *
     * @throws IllegalArgumentException if a species is not configured (the message lists them), or the pair is
     *                                  a cross-species one under compression "crossover"
     */
    public int[] location(int z1, int z2) {
        return spectrum.location(z1, z2);
    }

    /**
     * Column of p^{Z1 Z2}_{n n' l} (symmetric: swapping the species swaps n and n').
     *
     * @throws IllegalArgumentException as {@link #location}, or if l, n or n' is out of range
     */
    public int column(int z1, int z2, int l, int n, int np) {
        return spectrum.column(z1, z2, l, n, np);
    }

    /** The extended neighbour radius r_cut + sigma sqrt(-2 ln 1e-3) (= r_cut + 3.717 sigma), Angstrom. */
    @Override
    public double cutoff() {
        return cutoff;
    }

    /**
     * The power spectrum of one centre (whatever the average setting).
     *
     * @param env neighbours of the centre within at least {@link #cutoff()}, centre excluded
     * @param out receives {@link #featureCount()} values
     * @throws IllegalArgumentException if out has the wrong length or the centre or a neighbour within the
     *                                  cutoff is of a species not in {@link #species()}
     */
    @Override
    public void compute(LocalEnvironment env, double[] out) {
        if (out.length != featureCount()) {
            throw new IllegalArgumentException("out has length " + out.length + "; expected featureCount() = "
                    + featureCount());
        }
        Workspace w = workspace.get();
        expand(env, w);
        spectrum.compute(w.c, out);
    }

    /**
     * The expansion coefficients c^Z_nlm of one centre's density, shape [S][n_max][(l_max + 1)^2] with the
     * species in increasing atomic number and (l, m) at index l*l + l + m (m = -l..l, real Y_lm in the
     * convention of {@link org.physml.math.angular.RealSphericalHarmonics}).
     *
     * @param env neighbours of the centre within at least {@link #cutoff()}, centre excluded
     * @throws IllegalArgumentException if the centre or a neighbour within the cutoff is of an unknown species
     */
    public double[][][] coefficients(LocalEnvironment env) {
        Workspace w = workspace.get();
        expand(env, w);
        int nLm = (lMax + 1) * (lMax + 1);
        double[][][] c = new double[species.length][nMax][];
        for (int s = 0; s < species.length; s++) {
            for (int n = 0; n < nMax; n++) {
                c[s][n] = Arrays.copyOfRange(w.c, (s * nMax + n) * nLm, (s * nMax + n + 1) * nLm);
            }
        }
        return c;
    }

    /**
     * Per-centre power spectra, shape [centres.length][featureCount()], computed in parallel.
     *
     * @throws IllegalStateException     if this descriptor averages (use {@link #computeAverage})
     * @throws IllegalArgumentException  if the structure contains a species not in {@link #species()}
     * @throws IndexOutOfBoundsException if a centre is not an atom index of {@code s}
     */
    @Override
    public double[][] compute(Structure s, int[] centres) {
        if (average != SoapParameters.Average.OFF) {
            throw new IllegalStateException("this SOAP averages over centres (average = \"" + ParameterChoice.text(average)
                    + "\") and gives one row per structure: call computeAverage");
        }
        checkSpecies(s);
        return LocalDescriptor.super.compute(s, centres);
    }

    /** {@link #computeAverage(Structure, int[])} over all atoms of {@code s}. */
    public double[][] computeAverage(Structure s) {
        return computeAverage(s, IntStream.range(0, s.size()).toArray());
    }

    /**
     * The averaged power spectrum over the given centres, shape [1][featureCount()] (DScribe's averaged
     * output): for average "inner" the power spectrum of the mean coefficients
     * (1/N) sum_i c^{i,Z}_nlm; for "outer" the mean (1/N) sum_i p^i of the per-centre spectra.
     *
     * @throws IllegalStateException     if average is "off"
     * @throws IllegalArgumentException  if centres is empty or the structure contains an unknown species
     * @throws IndexOutOfBoundsException if a centre is not an atom index of {@code s}
     */
    public double[][] computeAverage(Structure s, int[] centres) {
        if (average == SoapParameters.Average.OFF) {
            throw new IllegalStateException("average is \"off\": build the SOAP with average \"inner\" or"
                    + " \"outer\", or call compute for per-centre output");
        }
        if (centres.length == 0) {
            throw new IllegalArgumentException("an average needs at least one centre");
        }
        for (int c : centres) {
            if (c < 0 || c >= s.size()) {
                throw new IndexOutOfBoundsException("centre " + c + " is not an atom of a structure with "
                        + s.size() + " atoms");
            }
        }
        checkSpecies(s);
        NeighbourList nl = NeighbourList.build(s, cutoff, centres);   // only the centres' neighbours
        boolean inner = average == SoapParameters.Average.INNER;
        int width = inner ? prototype.coefficientCount() : featureCount();
        double[][] rows = new double[centres.length][width];
        IntStream.range(0, centres.length).parallel().forEach(k -> {
            Workspace w = workspace.get();
            expand(nl.environment(centres[k]), w);
            if (inner) {
                System.arraycopy(w.c, 0, rows[k], 0, width);
            } else {
                spectrum.compute(w.c, rows[k]);
            }
        });
        double[] mean = new double[width];
        for (double[] row : rows) {
            for (int i = 0; i < width; i++) {
                mean[i] += row[i];
            }
        }
        for (int i = 0; i < width; i++) {
            mean[i] /= centres.length;
        }
        if (!inner) {
            return new double[][]{mean};
        }
        double[] out = new double[featureCount()];
        spectrum.compute(mean, out);
        return new double[][]{out};
    }

    private void checkSpecies(Structure s) {
        for (int i = 0; i < s.size(); i++) {
            int z = s.atomicNumber(i);
            if (speciesIndex[z] < 0) {
                throw new IllegalArgumentException("atom " + i + " has atomic number " + z
                        + ", which is not among the SOAP species " + Arrays.toString(species));
            }
        }
    }

    /** Fills w.c with the coefficients of the centre atom plus the neighbours within the cutoff. */
    private void expand(LocalEnvironment env, Workspace w) {
        w.ensure(env.size() + 1);
        int zc = env.centreZ();
        int sc = zc >= 1 && zc <= 118 ? speciesIndex[zc] : -1;
        if (sc < 0) {
            throw new IllegalArgumentException("the centre atom " + env.centre() + " has atomic number " + zc
                    + ", which is not among the SOAP species " + Arrays.toString(species));
        }
        w.x[0] = 0.0;
        w.y[0] = 0.0;
        w.z[0] = 0.0;
        w.sp[0] = sc;
        int count = 1;
        double[][] r = env.r();
        double[] d = env.distance();
        int[] z = env.neighbourZ();
        for (int j = 0; j < d.length; j++) {
            if (d[j] > cutoff) {
                continue;
            }
            int sj = z[j] >= 1 && z[j] <= 118 ? speciesIndex[z[j]] : -1;
            if (sj < 0) {
                throw new IllegalArgumentException("neighbour atom " + env.neighbourIndex()[j] + " of centre "
                        + env.centre() + " has atomic number " + z[j] + ", which is not among the SOAP species "
                        + Arrays.toString(species));
            }
            w.x[count] = r[j][0];
            w.y[count] = r[j][1];
            w.z[count] = r[j][2];
            w.sp[count] = sj;
            count++;
        }
        w.expansion.expand(w.x, w.y, w.z, w.sp, count, w.c);
    }

    /** Per-thread scratch: an expansion instance, atom buffers and the coefficients. */
    private static final class Workspace {
        final SoapExpansion expansion;
        final double[] c;
        double[] x = new double[0];
        double[] y = new double[0];
        double[] z = new double[0];
        int[] sp = new int[0];

        Workspace(SoapExpansion expansion) {
            this.expansion = expansion;
            this.c = new double[expansion.coefficientCount()];
        }

        void ensure(int n) {
            if (x.length < n) {
                int size = Math.max(n, 2 * x.length);
                x = new double[size];
                y = new double[size];
                z = new double[size];
                sp = new int[size];
            }
        }
    }
}
