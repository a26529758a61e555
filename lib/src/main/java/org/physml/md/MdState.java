package org.physml.md;

import java.util.Arrays;
import java.util.Objects;

import org.physml.potentials.Potential;
import org.physml.structure.Elements;
import org.physml.structure.Structure;

/**
 * The dynamic state of an atomic system: positions (Angstrom), velocities (Angstrom/fs), masses (u), the forces
 * (eV/Angstrom) and potential energy (eV) at the current positions, and the simulated time (fs). Species, cell and
 * periodicity are those of the structure it was made from and never change (constant N, V).
 *
 * <p>Positions are not wrapped back into the cell: the neighbour list accepts positions outside it
 * ({@link org.physml.structure.NeighbourList}), and unwrapped positions keep the dynamics exactly time-reversible.
 *
 * <p>Temperature: T = 2 E_kin / (N_f k_B) with N_f = 3N - 3 degrees of freedom (the total momentum is a constant of
 * the motion, zero after {@link MaxwellBoltzmann#assign}), N_f = 3 for a single atom. Mutable, not thread-safe: one
 * state belongs to one integrator loop.
 */
public final class MdState {
    private final Structure template;
    private final double[][] r;
    private final double[][] v;
    private final double[] mass;
    private double[][] forces;
    private double potentialEnergy = Double.NaN;
    private Potential forcesOf;
    private double time;

    /**
     * A state at rest (zero velocities, time 0).
     *
     * @param structure the atoms, cell and periodicity
     * @param massesAmu mass of each atom, u, length n, each finite and &gt; 0
     * @throws IllegalArgumentException on a wrong length or a non-positive mass (the message names the atom)
     */
    public MdState(Structure structure, double[] massesAmu) {
        this.template = Objects.requireNonNull(structure, "structure");
        if (massesAmu.length != structure.size()) {
            throw new IllegalArgumentException("expected " + structure.size() + " masses (one per atom), got "
                    + massesAmu.length);
        }
        for (int i = 0; i < massesAmu.length; i++) {
            if (!(massesAmu[i] > 0) || !Double.isFinite(massesAmu[i])) {
                throw new IllegalArgumentException("mass of atom " + i + " must be finite and > 0 u, got "
                        + massesAmu[i]);
            }
        }
        this.mass = massesAmu.clone();
        this.r = structure.positions();
        this.v = new double[structure.size()][3];
    }

    /**
     * A state at rest with the standard atomic weights of {@link Elements#mass} (IUPAC 2021).
     *
     * @throws IllegalArgumentException if an element has no standard atomic weight
     */
    public static MdState of(Structure structure) {
        double[] m = new double[structure.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = Elements.mass(structure.atomicNumber(i));
        }
        return new MdState(structure, m);
    }

    /** Number of atoms. */
    public int size() {
        return mass.length;
    }

    /** The current structure (positions as they are, unwrapped). */
    public Structure structure() {
        return new Structure(r, template.atomicNumbers(), template.cell(), template.pbc());
    }

    /** Mass of atom i, u. */
    public double mass(int i) {
        return mass[i];
    }

    /** Copy of the positions, shape [n][3], Angstrom. */
    public double[][] positions() {
        return copy(r);
    }

    /** Copy of the velocities, shape [n][3], Angstrom/fs. */
    public double[][] velocities() {
        return copy(v);
    }

    /**
     * Sets all velocities.
     *
     * @param velocities shape [n][3], Angstrom/fs, finite
     * @throws IllegalArgumentException on a wrong shape or a non-finite component
     */
    public void setVelocities(double[][] velocities) {
        if (velocities.length != size()) {
            throw new IllegalArgumentException("expected " + size() + " velocities, got " + velocities.length);
        }
        for (int i = 0; i < size(); i++) {
            if (velocities[i].length != 3 || !Arrays.stream(velocities[i]).allMatch(Double::isFinite)) {
                throw new IllegalArgumentException("velocity of atom " + i + " must be 3 finite numbers, got "
                        + Arrays.toString(velocities[i]));
            }
            v[i] = velocities[i].clone();
        }
    }

    /** Multiplies every velocity by lambda (thermostats). */
    public void scaleVelocities(double lambda) {
        for (double[] vi : v) {
            vi[0] *= lambda;
            vi[1] *= lambda;
            vi[2] *= lambda;
        }
    }

    /** Reverses every velocity (v -&gt; -v), the time-reversal operation of Newton's equations. */
    public void reverseVelocities() {
        scaleVelocities(-1);
    }

    /** Kinetic energy sum_i (1/2) m_i |v_i|^2, eV. */
    public double kineticEnergy() {
        double twice = 0;
        for (int i = 0; i < size(); i++) {
            twice += mass[i] * (v[i][0] * v[i][0] + v[i][1] * v[i][1] + v[i][2] * v[i][2]);
        }
        return 0.5 * twice / MdUnits.EV_PER_ANGSTROM_AMU_IN_ANGSTROM_PER_FS2;
    }

    /** Degrees of freedom N_f = 3N - 3 (3 for one atom). */
    public int degreesOfFreedom() {
        return size() == 1 ? 3 : 3 * size() - 3;
    }

    /** Instantaneous temperature 2 E_kin / (N_f k_B), K. */
    public double temperature() {
        return 2 * kineticEnergy() / (degreesOfFreedom() * MdUnits.K_B);
    }

    /** Total momentum sum_i m_i v_i, u Angstrom/fs, length 3. */
    public double[] momentum() {
        double[] p = new double[3];
        for (int i = 0; i < size(); i++) {
            for (int a = 0; a < 3; a++) {
                p[a] += mass[i] * v[i][a];
            }
        }
        return p;
    }

    /** Potential energy at the current positions, eV (NaN before the first force evaluation). */
    public double potentialEnergy() {
        return potentialEnergy;
    }

    /** E_kin + E_pot, eV. */
    public double totalEnergy() {
        return kineticEnergy() + potentialEnergy;
    }

    /** Simulated time since the start, fs. */
    public double time() {
        return time;
    }

    /** Copy of the forces at the current positions, shape [n][3], eV/Angstrom (null before the first evaluation). */
    public double[][] forces() {
        return forces == null ? null : copy(forces);
    }

    // --- package-private access for the integrator (no copies in the hot loop)

    double[][] positionsView() {
        return r;
    }

    double[][] velocitiesView() {
        return v;
    }

    double[][] forcesView() {
        return forces;
    }

    boolean hasForcesOf(Potential p) {
        return forcesOf == p && forces != null;
    }

    void evaluate(Potential p) {
        Potential.EnergyAndForces ef = p.compute(structure());
        if (ef.forces().length != size()) {
            throw new IllegalStateException(p + " returned " + ef.forces().length + " forces for " + size() + " atoms");
        }
        this.forces = ef.forces();
        this.potentialEnergy = ef.energy();
        this.forcesOf = p;
    }

    void advanceTime(double dt) {
        time += dt;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
