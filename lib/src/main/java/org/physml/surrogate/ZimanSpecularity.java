package org.physml.surrogate;

/**
 * Specularity of a randomly rough surface for a phonon of wavelength lambda (Ziman's formula).
 *
 * <pre>  p(lambda) = exp(-16 pi^2 eta^2 / lambda^2) = exp(-4 q^2 eta^2),   q = 2 pi / lambda</pre>
 * eta is the rms surface roughness. Source: J. M. Ziman, Electrons and Phonons (Clarendon Press, Oxford,
 * 1960); A. A. Maznev, Phys. Rev. B 91, 134306 (2015) shows (abstract) that the specularity reduction
 * 4 eta^2 q^2 of this "Ziman equation" is the small-perturbation result for normal incidence when the
 * roughness correlation length is long compared with lambda, and that for short correlation lengths the
 * reduction instead scales as eta^2 q^4 L^2 - so p(lambda) here is the long-correlation-length,
 * angle-independent (normal-incidence) form.
 *
 * <p>Limits: p = 1 (specular) for eta = 0, p -&gt; 0 (diffuse) for eta &gt;&gt; lambda / (4 pi).
 */
public final class ZimanSpecularity {

    private ZimanSpecularity() {
    }

    /**
     * Specularity p in [0, 1].
     *
     * @param lambda phonon wavelength, m, &gt; 0 and finite
     * @param eta    rms roughness, m, &gt;= 0 and finite
     * @throws IllegalArgumentException if lambda or eta is out of range (NaN included)
     */
    public static double specularity(double lambda, double eta) {
        if (!(lambda > 0.0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("phonon wavelength must be a positive finite length (m), got "
                    + lambda);
        }
        if (!(eta >= 0.0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("rms roughness eta must be >= 0 and finite (m), got " + eta);
        }
        double r = eta / lambda;
        return Math.exp(-16.0 * Math.PI * Math.PI * r * r);
    }
}
