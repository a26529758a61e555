/**
 * Molecular dynamics with any {@link org.physml.potentials.Potential} (notebook 10b): units Angstrom, eV, u, fs
 * ({@link org.physml.md.MdUnits}, CODATA 2018).
 *
 * <ul>
 *   <li>{@link org.physml.md.MdState}: positions, velocities, masses, forces, energies, temperature of a periodic
 *       cell (constant N and V);</li>
 *   <li>{@link org.physml.md.VelocityVerlet}: the NVE integrator; {@link org.physml.md.BerendsenThermostat}: weak
 *       coupling for equilibration; {@link org.physml.md.MaxwellBoltzmann}: seeded initial velocities with zero total
 *       momentum;</li>
 *   <li>{@link org.physml.md.EnergyTrace}: energies and temperature per step, drift (meV/atom/ns) and
 *       fluctuation;</li>
 *   <li>{@link org.physml.md.LennardJones}: the shifted-force LJ test bed;</li>
 *   <li>{@link org.physml.md.SiliconMd}, {@link org.physml.md.MdResults}: the study of
 *       {@code ./physml potentials md} (64-atom Si with SNAP and the NEP-style model, g(r) against the AIMD
 *       snapshots of the mlearn data) and its JSON file {@code data/potentials/md-si.json}.</li>
 * </ul>
 *
 * <pre>{@code
 * MdState s = MdState.of(structure);
 * MaxwellBoltzmann.assign(s, 300, 1);
 * VelocityVerlet vv = new VelocityVerlet(potential, 1.0);            // dt = 1 fs
 * new BerendsenThermostat(300, 100).run(vv, s, 1000, null);            // equilibrate
 * EnergyTrace trace = new EnergyTrace(s.size());
 * vv.run(s, 5000, (k, st) -> trace.add(st));                           // NVE
 * double drift = trace.driftMeVPerAtomPerNs();
 * }</pre>
 */
package org.physml.md;
