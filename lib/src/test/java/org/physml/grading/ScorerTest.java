package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physml.grading.TestNotebooks.byId;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class ScorerTest {
    private static final String ESC = "\u001B";
    private final Assignment a = Assignment.of("hw", TestNotebooks.smallSource());
    private final ExecutionLimits limits = ExecutionLimits.DEFAULT;

    private Notebook executed() {
        Notebook nb = a.solutionVersion();
        for (Cell c : nb.cells()) {
            if (c.isCode()) {
                run(c, "ok");
            }
        }
        return nb;
    }

    private static void run(Cell c, String status) {
        JsonObject r = new JsonObject();
        r.addProperty("status", status);
        r.addProperty("seconds", 0.25);
        c.metadata().add("physml_run", r);
    }

    private static void output(Cell c, JsonObject out) {
        JsonArray outs = c.json().getAsJsonArray("outputs");
        outs.add(out);
    }

    private static JsonObject stream(String name, String text) {
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "stream");
        o.addProperty("name", name);
        o.addProperty("text", text);
        return o;
    }

    /** An error output shaped like the rapaio kernel's (ANSI colours, JShell frames, snippet excerpts). */
    private static JsonObject error(String ename, String evalue, String... traceback) {
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "error");
        o.addProperty("ename", ename);
        o.addProperty("evalue", evalue);
        JsonArray tb = new JsonArray();
        for (String t : traceback) {
            tb.add(t);
        }
        o.add("traceback", tb);
        return o;
    }

    private static final String[] ASSERTION_TRACE = {
            ESC + "[0m" + ESC + "[1m" + ESC + "[31morg.opentest4j.AssertionFailedError: r = 1/2 must be accepted ==> expected: <true> but was: <false>\n" + ESC + "[0m",
            ESC + "[0m" + ESC + "[1m" + ESC + "[34m   at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)" + ESC + "[0m",
            ESC + "[0m" + ESC + "[1m" + ESC + "[34m   at org.junit.jupiter.api.AssertTrue.failNotTrue(AssertTrue.java:63)" + ESC + "[0m",
            ESC + "[0m" + ESC + "[1m" + ESC + "[34m   at .(#11:5)" + ESC + "[0m",
            ESC + "[0m|    {\n|        double a = 0.1;\n|-->     Assertions.assertTrue(isStable(a, dt, dx), \"r = 1/2 must be accepted\");\n|    }" + ESC + "[0m",
    };

    @Test
    void cleanCellsPassAndStderrDoesNotFail() {
        Notebook nb = executed();
        output(byId(nb, "square_visible"), stream("stderr", "WARN org.nd4j: some library warning\n"));
        output(byId(nb, "square_visible"), stream("stdout", "Exception in thread main (just printed text)\n"));
        List<TestResult> r = Scorer.score(a, nb, limits);
        assertEquals(List.of(new TestResult("square_visible", 1, 1, true, "", false, 0.25),
                new TestResult("square_hidden", 2, 2, true, "", true, 0.25)), r);
    }

    @Test
    void anAssertionFailureGivesItsMessageWithoutColoursOrFrameworkFrames() {
        Notebook nb = executed();
        run(byId(nb, "square_visible"), "error");
        output(byId(nb, "square_visible"), error("EvalException", "r = 1/2 must be accepted ==> ...", ASSERTION_TRACE));
        TestResult t = Scorer.score(a, nb, limits).get(0);
        assertFalse(t.passed());
        assertEquals(0.0, t.score());
        assertEquals("""
                org.opentest4j.AssertionFailedError: r = 1/2 must be accepted ==> expected: <true> but was: <false>
                   at .(#11:5)
                |-->     Assertions.assertTrue(isStable(a, dt, dx), "r = 1/2 must be accepted");""", t.output());
    }

    @Test
    void hiddenTestsNeverShowTheirSource() {
        Notebook nb = executed();
        run(byId(nb, "square_hidden"), "error");
        output(byId(nb, "square_hidden"), error("EvalException", "x", ASSERTION_TRACE));
        TestResult t = Scorer.score(a, nb, limits).get(1);
        assertEquals("org.opentest4j.AssertionFailedError: r = 1/2 must be accepted ==> expected: <true> but was: <false>\n"
                + "   at .(#11:5)", t.output());
    }

    @Test
    void compileErrorsKeepTheCompilersExcerpt() {
        Notebook nb = executed();
        run(byId(nb, "square_visible"), "error");
        output(byId(nb, "square_visible"), error("CompilerException", "",
                ESC + "[31mCompile error:" + ESC + "[0m", "|    Assertions.assertEquals(4.0, square(2.0), 0.0);",
                "                                 ^", "cannot find symbol\n  symbol:   method square(double)", ""));
        assertEquals("Compile error:\n|    Assertions.assertEquals(4.0, square(2.0), 0.0);\n"
                        + "                                 ^\ncannot find symbol\n  symbol:   method square(double)",
                Scorer.score(a, nb, limits).get(0).output());
    }

    @Test
    void anErrorOutputFailsEvenIfTheStatusSaysOk() {
        Notebook nb = executed();
        output(byId(nb, "square_visible"), error("EvalException", "boom", "java.lang.IllegalStateException: boom"));
        assertEquals("java.lang.IllegalStateException: boom", Scorer.score(a, nb, limits).get(0).output());
    }

    @Test
    void outOfMemoryAndTheKernelsOwnTimeoutGetAnExplanation() {
        Notebook nb = executed();
        run(byId(nb, "square_visible"), "error");
        output(byId(nb, "square_visible"), error("EvalException", "Java heap space",
                "java.lang.OutOfMemoryError: Java heap space", "   at .square(#6:3)"));
        run(byId(nb, "square_hidden"), "error");
        output(byId(nb, "square_hidden"), error("EvaluationTimeoutException", "Evaluator timed out after 60000 millis",
                "TimeoutException:"));
        List<TestResult> r = Scorer.score(a, nb, limits);
        assertEquals("java.lang.OutOfMemoryError: Java heap space\n   at .square(#6:3)\n"
                + "(the kernel's Java heap is limited to 1g)", r.get(0).output());
        assertTrue(r.get(1).output().startsWith("timed out: the cell ran longer than 60 s and was stopped"),
                r.get(1).output());
    }

    @Test
    void cellsTheExecutorCouldNotFinishFailWithTheReason() {
        Notebook nb = executed();
        run(byId(nb, "square_visible"), "kernel_died");
        JsonObject notRun = new JsonObject();
        notRun.addProperty("status", "not_run");
        notRun.addProperty("reason", "notebook_timeout");
        byId(nb, "square_hidden").metadata().add("physml_run", notRun);
        List<TestResult> r = Scorer.score(a, nb, limits);
        assertTrue(r.get(0).output().startsWith("the kernel died while running this test (System.exit"), r.get(0).output());
        assertEquals("not run: the notebook's time limit of 600 s was reached before this cell", r.get(1).output());
        assertTrue(Double.isNaN(r.get(1).seconds()));

        run(byId(nb, "square_visible"), "timeout");
        byId(nb, "square_hidden").metadata().remove("physml_run");
        r = Scorer.score(a, nb, limits);
        assertTrue(r.get(0).output().startsWith("timed out: the cell did not finish within 60 s"), r.get(0).output());
        assertEquals("not run", r.get(1).output());
    }

    @Test
    void errorsInTheStudentsOwnCellsAreNamedButNotLockedOnes() {
        Notebook nb = executed();
        output(byId(nb, "square_answer"), error("CompilerException", "", "Compile error:",
                "|    double square(double x) { return x * x }", "                                       ^",
                "';' expected"));
        output(byId(nb, "setup"), error("EvalException", "x", "java.lang.RuntimeException: x"));
        assertEquals(List.of("your code cell 2 (square_answer) has an error: ';' expected"),
                Scorer.studentCellErrors(a, nb, limits));
    }

    @Test
    void repeatedCompilerLinesOfAHiddenTestAreShownOnce() {
        Notebook nb = executed();
        run(byId(nb, "square_hidden"), "error");
        output(byId(nb, "square_hidden"), error("CompilerException", "", "Compile error:",
                "|    Assertions.assertEquals(9.0, square(-3.0), 0.0);", "   ^", "cannot find symbol",
                "|    Assertions.assertEquals(4.0, square(2.0), 0.0);", "   ^", "cannot find symbol"));
        assertEquals("Compile error:\ncannot find symbol", Scorer.score(a, nb, limits).get(1).output());
        assertEquals("cannot find symbol", Scorer.headline("Compile error:\n|  x\n   ^\ncannot find symbol"));
    }

    @Test
    void aMissingTestCellFails() {
        Notebook nb = executed();
        nb.cells().remove(byId(nb, "square_hidden"));
        TestResult t = Scorer.score(a, nb, limits).get(1);
        assertEquals("test cell missing from the executed notebook", t.output());
        assertEquals(0.0, t.score());
    }
}
