package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course paths the sandbox binds must be readable by its unprivileged user: a checkout below a folder of mode
 * 700 (a home folder) is bound from a world-readable copy, one that others can reach is bound as it is.
 */
class SandboxTest {
    @Test
    void aPathBelowAPrivateFolderIsBoundFromAReadableCopy(@TempDir Path tmp) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path jar = Files.createDirectories(home.resolve("course/lib")).resolve("lib.jar");
        Files.writeString(jar, "jar bytes");
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        for (Path d = jar.getParent(); !d.equals(tmp.getParent()); d = d.getParent()) {
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertTrue(Sandbox.worldReadable(jar));
        assertEquals(jar, Sandbox.visibleSource(jar), "reachable: bound as it is");

        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        assertFalse(Sandbox.worldReadable(jar));
        Path copy = Sandbox.visibleSource(jar);
        assertNotEquals(jar, copy);
        assertTrue(copy.startsWith(Path.of("/var/tmp")), copy.toString());
        assertEquals("jar bytes", Files.readString(copy));
        assertTrue(Sandbox.worldReadable(copy), "the copy is readable by others, parents searchable");
    }
}
