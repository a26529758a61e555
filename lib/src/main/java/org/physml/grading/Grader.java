package org.physml.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * Grades submissions of one assignment: read (size limit, no symbolic links, nbformat structure), restore locked
 * cells ({@link SubmissionAssembler}), run in a fresh kernel inside a sandbox ({@link NotebookExecutor}), score
 * ({@link Scorer}) and write the reports into {@code <out>/<student>/}: results.json (Gradescope), feedback.html,
 * junit.xml, executed.ipynb and the executor and kernel logs. The submitted file is only read.
 */
public final class Grader {
    private final Assignment assignment;
    private final NotebookExecutor executor;
    private final AtomicInteger kernelStartRetries = new AtomicInteger();
    private long maxBytes = DEFAULT_MAX_BYTES;

    /** Largest submission accepted by default, bytes (a notebook without outputs is a few tens of kB). */
    public static final long DEFAULT_MAX_BYTES = 20L << 20;

    /** One submission with the limits to grade it with. */
    public record Job(Submission submission, ExecutionLimits limits) {
    }

    private final TestEvaluator evaluator;

    /**
     * A grader that scores the test cells as the kernel ran them (student code and tests share one JShell; for
     * trusted notebooks and the grader's own tests).
     */
    public Grader(Assignment assignment, NotebookExecutor executor) {
        this(assignment, executor, null);
    }

    /**
     * A grader that runs the notebook in the kernel for the student's view (locked cells as the student has them,
     * no hidden tests) and scores the tests with {@code evaluator}, where student declarations cannot change them.
     */
    public Grader(Assignment assignment, NotebookExecutor executor, TestEvaluator evaluator) {
        this.assignment = assignment;
        this.executor = executor;
        this.evaluator = evaluator;
    }

