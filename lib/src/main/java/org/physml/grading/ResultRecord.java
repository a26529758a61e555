package org.physml.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

/**
 * The grader's own record of a graded submission, {@code <out>/<student>/result.json}: the complete
 * {@link SubmissionResult} (tests, groups, manual states, findings, notes, the manual answers) as Gson writes the
 * records. {@code grade merge-manual} reads it back to add the lecturer's points and re-render every report; the
 * Gradescope file results.json is not enough for that (it has no groups' state or answers).
 */
public final class ResultRecord {
    /** File name of the record in a student's report folder. */
    public static final String FILE = "result.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues()
            .registerTypeAdapter(Instant.class, new TypeAdapter<Instant>() {
                @Override
                public void write(JsonWriter out, Instant value) throws IOException {
                    out.value(value.toString());
                }

                @Override
                public Instant read(JsonReader in) throws IOException {
                    return Instant.parse(in.nextString());
                }
            }).create();

    private ResultRecord() {
    }

    /** The record as JSON text. */
    public static String toJson(SubmissionResult r) {
        return GSON.toJson(r) + "\n";
    }

    /**
     * Parse a record.
     *
     * @throws IllegalArgumentException if the text is not a record written by {@link #toJson}
     */
    public static SubmissionResult fromJson(String json, String where) {
        try {
            SubmissionResult r = GSON.fromJson(json, SubmissionResult.class);
            if (r == null || r.student() == null || r.tests() == null) {
                throw new IllegalArgumentException(where + " is not a grading record (no student or tests)");
            }
            return r;
        } catch (JsonParseException | IllegalStateException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(where + " is not a readable grading record: " + e.getMessage(), e);
        }
    }

    /**
     * Write the record through a temporary file and an atomic rename.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(SubmissionResult r, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, toJson(r), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Read a record.
     *
     * @throws IllegalArgumentException if it is missing or unreadable
     */
    public static SubmissionResult read(Path file) {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the grading record " + file + " (graded with"
                    + " ./physml grade submit?): " + e.getMessage(), e);
        }
    }
}
