package org.physml.grading;

import java.time.Instant;
import java.util.List;

/**
 * The grade of one submission.
 *
 * @param student     student id (from the file or folder name)
 * @param assignment  assignment name
 * @param tests       one result per graded test, in notebook order
 * @param findings    integrity findings (edited, deleted or moved locked cells; shadowing), for the feedback
 * @param notes       execution notes (kernel restarts, limits reached, unreadable submission)
 * @param wallSeconds wall time of grading this submission, s
 * @param timestamp   when grading started
 * @param graderError non-null if the grader itself failed (e.g. the kernel would not start): the scores are
 *                    then zero through no fault of the student and the submission must be graded again
 */
public record SubmissionResult(String student, String assignment, List<TestResult> tests, List<String> findings,
                               List<String> notes, double wallSeconds, Instant timestamp, String graderError) {
    public SubmissionResult {
        tests = List.copyOf(tests);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** Points awarded. */
    public double score() {
        return tests.stream().mapToDouble(TestResult::score).sum();
    }

    /** Points available. */
    public double maxScore() {
        return tests.stream().mapToDouble(TestResult::maxScore).sum();
    }
}
