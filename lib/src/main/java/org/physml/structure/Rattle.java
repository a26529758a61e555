package org.physml.structure;

import java.util.Random;

/**
 * Random Gaussian displacements of every atom ("rattling"): a cheap stand-in for thermal motion when a test
 * structure is built from a perfect lattice, and a way to probe a potential or a classifier away from its training
 * data. Each Cartesian component of each atom is shifted by an independent N(0, sigma^2) number
 * ({@link Random#nextGaussian()}), so the mean-square displacement of an atom is 3 sigma^2 (the isotropic
 * Debye-Waller picture, &lt;u^2&gt; = 3 sigma^2). Molecules are not kept rigid; cell, species and periodicity are
 * unchanged.
 */
public final class Rattle {
    private Rattle() {
    }

    /**
     * The rattled copy of {@code s}.
     *
     * @param s     the structure
     * @param sigma standard deviation of each displacement component, Angstrom, &gt;= 0
     * @param seed  seed of the random numbers (same seed, same displacements)
     * @return a new structure; {@code s} is not modified
     * @throws IllegalArgumentException if sigma is negative or not finite
     */
    public static Structure gaussian(Structure s, double sigma, long seed) {
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
