package org.physml.surrogate;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shipped data file from the test working directory (module dir lib/ under Maven). */
final class TestData {
    private TestData() {
    }

    static Path measuredFile() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path f = p.resolve("data/thermal/si_film_in_plane_k.csv");
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new IllegalStateException("data/thermal/si_film_in_plane_k.csv not found above " + dir);
    }
}
