package org.physml.surrogate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Kinetic-theory model of the in-plane lattice thermal conductivity of a silicon film of thickness d with
 * rms surface roughness eta at temperature T: phonon Boltzmann transport in the relaxation-time
 * approximation with Holland's spectral model, the Fuchs-Sondheimer film reduction per mode and Ziman's
 * specularity per mode.
 *
 * <pre>
 *   k(d, eta, T) = sum_s (1/3) int C(omega, T) v_s^2 tau_s(omega, T) D_s(omega) F(Lambda_s / d, p_s) domega
 *   Lambda_s(omega) = v_s tau_s(omega, T),   p_s(omega) = exp(-16 pi^2 eta^2 / lambda_s(omega)^2)
 * </pre>
 * <ul>
 *   <li>s runs over Holland's segments TA_N, TA_U, LA ({@link HollandParameters#segments()}), D_s is the
 *       segment density of states g omega^2 / (2 pi^2 v_s^3) ({@link PhononSegment}); with C the mode heat
 *       capacity ({@link BoseEinstein}) the bulk part is Holland's conductivity integral
 *       k_s = (g/3) (k_B / (2 pi^2 v_s)) (k_B/hbar)^3 T^3 int tau x^4 e^x / (e^x - 1)^2 dx, x = hbar omega/k_B T
 *       (M. G. Holland, Phys. Rev. 132, 2461 (1963));</li>
 *   <li>1/tau_s: Matthiessen sum of Holland's phonon-phonon law, point-defect scattering A omega^4 and an
 *       optional Casimir term ({@link ScatteringRates});</li>
 *   <li>F: Fuchs-Sondheimer in-plane reduction ({@link FuchsSondheimer}); d = infinity or eta = 0 (p = 1)
 *       give F = 1, i.e. the bulk value;</li>
 *   <li>p: Ziman's specularity ({@link ZimanSpecularity}) with the wavelength of the mode.</li>
 * </ul>
 * Frequency integrals: composite Gauss-Legendre ({@link GaussLegendreQuadrature}) on uniform panels, the
 * first panel of the segments that start at omega = 0 refined geometrically towards 0.
 *
 * <p>Validity and limitations: undoped, natural-isotope single-crystal Si; Holland's parameters were fitted
 * to bulk data up to room temperature - against the tabulated bulk values shipped in
 * {@code data/thermal/si_film_in_plane_k.csv} the bulk model is 1-8 % low between 100 and 500 K (it has no
 * four-phonon or optical-phonon physics). The film part assumes bulk dispersion and bulk relaxation times
 * (no phonon confinement), so it is meaningful for d &gt;~ 10-20 nm; p is the normal-incidence,
 * long-correlation-length Ziman form; native oxide is not modelled. With eta = 0.3 nm the model
 * over-predicts all four shipped film measurements at 300 K: by 13-26 % for d = 15-1500 nm and by 72 % for
 * a 9 nm membrane (SiliconFilmConductivityTest prints the comparison).
 *
 * <p>Cost: about 200 Fuchs-Sondheimer evaluations per call, roughly 1 ms on one core after JIT warm-up
 * (the DEFAULT resolution agrees with FINE to ~1e-9). Immutable and thread-safe.
 */
public final class SiliconFilmConductivity implements FilmConductivityModel {

    /**
     * Quadrature resolution.
     *
     * @param omegaPoints   Gauss-Legendre points per frequency panel, 1..64
     * @param uniformPanels uniform frequency panels per segment, &gt;= 1
     * @param gradedLevels  geometric halvings of the first panel of segments starting at omega = 0, &gt;= 0
     * @param fsPoints      Gauss-Legendre points per Fuchs-Sondheimer panel, 1..64
     * @param fsPanelRatio  geometric ratio of the Fuchs-Sondheimer panels, &gt; 1
     */
    public record Resolution(int omegaPoints, int uniformPanels, int gradedLevels, int fsPoints,
                             double fsPanelRatio) {

        /** Default: 8 points x (6 uniform + 6 graded) panels, Fuchs-Sondheimer 16 points, ratio 4. */
        public static final Resolution DEFAULT = new Resolution(8, 6, 6, 16, 4.0);

        /** Reference resolution for convergence checks (about 20x the cost of DEFAULT). */
        public static final Resolution FINE = new Resolution(16, 24, 12, 32, 2.0);

        /** @throws IllegalArgumentException if a count or the ratio is out of range */
        public Resolution {
            if (uniformPanels < 1) {
                throw new IllegalArgumentException("uniformPanels must be >= 1, got " + uniformPanels);
            }
            if (gradedLevels < 0) {
                throw new IllegalArgumentException("gradedLevels must be >= 0, got " + gradedLevels);
            }
            if (omegaPoints < 1 || omegaPoints > 64 || fsPoints < 1 || fsPoints > 64) {
                throw new IllegalArgumentException("Gauss-Legendre point counts must be in 1..64, got omegaPoints = "
                        + omegaPoints + ", fsPoints = " + fsPoints);
            }
            if (!(fsPanelRatio > 1.0) || Double.isInfinite(fsPanelRatio)) {
                throw new IllegalArgumentException("fsPanelRatio must be > 1 and finite, got " + fsPanelRatio);
            }
        }
    }