    /**
     * This grader with another size limit for submissions.
     *
     * @throws IllegalArgumentException if maxBytes &lt; 1
     */
    public Grader withMaxBytes(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the size limit must be >= 1 byte, got " + maxBytes);
        }
        Grader g = new Grader(assignment, executor, evaluator);
        g.maxBytes = maxBytes;
        return g;
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
     * Grade one submission as job slot 0 (see {@link #grade(Submission, ExecutionLimits, Path, int)}).
     *
     * @throws UncheckedIOException if the output folder cannot be created or written
     */
    public SubmissionResult grade(Submission s, ExecutionLimits limits, Path studentOut) {
        return grade(s, limits, studentOut, 0);
    }

    /**
     * Grade one submission and write its reports to {@code studentOut}. Anything the student's code does, and any
     * malformed, oversized or linked file, ends up in the result as a zero with a message; an exception of the
     * grader itself becomes a zero with a grader error. Only an unwritable output folder throws.
     *
     * @param slot the job slot (0 .. parallel jobs - 1): submissions graded at the same time get different slots
     * @throws UncheckedIOException if the output folder cannot be created or written
     */
    public SubmissionResult grade(Submission s, ExecutionLimits limits, Path studentOut, int slot) {
        Instant timestamp = Instant.now();
        long t0 = System.nanoTime();
        mkdirs(studentOut);
        List<String> notes = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        List<TestResult> tests;
        String graderError = null;
        Notebook submitted = null;
        java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
        if (executor.isolationNote() != null) {
            notes.add(executor.isolationNote());
        }
        try {
            submitted = Notebook.parse(s.read(maxBytes), "the submission");
        } catch (IllegalArgumentException e) {
            notes.add(s.file() == null ? e.getMessage() : "the submission is not a readable notebook: " + e.getMessage());
        }
        if (submitted == null) {
            tests = allFailed("not graded: " + notes.get(notes.size() - 1));
        } else {
            try {
                answers.putAll(manualAnswers(assignment, submitted));
                SubmissionAssembler.Assembly asm = SubmissionAssembler.assemble(assignment, submitted);
                findings.addAll(asm.findings());
                Path executed = studentOut.resolve("executed.ipynb");
                Notebook toRun = evaluator == null ? asm.notebook() : studentView(asm.notebook());
                NotebookExecutor.Execution run = executor.execute(toRun, assignment.name() + ".ipynb",
                        executed, limits, studentOut, slot);
                Notebook result = run.completed() ? Notebook.read(executed) : null;
                if (result != null) {
                    kernelStartRetries.addAndGet(startRetries(result));
                    notes.addAll(runNotes(result));
                    notes.addAll(Scorer.studentCellErrors(assignment, result, limits));
                }
                if (evaluator == null) {
                    if (result != null) {
                        tests = Scorer.score(assignment, result, limits);
                    } else {
                        graderError = run.problem();
                        tests = allFailed("not graded: " + run.problem());
                    }
                } else {
                    if (result == null) {
                        notes.add("your notebook could not be run for the feedback (" + run.problem()
                                + "); the tests were run anyway");
                    }
                    TestEvaluator.Evaluation ev = evaluator.evaluate(assignment, asm.notebook(), limits, studentOut,
                            slot);
                    if (ev.problem() != null) {
                        graderError = ev.problem();
                        tests = allFailed("not graded: " + ev.problem());
                    } else {
                        tests = Scorer.fromEvaluation(assignment, ev, limits);
                        ev.shadowed().forEach(n -> findings.add("your code declares or imports '" + n + "', a name the"
                                + " tests use; the tests used the course's " + n + ", your code its own"));
                        notes.addAll(ev.notes());
                    }
                }
                notes.replaceAll(n -> Scorer.sanitize(n, assignment.hiddenLines()));
            } catch (RuntimeException e) {
                graderError = "the grader failed on this submission: " + e;
                tests = allFailed("not graded: an error of the grader (not your fault); the lecturer grades it again");
            }
        }
        SubmissionResult r = new SubmissionResult(s.student(), assignment.name(), tests, findings, notes,
                (System.nanoTime() - t0) / 1e9, timestamp, graderError, answers);
        writeReports(r, studentOut);
        return r;
    }

    /**
     * Write a student's reports: results.json (Gradescope), feedback.html, junit.xml and the grader's record
     * result.json (read back by {@code grade merge-manual}).
     *
     * @throws UncheckedIOException if a file cannot be written
     */
    static void writeReports(SubmissionResult r, Path studentOut) {
        ResultRecord.write(r, studentOut.resolve(ResultRecord.FILE));
        GradescopeResults.write(r, studentOut.resolve("results.json"));
        FeedbackHtml.write(r, studentOut.resolve("feedback.html"));
        JunitXml.write(r.assignment() + "." + r.student(), List.of(r), studentOut.resolve("junit.xml"));
    }

    /**
     * The student's text of every manually graded cell (all cells with its grade id, joined, in case the student
     * split or copied it); a deleted cell gives a note instead of text.
     */
    static java.util.Map<String, String> manualAnswers(Assignment a, Notebook submitted) {
        java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
        for (Assignment.GradedTest t : a.manualTests()) {
            List<String> parts = new ArrayList<>();
            for (Cell c : submitted.cells()) {
                if (t.gradeId().equals(c.gradeIdLenient().orElse(null))) {
                    parts.add(c.source());
                }
            }
            answers.put(t.gradeId(), parts.isEmpty() ? NO_ANSWER : String.join("\n\n", parts));
        }
        return answers;
    }

    /** The answer recorded for a manual question whose cell the submission does not have. */
    static final String NO_ANSWER = "(no answer: the cell is missing from the submission)";

    /**
     * Grade several submissions, {@code parallel} at a time, each in its own kernel and job slot; write the
     * per-student reports under {@code out/<student>/} and the class files {@code out/grades.csv} and
     * {@code out/junit.xml}, and for answers graded by hand the lecturer's pages in {@code out/manual/}
     * ({@link ManualGrading}). grades.csv is rewritten (atomically) after every finished submission, so a crash of
     * the grader keeps the rows of those. Progress goes to stderr.
     *
     * @return results in the order of the jobs
     * @throws IllegalArgumentException if parallel is not in 1 .. {@link Sandbox#MAX_SLOTS}
     */
    public List<SubmissionResult> gradeAll(List<Job> jobs, Path out, int parallel) {
        if (parallel < 1 || parallel > Sandbox.MAX_SLOTS) {
            throw new IllegalArgumentException("parallel jobs must be in 1.." + Sandbox.MAX_SLOTS + ", got " + parallel);
        }
        mkdirs(out);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        BlockingQueue<Integer> slots = new ArrayBlockingQueue<>(parallel);
        for (int i = 0; i < parallel; i++) {
            slots.add(i);
        }
        AtomicInteger done = new AtomicInteger();
        SubmissionResult[] finished = new SubmissionResult[jobs.size()];
        Path csv = out.resolve("grades.csv");
        try {
            List<Future<SubmissionResult>> futures = new ArrayList<>();
            for (int k = 0; k < jobs.size(); k++) {
                Job job = jobs.get(k);
                int index = k;
                futures.add(pool.submit(() -> {
                    int slot = slots.take();
                    SubmissionResult r;
                    try {
                        r = grade(job.submission(), job.limits(), out.resolve(job.submission().student()), slot);
                    } finally {
                        slots.add(slot);
                    }
                    synchronized (finished) {
                        finished[index] = r;
                        GradesCsv.writeAtomically(Arrays.stream(finished).filter(Objects::nonNull).toList(), csv);
                    }
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
            GradesCsv.writeAtomically(results, csv);
            JunitXml.write(assignment.name(), results, out.resolve("junit.xml"));
            ManualGrading.writePages(assignment, results, out);
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

    /** The assembled notebook with every locked cell as the student has it (no hidden tests). */
    private Notebook studentView(Notebook assembled) {
        Notebook nb = assembled.copy();
        for (int i = 0; i < nb.cells().size(); i++) {
            String id = nb.cells().get(i).gradeIdLenient().orElse(null);
            if (id != null && assignment.isLocked(id)) {
                nb.cells().set(i, assignment.studentCell(id));
            }
        }
        return nb;
    }

    private List<TestResult> allFailed(String why) {
        return assignment.tests().stream().map(t -> Scorer.fail(t, why, Double.NaN)).toList();
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
