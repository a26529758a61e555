package org.physml.descriptors.soap;

import java.util.Arrays;

import org.physml.math.Lazy;
import org.physml.math.PiecewisePolynomialTable;
import org.physml.math.angular.RealSphericalHarmonics;

/**
 * Analytic SOAP coefficients in the GTO radial basis ({@link GtoRadialBasis}).
 *
 * <p>For one Gaussian of width sigma at r_j (eta = 1/(2 sigma^2)), the integral over all space of
 * r^l exp(-alpha r^2) Y_lm(r_hat) exp(-eta |r - r_j|^2) is, with the plane-wave-like expansion
 * exp(2 eta r.r_j) = 4 pi sum_lm i_l(2 eta r r_j) Y_lm(r_hat) Y_lm(r_hat_j) and
 * integral_0^inf r^(l+2) exp(-p r^2) i_l(b r) dr = sqrt(pi) b^l / (2^(l+2) p^(l+3/2)) exp(b^2/(4p)),
 * <pre>
 *   (pi/(alpha + eta))^(3/2) (eta/(alpha + eta))^l r_j^l exp(-alpha eta r_j^2/(alpha + eta)) Y_lm(r_hat_j),
 * </pre>
 * hence (DScribe 2.1, {@code soapGTO.cpp}; Himanen et al., Comput. Phys. Commun. 247, 106949 (2020))
 * <pre>
 *   c^Z_nlm = sum_j sum_k beta^l_nk (pi/(alpha_lk + eta))^(3/2) (eta/(alpha_lk + eta))^l
 *             exp(-alpha_lk eta r_j^2/(alpha_lk + eta)) [r_j^l Y_lm(r_hat_j)].
 * </pre>
 * An atom at the centre contributes to l = 0 only (r_j^l = 0 for l &gt; 0).
 *
 * <p>Work per atom: one evaluation of the solid harmonics r^l Y_lm by recurrence, one exponential per
 * distinct exponent A_lk = alpha_lk eta/(alpha_lk + eta), and n_max (l_max + 1)^2 multiply-adds into the
 * primitive sums P_klm = sum_j exp(-A_lk r_j^2) r_j^l Y_lm; the beta and prefactor matrix
 * B^l_nk = beta^l_nk (pi/(alpha_lk + eta))^(3/2) (eta/(alpha_lk + eta))^l is applied once per environment.
 *
 * <p>Tabulated variant (the one {@link org.physml.descriptors.Soap} uses): the contracted radial functions
 * R_nl(r) = sum_k B^l_nk exp(-A_lk r^2), so that c^Z_nlm = sum_j R_nl(r_j) [r_j^l Y_lm(r_hat_j)], are
 * tabulated once on [0, r_max] as piecewise polynomials ({@link PiecewisePolynomialTable}, as featomic splines
 * its radial integrals), to {@value #TABLE_TOLERANCE} of each function's size or the rounding of the exact sum
 * (which cancels: the B entries reach 1e4). Per atom, n_max (l_max + 1) Horner sums evaluated side by side
 * replace as many exponentials, and the B transform disappears; the coefficients agree with the exact sums to
 * about 1e-12 of the largest one. Measured on n_max 8, l_max 6 and 68 atoms: the expansion takes about 0.55 of
 * the time of the exact sums.
 */
public final class GtoExpansion extends AbstractSoapExpansion {
    /** Polynomial degree of the tabulated radial functions. */
    public static final int TABLE_DEGREE = 7;
    /** Largest error of the tabulated radial functions, relative to each function's largest magnitude. */
    public static final double TABLE_TOLERANCE = 1e-11;
    private final int nLm;
    /** Distinct exponents A, Angstrom^-2. */
    private final double[] exponents;
    /** For (l, k) at l * n_max + k: index into exponents. */
    private final int[] exponentIndex;
    /** B^l_nk at (l * n_max + n) * n_max + k. */
    private final double[] transform;
    private final RealSphericalHarmonics ylm;
    /** R_nl(r) = sum_k B^l_nk exp(-A_lk r^2) at function l * n_max + n, or null for the exact sums. */
    private final Lazy<PiecewisePolynomialTable> radial;

