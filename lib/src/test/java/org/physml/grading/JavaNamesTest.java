package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class JavaNamesTest {

    @Test
    void unicodeEscapesAreTranslatedAsTheCompilerDoes() {
        assertEquals("Assertions x;", JavaNames.translateUnicodeEscapes("\\u0041ssertions x;"));
        assertEquals("A", JavaNames.translateUnicodeEscapes("\\uuu0041"), "several u's are one escape (JLS 3.3)");
        assertEquals("\\\\u0041", JavaNames.translateUnicodeEscapes("\\\\u0041"), "an escaped backslash starts none");
        assertEquals("\\u00zz", JavaNames.translateUnicodeEscapes("\\u00zz"), "malformed: left for the compiler");
    }

    @Test
    void freeNamesSkipMembersCommentsLiteralsAndNumbers() {
        String src = """
                // Assertions in a comment
                /* FtcsSolver */ double e = 1e-12 + 0x1p3 + 2.5e+3f + .5;
                String s = "HeatProblem \\" Random"; char c = '\\'';
                String t = \"""
                    Arrays in a text block
                    \""";
                org.junit.jupiter.api.Assertions.assertEquals(1, x.length);""";
        assertEquals(List.of("double", "e", "String", "s", "char", "c", "t", "org", "x"),
                List.copyOf(JavaNames.freeNames(src)));
        assertEquals(Set.of("org", "x"), JavaNames.qualifiers(src));
    }

    @Test
    void renameChangesOnlyFreeOccurrencesAndTranslatesEscapesFirst() {
        String src = "class \\u0041ssertions { } Assertions a = new Assertions(); x.Assertions(); \"Assertions\"";
        assertEquals("class A2 { } A2 a = new A2(); x.Assertions(); \"Assertions\"",
                JavaNames.rename(src, n -> n.equals("Assertions") ? "A2" : n));
        assertEquals("double e = 1e-12 * e_;", JavaNames.rename("double e = 1e-12 * e;", n -> n.equals("e") ? "e_"
                : n).replace("e_ =", "e =").replace("double e_", "double e"));
    }
}
