package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grading pipeline around a stand-in executor (no kernel): reports, working directories, failures. */
class GraderTest {
    private final Assignment a = Assignment.of("hw", TestNotebooks.smallSource());

    /** Marks every code cell ok, except cells containing "boom", which get an error output. */
    static final class FakeExecutor implements NotebookExecutor {
        final List<Path> workDirs = Collections.synchronizedList(new ArrayList<>());
        final String failWith;

        FakeExecutor(String failWith) {
            this.failWith = failWith;
        }

        @Override
        public Execution execute(Notebook in, String name, Path out, ExecutionLimits limits, Path logDir, int slot) {
            workDirs.add(logDir);
            if (failWith != null) {
                return new Execution(false, failWith, 0.1);
            }
            Notebook nb = in.copy();
            for (Cell c : nb.cells()) {
                if (!c.isCode()) {
                    continue;
                }
                boolean boom = c.source().contains("boom");
                JsonObject run = new JsonObject();
                run.addProperty("status", boom ? "error" : "ok");
                run.addProperty("seconds", 0.1);
                c.metadata().add("physml_run", run);
                if (boom) {
                    JsonObject err = new JsonObject();
                    err.addProperty("output_type", "error");
                    err.addProperty("ename", "EvalException");
                    err.addProperty("evalue", "boom");
                    JsonArray tb = new JsonArray();
                    tb.add("java.lang.RuntimeException: boom");
                    err.add("traceback", tb);
                    c.json().getAsJsonArray("outputs").add(err);
                }
            }
            JsonObject meta = new JsonObject();
            meta.addProperty("kernel_restarts", 1);
            nb.metadata().add("physml_run", meta);
            nb.write(out);
            return new Execution(true, null, 0.1);
        }
    }

