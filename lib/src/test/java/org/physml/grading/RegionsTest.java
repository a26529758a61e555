package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionsTest {
    private static final String METHOD = """
            double f(double x) {
                // BEGIN SOLUTION
                double y = x + 1;
                return y * y;
                // END SOLUTION
            }""";

    @Test
    void methodBodyBecomesYourCodeHereAndAThrowAtTheMarkersIndentation() {
        assertEquals("""
                double f(double x) {
                    // YOUR CODE HERE
                    throw new UnsupportedOperationException("not implemented: f_answer");
                }""", Regions.studentVersion(METHOD, "t", "f_answer"));
    }

    @Test
    void solutionVersionDropsOnlyTheMarkers() {
        assertEquals("""
                double f(double x) {
                    double y = x + 1;
                    return y * y;
                }""", Regions.solutionVersion(METHOD, "t"));
    }

    @Test
    void stubLinesReplaceTheDefaultThrowAndVanishFromTheSolution() {
        String src = """
                // BEGIN SOLUTION
                // STUB: double p = Double.NaN;
                double p = 2.0;
                // END SOLUTION
                System.out.println(p);""";
        assertEquals("// YOUR CODE HERE\ndouble p = Double.NaN;\nSystem.out.println(p);",
                Regions.studentVersion(src, "t", "p"));
        assertEquals("double p = 2.0;\nSystem.out.println(p);", Regions.solutionVersion(src, "t"));
    }

    @Test
    void hiddenTestsDisappearFromTheStudentVersionWithTheirMarkers() {
        String src = "visible();\n  // BEGIN HIDDEN TESTS\n  hidden();\n  // END HIDDEN TESTS\nafter();";
        assertEquals("visible();\nafter();", Regions.studentVersion(src, "t", "x"));
        assertEquals("visible();\n  hidden();\nafter();", Regions.solutionVersion(src, "t"));
        assertEquals(new Regions.Summary(0, 1), Regions.summary(src, "t"));
    }

    @Test
    void sourceWithoutMarkersIsUnchangedIncludingTrailingNewlines() {
        String src = "int a = 1;\r\n\nint b = 2;\n\n";
        assertEquals(src, Regions.studentVersion(src, "t", "x"));
        assertEquals(src, Regions.solutionVersion(src, "t"));
    }

    @Test
    void severalRegionsAreCounted() {
        String src = METHOD + "\n" + METHOD.replace("f(", "g(") + "\n// BEGIN HIDDEN TESTS\nx();\n// END HIDDEN TESTS";
        assertEquals(new Regions.Summary(2, 1), Regions.summary(src, "t"));
    }

    @Test
    void malformedRegionsAreRefusedWithTheLineNumber() {
        assertMessage("cell 7, line 3: \"// BEGIN SOLUTION\" inside the region opened on line 1",
                "// BEGIN SOLUTION\na();\n// BEGIN SOLUTION\n// END SOLUTION\n// END SOLUTION");
        assertMessage("cell 7, line 2: region opened here is never closed", "a();\n// BEGIN HIDDEN TESTS\nb();");
        assertMessage("cell 7, line 1: \"// END SOLUTION\" without a matching BEGIN", "// END SOLUTION");
        assertMessage("cell 7, line 3: \"// END HIDDEN TESTS\" without a matching BEGIN (open region from line 1)",
                "// BEGIN SOLUTION\na();\n// END HIDDEN TESTS");
        assertMessage("cell 7, line 1: \"// STUB:\" outside a solution region", "// STUB: int x = 0;");
        assertMessage("cell 7, line 2: empty \"// STUB:\" line", "// BEGIN SOLUTION\n// STUB:\n// END SOLUTION");
        assertMessage("cell 7, line 1: unknown marker \"// BEGIN SOLUTIONS\"", "// BEGIN SOLUTIONS\n// END SOLUTION");
        assertMessage("cell 7, line 1: unknown marker \"//END HIDDEN TEST\"", "//END HIDDEN TEST");
    }

    @Test
    void ordinaryCommentsThatMentionBeginAreNotMarkers() {
        String src = "// Begin with the boundary values\n// END of the first part: see below\nint a = 1;";
        assertEquals(src, Regions.studentVersion(src, "t", "x"));
    }

    private static void assertMessage(String expectedStart, String source) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Regions.studentVersion(source, "cell 7", "x"));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
