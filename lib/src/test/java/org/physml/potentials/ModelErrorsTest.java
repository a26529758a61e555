package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelErrorsTest {
    @TempDir
    Path tmp;

    @Test
    void roundTripsThroughJson() throws IOException {
        ModelErrors a = new ModelErrors("qSNAP (Zuo et al.)", ModelErrors.PUBLISHED, "Si", "test", 3.81, 5.51,
                0.1157, 0.1769, 25, 1597, 3.4e-3);
        ModelErrors b = new ModelErrors("SNAP 2J_max = 6", ModelErrors.COURSE, "Mo", "train", 9.1, 12.3,
                0.21, 0.3, 194, 31, null);
        Path f = tmp.resolve("sub/errors.json");
        ModelErrors.write(List.of(a, b), f);
        assertEquals(List.of(a, b), ModelErrors.read(f));
        assertTrue(Files.readString(f).contains("\"secondsPerAtom\": 0.0034"), "cost written");
    }

    @Test
    void rejectsFilesThatAreNotTables() throws IOException {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "[{\"model\": \"x\"}]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelErrors.read(f));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("entry 0"), e.getMessage());
        Files.writeString(f, "{not json");
        e = assertThrows(IllegalArgumentException.class, () -> ModelErrors.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }
}
