package org.physml.grading;

import java.util.List;

/**
 * Result of one graded cell for one submission: a test the grader ran (all or nothing, or with partial credit
 * per assertion group) or an answer graded by hand (pending until the lecturer's scores are merged).
 *
 * @param name     the cell's grade id
 * @param score    points awarded: for an all-or-nothing test maxScore if passed, else 0; with groups the sum of
 *                 the passed groups' points; for a manual answer the lecturer's points (0 while pending)
 * @param maxScore points of the cell
 * @param passed   a test: true iff it (every group) ran without an error; a manual answer: true once graded
 * @param output   why it failed, for the student (empty if passed); a manual answer: the lecturer's comment
 * @param hidden   true if the test contains hidden tests
 * @param seconds  wall time of the cell, s (NaN if it did not run)
 * @param groups   the assertion groups of a test with partial credit, in cell order (empty: all or nothing)
 * @param manual   for an answer graded by hand, its state; null for a test
 */
public record TestResult(String name, double score, double maxScore, boolean passed, String output, boolean hidden,
                         double seconds, List<GroupResult> groups, Manual manual) {
    /**
     * One assertion group of a test with partial credit.
     *
     * @param name     the group's name ({@code // GROUP <name>})
     * @param score    maxScore if passed, else 0
     * @param maxScore the group's points
     * @param passed   true iff the cell's setup and the group ran without an error
     * @param output   why it failed (empty if passed)
     */
    public record GroupResult(String name, double score, double maxScore, boolean passed, String output) {
        /** @throws IllegalArgumentException if the score is not 0 or maxScore consistently with passed */
        public GroupResult {
            if (passed ? score != maxScore : score != 0) {
                throw new IllegalArgumentException("group " + name + ": score " + score
                        + " inconsistent with passed = " + passed + " and max " + maxScore);
            }
            output = output == null ? "" : output;
        }
    }

    /**
     * The state of an answer graded by hand.
     *
     * @param graded true once the lecturer's points are merged
     */
    public record Manual(boolean graded) {
    }

    /**
     * @throws IllegalArgumentException if the score does not follow from passed, the groups or the manual state
     */
    public TestResult {
        groups = groups == null ? List.of() : List.copyOf(groups);
        output = output == null ? "" : output;
        if (manual != null) {
            if (!groups.isEmpty() || passed != manual.graded() || !(score >= 0 && score <= maxScore)
                    || (!manual.graded() && score != 0)) {
                throw new IllegalArgumentException("manual answer " + name + ": score " + score + " / " + maxScore
                        + " inconsistent with graded = " + manual.graded());
            }
        } else if (!groups.isEmpty()) {
            double sum = groups.stream().mapToDouble(GroupResult::score).sum();
            double max = groups.stream().mapToDouble(GroupResult::maxScore).sum();
            boolean all = groups.stream().allMatch(GroupResult::passed);
            if (Math.abs(sum - score) > 1e-9 || Math.abs(max - maxScore) > 1e-9 || all != passed) {
                throw new IllegalArgumentException("test " + name + ": score " + score + " / " + maxScore
                        + " and passed = " + passed + " inconsistent with its groups " + groups);
            }
        } else if (passed ? score != maxScore : score != 0) {
            throw new IllegalArgumentException("test " + name + ": score " + score + " inconsistent with passed = "
                    + passed + " and max " + maxScore);
        }
    }

    /** An all-or-nothing test. */
    public TestResult(String name, double score, double maxScore, boolean passed, String output, boolean hidden,
                      double seconds) {
        this(name, score, maxScore, passed, output, hidden, seconds, List.of(), null);
    }

    /** A test with partial credit: score, max and passed follow from the groups. */
    public static TestResult ofGroups(String name, List<GroupResult> groups, boolean hidden, double seconds) {
        double score = groups.stream().mapToDouble(GroupResult::score).sum();
        double max = groups.stream().mapToDouble(GroupResult::maxScore).sum();
        boolean all = groups.stream().allMatch(GroupResult::passed);
        List<String> why = groups.stream().filter(g -> !g.passed()).map(g -> g.name() + ": " + g.output()).toList();
        return new TestResult(name, score, max, all, String.join("\n", why), hidden, seconds, groups, null);
    }

    /** A manual answer not graded yet. */
    public static TestResult pending(String name, double maxScore) {
        return new TestResult(name, 0, maxScore, false, "", false, Double.NaN, List.of(), new Manual(false));
    }

    /**
     * This manual answer with the lecturer's points and comment.
     *
     * @throws IllegalArgumentException if this is not a manual answer or points are outside [0, maxScore]
     */
    public TestResult graded(double points, String comment) {
        if (manual == null) {
            throw new IllegalArgumentException(name + " is not graded by hand");
        }
        return new TestResult(name, points, maxScore, true, comment, hidden, seconds, groups, new Manual(true));
    }

    /** True for a manual answer whose points are not merged yet. */
    public boolean pending() {
        return manual != null && !manual.graded();
    }

    /** True for a test the grader ran (not a manual answer). */
    public boolean auto() {
        return manual == null;
    }

    /** True for a test the grader ran that did not pass completely. */
    public boolean failed() {
        return manual == null && !passed;
    }
}
