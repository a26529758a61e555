package org.physml.surrogate;

/**
 * A model of the in-plane thermal conductivity of a film, k(d, eta, T). Implemented by
 * {@link SiliconFilmConductivity}; the data-set builder depends only on this contract.
 */
@FunctionalInterface
public interface FilmConductivityModel {

    /**
     * In-plane thermal conductivity, W/(m K).
     *
     * @param dNm         film thickness d, nm, &gt; 0 (Double.POSITIVE_INFINITY: bulk)
     * @param etaNm       rms surface roughness eta, nm, &gt;= 0
     * @param temperature temperature T, K, &gt; 0
     * @throws IllegalArgumentException if an argument is out of range
     */
    double inPlane(double dNm, double etaNm, double temperature);
}
