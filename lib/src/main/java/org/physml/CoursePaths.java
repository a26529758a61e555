package org.physml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the course's files (data/, notebooks/data/) from a notebook, a test or the command line.
 *
 * <p>The course root is {@code $PHYSML_HOME} when set (the course kernelspec sets it), otherwise the first
 * directory, from the working directory upwards, that contains both {@code data/} and {@code lib/}, otherwise the
 * checkout the library was loaded from ({@code <root>/lib/target/physml-lib.jar} or {@code <root>/lib/target/classes})
 * if it has a {@code data/} folder: the grader's test JVM runs in a sandbox whose working folder is outside the
 * course and whose environment has no {@code PHYSML_HOME}, with the jar and {@code data/} bound at their paths.
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
        Path loadedFrom = checkoutOfLibrary();
        if (loadedFrom != null) {
            return loadedFrom;
        }
        throw new IllegalStateException("cannot find the physml course root (a directory with data/ and lib/) from "
                + start + " upwards, and PHYSML_HOME is " + (home == null ? "not set" : "'" + home + "'")
                + "; the library was not loaded from a checkout with data/ either");
    }

    /** {@code <root>} if this class came from {@code <root>/lib/target/(physml-lib.jar|classes)} and root has data/. */
    private static Path checkoutOfLibrary() {
        try {
            var source = CoursePaths.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path p = Paths.get(source.getLocation().toURI()).toAbsolutePath().normalize();
            Path target = p.getParent();
            if (target == null || !target.getFileName().toString().equals("target") || target.getParent() == null
                    || !target.getParent().getFileName().toString().equals("lib")) {
                return null;
            }
            Path root = target.getParent().getParent();
            return root != null && Files.isDirectory(root.resolve("data")) ? root : null;
        } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
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
