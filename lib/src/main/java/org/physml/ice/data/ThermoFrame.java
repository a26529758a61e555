package org.physml.ice.data;

/**
 * Instantaneous thermodynamic state of one frame, as written by the production stage of the protocols
 * ({@code tools/icedata/lammps/production.lmp}, LAMMPS fix ave/time with one sample per output).
 *
 * @param step        MD step counted from the start of production
 * @param time        time since the start of production, ps
 * @param temperature instantaneous temperature, K (LAMMPS compute thermo_temp, constrained degrees of freedom
 *                    removed)
 * @param pressure    instantaneous pressure (virial plus kinetic), bar
 * @param density     mass density, g/cm^3
 */
public record ThermoFrame(long step, double time, double temperature, double pressure, double density) {
}
