package org.physml.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * A submission's result as Gradescope's autograder {@code results.json} (format: Gradescope, "Autograder
 * Specifications", https://gradescope-autograders.readthedocs.io/en/latest/specs/): top-level score,
 * execution_time, output, visibility, stdout_visibility, extra_data, and one entry per test with name, number,
 * score, max_score, status ("passed"/"failed"), output and visibility. Tests that contain hidden tests are
 * "after_published"; all others "visible". A test with assertion groups (partial credit) gives one entry per
 * group, named "grade_id / group" and numbered "n.k". An answer graded by hand is an entry without score and
 * status while pending ("pending: graded by hand") and with the lecturer's points and comment once merged;
 * extra_data then has auto_score, auto_max_score and manual_pending, and the top-level score counts the
 * merged manual points only.
 */
public final class GradescopeResults {
    private GradescopeResults() {
    }

    /** The results.json object. */
    public static JsonObject toJson(SubmissionResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("score", r.score());
        o.addProperty("execution_time", Math.round(r.wallSeconds()));
        o.addProperty("output", summary(r));
        o.addProperty("output_format", "text");
        o.addProperty("visibility", "visible");
        o.addProperty("stdout_visibility", "hidden");
        JsonArray tests = new JsonArray();
        int n = 1;
        for (TestResult t : r.tests()) {
            String visibility = t.hidden() ? "after_published" : "visible";
            if (!t.groups().isEmpty()) {
                int k = 1;
                for (TestResult.GroupResult g : t.groups()) {
                    JsonObject j = entry(t.name() + " / " + g.name(), n + "." + k++, g.score(), g.maxScore(),
                            g.passed(), g.passed() ? "passed" : g.output(), visibility);
                    tests.add(j);
                }
                n++;
                continue;
            }
            JsonObject j;
            if (t.pending()) {
                j = entry(t.name(), Integer.toString(n++), null, t.maxScore(), false,
                        "pending: graded by hand (" + GradesCsv.points(t.maxScore()) + " points)", visibility);
                j.remove("status");
            } else if (!t.auto()) {
                j = entry(t.name(), Integer.toString(n++), t.score(), t.maxScore(), true,
                        "graded by hand: " + GradesCsv.points(t.score()) + " / " + GradesCsv.points(t.maxScore())
                                + (t.output().isBlank() ? "" : "\n" + t.output()), visibility);
            } else {
                j = entry(t.name(), Integer.toString(n++), t.score(), t.maxScore(), t.passed(),
                        t.passed() ? "passed" : t.output(), visibility);
            }
            tests.add(j);
        }
        o.add("tests", tests);
        JsonObject extra = new JsonObject();
        extra.addProperty("student", r.student());
        extra.addProperty("assignment", r.assignment());
        extra.addProperty("max_score", r.maxScore());
        if (r.hasManual()) {
            extra.addProperty("auto_score", r.autoScore());
            extra.addProperty("auto_max_score", r.autoMaxScore());
            extra.addProperty("manual_pending", r.pendingPoints());
        }
        extra.addProperty("timestamp", r.timestamp().toString());
        if (r.graderError() != null) {
            extra.addProperty("grader_error", r.graderError());
        }
        o.add("extra_data", extra);
        return o;
    }

    /** One entry of "tests"; a null score is left out (a manual answer not graded yet). */
    private static JsonObject entry(String name, String number, Double score, double max, boolean passed,
                                    String output, String visibility) {
        JsonObject j = new JsonObject();
        j.addProperty("name", name);
        j.addProperty("number", number);
        if (score != null) {
            j.addProperty("score", score);
        }
        j.addProperty("max_score", max);
        j.addProperty("status", passed ? "passed" : "failed");
        j.addProperty("output", output);
        j.addProperty("output_format", "text");
        j.addProperty("visibility", visibility);
        return j;
    }

    /**
     * Write results.json.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(SubmissionResult r, Path file) {
        try {
            Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                    .toJson(toJson(r)) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The submission-level text: score, grader error, integrity findings and execution notes. */
    static String summary(SubmissionResult r) {
        StringBuilder sb = new StringBuilder();
        if (r.hasManual()) {
            sb.append(r.assignment()).append(": ").append(r.totalText()).append(" points\n");
        } else {
            sb.append(String.format(java.util.Locale.ROOT, "%s: %s of %s points%n", r.assignment(),
                    GradesCsv.points(r.score()), GradesCsv.points(r.maxScore())));
        }
        if (r.graderError() != null) {
            sb.append("GRADER ERROR (not the student's fault; grade again): ").append(r.graderError()).append('\n');
        }
        r.findings().forEach(f -> sb.append("integrity: ").append(f).append('\n'));
        r.notes().forEach(f -> sb.append("note: ").append(f).append('\n'));
        return sb.toString().stripTrailing();
    }
}
