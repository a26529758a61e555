package org.physml.ice.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.Gson;

/** Writing one JSON document (Gson) to a file, as the classifier's results, detectors and shares are stored. */
final class JsonFile {
    private JsonFile() {
    }

    /**
     * Writes {@code value} as JSON to {@code file} (UTF-8), creating its parent directories.
     *
     * @param what what is written, for the error message, e.g. "results"
     * @throws UncheckedIOException "cannot write {what} to {file}" on write errors
     */
    static void write(Gson gson, Object value, Path file, String what) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                gson.toJson(value, w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what + " to " + file, e);
        }
    }
}