    // scratch, rows of length cap over the atoms sorted by species
    private final double[] primitive;
    private final int[] speciesStart;
    private final int[] speciesNext;
    private int cap;
    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private double[] zs = new double[0];
    private double[] r2 = new double[0];
    /** r^l Y_lm of atom i at ylmRows[lm][i]. */
    private double[][] ylmRows = new double[0][];
    private double[] expRows = new double[0];
    /** R_nl(r_i) of atom i at rRows[i][l * n_max + n]. */
    private double[][] rRows = new double[0][];
    /** Number of tabulated radial functions, (l_max + 1) n_max, or 0 for the exact sums. */
    private final int radialCount;
    private double[][] work = new double[3][0];

    /**
     * @param basis    the GTO radial basis (r_cut, n_max, l_max)
     * @param sigma    Gaussian width sigma, Angstrom, finite and &gt; 0
     * @param nSpecies number of species S &gt;= 1
     * @throws IllegalArgumentException if sigma or nSpecies is out of range
     */
    public GtoExpansion(GtoRadialBasis basis, double sigma, int nSpecies) {
        this(basis, sigma, nSpecies, Double.NaN);
    }

    /**
     * The expansion with the contracted radial functions R_nl(r) = sum_k B^l_nk exp(-A_lk r^2) tabulated on
     * [0, r_max] ({@link PiecewisePolynomialTable}, degree {@value #TABLE_DEGREE}, relative error at most
     * {@value #TABLE_TOLERANCE}): per atom n_max (l_max + 1) short polynomial sums replace as many exponentials.
     *
     * @param basis    the GTO radial basis (r_cut, n_max, l_max)
     * @param sigma    Gaussian width sigma, Angstrom, finite and &gt; 0
     * @param nSpecies number of species S &gt;= 1
     * @param rMax     largest neighbour distance the expansion will see, Angstrom (finite and &gt; 0), or NaN
     *                 for the exact sums of exponentials at any distance
     * @throws IllegalArgumentException if sigma, nSpecies or rMax is out of range
     */
    public GtoExpansion(GtoRadialBasis basis, double sigma, int nSpecies, double rMax) {
        super(nSpecies, basis.nMax(), basis.lMax(), sigma);
        this.nLm = (lMax + 1) * (lMax + 1);
        double eta = 1.0 / (2.0 * sigma * sigma);
        this.exponentIndex = new int[(lMax + 1) * nMax];
        this.transform = new double[(lMax + 1) * nMax * nMax];
        double[] distinct = new double[(lMax + 1) * nMax];
        int nDistinct = 0;
        for (int l = 0; l <= lMax; l++) {
            for (int k = 0; k < nMax; k++) {
                double alpha = basis.alpha(l, k);
                double exponent = alpha * eta / (alpha + eta);
                int found = -1;
                for (int u = 0; u < nDistinct; u++) {
                    if (distinct[u] == exponent) {
                        found = u;
                        break;
                    }
                }
                if (found < 0) {
                    distinct[nDistinct] = exponent;
                    found = nDistinct++;
                }
                exponentIndex[l * nMax + k] = found;
                double pref = Math.pow(Math.PI / (alpha + eta), 1.5) * Math.pow(eta / (alpha + eta), l);
                for (int n = 0; n < nMax; n++) {
                    transform[(l * nMax + n) * nMax + k] = basis.beta(l, n, k) * pref;
                }
            }
        }
        this.exponents = Arrays.copyOf(distinct, nDistinct);
        this.ylm = new RealSphericalHarmonics(lMax);
        if (Double.isNaN(rMax)) {
            this.radial = null;
        } else if (!(rMax > 0) || !Double.isFinite(rMax)) {
            throw new IllegalArgumentException("r_max must be finite and > 0 (or NaN for exact sums), got " + rMax);
        } else {
            // fitted on first use (about 0.1 s for n_max 8, l_max 6) and shared by all copies
            this.radial = new Lazy<>(() -> PiecewisePolynomialTable.fit(this::radialFunctions, (lMax + 1) * nMax, rMax,
                    TABLE_DEGREE, TABLE_TOLERANCE, roundingFloor()));
        }
        this.radialCount = radial == null ? 0 : (lMax + 1) * nMax;
        this.primitive = new double[nSpecies * nLm * nMax];
        this.speciesStart = new int[nSpecies + 1];
        this.speciesNext = new int[nSpecies + 1];
    }

