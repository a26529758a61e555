package org.physml.md;

import java.util.Random;

/**
 * Initial velocities from the Maxwell-Boltzmann distribution: each Cartesian component of atom i is drawn from a
 * normal distribution of variance k_B T / m_i (converted to (Angstrom/fs)^2 with
 * {@link MdUnits#EV_PER_ANGSTROM_AMU_IN_ANGSTROM_PER_FS2}); then the centre-of-mass velocity is subtracted (zero
 * total momentum) and all velocities are scaled so that the instantaneous temperature (with N_f = 3N - 3) is exactly
 * T. Seeded ({@link Random#nextGaussian()}): the same seed gives the same velocities.
 */
public final class MaxwellBoltzmann {
    private MaxwellBoltzmann() {
    }

    /**
     * Replaces the velocities of the state.
     *
     * @param temperature T, K, finite and &gt;= 0 (0 leaves every atom at rest)
     * @param seed        seed of the random numbers
     * @throws IllegalArgumentException if T is negative or not finite
     */
    public static void assign(MdState s, double temperature, long seed) {
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("the temperature must be finite and >= 0 K, got " + temperature);
        }
        int n = s.size();
        double[][] v = new double[n][3];
        if (temperature > 0) {
            Random rng = new Random(seed);
            double totalMass = 0;
            double[] p = new double[3];
            for (int i = 0; i < n; i++) {
                double sd = Math.sqrt(MdUnits.K_B * temperature * MdUnits.EV_PER_ANGSTROM_AMU_IN_ANGSTROM_PER_FS2
                        / s.mass(i));
                for (int a = 0; a < 3; a++) {
                    v[i][a] = sd * rng.nextGaussian();
                    p[a] += s.mass(i) * v[i][a];
                }
                totalMass += s.mass(i);
            }
            if (n > 1) {
                for (double[] vi : v) {
                    for (int a = 0; a < 3; a++) {
                        vi[a] -= p[a] / totalMass;
                    }
                }
            }
        }
        s.setVelocities(v);
        if (temperature > 0) {
            s.scaleVelocities(Math.sqrt(temperature / s.temperature()));
        }
    }
}
