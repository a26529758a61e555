package org.physml.grading;

/**
 * Result of one graded test for one submission.
 *
 * @param name     the test cell's grade id
 * @param score    points awarded: maxScore if passed, else 0
 * @param maxScore points of the test
 * @param passed   true iff the cell ran without an error output
 * @param output   why it failed, for the student (empty if passed)
 * @param hidden   true if the test contains hidden tests
 * @param seconds  wall time of the cell, s (NaN if it did not run)
 */
public record TestResult(String name, double score, double maxScore, boolean passed, String output, boolean hidden,
                         double seconds) {
    /**
     * @throws IllegalArgumentException if the score is not 0 or maxScore consistently with passed
     */
    public TestResult {
        if (passed ? score != maxScore : score != 0) {
            throw new IllegalArgumentException("test " + name + ": score " + score + " inconsistent with passed = "
                    + passed + " and max " + maxScore);
        }
        output = output == null ? "" : output;
    }
}
