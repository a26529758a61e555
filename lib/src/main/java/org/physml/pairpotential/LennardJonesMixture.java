package org.physml.pairpotential;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.physml.structure.Structure;

/**
 * A binary Lennard-Jones mixture A_x B_y as a test bed for the pair fit (lecture 11):
 * <pre>
 *   phi_ab(r) = 4 eps_ab [(sigma_ab / r)^12 - (sigma_ab / r)^6] = A^12_ab / r^12 + A^6_ab / r^6,
 *   A^12_ab = 4 eps_ab sigma_ab^12,   A^6_ab = -4 eps_ab sigma_ab^6,
 * </pre>
 * energies in eV, lengths in Angstrom, no cutoff. The parameters are whatever the caller chooses (the
 * {@link #example()} values are this course's choice, not a fitted material). {@link #energy} sums phi over all
 * pairs and periodic images directly to a radius R with the uniform-density tail beyond R
 * ({@link InversePowerSum#direct}): independent of the Ewald sums that the fit uses, so that recovering the
 * coefficients tests both.
 */
public final class LennardJonesMixture {
    private final int[] species;
    private final double[][] epsilon;
    private final double[][] sigma;

    /**
     * @param species atomic numbers of A and B (labels only)
     * @param epsilon well depths eps_AA, eps_AB, eps_BB, eV, &gt; 0
     * @param sigma   sigma_AA, sigma_AB, sigma_BB, Angstrom, &gt; 0
     * @throws IllegalArgumentException if a parameter is not positive or the species are not two distinct ones
     */
    public LennardJonesMixture(int[] species, double[] epsilon, double[] sigma) {
        if (species.length != 2 || species[0] == species[1]) {
            throw new IllegalArgumentException("a binary mixture needs two distinct species");
        }
        if (epsilon.length != 3 || sigma.length != 3) {
            throw new IllegalArgumentException("give eps and sigma for the pairs AA, AB, BB (3 values each)");
        }
        for (int q = 0; q < 3; q++) {
            if (!(epsilon[q] > 0) || !(sigma[q] > 0)) {
                throw new IllegalArgumentException("eps and sigma must be positive, got eps " + epsilon[q]
                        + " eV and sigma " + sigma[q] + " A for pair " + q);
            }
        }
        this.species = species.clone();
        this.epsilon = new double[][]{{epsilon[0], epsilon[1]}, {epsilon[1], epsilon[2]}};
        this.sigma = new double[][]{{sigma[0], sigma[1]}, {sigma[1], sigma[2]}};
    }

    /**
     * Ar (A) and Kr (B) as labels, eps_AA = 0.010, eps_AB = 0.012, eps_BB = 0.014 eV, sigma_AA = 3.4, sigma_AB =
     * 3.5, sigma_BB = 3.6 A: the course's choice of a rare-gas-like mixture, not a fit to data.
     */
    public static LennardJonesMixture example() {
        return new LennardJonesMixture(new int[]{18, 36}, new double[]{0.010, 0.012, 0.014},
                new double[]{3.4, 3.5, 3.6});
    }

    /** Atomic numbers of A and B. */
    public int[] species() {
        return species.clone();
    }

    /** eps_ab, eV (a, b in 0..1). */
    public double epsilon(int a, int b) {
        return epsilon[a][b];
    }

    /** sigma_ab, Angstrom. */
    public double sigma(int a, int b) {
        return sigma[a][b];
    }

    /**
     * The exact coefficients in the column order of {@link PairFeatures} with powers {6, 12} and no atom counts:
     * A^6_AA, A^6_AB, A^6_BB, A^12_AA, A^12_AB, A^12_BB (eV A^6, eV A^12).
     */
    public double[] coefficients() {
        double[] out = new double[6];
        int[][] pairs = {{0, 0}, {0, 1}, {1, 1}};
        for (int q = 0; q < 3; q++) {
            double e = epsilon[pairs[q][0]][pairs[q][1]], s = sigma[pairs[q][0]][pairs[q][1]];
            out[q] = -4 * e * Math.pow(s, 6);
            out[3 + q] = 4 * e * Math.pow(s, 12);
        }
        return out;
    }

