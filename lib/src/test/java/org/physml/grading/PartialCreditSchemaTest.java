package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physml.grading.TestNotebooks.byId;
import static org.physml.grading.TestNotebooks.code;
import static org.physml.grading.TestNotebooks.markdown;
import static org.physml.grading.TestNotebooks.notebook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** The metadata of partial credit (groups) and manually graded answers: parsing, markers, generation. */
class PartialCreditSchemaTest {
    private static final String TIERS = """
            double v = square(1.1);
            // GROUP within_1e-4
            Assertions.assertEquals(1.21, v, 1e-4);
            // GROUP within_1e-8
            Assertions.assertEquals(1.21, v, 1e-8);""";

    @Test
    void parsesGroupsManualAndRubricAndRoundTrips() {
        CellSpec g = parse("{\"grade_id\": \"loss_values\", \"grade\": true, \"locked\": true, \"points\": 3,"
                + " \"groups\": {\"value\": 2, \"input_check\": 1}}");
        assertEquals(List.of("value", "input_check"), List.copyOf(g.groups().keySet()));
        assertEquals(2.0, g.groups().get("value"));
        assertTrue(g.autoGraded());
        assertEquals(g, CellSpec.fromJson(g.toJson()));
        assertEquals("{\"grade_id\":\"loss_values\",\"grade\":true,\"points\":3,\"locked\":true,"
                + "\"groups\":{\"value\":2,\"input_check\":1}}", g.toJson().toString());

        CellSpec m = parse("{\"grade_id\": \"q_corner\", \"grade\": true, \"solution\": true, \"manual\": true,"
                + " \"points\": 2, \"rubric\": \"2: names the discontinuity; 1: ...; 0: ...\"}");
        assertTrue(m.manual());
        assertFalse(m.autoGraded());
        assertEquals("2: names the discontinuity; 1: ...; 0: ...", m.rubric());
        assertEquals(m, CellSpec.fromJson(m.toJson()));
        assertNull(m.withoutRubric().rubric());
        assertFalse(m.withoutRubric().toJson().has("rubric"));
    }

    @Test
    void refusesInconsistentGroupsAndManualCells() {
        refused("{\"grade_id\": \"t\", \"grade\": true, \"locked\": true, \"points\": 3, \"groups\": {\"a\": 1,"
                + " \"b\": 1}}", "sum to 2, but the cell has 3 points");
        refused("{\"grade_id\": \"t\", \"grade\": true, \"locked\": true, \"points\": 1, \"groups\": {\"a\": 0,"
                + " \"b\": 1}}", "group a: points must be finite and > 0");
        refused("{\"grade_id\": \"t\", \"grade\": true, \"locked\": true, \"points\": 1, \"groups\": {\"a b\": 1}}",
                "group name \"a b\"");
        refused("{\"grade_id\": \"t\", \"grade\": true, \"locked\": true, \"points\": 1, \"groups\": {\"a\": \"1\"}}",
                "groups.a must be a number");
        refused("{\"grade_id\": \"t\", \"grade\": true, \"locked\": true, \"points\": 1, \"groups\": [1]}",
                "must be an object");
        refused("{\"grade_id\": \"t\", \"grade\": true, \"locked\": true, \"points\": 1, \"groups\": {}}",
                "groups is empty; leave it out");
        refused("{\"grade_id\": \"t\", \"locked\": true, \"groups\": {\"a\": 1}}", "belong to a graded, locked test");
        refused("{\"grade_id\": \"t\", \"solution\": true, \"grade\": true, \"manual\": true, \"points\": 1,"
                + " \"groups\": {\"a\": 1}}", "belong to a graded, locked test cell");
        refused("{\"grade_id\": \"t\", \"grade\": true, \"manual\": true, \"points\": 1, \"locked\": true}",
                "must have \"grade\": true and \"solution\": true and must not be locked");
        refused("{\"grade_id\": \"t\", \"grade\": true, \"solution\": true, \"points\": 1}", "or graded by hand");
        refused("{\"grade_id\": \"t\", \"grade\": true, \"points\": 1}", "must be locked");
        refused("{\"grade_id\": \"t\", \"solution\": true, \"rubric\": \"x\"}", "belongs to a manually graded cell");
        refused("{\"grade_id\": \"t\", \"grade\": true, \"solution\": true, \"manual\": true, \"points\": 1,"
                + " \"rubric\": \" \"}", "must not be blank");
    }

    @Test
    void splitsATestIntoSetupAndGroups() {
        TestGroups.Split s = TestGroups.split(TIERS, groups("within_1e-4", 1, "within_1e-8", 1), "hw cell 3 (tiers)");
        assertEquals("double v = square(1.1);\n", s.setup());
        assertEquals(List.of("within_1e-4", "within_1e-8"), List.copyOf(s.groups().keySet()));
        assertEquals("Assertions.assertEquals(1.21, v, 1e-8);\n", s.groups().get("within_1e-8"));
        assertTrue(TestGroups.split("Assertions.fail(); // a GROUP of checks", Map.of(), "w").groups().isEmpty());
    }

