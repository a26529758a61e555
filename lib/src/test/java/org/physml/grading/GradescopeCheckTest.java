package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradescopeCheckTest {
    private static JsonObject results(double score, String... tests) {
        StringBuilder sb = new StringBuilder("{\"score\": " + score + ", \"tests\": [");
        for (int i = 0; i < tests.length; i++) {
            String[] t = tests[i].split(":");
            sb.append(i > 0 ? "," : "").append("{\"name\": \"").append(t[0]).append("\", \"score\": ").append(t[1])
                    .append(", \"max_score\": ").append(t[2]).append(", \"status\": \"").append(t[3]).append("\"}");
        }
        return JsonParser.parseString(sb.append("], \"extra_data\": {}}").toString()).getAsJsonObject();
    }

    @Test
    void equalResultsPassAndEveryDifferenceIsNamed() {
        JsonObject ref = results(5, "a:3:3:passed", "b:2:2:passed", "c:0:3:failed");
        assertEquals(List.of(), GradescopeCheck.compare(results(5, "a:3:3:passed", "b:2:2:passed", "c:0:3:failed"),
                ref, 5.0, Set.of()));
        List<String> m = GradescopeCheck.compare(results(8, "a:3:3:passed", "b:2:2:passed", "c:3:3:passed"), ref, 5.0, Set.of());
        assertEquals(3, m.size(), m.toString());
        assertTrue(m.get(0).contains("score 8, grade submit gave 5"), m.toString());
        assertTrue(m.get(1).contains("expected 5"), m.toString());
        assertTrue(m.get(2).contains("c:3/3:passed"), m.toString());
        JsonObject error = results(0, "a:0:3:failed");
        error.getAsJsonObject("extra_data").addProperty("grader_error", "the kernel never started");
        assertTrue(GradescopeCheck.compare(error, results(0, "a:0:3:failed"), 0.0, Set.of()).get(0).contains("never started"));
        assertTrue(GradescopeCheck.compare(null, ref, 5.0, Set.of()).get(0).contains("no readable results.json"));
    }

    @Test
    void theZipMayHoldOnlyTheAssignmentsOwnSource() {
        assertEquals(List.of(), GradescopeCheck.checkEntries("hw", List.of("source/hw.ipynb", "tools/x.py")));
        assertEquals(3, GradescopeCheck.checkEntries("hw", List.of("source/hw.ipynb", "source/hw2.ipynb",
                "solutions/hw.ipynb", "grading/fixtures/hw/a.ipynb")).size());
    }

    /**
     * The sandbox grade autograde makes for a Gradescope layout hides the lecturer's source, submission/ and
     * results/; bound by mistake, the source would be found (needs bubblewrap and root, as grading does).
     */
    @Test
    void theLayoutsSandboxHidesTheSourceSubmissionAndResults(@TempDir Path tmp) throws IOException {
        Path layout = tmp.resolve("autograder");
        Path source = layout.resolve("source");
        for (Path p : GradeCli.Setup.visiblePaths(source)) {
            Files.createDirectories(p.getParent());
            if (p.toString().endsWith(".jar")) {
                Files.writeString(p, "jar");
            } else {
                Files.createDirectories(p);
            }
        }
        Files.createDirectories(source.resolve("source"));
        Files.writeString(source.resolve("source/hw.ipynb"), "{\"hidden\": true}");
        Files.writeString(source.resolve(GradescopeExport.ENV), "PHYSML_ASSIGNMENT=hw\n");
        Files.createDirectories(layout.resolve("submission"));
        Files.createDirectories(layout.resolve("results"));
        Files.writeString(layout.resolve("run_autograder"), "#!/bin/sh\n");
        try (var walk = Files.walk(tmp)) {
            for (Path p : walk.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x"
                        : "rw-r--r--"));
            }
        }
        try {
            Sandbox.probe(GradeCli.Setup.visiblePaths(source));
        } catch (IllegalStateException e) {
            Assumptions.abort("no sandbox here: " + e.getMessage());
        }
        assertEquals(List.of(), GradescopeCheck.isolation(layout, source, "hw", GradeCli.Setup.visiblePaths(source)));
        List<Path> leaky = new ArrayList<>(GradeCli.Setup.visiblePaths(source));
        leaky.add(source.resolve("source"));
        List<String> found = GradescopeCheck.isolation(layout, source, "hw", leaky);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).contains("hw.ipynb exists inside the sandbox"), found.toString());
    }

    /** A written answer still pending has neither score nor status: it compares as "pending", not as an error. */
    @Test
    void pendingManualAnswersCompareWithoutAScore() {
        com.google.gson.JsonObject r = com.google.gson.JsonParser.parseString("{\"score\": 3, \"tests\": ["
                + "{\"name\": \"a\", \"score\": 3, \"max_score\": 3, \"status\": \"passed\"},"
                + "{\"name\": \"q\", \"max_score\": 2}]}").getAsJsonObject();
        assertEquals(List.of("a:3/3:passed", "q:pending/2:pending"), GradescopeCheck.tests(r, Set.of()));
        assertTrue(GradescopeCheck.compare(r, r, 3.0, Set.of("q")).isEmpty());
    }

    /**
     * grade check merges the lecturer's scores into its own results before the Gradescope part compares with
     * them: the reference's written answer is then scored, run_autograder's is pending, and that is no mismatch.
     * A written answer scored by run_autograder is one.
     */
    @Test
    void mergedWrittenAnswersInTheReferenceAreNotAMismatch() {
        JsonObject pending = JsonParser.parseString("{\"score\": 3, \"tests\": ["
                + "{\"name\": \"a\", \"score\": 3, \"max_score\": 3, \"status\": \"passed\"},"
                + "{\"name\": \"q\", \"max_score\": 2}], \"extra_data\": {}}").getAsJsonObject();
        JsonObject merged = results(5, "a:3:3:passed", "q:2:2:passed");
        assertEquals(List.of(), GradescopeCheck.compare(pending, merged, 3.0, Set.of("q")));
        List<String> m = GradescopeCheck.compare(results(5, "a:3:3:passed", "q:2:2:passed"), merged, 3.0,
                Set.of("q"));
        assertTrue(m.get(0).contains("written answer q was scored by run_autograder"), m.toString());
        assertTrue(m.stream().anyMatch(x -> x.contains("score 5, grade submit gave 3 automatic points")),
                m.toString());
        JsonObject wrongAuto = results(2, "a:2:3:failed");
        wrongAuto.getAsJsonArray("tests").add(pending.getAsJsonArray("tests").get(1));
        assertTrue(GradescopeCheck.compare(wrongAuto, merged, 3.0, Set.of("q")).stream()
                .anyMatch(x -> x.contains("a:2/3:failed")));
    }
}
