package org.physml.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Grades submissions of one assignment: read, restore locked cells ({@link SubmissionAssembler}), run in a fresh
 * kernel inside a temporary working directory ({@link NotebookExecutor}), score ({@link Scorer}) and write the
 * reports into {@code <out>/<student>/}: results.json (Gradescope), feedback.html, junit.xml, executed.ipynb and
 * the executor and kernel logs. The submitted file is only read.
 */
public final class Grader {
    private final Assignment assignment;
    private final NotebookExecutor executor;
    private final AtomicInteger kernelStartRetries = new AtomicInteger();

    /** One submission with the limits to grade it with. */
    public record Job(Submission submission, ExecutionLimits limits) {
    }

    public Grader(Assignment assignment, NotebookExecutor executor) {
        this.assignment = assignment;
        this.executor = executor;
    }

    /** The assignment graded. */
    public Assignment assignment() {
        return assignment;
    }

    /**
     * Kernel starts that did not answer and were replaced by a new start, summed over the submissions graded so
     * far: the executor's safety net against a kernel that never answers (README.md, The kernel); expected 0.
     */
    public int kernelStartRetries() {
        return kernelStartRetries.get();
    }

    /**
     * Grade one submission and write its reports to {@code studentOut}. Anything the student's code does ends
     * up in the result; only an unwritable output folder throws.
     *
     * @throws UncheckedIOException if the output folder cannot be created or written
     */
    public SubmissionResult grade(Submission s, ExecutionLimits limits, Path studentOut) {
        Instant timestamp = Instant.now();
        long t0 = System.nanoTime();
        mkdirs(studentOut);
        List<String> notes = new ArrayList<>();
        List<String> findings = List.of();
        List<TestResult> tests;
        String graderError = null;
        Notebook submitted = null;
        if (s.problem() != null) {
            notes.add(s.problem());
        } else {
            try {
                submitted = Notebook.read(s.file());
            } catch (IllegalArgumentException e) {
                notes.add("the submission is not a readable notebook: " + e.getMessage());
            }
        }
        if (submitted == null) {
            tests = allFailed("not graded: " + notes.get(0));
        } else {
            SubmissionAssembler.Assembly asm = SubmissionAssembler.assemble(assignment, submitted);
            findings = asm.findings();
            Path work = tempDir(s.student());
            try {
                Path in = work.resolve(assignment.name() + ".ipynb");
                asm.notebook().write(in);
                Path executed = studentOut.resolve("executed.ipynb");
                NotebookExecutor.Execution run = executor.execute(in, executed, work, limits,
                        studentOut.resolve("executor.log"));
                if (run.completed()) {
                    Notebook result = Notebook.read(executed);
                    kernelStartRetries.addAndGet(startRetries(result));
                    tests = Scorer.score(assignment, result, limits);
                    notes.addAll(runNotes(result));
                    notes.addAll(Scorer.studentCellErrors(assignment, result, limits));
                } else {
                    graderError = run.problem();
                    tests = allFailed("not graded: " + run.problem());
                }
            } finally {
                deleteQuietly(work);
            }
        }
        SubmissionResult r = new SubmissionResult(s.student(), assignment.name(), tests, findings, notes,
                (System.nanoTime() - t0) / 1e9, timestamp, graderError);
        GradescopeResults.write(r, studentOut.resolve("results.json"));
        FeedbackHtml.write(r, studentOut.resolve("feedback.html"));
        JunitXml.write(assignment.name() + "." + s.student(), List.of(r), studentOut.resolve("junit.xml"));
        return r;
    }

    /**
     * Grade several submissions, {@code parallel} at a time, each in its own kernel; write the per-student
     * reports under {@code out/<student>/} and the class files {@code out/grades.csv} and {@code out/junit.xml}.
     * Progress goes to stderr.
     *
     * @return results in the order of the jobs
     * @throws IllegalArgumentException if parallel &lt; 1
     */
    public List<SubmissionResult> gradeAll(List<Job> jobs, Path out, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel jobs must be >= 1, got " + parallel);
        }
        mkdirs(out);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<SubmissionResult>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    SubmissionResult r = grade(job.submission(), job.limits(), out.resolve(job.submission().student()));
                    System.err.printf(Locale.ROOT, "[%d/%d] %s: %s / %s points (%.1f s)%s%n", done.incrementAndGet(),
                            jobs.size(), r.student(), GradesCsv.points(r.score()), GradesCsv.points(r.maxScore()),
                            r.wallSeconds(), r.graderError() == null ? "" : " GRADER ERROR: " + r.graderError());
                    return r;
                }));
            }
            List<SubmissionResult> results = new ArrayList<>();
            for (Future<SubmissionResult> f : futures) {
                results.add(f.get());
            }
            GradesCsv.write(results, out.resolve("grades.csv"));
            JunitXml.write(assignment.name(), results, out.resolve("junit.xml"));
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<TestResult> allFailed(String why) {
        return assignment.tests().stream()
                .map(t -> new TestResult(t.gradeId(), 0, t.points(), false, why, t.hidden(), Double.NaN)).toList();
    }

    /** Notes for the student from the executor's record (kernel restarts and their reasons). */
    static List<String> runNotes(Notebook executed) {
        List<String> notes = new ArrayList<>();
        JsonElement e = executed.metadata().get("physml_run");
        if (e == null || !e.isJsonObject()) {
            return notes;
        }
        JsonObject run = e.getAsJsonObject();
        int restarts = run.has("kernel_restarts") ? run.get("kernel_restarts").getAsInt() : 0;
        if (restarts > 0) {
            notes.add("the kernel was restarted " + restarts + (restarts == 1 ? " time" : " times")
                    + " (after a hang or a crash); cells that had run were run again before continuing");
        }
        int retries = startRetries(executed);
        if (retries > 0) {
            notes.add("the kernel did not answer at start and was started again " + retries
                    + (retries == 1 ? " time" : " times") + " (a fault of the kernel, not of the submission)");
        }
        if (run.has("notes") && run.get("notes").isJsonArray()) {
            run.getAsJsonArray("notes").forEach(n -> notes.add(n.getAsString()));
        }
        return notes;
    }

    /** The executor's count of kernel starts that did not answer and were replaced (0 if not recorded). */
    static int startRetries(Notebook executed) {
        JsonElement e = executed.metadata().get("physml_run");
        if (e == null || !e.isJsonObject() || !e.getAsJsonObject().has("kernel_start_retries")) {
            return 0;
        }
        return e.getAsJsonObject().get("kernel_start_retries").getAsInt();
    }

    private static Path tempDir(String student) {
        try {
            return Files.createTempDirectory("physml-grade-" + student + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a working directory: " + e.getMessage(), e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Delete a working directory; what the student's code left there may resist, which is only logged. */
    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    System.err.println("grader: could not delete " + p + ": " + e.getMessage());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("grader: could not clean up " + dir + ": " + e.getMessage());
        }
    }
}
