package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physml.grading.TestNotebooks.byId;
import static org.physml.grading.TestNotebooks.code;
import static org.physml.grading.TestNotebooks.notebook;

import java.util.List;

import org.junit.jupiter.api.Test;

class AssignmentTest {
    private final Assignment a = Assignment.of("hw", TestNotebooks.smallSource());

    @Test
    void listsTheGradedTestsAndTheirPoints() {
        assertEquals(List.of(new Assignment.GradedTest("square_visible", 1, false),
                new Assignment.GradedTest("square_hidden", 2, true)), a.tests());
        assertEquals(3.0, a.maxScore());
        assertEquals(List.of("setup", "square_visible", "square_hidden"), a.lockedIds());
        assertEquals(List.of("setup", "square_answer", "square_visible", "square_hidden"), a.gradeIds());
    }

    @Test
    void studentVersionHasStubsNoHiddenTestsAndChecksummedProtectedLockedCells() {
        Notebook s = a.studentVersion();
        assertEquals("""
                double square(double x) {
                    // YOUR CODE HERE
                    throw new UnsupportedOperationException("not implemented: square_answer");
                }""", byId(s, "square_answer").source());
        assertEquals("// hidden tests follow", byId(s, "square_hidden").source());
        Cell test = byId(s, "square_visible");
        assertEquals(Checksums.of(test), test.spec().orElseThrow().checksum());
        assertFalse(test.metadata().get("editable").getAsBoolean());
        assertFalse(test.metadata().get("deletable").getAsBoolean());
        assertTrue(byId(s, "square_answer").metadata().get("editable") == null, "solution cells stay editable");
        assertEquals("# Homework", s.cells().get(0).source());
    }

    @Test
    void solutionVersionAndGradingCellsKeepSolutionsAndHiddenTests() {
        Notebook sol = a.solutionVersion();
        assertEquals("double square(double x) {\n    return x * x;\n}", byId(sol, "square_answer").source());
        assertEquals("// hidden tests follow\nAssertions.assertEquals(9.0, square(-3.0), 0.0);",
                byId(sol, "square_hidden").source());
        assertEquals(byId(sol, "square_hidden").source(), a.gradingCell("square_hidden").source());
        assertThrows(IllegalArgumentException.class, () -> a.gradingCell("square_answer"));
    }

    @Test
    void bothTheStudentAndTheFullVersionOfALockedCellCountAsUnmodified() {
        assertTrue(a.isUnmodified("square_hidden", byId(a.studentVersion(), "square_hidden")));
        assertTrue(a.isUnmodified("square_hidden", byId(a.solutionVersion(), "square_hidden")));
        Cell edited = byId(a.studentVersion(), "square_hidden");
        edited.setSource(edited.source() + "\nSystem.out.println();");
        assertFalse(a.isUnmodified("square_hidden", edited));
    }

    @Test
    void sourceTimeLimitsAreReadFromNotebookMetadata() {
        Notebook src = TestNotebooks.smallSource();
        com.google.gson.JsonObject m = new com.google.gson.JsonObject();
        m.addProperty("cell_timeout", 30);
        src.metadata().add("physml", m);
        Assignment withLimits = Assignment.of("hw", src);
        assertEquals(30, withLimits.cellTimeout().orElseThrow());
        assertTrue(withLimits.notebookTimeout().isEmpty());
        ExecutionLimits l = ExecutionLimits.DEFAULT.forAssignment(withLimits);
        assertEquals(30, l.cellTimeoutSeconds());
        assertEquals(600, l.notebookTimeoutSeconds());
        m.addProperty("notebook_timeout", 2.5);
        assertThrows(IllegalArgumentException.class, () -> Assignment.of("hw", src));
    }

    @Test
    void refusesSourcesThatBreakTheRules() {
        String region = "// BEGIN SOLUTION\nint x = 1;\n// END SOLUTION";
        String hidden = "// BEGIN HIDDEN TESTS\nint y = 1;\n// END HIDDEN TESTS";
        CellSpec test = CellSpec.test("t", 1);
        assertRefused("not marked as a solution cell", code("a", region), code("b", "x", test));
        assertRefused("not marked as a solution cell", code("a", region, CellSpec.locked("s")), code("b", "x", test));
        assertRefused("marked as a solution cell but has no", code("a", "int x;", CellSpec.solution("s")),
                code("b", "x", test));
        assertRefused("is not a graded test cell", code("a", hidden, CellSpec.locked("s")), code("b", "x", test));
        assertRefused("is used twice", code("a", "x", CellSpec.locked("t")), code("b", "x", test));
        assertRefused("no graded test cells", code("a", "x", CellSpec.locked("s")));
        assertRefused("must not carry a checksum", code("a", "x", test.withChecksum("abc")));
        Cell noId = code("a", "x");
        noId.metadata().add("physml", com.google.gson.JsonParser.parseString("{\"locked\": true}"));
        assertRefused("hw cell 0: grade_id must be non-empty", noId, code("b", "x", test));
    }

    private static void assertRefused(String fragment, Cell... cells) {
        Notebook nb = notebook(cells);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Assignment.of("hw", nb));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().startsWith("hw"), e.getMessage());
    }
}
