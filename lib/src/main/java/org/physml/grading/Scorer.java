package org.physml.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Scores an executed notebook: a graded test cell passes iff the executor ran it and it has no output of type
 * "error". Output on stderr (library warnings, a student's debug prints) never fails a test. A test with
 * assertion groups scores per group only in the fresh JShell ({@link #fromEvaluation}); scored from the kernel's
 * run ({@link #score}, trusted notebooks only) it is all or nothing over its groups. Manual answers are pending.
 *
 * <p>Failure messages come from the kernel's error output: the exception line (a JUnit 5
 * {@code AssertionFailedError} carries "message ==&gt; expected: &lt;x&gt; but was: &lt;y&gt;"), the snippet frames
 * and, for tests without hidden parts, the failing source line ({@code |-->}) or, for a compile error, the
 * compiler's excerpt. Framework frames (JUnit, JDK) are dropped; hidden tests never show their source.
 */
public final class Scorer {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Pattern FRAMEWORK_FRAME = Pattern.compile(
            "\\s*at (org\\.junit|org\\.opentest4j|java\\.|jdk\\.|sun\\.|REPL\\.|org\\.rapaio)\\S*.*");
    private static final int MAX_LINES = 30;

    private Scorer() {
    }

    /**
     * One result per graded test of the assignment, in notebook order.
     *
     * @param executed the executed notebook (cells carry {@code metadata.physml_run})
     * @param limits   the limits it ran with (quoted in messages)
     */
    public static List<TestResult> score(Assignment assignment, Notebook executed, ExecutionLimits limits) {
        List<TestResult> results = new ArrayList<>();
        for (Assignment.GradedTest t : assignment.tests()) {
            if (t.manual()) {
                results.add(TestResult.pending(t.gradeId(), t.points()));
                continue;
            }
            Cell cell = executed.cells().stream()
                    .filter(c -> t.gradeId().equals(c.gradeIdLenient().orElse(null)))
                    .findFirst().orElse(null);
            if (cell == null) {
                results.add(fail(t, "test cell missing from the executed notebook", Double.NaN));
                continue;
            }
            CellRun run = CellRun.of(cell);
            String error = errorMessage(cell, t.hidden(), limits);
            if (run.status() == CellRun.Status.OK && error == null) {
                results.add(passed(t, run.seconds()));
                continue;
            }
            String why = switch (run.status()) {
                case OK, ERROR -> error != null ? error : "the cell reported an error";
                case TIMEOUT -> "timed out: the cell did not finish within " + limits.cellTimeoutSeconds()
                        + " s and the kernel stopped responding; the kernel was restarted and the cells before"
                        + " this one were run again";
                case KERNEL_DIED -> "the kernel died while running this test (System.exit, a JVM crash or the"
                        + " memory limit of " + limits.addressSpace() + " address space / " + limits.heap()
                        + " heap); the kernel was restarted and the cells before this one were run again";
                case NOT_RUN -> notRun(run.reason(), limits);
                case MISSING -> "not run";
            };
            results.add(fail(t, why, run.seconds()));
        }
        return results;
    }

    /**
     * One result per graded test from an evaluation in a fresh JShell ({@link TestEvaluator}); messages are
     * sanitised (no line quoting the hidden tests) and capped.
     */
    public static List<TestResult> fromEvaluation(Assignment assignment, TestEvaluator.Evaluation ev,
                                                  ExecutionLimits limits) {
        List<TestResult> results = new ArrayList<>();
        for (Assignment.GradedTest t : assignment.tests()) {
            TestEvaluator.Outcome o = ev.tests().get(t.gradeId());
            if (t.manual()) {
                results.add(TestResult.pending(t.gradeId(), t.points()));
            } else if (o == null) {
                results.add(fail(t, "not run", Double.NaN));
            } else if (!t.groups().isEmpty()) {
                List<TestResult.GroupResult> groups = new ArrayList<>();
                t.groups().forEach((name, points) -> {
                    TestEvaluator.Outcome g = o.groups().get(name);
                    groups.add(g != null && g.passed() ? new TestResult.GroupResult(name, points, points, true, "")
                            : new TestResult.GroupResult(name, 0, points, false,
                            g == null ? "not run" : message(g, assignment, limits)));
                });
                results.add(TestResult.ofGroups(t.gradeId(), groups, t.hidden(), o.seconds()));
            } else if (o.passed()) {
                results.add(passed(t, o.seconds()));
            } else {
                results.add(fail(t, message(o, assignment, limits), o.seconds()));
            }
        }
        return results;
    }

    /** A failure message for a student: sanitised, with the heap limit after an OutOfMemoryError. */
    private static String message(TestEvaluator.Outcome o, Assignment assignment, ExecutionLimits limits) {
        String msg = sanitize(o.message(), assignment.hiddenLines());
        if (msg.contains("OutOfMemoryError")) {
            msg += "\n(the Java heap is limited to " + limits.heap() + ")";
        }
        return msg.isBlank() ? "failed" : msg;
    }

    /** Longest message kept for a student, characters. */
    static final int MAX_MESSAGE = 2000;

    /**
     * A message for a student without any line that quotes hidden test text and at most MAX_MESSAGE characters.
     */
    public static String sanitize(String message, java.util.Set<String> hiddenLines) {
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\n", -1)) {
            String l = line;
            for (String h : hiddenLines) {
                l = l.replace(h, "[hidden test text removed]");
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(l);
        }
        String s = out.toString();
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + " ... (message cut)";
    }

    /**
     * A failed test: 0 points, every group failed with the same message. For a manual answer: pending (nothing
     * about it ran).
     */
    static TestResult fail(Assignment.GradedTest t, String why, double seconds) {
        if (t.manual()) {
            return TestResult.pending(t.gradeId(), t.points());
        }
        if (!t.groups().isEmpty()) {
            List<TestResult.GroupResult> groups = new ArrayList<>();
            t.groups().forEach((name, points) -> groups.add(new TestResult.GroupResult(name, 0, points, false, why)));
            return new TestResult(t.gradeId(), 0, t.points(), false, why, t.hidden(), seconds, groups, null);
        }
        return new TestResult(t.gradeId(), 0, t.points(), false, why, t.hidden(), seconds);
    }

    /** A passed test, every group passed. */
    private static TestResult passed(Assignment.GradedTest t, double seconds) {
        if (!t.groups().isEmpty()) {
            List<TestResult.GroupResult> groups = new ArrayList<>();
            t.groups().forEach((name, points) -> groups.add(new TestResult.GroupResult(name, points, points, true, "")));
            return TestResult.ofGroups(t.gradeId(), groups, t.hidden(), seconds);
        }
        return new TestResult(t.gradeId(), t.points(), t.points(), true, "", t.hidden(), seconds);
    }

    static String notRun(String reason, ExecutionLimits limits) {
        if (reason == null) {
            return "not run";
        }
        return switch (reason) {
            case "notebook_timeout" -> "not run: the notebook's time limit of " + limits.notebookTimeoutSeconds()
                    + " s was reached before this cell";
            case "restarts_exhausted" -> "not run: the kernel was lost more than " + limits.maxRestarts()
                    + " times (hangs or crashes in earlier cells)";
            case "replay_failed" -> "not run: after a kernel restart the earlier cells could not be run again";
            case "restart_failed" -> "not run: the kernel could not be restarted";
            default -> "not run (" + reason + ")";
        };
    }

    /** The error outputs of a cell as a readable message, or null if it has none. */
    static String errorMessage(Cell cell, boolean hidden, ExecutionLimits limits) {
        List<String> parts = new ArrayList<>();
        for (JsonObject out : cell.outputs()) {
            if (!"error".equals(str(out.get("output_type")))) {
                continue;
            }
            String ename = str(out.get("ename"));
            if ("EvaluationTimeoutException".equals(ename)) {
                parts.add("timed out: the cell ran longer than " + limits.cellTimeoutSeconds()
                        + " s and was stopped (an infinite loop, or a much slower computation than needed?)");
                continue;
            }
            List<String> lines = new ArrayList<>();
            JsonElement tb = out.get("traceback");
            if (tb != null && tb.isJsonArray()) {
                List<String> raw = new ArrayList<>();
                tb.getAsJsonArray().forEach(e -> raw.addAll(List.of(ANSI.matcher(str(e)).replaceAll("").split("\n"))));
                boolean compileError = "CompilerException".equals(ename)
                        || raw.stream().anyMatch(l -> l.startsWith("Compile error"));
                for (String line : raw) {
                    if (line.isBlank() || FRAMEWORK_FRAME.matcher(line).matches()) {
                        continue;
                    }
                    boolean source = line.startsWith("|") || line.strip().equals("^");
                    if (source && (hidden || (!compileError && !line.startsWith("|-->")))) {
                        continue;   // runtime errors: only the failing line; hidden tests: no source at all
                    }
                    lines.add(line.stripTrailing());
                }
            }
            if (hidden) {
                lines = new ArrayList<>(new java.util.LinkedHashSet<>(lines));   // no excerpts: repeats say nothing
            }
            if (lines.isEmpty()) {
                lines.add(ename + ": " + str(out.get("evalue")));
            }
            if (lines.size() > MAX_LINES) {
                int dropped = lines.size() - MAX_LINES;
                lines = new ArrayList<>(lines.subList(0, MAX_LINES));
                lines.add("... (" + dropped + " more lines)");
            }
            String text = String.join("\n", lines);
            if (text.contains("OutOfMemoryError")) {
                text += "\n(the kernel's Java heap is limited to " + limits.heap() + ")";
            }
            parts.add(text);
        }
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    /** The most informative line of a failure message: not a "Compile error:" header, excerpt or caret line. */
    public static String headline(String message) {
        return message.lines()
                .filter(l -> !l.isBlank() && !l.startsWith("Compile error") && !l.startsWith("|")
                        && !l.strip().equals("^"))
                .findFirst().orElse(message.strip());
    }

    /**
     * Errors in the student's own code cells (not locked, not tests), one line each naming the cell: a compile
     * error there is often why a test reports "cannot find symbol".
     */
    public static List<String> studentCellErrors(Assignment assignment, Notebook executed, ExecutionLimits limits) {
        List<String> found = new ArrayList<>();
        int n = 0;
        for (Cell c : executed.cells()) {
            if (!c.isCode()) {
                continue;
            }
            n++;
            String id = c.gradeIdLenient().orElse(null);
            if (id != null && assignment.isLocked(id)) {
                continue;
            }
            String error = errorMessage(c, false, limits);
            if (error != null) {
                found.add("your code cell " + n + (id == null ? "" : " (" + id + ")") + " has an error: "
                        + headline(error));
            }
        }
        return found;
    }

    private static String str(JsonElement e) {
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }
}
