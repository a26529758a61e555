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
 * "after_published"; all others "visible".
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
            JsonObject j = new JsonObject();
            j.addProperty("name", t.name());
            j.addProperty("number", Integer.toString(n++));
            j.addProperty("score", t.score());
            j.addProperty("max_score", t.maxScore());
            j.addProperty("status", t.passed() ? "passed" : "failed");
            j.addProperty("output", t.passed() ? "passed" : t.output());
            j.addProperty("output_format", "text");
            j.addProperty("visibility", t.hidden() ? "after_published" : "visible");
            tests.add(j);
        }
        o.add("tests", tests);
        JsonObject extra = new JsonObject();
        extra.addProperty("student", r.student());
        extra.addProperty("assignment", r.assignment());
        extra.addProperty("max_score", r.maxScore());
        extra.addProperty("timestamp", r.timestamp().toString());
        if (r.graderError() != null) {
            extra.addProperty("grader_error", r.graderError());
        }
        o.add("extra_data", extra);
        return o;
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
        sb.append(String.format(java.util.Locale.ROOT, "%s: %s of %s points%n", r.assignment(),
                GradesCsv.points(r.score()), GradesCsv.points(r.maxScore())));
        if (r.graderError() != null) {
            sb.append("GRADER ERROR (not the student's fault; grade again): ").append(r.graderError()).append('\n');
        }
        r.findings().forEach(f -> sb.append("integrity: ").append(f).append('\n'));
        r.notes().forEach(f -> sb.append("note: ").append(f).append('\n'));
        return sb.toString().stripTrailing();
    }
}