    @Test
    void refusesMarkersThatDoNotMatchTheMetadata() {
        Map<String, Double> two = groups("within_1e-4", 1, "within_1e-8", 1);
        splitRefused(TIERS.replace("// GROUP within_1e-8", "// GROUP within_1e-9"), two,
                "hw cell 3 (tiers), line 4: group \"within_1e-9\" is not in the cell's metadata groups");
        splitRefused(TIERS.replace("// GROUP within_1e-8\n", ""), two,
                "hw cell 3 (tiers): group [within_1e-8] of the metadata has no \"// GROUP <name>\" line");
        splitRefused(TIERS + "\n// GROUP within_1e-4", two, "line 6: group \"within_1e-4\" has a second marker"
                + " (the first is on line 2)");
        splitRefused(TIERS.replace("// GROUP within_1e-8", "//GROUP within_1e-8"), two, "line 4: malformed group");
        splitRefused(TIERS.replace("// GROUP within_1e-8", "// GROUPS within_1e-8"), two, "malformed group");
        splitRefused(TIERS, Map.of(), "line 2: group marker \"// GROUP within_1e-4\" in a cell without \"groups\"");
    }

    @Test
    void markdownAnswersBecomeYourAnswerHereAndLoseTheRubricInTheExercise() {
        String answer = """
                **Question.** Why is the corner singular?
                <!-- BEGIN SOLUTION -->
                T(L, 0) = 1 but the initial condition is 0 there.
                <!-- END SOLUTION -->""";
        CellSpec manual = CellSpec.manual("q_corner", 2, "2: names the discontinuity; 1: ...; 0: ...");
        Assignment a = Assignment.of("hw", notebook(
                code("c1", "import org.junit.jupiter.api.Assertions;", CellSpec.locked("setup")),
                code("c2", "double square(double x) {\n    // BEGIN SOLUTION\n    return x * x;\n"
                        + "    // END SOLUTION\n}", CellSpec.solution("square_answer")),
                code("c3", TIERS, CellSpec.test("tiers", groups("within_1e-4", 1, "within_1e-8", 1))),
                markdown("m1", answer, manual)));
        assertEquals(List.of("tiers"), a.autoTests().stream().map(Assignment.GradedTest::gradeId).toList());
        assertEquals(List.of("q_corner"), a.manualTests().stream().map(Assignment.GradedTest::gradeId).toList());
        assertEquals(4, a.maxScore());
        assertEquals(2, a.autoMaxScore());
        assertEquals(groups("within_1e-4", 1, "within_1e-8", 1), a.autoTests().get(0).groups());
        Cell student = byId(a.studentVersion(), "q_corner");
        assertEquals("**Question.** Why is the corner singular?\nYOUR ANSWER HERE", student.source());
        assertNull(student.spec().orElseThrow().rubric());
        assertFalse(a.studentVersion().toJson().contains("names the discontinuity"));
        Cell solution = byId(a.solutionVersion(), "q_corner");
        assertEquals("**Question.** Why is the corner singular?\nT(L, 0) = 1 but the initial condition is 0 there.",
                solution.source());
        assertEquals(manual, solution.spec().orElseThrow());
    }

    @Test
    void refusesSourcesWithBrokenManualCellsOrGroupMarkers() {
        Cell test = code("t", "x", CellSpec.test("t", 1));
        assertSourceRefused("hw cell 0 (q): a manually graded cell needs a \"rubric\"",
                markdown("m", "<!-- BEGIN SOLUTION -->\nx\n<!-- END SOLUTION -->", CellSpec.manual("q", 1, null)),
                test);
        assertSourceRefused("hw cell 0 (q): marked as a solution cell but has no <!-- BEGIN SOLUTION --> region",
                markdown("m", "no region", CellSpec.manual("q", 1, "1: ok")), test);
        assertSourceRefused("hw cell 0, line 1: unknown marker \"<!-- BEGIN SOLUTIONS -->\"",
                markdown("m", "<!-- BEGIN SOLUTIONS -->\nx"), test);
        assertSourceRefused("hw cell 0 (q), line 1: region opened here is never closed",
                markdown("m", "<!-- BEGIN SOLUTION -->\nx", CellSpec.manual("q", 1, "1: ok")), test);
        assertSourceRefused("hw cell 0: has <!-- BEGIN SOLUTION --> regions but is not marked as a solution cell",
                markdown("m", "<!-- BEGIN SOLUTION -->\nx\n<!-- END SOLUTION -->"), test);
        assertSourceRefused("hw cell 1 (tiers), line 4: group \"b\" is not in the cell's metadata groups",
                test, code("c", TIERS.replace("within_1e-8", "b"), CellSpec.test("tiers", groups("within_1e-4", 1,
                        "within_1e-8", 1))));
        assertSourceRefused("hw cell 0 (s): has \"// GROUP <name>\" lines but is not a graded test cell",
                code("s", "// GROUP a\nint x;", CellSpec.locked("s")), test);
        assertSourceRefused("no graded test cells",
                markdown("m", "<!-- BEGIN SOLUTION -->\nx\n<!-- END SOLUTION -->", CellSpec.manual("q", 1, "1")));
    }

    static Map<String, Double> groups(Object... nameAndPoints) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndPoints.length; i += 2) {
            m.put((String) nameAndPoints[i], ((Number) nameAndPoints[i + 1]).doubleValue());
        }
        return m;
    }

    private static CellSpec parse(String json) {
        return CellSpec.fromJson(JsonParser.parseString(json));
    }

    private static void refused(String json, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(json));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private static void splitRefused(String source, Map<String, Double> groups, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestGroups.split(source, groups, "hw cell 3 (tiers)"));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private static void assertSourceRefused(String fragment, Cell... cells) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Assignment.of("hw", notebook(cells)));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
