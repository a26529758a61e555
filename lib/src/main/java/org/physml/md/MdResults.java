package org.physml.md;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * The result file of {@code ./physml potentials md} (JSON, Gson): NVE runs of ML potentials and the g(r) of the
 * reference AIMD snapshots they are compared with.
 *
 * @param description what was run and how (command, cell and its source)
 * @param runs        one entry per model and temperature
 * @param references  g(r) of the AIMD snapshots of the data set, one entry per temperature
 */
public record MdResults(String description, List<Run> runs, List<Reference> references) {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    /**
     * One thermostatted equilibration followed by an NVE run.
     *
     * @param model                  model name
     * @param targetTemperature      T_0 of the Berendsen equilibration, K
     * @param dt                     time step, fs
     * @param equilibrationSteps     Berendsen steps before the NVE run
     * @param tau                    Berendsen coupling time, fs
     * @param steps                  NVE steps
     * @param atoms                  number of atoms
     * @param meanTemperature        mean temperature of the NVE run, K
     * @param driftMeVPerAtomPerNs   slope of E_tot(t) in the NVE run, meV/atom/ns
     * @param energyStdMeVPerAtom    standard deviation of E_tot in the NVE run, meV/atom
     * @param msPerStep              wall time per step (one energy and force evaluation), ms
     * @param time                   NVE sample times (every sampleEvery steps, from 0), ps
     * @param kineticPerAtom         E_kin / N at those times, eV/atom
     * @param potentialPerAtom       E_pot / N at those times, eV/atom
     * @param temperature            instantaneous temperature at those times, K
     * @param r                      g(r) bin centres, Angstrom
     * @param g                      g(r) of the NVE frames at the sample times
     */
    public record Run(String model, double targetTemperature, double dt, int equilibrationSteps, double tau,
                      int steps, int atoms, double meanTemperature, double driftMeVPerAtomPerNs,
                      double energyStdMeVPerAtom, double msPerStep, double[] time, double[] kineticPerAtom,
                      double[] potentialPerAtom, double[] temperature, double[] r, double[] g) {

        /**
         * The smallest drift this run can resolve, meV/atom/ns: the fluctuation of E_tot divided by the NVE length. A
         * fitted slope below it is compatible with no drift (the bounded O(dt^2) oscillation of velocity Verlet alone
         * gives slopes of this size over a finite run).
         */
        public double driftResolutionMeVPerAtomPerNs() {
            return energyStdMeVPerAtom / (steps * dt / MdUnits.FS_PER_NS);
        }
    }

    /**
     * g(r) of reference snapshots.
     *
     * @param label       e.g. "AIMD-NVT 1518 K (mlearn Si, DFT)"
     * @param temperature the temperature of the snapshots as labelled in the data set, K
     * @param snapshots   "set index: description" of every snapshot used
     * @param r           bin centres, Angstrom
     * @param g           g(r)
     */
    public record Reference(String label, double temperature, List<String> snapshots, double[] r, double[] g) {
    }

    /**
     * Writes the results (creating parent folders).
     *
     * @throws IOException if the file cannot be written
     */
    public void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            GSON.toJson(this, w);
        }
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @throws IOException              if it cannot be read
     * @throws IllegalArgumentException if it is not such a file (the message names the file and what is missing)
     */
    public static MdResults read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            MdResults m = GSON.fromJson(r, MdResults.class);
            if (m == null || m.runs() == null || m.references() == null) {
                throw new IllegalArgumentException(file + ": expected a JSON object with 'runs' and 'references'");
            }
            for (int i = 0; i < m.runs().size(); i++) {
                Run run = m.runs().get(i);
                if (run == null || run.model() == null || run.r() == null || run.g() == null || run.time() == null) {
                    throw new IllegalArgumentException(file + ": run " + i + " lacks model, time, r or g");
                }
            }
            return m;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not an MD result file: " + e.getMessage(), e);
        }
    }

    /**
     * The run of a model at a target temperature.
     *
     * @throws IllegalArgumentException if there is none (the message lists the runs)
     */
    public Run run(String model, double targetTemperature) {
        return runs.stream().filter(x -> x.model().equals(model) && x.targetTemperature() == targetTemperature)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no run of '" + model + "' at "
                        + targetTemperature + " K; the file has " + runs.stream()
                        .map(x -> x.model() + " at " + x.targetTemperature() + " K").toList()));
    }

    /**
     * The reference at a temperature.
     *
     * @throws IllegalArgumentException if there is none
     */
    public Reference reference(double temperature) {
        return references.stream().filter(x -> x.temperature() == temperature).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reference g(r) at " + temperature + " K; the file"
                        + " has " + references.stream().map(Reference::temperature).toList() + " K"));
    }
}
