package org.physml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the course's files (data/, notebooks/data/) from a notebook, a test or the command line.
 *
 * <p>The course root is {@code $PHYSML_HOME} when set (the course kernelspec sets it), otherwise the first
 * directory, from the working directory upwards, that contains both {@code data/} and {@code lib/}.
 */
public final class CoursePaths {
    private CoursePaths() {
    }

    /**
     * The course root directory.
     *
     * @throws IllegalStateException if no root can be found (the message says where it looked)
     */
    public static Path root() {
        String home = System.getenv("PHYSML_HOME");
        if (home != null && !home.isBlank() && Files.isDirectory(Paths.get(home, "data"))) {
            return Paths.get(home).toAbsolutePath();
        }
        Path start = Paths.get("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("data")) && Files.isDirectory(p.resolve("lib"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the physml course root (a directory with data/ and lib/) from "
                + start + " upwards, and PHYSML_HOME is " + (home == null ? "not set" : "'" + home + "'"));
    }

    /**
     * A file under {@code data/}, e.g. {@code data("thermal/si_film_in_plane_k.csv")}.
     *
     * @throws IllegalStateException    if the course root cannot be found
     * @throws IllegalArgumentException if the file does not exist (the message gives the full path)
     */
    public static Path data(String relative) {
        Path p = root().resolve("data").resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("course data file not found: " + p);
        }
        return p;
    }
}
