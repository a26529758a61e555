package org.physml.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What {@code run_autograder} does in Gradescope's container ({@code ./physml grade autograde}): grade the one
 * notebook of {@code <root>/submission} with the grader of {@code ./physml grade submit} (kernel run and tests, each
 * in the sandbox, job slot 0) and write its Gradescope results.json to {@code <root>/results/results.json}. The root
 * is {@code /autograder} on Gradescope (Gradescope, "Autograder Specifications",
 * https://gradescope-autograders.readthedocs.io/en/latest/specs/) and {@link #ROOT_ENV} elsewhere.
 */
public final class GradescopeAutograder {
    /** Environment variable that replaces {@link #DEFAULT_ROOT} (run_autograder and the grade command read it). */
    public static final String ROOT_ENV = "PHYSML_AUTOGRADER_ROOT";
    /** Gradescope's autograder folder. */
    public static final Path DEFAULT_ROOT = Path.of("/autograder");
    /** Deepest folder searched for the notebook under submission/ (a repository upload nests it). */
    private static final int MAX_DEPTH = 8;

    private GradescopeAutograder() {
    }

    /** {@link #ROOT_ENV} if set and not blank, else /autograder. */
    public static Path defaultRoot() {
        String env = System.getenv(ROOT_ENV);
        return env == null || env.isBlank() ? DEFAULT_ROOT : Path.of(env);
    }

    /** Where Gradescope puts the student's files. */
    public static Path submissionDir(Path root) {
        return root.resolve("submission");
    }

    /** Where Gradescope reads the result. */
    public static Path resultsFile(Path root) {
        return root.resolve("results").resolve("results.json");
    }

    /**
     * The submission in Gradescope's submission folder: the only notebook (*.ipynb, hidden folders and
     * .ipynb_checkpoints left out, searched {@value #MAX_DEPTH} folders deep), or among several the one named
     * {@code <assignment>.ipynb}. The student id is the notebook's name, as {@code grade submit} names a file.
     * Otherwise a submission without a file whose problem says what was found; a symbolic link is not followed
     * (its problem says so).
     *
     * @throws UncheckedIOException if the folder cannot be listed
     */
    public static Submission find(Path dir, String assignment) {
        String wanted = assignment + ".ipynb";
        if (!Files.isDirectory(dir)) {
            return new Submission("submission", null, "no submission folder " + dir);
        }
        List<Path> notebooks;
        try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH)) {
            notebooks = walk.filter(p -> !p.equals(dir))
                    .filter(p -> p.getFileName().toString().endsWith(".ipynb"))
                    .filter(p -> {
                        for (Path part : dir.relativize(p)) {
                            String s = part.toString();
                            if (s.startsWith(".")) {
                                return false;   // hidden files and folders, .ipynb_checkpoints
                            }
                        }
                        return Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p);
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        List<Path> chosen = notebooks.size() == 1 ? notebooks
                : notebooks.stream().filter(p -> p.getFileName().toString().equals(wanted)).toList();
        if (chosen.size() != 1) {
            String found = notebooks.stream().map(p -> dir.relativize(p).toString()).toList().toString();
            return new Submission("submission", null, notebooks.isEmpty()
                    ? "no notebook (.ipynb) in the submission; upload your " + wanted
                    : "several notebooks in the submission " + found + " and none or several named " + wanted
                    + "; upload only " + wanted);
        }
        Path nb = chosen.get(0);
        String name = nb.getFileName().toString();
        String id = Submission.id(name.substring(0, name.length() - ".ipynb".length()));
        if (Files.isSymbolicLink(nb)) {
            return new Submission(id, null, "the submission " + dir.relativize(nb)
                    + " is a symbolic link; submit the notebook file itself");
        }
        return new Submission(id, nb, null);
    }

    /**
     * Grade the submission under {@code root} and write {@code root/results/results.json}. A grader that cannot be
     * made (no sandbox) still gives a results.json: zero points with the grader error, as {@link Grader} writes for
     * a submission it could not grade. A summary goes to {@code log} (Gradescope keeps stdout for the instructor).
     *
     * @param grader makes the grader (may throw IllegalArgumentException, e.g. when the sandbox cannot be created)
     * @return 0 when graded, 1 on a grader error (the zero is not the student's fault)
     * @throws UncheckedIOException if results.json cannot be written
     */
    public static int run(Assignment assignment, Path root, Supplier<Grader> grader, ExecutionLimits limits,
                          PrintStream log) {
        Submission s = find(submissionDir(root), assignment.name());
        Grader g;
        try {
            g = grader.get();
        } catch (IllegalArgumentException e) {
            log.println("autograde: the grader cannot run here: " + e.getMessage());
            g = new Grader(assignment, new Unavailable(e.getMessage()), new Unavailable(e.getMessage()));
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("physml-autograder-");
            Path out = work.resolve(s.student());
            SubmissionResult r = g.grade(s, limits, out, 0);
            Path results = resultsFile(root);
            Files.createDirectories(results.getParent());
            Path tmp = results.resolveSibling(".results.json.tmp");
            Files.copy(out.resolve("results.json"), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, results, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.println(GradescopeResults.summary(r));
            log.printf(java.util.Locale.ROOT, "graded %s (%s) in %.1f s; %s written%n",
                    s.file() == null ? "nothing" : submissionDir(root).relativize(s.file()), assignment.name(),
                    r.wallSeconds(), results);
            return r.graderError() == null ? 0 : 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results under " + root + ": " + e.getMessage(), e);
        } finally {
            if (work != null) {
                Grader.deleteQuietly(work);
            }
        }
    }

    /** Stands in for the kernel run and the tests where they cannot run: every test a grader error. */
    private record Unavailable(String why) implements NotebookExecutor, TestEvaluator {
        @Override
        public Execution execute(Notebook in, String name, Path out, ExecutionLimits limits, Path logDir, int slot) {
            return new Execution(false, why, 0);
        }

        @Override
        public Evaluation evaluate(Assignment assignment, Notebook assembled, ExecutionLimits limits, Path logDir,
                                   int slot) {
            return new Evaluation(why, Map.of(), List.of(), List.of());
        }
    }
}