    /**
     * The Lennard-Jones energy of a periodic structure, eV: direct sums of 1/r^6 and 1/r^12 to rMax with the
     * uniform-density tails ({@link InversePowerSum#direct}).
     *
     * @throws IllegalArgumentException if s holds other species or is not fully periodic
     */
    public double energy(Structure s, double rMax) {
        double[] a = coefficients();
        double[][] sums = InversePowerSum.direct(s, species, new int[]{6, 12}, rMax);
        double[] s6 = sums[0];
        double[] s12 = sums[1];
        double e = 0;
        for (int q = 0; q < 3; q++) {
            e += a[q] * s6[q] + a[3 + q] * s12[q];
        }
        return e;
    }

    /**
     * Random periodic A_x B_y structures: cubic cells with x and y uniform in 1..maxPerSpecies, edge chosen for
     * a number density of {@code density} atoms/A^3 times a random factor in [0.8, 1.2], positions uniform in the
     * cell with no two atoms (or images) closer than {@code minFraction} sigma_ab (rejection sampling).
     *
     * @param count         number of structures
     * @param maxPerSpecies largest x and y, &gt;= 1
     * @param density       mean number density, atoms/A^3, &gt; 0
     * @param minFraction   minimum distance in units of sigma_ab, in (0, 1.2]
     * @param seed          random seed
     * @throws IllegalArgumentException if a parameter is out of range
     * @throws IllegalStateException    if atoms cannot be placed (too dense)
     */
    public List<Structure> randomStructures(int count, int maxPerSpecies, double density, double minFraction,
                                            long seed) {
        if (count < 1 || maxPerSpecies < 1 || !(density > 0) || !(minFraction > 0 && minFraction <= 1.2)) {
            throw new IllegalArgumentException("need count >= 1, maxPerSpecies >= 1, density > 0 and minFraction in"
                    + " (0, 1.2], got " + count + ", " + maxPerSpecies + ", " + density + ", " + minFraction);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Structure> out = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            int nA = 1 + rng.nextInt(maxPerSpecies), nB = 1 + rng.nextInt(maxPerSpecies);
            int n = nA + nB;
            double edge = Math.cbrt(n / (density * (0.8 + 0.4 * rng.nextDouble())));
            double[][] pos = new double[n][];
            int[] z = new int[n];
            for (int i = 0; i < n; i++) {
                z[i] = i < nA ? species[0] : species[1];
                int ti = i < nA ? 0 : 1;
                int tries = 0;
                while (true) {
                    double[] p = {edge * rng.nextDouble(), edge * rng.nextDouble(), edge * rng.nextDouble()};
                    boolean ok = true;
                    for (int j = 0; j < i && ok; j++) {
                        int tj = j < nA ? 0 : 1;
                        ok = minimumImageDistance(p, pos[j], edge) >= minFraction * sigma[ti][tj];
                    }
                    ok &= edge >= minFraction * sigma[ti][ti];
                    if (ok) {
                        pos[i] = p;
                        break;
                    }
                    if (++tries > 100_000) {
                        throw new IllegalStateException("could not place atom " + i + " of structure " + c
                                + " (edge " + edge + " A): lower the density or minFraction");
                    }
                }
            }
            double[][] cell = {{edge, 0, 0}, {0, edge, 0}, {0, 0, edge}};
            out.add(new Structure(pos, z, cell, new boolean[]{true, true, true}));
        }
        return out;
    }

    private static double minimumImageDistance(double[] p, double[] q, double edge) {
        double s = 0;
        for (int d = 0; d < 3; d++) {
            double x = p[d] - q[d];
            x -= edge * Math.rint(x / edge);
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
