package org.physml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class NativeLibrariesTest {
    @Test
    void unpacksNd4jAndOpenBlasIntoJavaCppsCache() throws IOException {
        File cache = NativeLibraries.unpack();
        try (Stream<Path> files = Files.walk(cache.toPath())) {
            var names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.contains("libnd4jcpu.so"), "libnd4jcpu.so not in " + cache);
            assertTrue(names.stream().anyMatch(n -> n.startsWith("libopenblas")), "no libopenblas* in " + cache);
        }
    }
}
