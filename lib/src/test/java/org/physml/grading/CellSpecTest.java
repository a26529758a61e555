package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class CellSpecTest {
    @Test
    void parsesTheThreeKindsOfCell() {
        assertEquals(CellSpec.test("ftcs_step", 2),
                parse("{\"grade_id\": \"ftcs_step\", \"grade\": true, \"points\": 2, \"locked\": true}"));
        assertEquals(CellSpec.locked("setup"), parse("{\"grade_id\": \"setup\", \"locked\": true}"));
        assertEquals(CellSpec.solution("a.b-c"), parse("{\"grade_id\": \"a.b-c\", \"solution\": true}"));
    }

    @Test
    void roundTripsThroughJsonWithWholePointsAsIntegers() {
        CellSpec s = CellSpec.test("t", 2).withChecksum("abc");
        assertEquals("{\"grade_id\":\"t\",\"grade\":true,\"points\":2,\"locked\":true,\"checksum\":\"abc\"}",
                s.toJson().toString());
        assertEquals(s, CellSpec.fromJson(s.toJson()));
        assertEquals(1.5, CellSpec.fromJson(CellSpec.test("t", 1.5).toJson()).points());
    }

    @Test
    void refusesInconsistentOrMistypedMetadata() {
        assertRefused("{\"grade\": true, \"points\": 1, \"locked\": true}", "grade_id must be non-empty");
        assertRefused("{\"grade_id\": \"has space\"}", "grade_id must be non-empty");
        assertRefused("{\"grade_id\": \"t\", \"grade\": true, \"points\": 1}", "must be locked");
        assertRefused("{\"grade_id\": \"t\", \"grade\": true, \"locked\": true}", "needs points > 0");
        assertRefused("{\"grade_id\": \"t\", \"points\": 3}", "is not graded");
        assertRefused("{\"grade_id\": \"t\", \"grade\": true, \"points\": -1, \"locked\": true}", "finite and >= 0");
        assertRefused("{\"grade_id\": \"t\", \"solution\": true, \"locked\": true}", "cannot be locked");
        assertRefused("{\"grade_id\": \"t\", \"point\": 3}", "unknown key \"point\"");
        assertRefused("{\"grade_id\": \"t\", \"locked\": \"yes\"}", "must be true or false");
        assertRefused("{\"grade_id\": 5}", "must be a string");
        assertRefused("[1]", "must be an object");
    }

    private static CellSpec parse(String json) {
        return CellSpec.fromJson(JsonParser.parseString(json));
    }

    private static void assertRefused(String json, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(json));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
