package org.physml.descriptors.soap;

/**
 * Expansion of a species-resolved Gaussian atomic density in radial functions g_nl(r) times real spherical
 * harmonics Y_lm: the SOAP coefficients
 * <pre>
 *   c^Z_nlm = integral d^3r g_nl(r) Y_lm(r_hat) rho^Z(r),
 *   rho^Z(r) = sum_{j of species Z} exp(-|r - r_j|^2 / (2 sigma^2))
 * </pre>
 * (Bartok, Kondor, Csanyi, Phys. Rev. B 87, 184115 (2013); DScribe 2.1 documentation of SOAP),
 * with unnormalised Gaussians of peak 1 and positions r_j relative to the centre.
 *
 * <p>Coefficient layout: c^s_nlm is stored at {@code (s * n_max + n) * (l_max + 1)^2 + l*l + l + m}, with s
 * the index of the species in the sorted species list, n = 0..n_max-1, l = 0..l_max, m = -l..l
 * ({@link RealSphericalHarmonics} convention).
 *
 * <p>Implementations keep scratch buffers and are not thread-safe: use one instance per thread,
 * obtained with {@link #copy()} (which shares the immutable basis).
 */
public interface SoapExpansion {

    /** Number of species S. */
    int speciesCount();

    /** Number of radial functions n_max. */
    int nMax();

    /** Maximum degree l_max. */
    int lMax();

    /** Length of the coefficient array, S n_max (l_max + 1)^2. */
    default int coefficientCount() {
        return speciesCount() * nMax() * (lMax() + 1) * (lMax() + 1);
    }

    /**
     * Computes the coefficients of the density of {@code count} atoms.
     *
     * @param x       x components of the atom positions relative to the centre, Angstrom (length &gt;= count)
     * @param y       y components, Angstrom
     * @param z       z components, Angstrom
     * @param species species index (0..S-1) of each atom
     * @param count   number of atoms; an atom at the origin (the centre atom) is allowed
     * @param c       receives (is overwritten with) {@link #coefficientCount()} coefficients
     */
    void expand(double[] x, double[] y, double[] z, int[] species, int count, double[] c);

    /** An independent instance with the same basis and its own scratch buffers. */
    SoapExpansion copy();
}