    private GtoExpansion(GtoExpansion o) {
        super(o);
        this.nLm = o.nLm;
        this.exponents = o.exponents;
        this.exponentIndex = o.exponentIndex;
        this.transform = o.transform;
        this.ylm = o.ylm;
        this.radial = o.radial;
        this.radialCount = o.radialCount;
        this.primitive = new double[nSpecies * nLm * nMax];
        this.speciesStart = new int[nSpecies + 1];
        this.speciesNext = new int[nSpecies + 1];
    }

    @Override
    public SoapExpansion copy() {
        return new GtoExpansion(this);
    }

    @Override
    public void expand(double[] x, double[] y, double[] z, int[] species, int count, double[] c) {
        ensureCapacity(count);
        sortBySpecies(x, y, z, species, count);
        final int nMax = this.nMax;
        final int cap = this.cap;
        // rows over atoms: r^l Y_lm (index lm) and exp(-A r^2) (index of the distinct exponent)
        ylm.solid(xs, ys, zs, count, ylmRows, work);
        if (radial != null) {
            expandTabulated(count, c);
            return;
        }
        for (int u = 0; u < exponents.length; u++) {
            double a = exponents[u];
            int off = u * cap;
            for (int i = 0; i < count; i++) {
                expRows[off + i] = Math.exp(-a * r2[i]);
            }
        }
        // P^s_klm = sum_{i of species s} exp(-A_lk r_i^2) r_i^l Y_lm(i), four k at a time
        for (int s = 0; s < nSpecies; s++) {
            int b = speciesStart[s];
            int e = speciesStart[s + 1];
            for (int l = 0; l <= lMax; l++) {
                int lmEnd = (l + 1) * (l + 1);
                for (int lm = l * l; lm < lmEnd; lm++) {
                    double[] yRow = ylmRows[lm];
                    int po = (s * nLm + lm) * nMax;
                    int k = 0;
                    for (; k + 4 <= nMax; k += 4) {
                        int e0 = exponentIndex[l * nMax + k] * cap;
                        int e1 = exponentIndex[l * nMax + k + 1] * cap;
                        int e2 = exponentIndex[l * nMax + k + 2] * cap;
                        int e3 = exponentIndex[l * nMax + k + 3] * cap;
                        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
                        for (int i = b; i < e; i++) {
                            double v = yRow[i];
                            s0 += expRows[e0 + i] * v;
                            s1 += expRows[e1 + i] * v;
                            s2 += expRows[e2 + i] * v;
                            s3 += expRows[e3 + i] * v;
                        }
                        primitive[po + k] = s0;
                        primitive[po + k + 1] = s1;
                        primitive[po + k + 2] = s2;
                        primitive[po + k + 3] = s3;
                    }
                    for (; k < nMax; k++) {
                        int e0 = exponentIndex[l * nMax + k] * cap;
                        double s0 = 0.0;
                        for (int i = b; i < e; i++) {
                            s0 += expRows[e0 + i] * yRow[i];
                        }
                        primitive[po + k] = s0;
                    }
                }
            }
        }
        // c^s_nlm = sum_k B^l_nk P^s_klm
        for (int s = 0; s < nSpecies; s++) {
            for (int l = 0; l <= lMax; l++) {
                int lmEnd = (l + 1) * (l + 1);
                for (int n = 0; n < nMax; n++) {
                    int tOff = (l * nMax + n) * nMax;
                    int cOff = (s * nMax + n) * nLm;
                    for (int lm = l * l; lm < lmEnd; lm++) {
                        int pOff = (s * nLm + lm) * nMax;
                        double sum = 0.0;
                        for (int k = 0; k < nMax; k++) {
                            sum += transform[tOff + k] * primitive[pOff + k];
                        }
                        c[cOff + lm] = sum;
                    }
                }
            }
        }
    }

