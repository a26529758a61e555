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
        err.reset();
        assertEquals(1, run(err, "md", "--models", "gap", "-o", tmp.resolve("md.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown model 'gap'"), err.toString());
        err.reset();
        assertEquals(1, run(err, "md", "--models", "nep", "--temperatures", "1500", "--steps", "0",
                "--equilibration-steps", "0", "-o", tmp.resolve("md.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("the labels name"), err.toString());
        err.reset();
        assertEquals(1, run(err, "md", "--dt", "-1", "-o", tmp.resolve("md.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("dt > 0"), err.toString());
    }

    @Test
    void usageErrorsExitWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "train-nep", "--element", "Si"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--output"), err.toString());
    }
}
