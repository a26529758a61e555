package org.physml.surrogate;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Builds a training table for the property surrogate: n random samples (d, eta, T) drawn from given ranges
 * and the model's k(d, eta, T) for each.
 *
 * <p>Sampling: d log-uniform on [dMin, dMax) (ln d uniform), eta uniform on [etaMin, etaMax), T uniform on
 * [TMin, TMax), all from one Mersenne-Twister stream seeded with the given seed, drawn in the order
 * d, eta, T per sample - the same seed gives the same table.
 *
 * <p>Output columns (Tablesaw {@link DoubleColumn}s, one row per sample): {@value #THICKNESS},
 * {@value #ROUGHNESS}, {@value #TEMPERATURE}, {@value #CONDUCTIVITY}.
 */
public final class ThermalDatasetBuilder {
    /** Column name of the film thickness d, nm. */
    public static final String THICKNESS = "thickness_nm";
    /** Column name of the rms roughness eta, nm. */
    public static final String ROUGHNESS = "roughness_nm";
    /** Column name of the temperature T, K. */
    public static final String TEMPERATURE = "T_K";
    /** Column name of the in-plane conductivity k, W/(m K). */
    public static final String CONDUCTIVITY = "k_W_mK";

    /**
     * Sampling ranges.
     *
     * @param dMinNm   smallest thickness, nm, &gt; 0
     * @param dMaxNm   largest thickness, nm, &gt; dMinNm, finite
     * @param etaMinNm smallest roughness, nm, &gt;= 0
     * @param etaMaxNm largest roughness, nm, &gt;= etaMinNm, finite
     * @param tMinK    lowest temperature, K, &gt; 0
     * @param tMaxK    highest temperature, K, &gt;= tMinK, finite
     */
    public record Ranges(double dMinNm, double dMaxNm, double etaMinNm, double etaMaxNm, double tMinK,
                         double tMaxK) {

        /** The lecture's ranges: d 10 nm - 10 um, eta 0 - 1 nm, T 100 - 500 K. */
        public static final Ranges LECTURE = new Ranges(10.0, 10000.0, 0.0, 1.0, 100.0, 500.0);

        /** @throws IllegalArgumentException if a bound is out of range or not finite, or max &lt; min */
        public Ranges {
            if (!(dMinNm > 0.0) || !(dMaxNm > dMinNm) || Double.isInfinite(dMaxNm)) {
                throw new IllegalArgumentException("need 0 < dMin < dMax < inf (nm), got [" + dMinNm + ", "
                        + dMaxNm + "]");
            }
            if (!(etaMinNm >= 0.0) || !(etaMaxNm >= etaMinNm) || Double.isInfinite(etaMaxNm)) {
                throw new IllegalArgumentException("need 0 <= etaMin <= etaMax < inf (nm), got [" + etaMinNm
                        + ", " + etaMaxNm + "]");
            }
            if (!(tMinK > 0.0) || !(tMaxK >= tMinK) || Double.isInfinite(tMaxK)) {
                throw new IllegalArgumentException("need 0 < TMin <= TMax < inf (K), got [" + tMinK + ", "
                        + tMaxK + "]");
            }
        }
    }

    private final FilmConductivityModel model;
    private final Ranges ranges;

    /**
     * @param model  the (expensive) model to sample
     * @param ranges sampling ranges
     * @throws IllegalArgumentException if model or ranges is null
     */
    public ThermalDatasetBuilder(FilmConductivityModel model, Ranges ranges) {
        if (model == null || ranges == null) {
            throw new IllegalArgumentException("model and ranges must not be null");
        }
        this.model = model;
        this.ranges = ranges;
    }

    /** Builder over the lecture's ranges ({@link Ranges#LECTURE}). */
    public ThermalDatasetBuilder(FilmConductivityModel model) {
        this(model, Ranges.LECTURE);
    }

    /** The sampling ranges. */
    public Ranges ranges() {
        return ranges;
    }

    /**
     * Draws n samples and evaluates the model on each (sequentially, on the calling thread).
     *
     * @param n    number of samples, &gt;= 1
     * @param seed seed of the random stream
     * @return table with columns thickness_nm, roughness_nm, T_K, k_W_mK and n rows
     * @throws IllegalArgumentException if n &lt; 1
     */
    public Table build(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("number of samples n must be >= 1, got " + n);
        }
        RandomGenerator rng = new MersenneTwister(seed);
        double lnMin = Math.log(ranges.dMinNm());
        double lnSpan = Math.log(ranges.dMaxNm()) - lnMin;
        double[] d = new double[n];
        double[] eta = new double[n];
        double[] t = new double[n];
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            // exp(ln) can round one ulp outside [dMin, dMax); keep the draw inside the half-open range
            double di = Math.exp(lnMin + lnSpan * rng.nextDouble());
            d[i] = Math.max(ranges.dMinNm(), Math.min(di, Math.nextDown(ranges.dMaxNm())));
            eta[i] = ranges.etaMinNm() + (ranges.etaMaxNm() - ranges.etaMinNm()) * rng.nextDouble();
            t[i] = ranges.tMinK() + (ranges.tMaxK() - ranges.tMinK()) * rng.nextDouble();
        }
        for (int i = 0; i < n; i++) {
            k[i] = model.inPlane(d[i], eta[i], t[i]);
        }
        return Table.create("si_film_k_samples",
                DoubleColumn.create(THICKNESS, d),
                DoubleColumn.create(ROUGHNESS, eta),
                DoubleColumn.create(TEMPERATURE, t),
                DoubleColumn.create(CONDUCTIVITY, k));
    }
}
