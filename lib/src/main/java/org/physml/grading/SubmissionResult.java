package org.physml.grading;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grade of one submission.
 *
 * @param student     student id (from the file or folder name)
 * @param assignment  assignment name
 * @param tests       one result per graded cell (tests and manual answers), in notebook order
 * @param findings    integrity findings (edited, deleted or moved locked cells; shadowing), for the feedback
 * @param notes       execution notes (kernel restarts, limits reached, unreadable submission)
 * @param wallSeconds wall time of grading this submission, s
 * @param timestamp   when grading started
 * @param graderError non-null if the grader itself failed (e.g. the kernel would not start): the scores are
 *                    then zero through no fault of the student and the submission must be graded again
 * @param answers     the student's text of each manually graded cell, by grade id (for the lecturer's pages)
 */
public record SubmissionResult(String student, String assignment, List<TestResult> tests, List<String> findings,
                               List<String> notes, double wallSeconds, Instant timestamp, String graderError,
                               Map<String, String> answers) {
    public SubmissionResult {
        tests = List.copyOf(tests);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
        answers = answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    /** A result without manual answers. */
    public SubmissionResult(String student, String assignment, List<TestResult> tests, List<String> findings,
                            List<String> notes, double wallSeconds, Instant timestamp, String graderError) {
        this(student, assignment, tests, findings, notes, wallSeconds, timestamp, graderError, Map.of());
    }

    /** Points awarded (manual answers count once graded). */
    public double score() {
        return tests.stream().mapToDouble(TestResult::score).sum();
    }

    /** Points available (manual answers included). */
    public double maxScore() {
        return tests.stream().mapToDouble(TestResult::maxScore).sum();
    }

    /** Points of the tests the grader ran. */
    public double autoScore() {
        return tests.stream().filter(TestResult::auto).mapToDouble(TestResult::score).sum();
    }

    /** Points available in the tests the grader ran. */
    public double autoMaxScore() {
        return tests.stream().filter(TestResult::auto).mapToDouble(TestResult::maxScore).sum();
    }

    /** Points of the manual answers not graded yet. */
    public double pendingPoints() {
        return tests.stream().filter(TestResult::pending).mapToDouble(TestResult::maxScore).sum();
    }

    /** True if the submission has answers graded by hand. */
    public boolean hasManual() {
        return tests.stream().anyMatch(t -> !t.auto());
    }

    /**
     * The total for people: "5 / 8" without manual answers; "auto 8/8, manual pending 2" while some are
     * pending; "9.5 / 10 (auto 8/8, manual 1.5/2)" once graded.
     */
    public String totalText() {
        if (!hasManual()) {
            return GradesCsv.points(score()) + " / " + GradesCsv.points(maxScore());
        }
        String auto = "auto " + GradesCsv.points(autoScore()) + "/" + GradesCsv.points(autoMaxScore());
        double manualMax = maxScore() - autoMaxScore();
        if (pendingPoints() > 0) {
            double graded = manualMax - pendingPoints();
            return auto + ", manual " + (graded > 0 ? GradesCsv.points(score() - autoScore()) + "/"
                    + GradesCsv.points(graded) + " graded, " : "") + "pending " + GradesCsv.points(pendingPoints());
        }
        return GradesCsv.points(score()) + " / " + GradesCsv.points(maxScore()) + " (" + auto + ", manual "
                + GradesCsv.points(score() - autoScore()) + "/" + GradesCsv.points(manualMax) + ")";
    }

    /** This result with other test results (after merging manual scores). */
    public SubmissionResult withTests(List<TestResult> newTests) {
        return new SubmissionResult(student, assignment, newTests, findings, notes, wallSeconds, timestamp,
                graderError, answers);
    }
}
