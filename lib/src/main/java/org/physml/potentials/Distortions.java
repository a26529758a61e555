package org.physml.potentials;

import java.util.Random;

import org.physml.structure.Structure;

/**
 * Distorted copies of a structure for probing a potential away from its training data: random atomic displacements
 * ("rattling"). Isotropic scaling is {@link EquationOfStateScan#scaled}.
 */
public final class Distortions {
    private Distortions() {
    }

    /**
     * The structure with every Cartesian coordinate of every atom displaced by an independent Gaussian random number
     * of standard deviation sigma (so the root-mean-square displacement of an atom is sigma sqrt(3)); cell,
     * species and periodicity unchanged.
     *
     * @param s     the structure
     * @param sigma standard deviation of each displacement component, Angstrom, &gt;= 0
     * @param seed  seed of the random numbers (same seed, same displacements)
     * @throws IllegalArgumentException if sigma is negative or not finite
     */
    public static Structure rattled(Structure s, double sigma, long seed) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a finite number >= 0 (Angstrom), got " + sigma);
        }
        Random rng = new Random(seed);
        double[][] p = s.positions();
        for (double[] r : p) {
            for (int c = 0; c < 3; c++) {
                r[c] += sigma * rng.nextGaussian();
            }
        }
        return new Structure(p, s.atomicNumbers(), s.cell(), s.pbc());
    }
}
