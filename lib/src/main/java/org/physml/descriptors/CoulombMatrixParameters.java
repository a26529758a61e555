package org.physml.descriptors;

/**
 * The parameters of {@link CoulombMatrix} (registered as {@code "coulomb-matrix"}).
 *
 * @param nAtomsMax n_atoms_max, the length of the zero-padded eigenspectrum (the largest molecule described), &gt;= 1
 */
public record CoulombMatrixParameters(int nAtomsMax) implements DescriptorParameters {

    /** @throws IllegalArgumentException if nAtomsMax &lt; 1 */
    public CoulombMatrixParameters {
        if (nAtomsMax < 1) {
            throw new IllegalArgumentException("n_atoms_max must be at least 1, got " + nAtomsMax);
        }
    }

    /** The Coulomb matrix of these parameters. */
    @Override
    public CoulombMatrix create() {
        return new CoulombMatrix(nAtomsMax);
    }
}
