package org.physml.ice.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * The manifest of the ice data set, {@code manifest.json} next to the class files (written and read with Gson,
 * field names in snake_case).
 *
 * @param description      what the data set is
 * @param waterModel       water model of the simulations
 * @param lammps           LAMMPS version that ran them
 * @param positionDecimals decimals kept in the positions, Angstrom
 * @param frameInfo        meaning and unit of each per-frame info key of the class files
 * @param classes          class label -&gt; file name (gzip-compressed extended XYZ), in table order
 * @param runs             one entry per run, in table order
 */
public record Manifest(String description, String waterModel, String lammps, int positionDecimals,
                       Map<String, String> frameInfo, Map<String, String> classes, List<RunSummary> runs) {
    /** File name of the manifest inside the data-set directory. */
    public static final String FILE_NAME = "manifest.json";

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

    /**
     * Writes {@code dir/manifest.json}.
     *
     * @throws UncheckedIOException on write errors
     */
    public void write(Path dir) {
        try (Writer w = Files.newBufferedWriter(dir.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            GSON.toJson(this, w);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE_NAME), e);
        }
    }

    /**
     * Reads {@code dir/manifest.json}.
     *
     * @throws IllegalArgumentException if it is not a manifest (malformed JSON or no runs)
     * @throws UncheckedIOException     if it cannot be read
     */
    public static Manifest read(Path dir) {
        Path path = dir.resolve(FILE_NAME);
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Manifest m = GSON.fromJson(r, Manifest.class);
            if (m == null || m.runs() == null || m.classes() == null) {
                throw new IllegalArgumentException(path + ": expected a manifest with 'classes' and 'runs'");
            }
            return m;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(path + ": malformed JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
