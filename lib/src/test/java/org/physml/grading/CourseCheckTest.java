package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CourseCheckTest {
    private final SubmissionResult r = ReportsTest.result("alice", null);

    @Test
    void aMatchingResultHasNoMismatches() {
        assertEquals(List.of(), CourseCheck.compare(r, new CourseCheck.Expectation(1,
                Map.of("stability", "R = 1/2 <MUST>"), List.of("'stability' was modified"))));
    }

    @Test
    void everyKindOfMismatchIsReported() {
        List<String> m = CourseCheck.compare(r, new CourseCheck.Expectation(3, Map.of("step", "x"), List.of()));
        assertEquals(List.of("score 1, expected 3", "failed tests [stability], expected [step]",
                "1 findings [locked cell 'stability' was modified; the original was restored and run], expected 0 []"), m);
        m = CourseCheck.compare(r, new CourseCheck.Expectation(1, Map.of("stability", "timed out"),
                List.of("deleted")));
        assertEquals(2, m.size());
        assertEquals("test stability: message does not contain \"timed out\": " + r.tests().get(1).output(), m.get(0));
        assertEquals("no finding contains \"deleted\": " + r.findings(), m.get(1));
        assertEquals("grader error: boom",
                CourseCheck.compare(ReportsTest.result("x", "boom"), new CourseCheck.Expectation(1,
                        Map.of("stability", ""), List.of("modified"))).get(0));
    }
}
