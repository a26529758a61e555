package org.physml.descriptors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.physml.structure.LocalEnvironment;

/**
 * The angular "G8" symmetry function of the ice / liquid-water structure-detection study
 * (P. Geiger and C. Dellago, J. Chem. Phys. 139, 164105 (2013)):
 * <pre>
 *   G8[eta, alpha] = 1/2 sum_{j != k} sin(eta (theta_ijk - alpha)) f_b(R_ij) f_b(R_ik)
 *                  = sum_{j &lt; k} sin(eta (theta_ijk - alpha)) f_b(R_ij) f_b(R_ik)
 * </pre>
 * with theta_ijk in [0, pi] the angle at the centre i between neighbours j and k (radians), alpha an angle in
 * radians, eta dimensionless, and f_b the smooth radial window {@link CutoffFunction#smoothWindow} (cos^2 ramps
 * of width pi/(2 nu) around a plateau [a_l, a_r]). The double sum over ordered pairs halved equals the sum over
 * unordered pairs because the summand is symmetric in j and k. All neighbours count, whatever their species;
 * the centre's species is not encoded.
 *
 * <p>The text of the paper could not be consulted here (no equation number can be given): the form
 * implemented is the one of the project specification, and it agrees with an independent third-party
 * implementation of the same set of eight symmetry functions (found by code search, repository not named by the
 * index). Any other {@link CutoffFunction} may be passed as the radial weight; with
 * {@link CutoffFunction#sigmoid} the same sum is the study's companion function with the sigmoid cutoff (G7 in
 * that implementation).
 *
 * <p>One feature per (eta, alpha) pair, named {@code "G8[eta=3,alpha=1.9106]"}. Immutable and thread-safe.
 */
public final class AcsfG8 extends ParameterisedDescriptor<AcsfG8Parameters> implements LocalDescriptor {
    private final CutoffFunction weight;
    private final double[] eta, alpha;
    private final List<String> names;

    /**
     * @param weight   radial weight f_b (usually {@link CutoffFunction#smoothWindow}); its rCut() bounds the
     *                 neighbourhood
     * @param etaAlpha parameter rows {eta, alpha}, shape [n][2], eta &gt; 0 and finite, alpha finite (radians)
     * @throws IllegalArgumentException if no row is given, a row is not of length 2, eta is not a positive finite
     *                                  number or alpha is not finite
     */
    public AcsfG8(CutoffFunction weight, double[][] etaAlpha) {
        this(parameters(weight, etaAlpha));
    }

    AcsfG8(AcsfG8Parameters p) {
        super(p);
        this.weight = p.weight();
        int n = p.terms().size();
        eta = new double[n];
        alpha = new double[n];
        List<String> names = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            eta[t] = p.terms().get(t).eta();
            alpha[t] = p.terms().get(t).alpha();
            names.add("G8[eta=" + Acsf.fmt(eta[t]) + ",alpha=" + Acsf.fmt(alpha[t]) + "]");
        }
        this.names = Collections.unmodifiableList(names);
    }

    private static AcsfG8Parameters parameters(CutoffFunction weight, double[][] etaAlpha) {
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(etaAlpha, "etaAlpha");
        List<AcsfG8Parameters.Term> terms = new ArrayList<>();
        for (int t = 0; t < etaAlpha.length; t++) {
            double[] row = etaAlpha[t];
            if (row == null || row.length != 2) {
                throw new IllegalArgumentException("etaAlpha[" + t + "] must be a row {eta, alpha}, got "
                        + Arrays.toString(row));
            }
            try {
                terms.add(new AcsfG8Parameters.Term(row[0], row[1]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("etaAlpha[" + t + "]: " + e.getMessage(), e);
            }
        }
        return new AcsfG8Parameters(weight, terms);
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    /** Upper end of the weight's support, Angstrom. */
    @Override
    public double cutoff() {
        return weight.rCut();
    }

    /**
     * @throws IllegalArgumentException if out has the wrong length or a weighted neighbour is at distance 0
     */
    @Override
    public void compute(LocalEnvironment env, double[] out) {
        if (out.length != eta.length) {
            throw new IllegalArgumentException("output array has length " + out.length + ", expected " + eta.length);
        }
        Arrays.fill(out, 0.0);
        int m0 = env.size();
        int[] keep = new int[m0];
        double[] w = new double[m0];
        int m = 0;
        for (int q = 0; q < m0; q++) {
            double f = weight.value(env.distance()[q]);
            if (f != 0.0) {
                if (!(env.distance()[q] > 0)) {
                    throw new IllegalArgumentException("neighbour atom " + env.neighbourIndex()[q] + " of centre "
                            + env.centre() + " is at distance 0; the angle is undefined");
                }
                keep[m] = q;
                w[m++] = f;
            }
        }
        double[][] v = env.r();
        double[] d = env.distance();
        for (int j = 1; j < m; j++) {
            double[] rj = v[keep[j]];
            for (int k = 0; k < j; k++) {
                double[] rk = v[keep[k]];
                double cos = (rj[0] * rk[0] + rj[1] * rk[1] + rj[2] * rk[2]) / (d[keep[j]] * d[keep[k]]);
                double theta = Math.acos(Math.max(-1.0, Math.min(1.0, cos)));
                double wjk = w[j] * w[k];
                for (int t = 0; t < eta.length; t++) {
                    out[t] += Math.sin(eta[t] * (theta - alpha[t])) * wjk;
                }
            }
        }
    }
}
