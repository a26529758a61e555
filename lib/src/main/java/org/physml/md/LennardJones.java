package org.physml.md;

import org.physml.potentials.Potential;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * The shifted-force Lennard-Jones pair potential, the reference system of the integrator tests: every pair of atoms
 * (whatever their species) closer than r_c interacts by
 * <pre>
 *   phi(r)    = 4 eps [(sigma / r)^12 - (sigma / r)^6],
 *   phi_sf(r) = phi(r) - phi(r_c) - (r - r_c) phi'(r_c)     for r &lt; r_c, 0 beyond,
 * </pre>
 * so that energy and force both go continuously to zero at r_c (M. P. Allen and D. J. Tildesley, Computer Simulation
 * of Liquids, 2nd ed. (2017), Sec. 1.4.3): a truncation that would make the energy jump would spoil the energy
 * conservation the tests measure. E = sum over pairs i &lt; j (all periodic images) of phi_sf(r_ij),
 * F_i = -dE/dr_i. Immutable and thread-safe.
 */
public final class LennardJones implements Potential {
    private final double epsilon;
    private final double sigma;
    private final double rCut;
    private final double phiCut;
    private final double dPhiCut;

    /**
     * @param epsilon well depth eps, eV, &gt; 0
     * @param sigma   sigma, Angstrom, &gt; 0
     * @param rCut    cutoff r_c, Angstrom, &gt; sigma
     * @throws IllegalArgumentException if a parameter is not positive and finite, or r_c &lt;= sigma
     */
    public LennardJones(double epsilon, double sigma, double rCut) {
        if (!(epsilon > 0) || !(sigma > 0) || !Double.isFinite(epsilon) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("eps and sigma must be finite and > 0, got eps = " + epsilon
                    + " eV, sigma = " + sigma + " A");
        }
        if (!(rCut > sigma) || !Double.isFinite(rCut)) {
            throw new IllegalArgumentException("the cutoff r_c must be finite and > sigma = " + sigma + " A, got "
                    + rCut);
        }
        this.epsilon = epsilon;
        this.sigma = sigma;
        this.rCut = rCut;
        this.phiCut = phi(rCut);
        this.dPhiCut = dPhi(rCut);
    }

    private double phi(double r) {
        double s6 = Math.pow(sigma / r, 6);
        return 4 * epsilon * (s6 * s6 - s6);
    }

    private double dPhi(double r) {
        double s6 = Math.pow(sigma / r, 6);
        return -24 * epsilon * (2 * s6 * s6 - s6) / r;
    }

    /** The shifted-force pair energy phi_sf(r), eV (0 at and beyond r_c). */
    public double pairEnergy(double r) {
        return r >= rCut ? 0 : phi(r) - phiCut - (r - rCut) * dPhiCut;
    }

    /**
     * An fcc crystal of n x n x n conventional cubic cells (4 n^3 atoms of atomic number z, periodic) with the nearest
     * neighbours at the minimum of phi, r = 2^(1/6) sigma (lattice constant a = 2^(1/6) sigma sqrt 2): a cold
     * starting structure for the LJ test bed (the shifted-force and long-range terms move the true minimum slightly).
     *
     * @throws IllegalArgumentException if n &lt; 1
     */
    public Structure fcc(int z, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need n >= 1 conventional cells per axis, got " + n);
        }
        double a = Math.pow(2, 1.0 / 6) * sigma * Math.sqrt(2);
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        double[][] p = new double[4][3];
        for (int i = 0; i < 4; i++) {
            for (int c = 0; c < 3; c++) {
                p[i][c] = basis[i][c] * a;
            }
        }
        return new Structure(p, new int[]{z, z, z, z}, new double[][]{{a, 0, 0}, {0, a, 0}, {0, 0, a}},
                new boolean[]{true, true, true}).repeat(n, n, n);
    }

    /** eps, eV. */
    public double epsilon() {
        return epsilon;
    }

    /** sigma, Angstrom. */
    public double sigma() {
        return sigma;
    }

    @Override
    public double cutoff() {
        return rCut;
    }

    @Override
    public EnergyAndForces compute(Structure s) {
        NeighbourList nl = NeighbourList.build(s, rCut);
        double e = 0;
        double[][] f = new double[s.size()][3];
        for (int i = 0; i < s.size(); i++) {
            LocalEnvironment env = nl.environment(i);
            for (int k = 0; k < env.size(); k++) {
                double r = env.distance()[k];
                // each pair appears in the environments of both atoms: half the energy here
                e += 0.5 * pairEnergy(r);
                // dE/dr_i from this pair: -phi_sf'(r) (r_j - r_i) / r
                double g = (dPhi(r) - dPhiCut) / r;
                for (int a = 0; a < 3; a++) {
                    f[i][a] += g * env.r()[k][a];
                }
            }
        }
        return new EnergyAndForces(e, f);
    }

    @Override
    public String toString() {
        return "LennardJones[eps=" + epsilon + " eV, sigma=" + sigma + " A, r_c=" + rCut + " A, shifted force]";
    }
}
