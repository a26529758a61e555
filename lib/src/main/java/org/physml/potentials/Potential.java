package org.physml.potentials;

import org.physml.structure.Structure;

/**
 * An interatomic potential: total energy and forces of a structure.
 *
 * <p>Units: Angstrom, eV, eV/Angstrom. Forces are minus the gradient of the energy with respect to the atomic
 * positions, F_j = -dE/dr_j (the finite-difference tests of each implementation check this). Implementations
 * are immutable and thread-safe.
 */
public interface Potential {

    /** Largest distance at which two atoms interact, Angstrom. */
    double cutoff();

    /**
     * Total energy E (eV) and forces F_j = -dE/dr_j (shape [n][3], eV/Angstrom).
     *
     * @throws IllegalArgumentException if the structure contains a species the potential does not know
     */
    EnergyAndForces compute(Structure s);

    /**
     * Total energy only, eV (the default computes the forces too; implementations may do less work).
     *
     * @throws IllegalArgumentException if the structure contains a species the potential does not know
     */
    default double energy(Structure s) {
        return compute(s).energy();
    }

    /**
     * Energy and forces of a structure.
     *
     * @param energy total energy, eV
     * @param forces forces, shape [n][3], eV/Angstrom
     */
    record EnergyAndForces(double energy, double[][] forces) {
    }
}
