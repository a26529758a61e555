package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The fresh-JShell test run on the small assignment, in this JVM with an unsandboxed agent: what a student
 * declares cannot change what a test means.
 */
class TestRunnerTest {
    private final Assignment a = Assignment.of("hw", TestNotebooks.smallSource());

    private JsonObject run(String... studentCells) {
        Notebook sub = TestNotebooks.solved(a);
        for (String src : studentCells) {
            sub.cells().add(3, TestNotebooks.code("s" + sub.cells().size(), src));
        }
        Notebook assembled = SubmissionAssembler.assemble(a, sub).notebook();
        List<Path> cp = TestNotebooks.testClasspath();
        JsonObject job = JshellTestEvaluator.job(a, assembled, ExecutionLimits.DEFAULT.withCellTimeout(20), cp);
        return TestRunner.of(job).run();
    }

    private static Map<String, String> statuses(JsonObject r) {
        JsonObject t = r.getAsJsonObject("tests");
        return Map.of("square_visible", t.getAsJsonObject("square_visible").get("status").getAsString(),
                "square_hidden", t.getAsJsonObject("square_hidden").get("status").getAsString());
    }

    @Test
    void aCorrectSolutionPassesAndItsStatementsAreNotRun() {
        JsonObject r = run("System.exit(3);");
        assertEquals(Map.of("square_visible", "ok", "square_hidden", "ok"), statuses(r));
        assertEquals(0, r.getAsJsonArray("shadowed").size());
    }

    @Test
    void shadowingAssertionsGainsNothingAndIsReported() {
        String checker = "class Checker { void assertEquals(double a, double b, double t) { } }\n";
        for (String attack : List.of(checker + "Checker helper = null, Assertions = new Checker();",
                checker + "Checker \\u0041ssertions = new Checker();",
                "class Assertions { static void assertEquals(double a, double b, double t) { } }")) {
            JsonObject r = run(attack, "double square(double x) { return 0; }");
            assertEquals(Map.of("square_visible", "error", "square_hidden", "error"), statuses(r), attack);
            assertTrue(r.getAsJsonArray("shadowed").toString().contains("\"Assertions\""), r.toString());
            assertTrue(r.getAsJsonObject("tests").getAsJsonObject("square_visible").get("message").getAsString()
                    .contains("expected: <4.0> but was: <0.0>"), r.toString());
        }
    }

    @Test
    void aStudentClassUsedByItsOwnCodeKeepsWorkingUnderAnotherName() {
        // inserted in reverse order: square refers forward to the class
        JsonObject r = run("class Assertions { static double twice(double x) { return 2 * x; } }",
                "double square(double x) { return Assertions.twice(x) * x / 2; }");
        assertEquals(Map.of("square_visible", "ok", "square_hidden", "ok"), statuses(r), r.toString());
    }

    @Test
    void anInfiniteLoopTimesOutAndTheNextTestRunsOnAFreshAgent() {
        JsonObject r = run("double square(double x) { if (x > 0) { while (true) { } } return x * x; }");
        assertEquals(Map.of("square_visible", "timeout", "square_hidden", "ok"), statuses(r));
    }
}
