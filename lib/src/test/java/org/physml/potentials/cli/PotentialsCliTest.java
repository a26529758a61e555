package org.physml.potentials.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PotentialsCliTest {
    @TempDir
    Path tmp;

    private int run(ByteArrayOutputStream err, String... args) {
        return PotentialsCli.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void badInputExitsWithOneAndSaysWhy() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, run(err, "train-nep", "--element", "Xx", "-o", tmp.resolve("m.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'Xx' is not a chemical symbol"), err.toString());
        err.reset();
        assertEquals(1, run(err, "mlearn-table", "--elements", "Ge", "-o", tmp.resolve("t.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("mlearn/Ge/training.json.gz"), err.toString());
    }

    @Test
    void usageErrorsExitWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "train-nep", "--element", "Si"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--output"), err.toString());
    }
}