    /**
     * c^s_nlm = sum_{i of species s} R_nl(r_i) r_i^l Y_lm(i), with R_nl from the table (per atom, the n_max
     * (l_max + 1) values side by side). The sums are blocked by two (l, m) rows and four n (eight independent
     * sums per pass over the atoms: six loads feed eight multiply-adds), the last m of each l and the last
     * n_max mod 4 values of n in narrower blocks.
     */
    private void expandTabulated(int count, double[] c) {
        PiecewisePolynomialTable table = radial.get();
        for (int i = 0; i < count; i++) {
            table.evaluate(Math.sqrt(r2[i]), rRows[i]);
        }
        for (int s = 0; s < nSpecies; s++) {
            int b = speciesStart[s];
            int e = speciesStart[s + 1];
            for (int l = 0; l <= lMax; l++) {
                int lmEnd = (l + 1) * (l + 1);
                int lm = l * l;
                for (; lm + 2 <= lmEnd; lm += 2) {
                    int n = 0;
                    for (; n + 4 <= nMax; n += 4) {
                        sumTwoRowsFourN(ylmRows[lm], ylmRows[lm + 1], l * nMax + n, b, e, c,
                                (s * nMax + n) * nLm + lm);
                    }
                    for (; n < nMax; n++) {
                        c[(s * nMax + n) * nLm + lm] = sumOne(ylmRows[lm], l * nMax + n, b, e);
                        c[(s * nMax + n) * nLm + lm + 1] = sumOne(ylmRows[lm + 1], l * nMax + n, b, e);
                    }
                }
                for (; lm < lmEnd; lm++) {
                    int n = 0;
                    for (; n + 4 <= nMax; n += 4) {
                        sumOneRowFourN(ylmRows[lm], l * nMax + n, b, e, c, (s * nMax + n) * nLm + lm);
                    }
                    for (; n < nMax; n++) {
                        c[(s * nMax + n) * nLm + lm] = sumOne(ylmRows[lm], l * nMax + n, b, e);
                    }
                }
            }
        }
    }

    /**
     * Into c[cOff + k nLm] and c[cOff + 1 + k nLm], k = 0..3: sum over atoms b..e-1 of R_(f+k)(r_i) times
     * y0[i] and y1[i] (functions f..f+3 of the table).
     */
    private void sumTwoRowsFourN(double[] y0, double[] y1, int f, int b, int e, double[] c, int cOff) {
        double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0;
        double b0 = 0.0, b1 = 0.0, b2 = 0.0, b3 = 0.0;
        for (int i = b; i < e; i++) {
            double u = y0[i];
            double v = y1[i];
            double[] r = rRows[i];
            double r0 = r[f], r1 = r[f + 1], r2 = r[f + 2], r3 = r[f + 3];
            a0 += r0 * u;
            a1 += r1 * u;
            a2 += r2 * u;
            a3 += r3 * u;
            b0 += r0 * v;
            b1 += r1 * v;
            b2 += r2 * v;
            b3 += r3 * v;
        }
        c[cOff] = a0;
        c[cOff + nLm] = a1;
        c[cOff + 2 * nLm] = a2;
        c[cOff + 3 * nLm] = a3;
        c[cOff + 1] = b0;
        c[cOff + 1 + nLm] = b1;
        c[cOff + 1 + 2 * nLm] = b2;
        c[cOff + 1 + 3 * nLm] = b3;
    }

