package org.physml.ice.analysis;

import java.util.SplittableRandom;

import org.physml.structure.Structure;

/**
 * Gaussian random displacements of every atom, a cheap stand-in for thermal motion when a test structure is built
 * from a perfect lattice: each Cartesian component of each atom is shifted by an independent N(0, sigma^2) number,
 * so the mean-square displacement is 3 sigma^2 (the isotropic Debye-Waller picture, &lt;u^2&gt; = 3 sigma^2).
 * Molecules are not kept rigid.
 */
public final class RandomDisplacement {
    private RandomDisplacement() {
    }

    /**
     * The displaced copy of {@code s} (cell and periodicity kept).
     *
     * @param sigma standard deviation per Cartesian component, Angstrom, &gt;= 0
     * @param seed  seed of the random numbers
     * @throws IllegalArgumentException if sigma is negative or not finite
     */
    public static Structure apply(Structure s, double sigma, long seed) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a finite number >= 0 Angstrom, got " + sigma);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] p = s.positions();
        for (double[] x : p) {
            for (int k = 0; k < 3; k++) {
                // Box-Muller
                double u = 1 - rng.nextDouble(), v = rng.nextDouble();
                x[k] += sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
            }
        }
        return new Structure(p, s.atomicNumbers(), s.cell(), s.pbc());
    }
}
