package org.physml.potentials;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * Errors of one model on one data set, the rows of the table of published models against the course's fits, and
 * their JSON file (a list of these records, Gson).
 *
 * @param model       model name, e.g. "qSNAP" or "SNAP 2J_max = 6"
 * @param source      who fitted it: "Zuo et al. 2020 (published)" or "physml (this course)"
 * @param element     "Si" or "Mo"
 * @param set         "train" or "test"
 * @param energyMae   energy MAE, meV/atom
 * @param energyRmse  energy RMSE, meV/atom
 * @param forceMae    force-component MAE, eV/Angstrom
 * @param forceRmse   force-component RMSE, eV/Angstrom
 * @param structures  number of structures of the set
 * @param parameters  number of fitted parameters of the model
 * @param secondsPerAtom cost of one energy-and-force evaluation per atom, seconds, on one core
 *                    ({@link EvaluationCost} over the first five structures of the test set, measured where the
 *                    row was computed); null if not measured
 */
public record ModelErrors(String model, String source, String element, String set, double energyMae,
                          double energyRmse, double forceMae, double forceRmse, int structures, int parameters,
                          Double secondsPerAtom) {
    /** Source label of the published models. */
    public static final String PUBLISHED = "Zuo et al. 2020 (published)";
    /** Source label of the course's own fits. */
    public static final String COURSE = "physml (this course)";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** A row from measured metrics, without a cost. */
    public static ModelErrors of(String model, String source, String element, String set, ErrorMetrics m,
                                 int parameters) {
        return of(model, source, element, set, m, parameters, null);
    }

    /** A row from measured metrics and a measured cost (seconds per atom and evaluation, or null). */
    public static ModelErrors of(String model, String source, String element, String set, ErrorMetrics m,
                                 int parameters, Double secondsPerAtom) {
        return new ModelErrors(model, source, element, set, m.energyMae(), m.energyRmse(), m.forceMae(),
                m.forceRmse(), m.structures(), parameters, secondsPerAtom);
    }

    /**
     * Writes rows as a JSON list (creating parent folders).
     *
     * @throws IOException if the file cannot be written
     */
    public static void write(List<ModelErrors> rows, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            GSON.toJson(rows.toArray(new ModelErrors[0]), w);
        }
    }

    /**
     * Reads rows written by {@link #write}.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if it is not such a list (the message names the file)
     */
    public static List<ModelErrors> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ModelErrors[] rows = GSON.fromJson(r, ModelErrors[].class);
            if (rows == null) {
                throw new IllegalArgumentException(file + ": empty file, expected a JSON list of model errors");
            }
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] == null || rows[i].model() == null || rows[i].element() == null || rows[i].set() == null) {
                    throw new IllegalArgumentException(file + ": entry " + i + " lacks model, element or set");
                }
            }
            return Arrays.asList(rows);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not a JSON list of model errors: " + e.getMessage(), e);
        }
    }
}