    /** As {@link #sumTwoRowsFourN} for one row y. */
    private void sumOneRowFourN(double[] y, int f, int b, int e, double[] c, int cOff) {
        double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0;
        for (int i = b; i < e; i++) {
            double u = y[i];
            double[] r = rRows[i];
            a0 += r[f] * u;
            a1 += r[f + 1] * u;
            a2 += r[f + 2] * u;
            a3 += r[f + 3] * u;
        }
        c[cOff] = a0;
        c[cOff + nLm] = a1;
        c[cOff + 2 * nLm] = a2;
        c[cOff + 3 * nLm] = a3;
    }

    /** Sum over atoms b..e-1 of R_f(r_i) y[i]. */
    private double sumOne(double[] y, int f, int b, int e) {
        double a = 0.0;
        for (int i = b; i < e; i++) {
            a += rRows[i][f] * y[i];
        }
        return a;
    }

    /**
     * Rounding error of the exact R_nl, 16 ulps of its largest term sum_k |B^l_nk| (the beta matrices cancel:
     * entries reach 1e4 for values of order 1).
     */
    private double[] roundingFloor() {
        double[] floor = new double[(lMax + 1) * nMax];
        for (int l = 0; l <= lMax; l++) {
            for (int n = 0; n < nMax; n++) {
                double sum = 0.0;
                for (int k = 0; k < nMax; k++) {
                    sum += Math.abs(transform[(l * nMax + n) * nMax + k]);
                }
                floor[l * nMax + n] = 16 * Math.ulp(sum);
            }
        }
        return floor;
    }

    /** The exact R_nl(r) = sum_k B^l_nk exp(-A_lk r^2) at l * n_max + n. */
    private double[] radialFunctions(double r) {
        double[] v = new double[(lMax + 1) * nMax];
        for (int l = 0; l <= lMax; l++) {
            for (int n = 0; n < nMax; n++) {
                double sum = 0.0;
                for (int k = 0; k < nMax; k++) {
                    double a = exponents[exponentIndex[l * nMax + k]];
                    sum += transform[(l * nMax + n) * nMax + k] * Math.exp(-a * r * r);
                }
                v[l * nMax + n] = sum;
            }
        }
        return v;
    }

    /** Copies the atoms into xs, ys, zs, r2 grouped by species (counting sort, stable). */
    private void sortBySpecies(double[] x, double[] y, double[] z, int[] species, int count) {
        java.util.Arrays.fill(speciesStart, 0);
        for (int j = 0; j < count; j++) {
            int sp = species[j];
            if (sp < 0 || sp >= nSpecies) {
                throw new IllegalArgumentException("species index " + sp + " of atom " + j + " is outside 0.."
                        + (nSpecies - 1));
            }
            speciesStart[sp + 1]++;
        }
        for (int s = 0; s < nSpecies; s++) {
            speciesStart[s + 1] += speciesStart[s];
        }
        System.arraycopy(speciesStart, 0, speciesNext, 0, speciesStart.length);
        for (int j = 0; j < count; j++) {
            int i = speciesNext[species[j]]++;
            xs[i] = x[j];
            ys[i] = y[j];
            zs[i] = z[j];
            r2[i] = x[j] * x[j] + y[j] * y[j] + z[j] * z[j];
        }
    }

    private void ensureCapacity(int count) {
        if (count > cap) {
            cap = Math.max(count, 2 * cap);
            xs = new double[cap];
            ys = new double[cap];
            zs = new double[cap];
            r2 = new double[cap];
            ylmRows = new double[nLm][cap];
            expRows = radial == null ? new double[exponents.length * cap] : new double[0];
            rRows = radial == null ? new double[0][] : new double[cap][radialCount];
            work = new double[3][cap];
        }
    }
}
