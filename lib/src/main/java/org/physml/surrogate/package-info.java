/**
 * The "expensive physical calculation" behind the property-surrogate notebook: a kinetic-theory
 * (phonon Boltzmann, relaxation-time approximation) model of the in-plane thermal conductivity of
 * silicon films, the measured data it is compared with, and a sampler that turns the model into a
 * training table.
 *
 * <p>Pieces, one job each:
 * <ul>
 *   <li>{@link org.physml.surrogate.HollandParameters} - the Holland (1963) parameter set for Si;</li>
 *   <li>{@link org.physml.surrogate.PhononSegment} - one linear piece of the acoustic dispersion
 *       (density of states, wavevector, wavelength);</li>
 *   <li>{@link org.physml.surrogate.ScatteringRates} - phonon-phonon, point-defect and Casimir rates,
 *       combined by Matthiessen's rule;</li>
 *   <li>{@link org.physml.surrogate.BoseEinstein} - the heat capacity of one mode;</li>
 *   <li>{@link org.physml.surrogate.ZimanSpecularity} - specularity p(lambda) from the rms roughness eta;</li>
 *   <li>{@link org.physml.surrogate.FuchsSondheimer} - in-plane film reduction function F(Kn, p);</li>
 *   <li>{@link org.physml.surrogate.GaussLegendreQuadrature} - composite Gauss-Legendre rule (nodes from
 *       Commons Math);</li>
 *   <li>{@link org.physml.surrogate.SiliconFilmConductivity} - the public model k(d, eta, T);</li>
 *   <li>{@link org.physml.surrogate.ThermalDatasetBuilder} - random (d, eta, T) samples to a Tablesaw table;</li>
 *   <li>{@link org.physml.surrogate.MeasuredConductivityReader} - reader for
 *       {@code data/thermal/si_film_in_plane_k.csv}.</li>
 * </ul>
 *
 * <p>Units: the public model takes thickness d and roughness eta in nm and the temperature T in K and
 * returns W/(m K); everything inside is SI (m, s, rad/s, J, K).
 */
package org.physml.surrogate;
