package org.physml.descriptors.soap;

/**
 * What every {@link SoapExpansion} holds the same way: the number of species S, of radial functions n_max and the
 * maximum degree l_max, with their accessors, and the checks of S and of the Gaussian width sigma. Subclasses add
 * the basis and the scratch buffers.
 */
abstract class AbstractSoapExpansion implements SoapExpansion {
    /** Number of species S. */
    protected final int nSpecies;
    /** Number of radial functions n_max. */
    protected final int nMax;
    /** Maximum degree l_max. */
    protected final int lMax;

    /**
     * @param sigma Gaussian width of the atomic densities, Angstrom (only checked here)
     * @throws IllegalArgumentException if sigma is not a finite positive number or there is no species
     */
    AbstractSoapExpansion(int nSpecies, int nMax, int lMax, double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a finite positive width in Angstrom, got " + sigma);
        }
        if (nSpecies < 1) {
            throw new IllegalArgumentException("need at least one species, got " + nSpecies);
        }
        this.nSpecies = nSpecies;
        this.nMax = nMax;
        this.lMax = lMax;
    }

    /** The sizes of {@code o}, for a copy with its own buffers. */
    AbstractSoapExpansion(AbstractSoapExpansion o) {
        this.nSpecies = o.nSpecies;
        this.nMax = o.nMax;
        this.lMax = o.lMax;
    }

    @Override
    public final int speciesCount() {
        return nSpecies;
    }

    @Override
    public final int nMax() {
        return nMax;
    }

    @Override
    public final int lMax() {
        return lMax;
    }
}