    @Test
    void gradesWritesTheReportsAndLeavesNoWorkingDirectoryOrChange(@TempDir Path tmp) throws IOException {
        Notebook sub = TestNotebooks.solved(a);
        TestNotebooks.byId(sub, "square_answer").setSource("double square(double x) { return x * x; } // boom");
        Path file = tmp.resolve("alice.ipynb");
        sub.write(file);
        byte[] before = Files.readAllBytes(file);
        FakeExecutor exec = new FakeExecutor(null);
        SubmissionResult r = new Grader(a, exec).grade(new Submission("alice", file, null), ExecutionLimits.DEFAULT,
                tmp.resolve("out/alice"));
        assertEquals(3.0, r.score(), "the error is in a solution cell, not in a test");
        assertNull(r.graderError());
        assertEquals(List.of("the kernel was restarted 1 time (after a hang or a crash); cells that had run were"
                + " run again before continuing",
                "your code cell 2 (square_answer) has an error: java.lang.RuntimeException: boom"), r.notes());
        for (String f : List.of("results.json", "feedback.html", "junit.xml", "executed.ipynb")) {
            assertTrue(Files.isRegularFile(tmp.resolve("out/alice").resolve(f)), f);
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void kernelStartRetriesAreReadAndNoted() {
        Notebook executed = TestNotebooks.solved(a);
        assertEquals(0, Grader.startRetries(executed), "no record: no retry");
        JsonObject meta = new JsonObject();
        meta.addProperty("kernel_start_retries", 2);
        executed.metadata().add("physml_run", meta);
        assertEquals(2, Grader.startRetries(executed));
        assertEquals(List.of("the kernel did not answer at start and was started again 2 times (a fault of the"
                + " kernel, not of the submission)"), Grader.runNotes(executed));
    }

    @Test
    void aFailingTestCostsItsPoints(@TempDir Path tmp) {
        Notebook sub = TestNotebooks.solved(a);
        Path file = tmp.resolve("bob.ipynb");
        sub.write(file);
        Assignment boomTest = Assignment.of("hw", modifiedSource());
        SubmissionResult r = new Grader(boomTest, new FakeExecutor(null)).grade(new Submission("bob", file, null),
                ExecutionLimits.DEFAULT, tmp.resolve("out"));
        assertEquals(1.0, r.score());
        assertEquals("java.lang.RuntimeException: boom", r.tests().get(1).output());
        assertEquals(List.of(), r.findings(), "the hidden part is not in the student's copy, so it is not an edit");
    }

    private static Notebook modifiedSource() {
        Notebook src = TestNotebooks.smallSource();
        Cell hidden = TestNotebooks.byId(src, "square_hidden");
        hidden.setSource(hidden.source().replace("// END HIDDEN TESTS", "boom();\n// END HIDDEN TESTS"));
        return src;
    }

    @Test
    void anUnreadableSubmissionScoresZeroWithoutRunning(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("carol.ipynb");
        Files.writeString(file, "I wrote my answers in a text file");
        FakeExecutor exec = new FakeExecutor(null);
        SubmissionResult r = new Grader(a, exec).grade(new Submission("carol", file, null), ExecutionLimits.DEFAULT,
                tmp.resolve("out"));
        assertEquals(0.0, r.score());
        assertNull(r.graderError(), "the student's fault, not the grader's");
        assertTrue(r.tests().get(0).output().startsWith("not graded: the submission is not a readable notebook: "),
                r.tests().get(0).output());
        assertTrue(exec.workDirs.isEmpty());
    }

    @Test
    void aFailureOfTheExecutorIsAGraderErrorNotAZero(@TempDir Path tmp) {
        Path file = tmp.resolve("dave.ipynb");
        TestNotebooks.solved(a).write(file);
        FakeExecutor exec = new FakeExecutor("the kernel did not start");
        SubmissionResult r = new Grader(a, exec).grade(new Submission("dave", file, null), ExecutionLimits.DEFAULT,
                tmp.resolve("out"));
        assertEquals("the kernel did not start", r.graderError());
        assertEquals("not graded: the kernel did not start", r.tests().get(0).output());
    }

    @Test
    void gradeAllKeepsTheOrderAndWritesTheClassFiles(@TempDir Path tmp) throws IOException {
        List<Grader.Job> jobs = new ArrayList<>();
        for (String s : List.of("zoe", "adam", "mia")) {
            Path f = tmp.resolve(s + ".ipynb");
            TestNotebooks.solved(a).write(f);
            jobs.add(new Grader.Job(new Submission(s, f, null), ExecutionLimits.DEFAULT));
        }
        jobs.add(new Grader.Job(new Submission("empty", null, "no notebook in empty/"), ExecutionLimits.DEFAULT));
        List<SubmissionResult> r = new Grader(a, new FakeExecutor(null)).gradeAll(jobs, tmp.resolve("out"), 2);
        assertEquals(List.of("zoe", "adam", "mia", "empty"), r.stream().map(SubmissionResult::student).toList());
        assertEquals(List.of(3.0, 3.0, 3.0, 0.0), r.stream().map(SubmissionResult::score).toList());
        List<String> csv = Files.readAllLines(tmp.resolve("out/grades.csv"));
        assertEquals("student,assignment,score,max_score,timestamp", csv.get(0));
        assertTrue(csv.get(1).startsWith("zoe,hw,3.0,3.0,"), csv.get(1));
        assertTrue(csv.get(4).startsWith("empty,hw,0.0,3.0,"), csv.get(4));
        assertTrue(Files.isRegularFile(tmp.resolve("out/junit.xml")));
    }

    @Test
    void anExceptionOfTheGraderIsOneStudentsGraderErrorAndTheBatchGoesOn(@TempDir Path tmp) throws IOException {
        NotebookExecutor throwing = new NotebookExecutor() {
            @Override
            public Execution execute(Notebook in, String name, Path out, ExecutionLimits limits, Path logDir, int slot) {
                if (logDir.endsWith("bad")) {
                    throw new UnsupportedOperationException("broken executor");
                }
                return new FakeExecutor(null).execute(in, name, out, limits, logDir, slot);
            }
        };
        List<Grader.Job> jobs = new ArrayList<>();
        for (String s : List.of("good", "bad")) {
            Path f = tmp.resolve(s + ".ipynb");
            TestNotebooks.solved(a).write(f);
            jobs.add(new Grader.Job(new Submission(s, f, null), ExecutionLimits.DEFAULT));
        }
        Path malformed = tmp.resolve("object.ipynb");
        Files.writeString(malformed, TestNotebooks.solved(a).toJson().replace("\"source\": [\n    \"double square",
                "\"source\": {\"a\": 1}, \"x\": [\n    \"double square"));
        jobs.add(new Grader.Job(new Submission("object", malformed, null), ExecutionLimits.DEFAULT));
        List<SubmissionResult> r = new Grader(a, throwing).gradeAll(jobs, tmp.resolve("out"), 1);
        assertEquals(List.of(3.0, 0.0, 0.0), r.stream().map(SubmissionResult::score).toList());
        assertTrue(r.get(1).graderError().contains("broken executor"), r.get(1).graderError());
        assertNull(r.get(2).graderError(), "a malformed file is the student's, not the grader's");
        assertTrue(r.get(2).notes().get(0).contains("\"source\" must be a string or a list of strings, got an object"),
                r.get(2).notes().toString());
        assertEquals(4, Files.readAllLines(tmp.resolve("out/grades.csv")).size());
    }
}
