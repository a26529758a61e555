package org.physml.ice.data;

import java.util.Map;

/**
 * One run's entry in the data set's manifest ({@code manifest.json}). Units: K, bar, g/cm^3, Angstrom, s.
 *
 * @param runId              run id (table row)
 * @param label              class label of its frames
 * @param protocol           LAMMPS protocol (tools/icedata/lammps/&lt;protocol&gt;.lmp)
 * @param variables          the protocol's variables from the run table (times ps, pressures bar, temperatures K)
 * @param source             initial structure: phase, supercell and proton-arrangement seed
 * @param seed               seed of the proton arrangement and of the LAMMPS velocities
 * @param temperatureK       target temperature of the production frames, K
 * @param pressureBar        target pressure of the production frames, bar
 * @param molecules          number of water molecules
 * @param atoms              number of atoms (O and H; the TIP4P/2005 M site is not stored)
 * @param frames             number of frames in the data set (production, one per output interval, t &gt; 0)
 * @param densityMean        mean density of those frames, g/cm^3
 * @param densityStd         sample standard deviation of their densities, g/cm^3
 * @param temperatureMeanK   mean instantaneous temperature of those frames, K
 * @param pressureMeanBar    mean instantaneous pressure of those frames, bar
 * @param rmsSiteDisplacement {@link SiteDisplacement} of the O atoms of the last frame from their sites in the
 *                           initial crystal, Angstrom (small for a crystal, large once melted or amorphised)
 * @param q6                 {@link GlobalBondOrder} Q_6 of the O-O bonds shorter than {@link RunAssembler#Q6_R_CUT},
 *                           mean over the frames (finite for a crystal, of order 1/sqrt(bonds) when disordered)
 * @param preparation        densities printed by the protocol during preparation (e.g. density_at_pmax of HDA,
 *                           density_after_quench of LDA), g/cm^3
 * @param wallSeconds        wall time of the LAMMPS run, s
 * @param file               data-set file holding the frames
 */
public record RunSummary(String runId, String label, String protocol, Map<String, String> variables, String source,
                         long seed, double temperatureK, double pressureBar, int molecules, int atoms, int frames,
                         double densityMean, double densityStd, double temperatureMeanK, double pressureMeanBar,
                         double rmsSiteDisplacement, double q6, Map<String, Double> preparation, double wallSeconds,
                         String file) {
    /** This entry with its frames in data-set file {@code file} (staged runs move into a class file). */
    public RunSummary withFile(String file) {
        return new RunSummary(runId, label, protocol, variables, source, seed, temperatureK, pressureBar, molecules,
                atoms, frames, densityMean, densityStd, temperatureMeanK, pressureMeanBar, rmsSiteDisplacement, q6,
                preparation, wallSeconds, file);
    }
}