    private final List<PhononSegment> segments;
    private final ScatteringRates rates;
    private final FuchsSondheimer fuchsSondheimer;
    private final GaussLegendreQuadrature omegaRule;
    private final Resolution resolution;

    /** Holland's Si parameters, no Casimir scattering, default resolution. */
    public SiliconFilmConductivity() {
        this(HollandParameters.silicon(), Double.POSITIVE_INFINITY, Resolution.DEFAULT);
    }

    /**
     * @param params        Holland parameters
     * @param casimirLength Casimir length of the (bulk) sample, m, &gt; 0, or +infinity for none
     * @param resolution    quadrature resolution
     * @throws IllegalArgumentException if params or resolution is null or L_C is not &gt; 0
     */
    public SiliconFilmConductivity(HollandParameters params, double casimirLength, Resolution resolution) {
        if (resolution == null) {
            throw new IllegalArgumentException("resolution must not be null");
        }
        this.rates = new ScatteringRates(params, casimirLength);
        this.segments = params.segments();
        this.resolution = resolution;
        this.omegaRule = new GaussLegendreQuadrature(resolution.omegaPoints());
        this.fuchsSondheimer = new FuchsSondheimer(new GaussLegendreQuadrature(resolution.fsPoints()),
                resolution.fsPanelRatio());
    }

    /** The spectral segments TA_N, TA_U, LA. */
    public List<PhononSegment> segments() {
        return segments;
    }

    /** The scattering rates used (Matthiessen sum). */
    public ScatteringRates rates() {
        return rates;
    }

    /**
     * Bulk lattice thermal conductivity k(T), W/(m K) (no film boundaries; Casimir term if configured).
     *
     * @param temperature T, K, &gt; 0 and finite
     * @throws IllegalArgumentException if T is out of range
     */
    public double bulk(double temperature) {
        return inPlane(Double.POSITIVE_INFINITY, 0.0, temperature);
    }

    /**
     * In-plane thermal conductivity of a film, W/(m K).
     *
     * @param dNm         film thickness d, nm, &gt; 0; Double.POSITIVE_INFINITY gives the bulk value
     * @param etaNm       rms roughness eta of both surfaces, nm, &gt;= 0 and finite (0: specular, bulk value)
     * @param temperature T, K, &gt; 0 and finite
     * @throws IllegalArgumentException if an argument is out of range (NaN included)
     */
    @Override
    public double inPlane(double dNm, double etaNm, double temperature) {
        double sum = 0.0;
        for (double k : contributions(dNm, etaNm, temperature).values()) {
            sum += k;
        }
        return sum;
    }

    /**
     * The in-plane conductivity split by spectral segment (TA_N, TA_U, LA), W/(m K); the values sum to
     * {@link #inPlane(double, double, double)}.
     *
     * @throws IllegalArgumentException as {@link #inPlane(double, double, double)}
     */
    public Map<PhononSegment.Kind, Double> contributions(double dNm, double etaNm, double temperature) {
        if (!(dNm > 0.0)) {
            throw new IllegalArgumentException("film thickness d must be > 0 nm (or +Infinity for bulk), got "
                    + dNm);
        }
        if (!(etaNm >= 0.0) || Double.isInfinite(etaNm)) {
            throw new IllegalArgumentException("rms roughness eta must be >= 0 nm and finite, got " + etaNm);
        }
        if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature T must be > 0 K and finite, got " + temperature);
        }
        double d = dNm * 1e-9;
        double eta = etaNm * 1e-9;
        Map<PhononSegment.Kind, Double> out = new EnumMap<>(PhononSegment.Kind.class);
        for (PhononSegment s : segments) {
            out.put(s.kind(), segment(s, d, eta, temperature));
        }
        return out;
    }

    private double segment(PhononSegment s, double d, double eta, double T) {
        boolean bulk = Double.isInfinite(d) || eta == 0.0;
        double v = s.velocity();
        DoubleUnaryOperator integrand = omega -> {
            double tau = 1.0 / rates.total(s, omega, T);
            double f = 1.0;
            if (!bulk) {
                double p = ZimanSpecularity.specularity(s.wavelength(omega), eta);
                f = fuchsSondheimer.reduction(v * tau / d, p);
            }
            return BoseEinstein.modeHeatCapacity(omega, T) * v * v * tau * s.densityOfStates(omega) * f;
        };
        return omegaRule.integrate(integrand, breaks(s)) / 3.0;
    }

    private double[] breaks(PhononSegment s) {
        int n = resolution.uniformPanels();
        int g = s.omegaLow() == 0.0 ? resolution.gradedLevels() : 0;
        double lo = s.omegaLow();
        double h = (s.omegaHigh() - lo) / n;
        double[] b = new double[n + g + 1];
        b[0] = lo;
        for (int j = 0; j < g; j++) {
            b[1 + j] = lo + h * Math.pow(0.5, g - j);
        }
        for (int k = 1; k <= n; k++) {
            b[g + k] = k == n ? s.omegaHigh() : lo + k * h;
        }
        return b;
    }
}
