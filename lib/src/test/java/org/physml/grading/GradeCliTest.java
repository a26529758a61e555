package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class GradeCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return GradeCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String c : new String[]{"generate", "validate", "submit", "check", "merge-manual"}) {
            assertTrue(help.contains(c), help);
        }
    }

    @Test
    void badUsageExitsWithTwoAndSaysWhy() {
        assertEquals(2, run("grades"));
        assertEquals(2, run("submit", "x.ipynb", "--root", NotebookTest.ROOT.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--assignment"), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("validate", "no-such-homework", "--root", NotebookTest.ROOT.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("grade: no assignment no-such-homework"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run("generate", "--root", "/"));
    }

    @Test
    void mergeManualRefusesAMissingBatchOrAnAssignmentWithoutManualAnswers(@org.junit.jupiter.api.io.TempDir
                                                                             java.nio.file.Path tmp) {
        String root = NotebookTest.ROOT.toString();
        assertEquals(2, run("merge-manual", "--assignment", "hw02-ftcs", "--root", root, "--out",
                tmp.resolve("none").toString(), "scores.csv"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("grade: no report folder"),
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("merge-manual", "--assignment", "hw01-surrogate", "--root", root, "--out",
                tmp.toString(), "scores.csv"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("has no answers graded by hand"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void generateCheckPassesOnTheCourse() {
        assertEquals(0, run("generate", "--check", "--root", NotebookTest.ROOT.toString()));
    }
}
