package org.physml.grading;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Evaluates the graded tests of an assembled submission where nothing the student declares can change them. */
public interface TestEvaluator {

    /**
     * The outcome of one test.
     *
     * @param status  "ok", "error", "timeout", "died" or "not_run"
     * @param message why it failed (empty if ok), not yet sanitised
     * @param seconds wall time, s
     * @param groups  outcome per assertion group of a test with partial credit, in cell order (else empty)
     */
    record Outcome(String status, String message, double seconds, Map<String, Outcome> groups) {
        public Outcome {
            groups = groups == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(groups));
        }

        /** The outcome of an all-or-nothing test (or of one group). */
        public Outcome(String status, String message, double seconds) {
            this(status, message, seconds, Map.of());
        }

        /** True if the test (every group of it) passed. */
        public boolean passed() {
            return "ok".equals(status);
        }
    }

    /**
     * The outcome of one evaluation.
     *
     * @param problem  why the tests could not be evaluated (the grader's fault), or null
     * @param tests    outcome per test grade id
     * @param shadowed names the student declared or imported that the tests use (renamed or dropped for the tests)
     * @param notes    notes on the student's declarations (left out after a hang or a crash)
     */
    record Evaluation(String problem, Map<String, Outcome> tests, List<String> shadowed, List<String> notes) {
    }

    /**
     * Evaluate the tests of {@code assembled} (locked cells in their full version).
     *
     * @param logDir folder for the evaluator's log (tests.log)
     * @param slot   the job slot (see {@link NotebookExecutor#execute})
     */
    Evaluation evaluate(Assignment assignment, Notebook assembled, ExecutionLimits limits, Path logDir, int slot);
}
