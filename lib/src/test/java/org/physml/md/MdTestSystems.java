package org.physml.md;

import org.physml.potentials.Potential;
import org.physml.structure.Structure;

/** Reference systems of the MD tests. */
final class MdTestSystems {
    /** Argon's atomic number (the LJ atoms carry its IUPAC mass, 39.95 u). */
    static final int AR = 18;
    /** The LJ parameters of the tests: the course's rare-gas-like choice (as LennardJonesMixture.example), not a fit. */
    static final LennardJones LJ = new LennardJones(0.010, 3.4, 2.5 * 3.4);

    private MdTestSystems() {
    }

    /** An fcc crystal of n x n x n conventional cells (4 n^3 atoms) at the LJ nearest-neighbour distance. */
    static Structure fcc(int n) {
        return LJ.fcc(AR, n);
    }

    /** An LJ fcc crystal of 108 atoms with Maxwell-Boltzmann velocities at T. */
    static MdState ljCrystal(double temperature, long seed) {
        MdState s = MdState.of(fcc(3));
        MaxwellBoltzmann.assign(s, temperature, seed);
        return s;
    }

    /**
     * Independent harmonic wells E = sum_i (k/2) |r_i - r_i^0|^2 around fixed sites (an Einstein crystal): each
     * coordinate is a harmonic oscillator of angular frequency omega = sqrt(k / m).
     */
    record Tethered(double k, double[][] sites) implements Potential {
        @Override
        public double cutoff() {
            return 0;
        }

        @Override
        public EnergyAndForces compute(Structure s) {
            double e = 0;
            double[][] f = new double[s.size()][3];
            for (int i = 0; i < s.size(); i++) {
                double[] r = s.position(i);
                for (int c = 0; c < 3; c++) {
                    double u = r[c] - sites[i][c];
                    e += 0.5 * k * u * u;
                    f[i][c] = -k * u;
                }
            }
            return new EnergyAndForces(e, f);
        }
    }
}
