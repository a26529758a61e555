package org.physml.grading;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Command line of the grader, {@code ./physml grade COMMAND [options]}: generate, validate, submit, check,
 * merge-manual (see
 * grading/README.md). Exit status: 0 success, 1 a check failed or a submission could not be graded (grader
 * error), 2 bad usage or input (message on stderr).
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Graded homework: student and solution notebooks from one source, autograding, self-check.",
        subcommands = {GradeCli.Generate.class, GradeCli.Validate.class, GradeCli.Submit.class, GradeCli.Check.class,
                GradeCli.Export.class, GradeCli.Autograde.class, GradeCli.GradescopeCheckCommand.class,
                GradeCli.MergeManual.class})
public final class GradeCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new GradeCli());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
                commandLine.getErr().println("grade: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Where the course is and how to run notebooks. */
    static final class Setup {
        @Option(names = "--root", defaultValue = ".", description = "course root with source/ (default: .)")
        Path root;

        @Option(names = "--python", defaultValue = "python3",
                description = "a Python with nbclient, nbformat and jupyter_client (default: python3)")
        Path python;

        @Option(names = "--kernel", defaultValue = "physml-java", description = "course kernelspec (default: physml-java)")
        String kernel;

        @Option(names = "--unsandboxed", description = "grade without the bubblewrap sandbox where it cannot be"
                + " created (student code then runs with your rights: trusted submissions only)")
        boolean unsandboxed;

        @Option(names = "--max-size", paramLabel = "SIZE", defaultValue = "20m",
                description = "largest submission accepted (default 20m)")
        String maxSize;

        private Sandbox sandbox;

        Path root() {
            Path r = root.toAbsolutePath().normalize();
            if (!Files.isDirectory(r.resolve(Generator.SOURCE))) {
                throw new IllegalArgumentException("no " + Generator.SOURCE + "/ folder under " + r + " (use --root)");
            }
            return r;
        }

        /**
         * The sandbox, probed once; without it grading refuses to start unless --unsandboxed was given.
         *
         * @throws IllegalArgumentException if the sandbox cannot be created and --unsandboxed was not given
         */
        Sandbox sandbox() {
            if (sandbox == null) {
                try {
                    sandbox = Sandbox.probe(visiblePaths(root()));
                } catch (IllegalStateException e) {
                    if (!unsandboxed) {
                        throw new IllegalArgumentException("no sandbox: " + e.getMessage() + ". Grading runs"
                                + " untrusted code only in the sandbox; pass --unsandboxed to grade without it"
                                + " (the student's code then runs with your rights)");
                    }
                    sandbox = Sandbox.none("--unsandboxed: " + e.getMessage());
                }
                System.err.println("grade: " + sandbox.describe());
            }
            return sandbox;
        }

        /**
         * The course paths the sandbox shows (read-only): the built library and kernel, tools/, the kernelspec and
         * the course data (data/, which hw09 and hw10 read).
         */
        static List<Path> visiblePaths(Path r) {
            return List.of(r.resolve("lib/target/physml-lib.jar"), r.resolve("lib/target/dependency"),
                    r.resolve("lib/target/kernel"), r.resolve("kernel-patch/target/physml-kernel-patch.jar"),
                    r.resolve("tools"), r.resolve("build/jupyter"), r.resolve("data"));
        }

        /** The grader of grade submit for an assignment. */
        Grader grader(Assignment a) {
            return new Grader(a, executor(), evaluator()).withMaxBytes(maxBytes());
        }

        NotebookExecutor executor() {
            return new NbclientExecutor(python, root().resolve("tools/execute_submission.py"), kernel, sandbox());
        }

        TestEvaluator evaluator() {
            return new JshellTestEvaluator(JshellTestEvaluator.courseClasspath(root()), sandbox());
        }

        long maxBytes() {
            return ExecutionLimits.bytes(maxSize);
        }
    }

    /** The assignment graded and the report folder of the batch (submit, merge-manual). */
    static final class Batch {
        @Option(names = "--assignment", required = true, paramLabel = "NAME", description = "source/NAME.ipynb")
        String assignment;

        @Option(names = "--out", description = "report folder (default: build/grading/NAME)")
        Path out;

        /** @throws IllegalArgumentException if source/NAME.ipynb is missing or breaks a rule */
        Assignment assignment(Path root) {
            Path source = root.resolve(Generator.SOURCE).resolve(assignment + ".ipynb");
            if (!Files.isRegularFile(source)) {
                throw new IllegalArgumentException("no assignment source " + source);
            }
            return Assignment.load(source);
        }

        Path dir(Path root) {
            return out != null ? out : root.resolve("build/grading").resolve(assignment);
        }
    }

    /** Resource limits; unset options keep the assignment's (source metadata) or the defaults. */
    static final class Limits {
        @Option(names = "--cell-timeout", paramLabel = "S", description = "seconds per cell (default 60)")
        Integer cellTimeout;

        @Option(names = "--notebook-timeout", paramLabel = "S", description = "seconds per notebook (default 600)")
        Integer notebookTimeout;

        @Option(names = "--heap", paramLabel = "SIZE", description = "kernel JVM heap (default 1g)")
        String heap;

        @Option(names = "--address-space", paramLabel = "SIZE",
                description = "OS address-space limit of the kernel, or 'unlimited' (default 6g)")
        String addressSpace;

        @Option(names = "--max-restarts", paramLabel = "N", description = "kernel restarts after a hang or crash (default 2)")
        Integer maxRestarts;

        @Option(names = "--jobs", paramLabel = "N", defaultValue = "2",
                description = "submissions graded at the same time, one kernel each (default 2)")
        int jobs;

        ExecutionLimits apply(ExecutionLimits base) {
            ExecutionLimits l = base;
            if (notebookTimeout != null) {
                l = l.withNotebookTimeout(notebookTimeout);
            }
            if (cellTimeout != null) {
                l = l.withCellTimeout(cellTimeout);
            }
            if (heap != null) {
                l = l.withHeap(heap);
            }
            if (addressSpace != null) {
                l = l.withAddressSpace(addressSpace);
            }
            if (maxRestarts != null) {
                l = new ExecutionLimits(l.cellTimeoutSeconds(), l.notebookTimeoutSeconds(), l.heap(), l.addressSpace(),
                        maxRestarts);
            }
            return l;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write exercises/ and solutions/ from source/ (with --check: only compare).")
    static final class Generate implements Callable<Integer> {
        @Mixin
        Setup setup;

        @Option(names = "--check", description = "report generated notebooks that differ from a fresh generation")
        boolean check;

        @Override
        public Integer call() {
            Path root = setup.root();
            if (check) {
                List<String> problems = Generator.check(root);
                problems.forEach(p -> System.err.println("out of sync: " + p));
                System.out.println(problems.isEmpty() ? "exercises/ and solutions/ are in sync with source/"
                        : problems.size() + " generated notebooks out of sync; run ./physml grade generate");
                return problems.isEmpty() ? 0 : 1;
            }
            List<String> changed = Generator.write(root);
            changed.forEach(System.out::println);
            System.out.println(changed.isEmpty() ? "exercises/ and solutions/ were already up to date"
                    : changed.size() + " files changed");
            return 0;
        }
    }

    /** The options and the action shared by validate and check; they differ only in the crafted submissions. */
    abstract static class CourseCheckCommand implements Callable<Integer> {
        @Mixin
        Setup setup;

        @Mixin
        Limits limits;

        @Parameters(arity = "0..*", paramLabel = "ASSIGNMENT", description = "assignments to check (default: all)")
        List<String> assignments = new ArrayList<>();

        @Option(names = "--out", description = "report folder (default: build/grading/${COMMAND-NAME})")
        Path out;

        /** Whether the crafted submissions of grading/fixtures/ are graded too. */
        abstract boolean withFixtures();

        @Override
        public Integer call() {
            return courseCheck(setup, limits, assignments, out, withFixtures());
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Grade solutions/ (must score full marks) and exercises/ (must score zero).")
    static final class Validate extends CourseCheckCommand {
        @Override
        boolean withFixtures() {
            return false;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "generate --check, validate, grade the crafted submissions in grading/fixtures/, and"
                    + " check the Gradescope export of " + GradescopeCheck.ASSIGNMENT + " against those results.")
    static final class Check extends CourseCheckCommand {
        @Override
        boolean withFixtures() {
            return true;
        }

        @Override
        public Integer call() {
            int status = super.call();
            if (!assignments.isEmpty() && !assignments.contains(GradescopeCheck.ASSIGNMENT)) {
                return status;
            }
            Path dir = out != null ? out : setup.root().resolve("build/grading/check");
            List<String> problems = GradescopeCheck.run(setup.root(), GradescopeCheck.ASSIGNMENT,
                    GradescopeCheck.FIXTURES, setup.python, setup.sandbox().enabled(),
                    dir.resolve(GradescopeCheck.ASSIGNMENT), null, limits.jobs, dir.resolve("gradescope"), System.out);
            problems.forEach(p -> System.out.println("FAILED " + p));
            return problems.isEmpty() ? status : 1;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the Gradescope autograder zip of an assignment (setup.sh, run_autograder, the"
                    + " assignment's source, the built library and kernel; grading/README.md, Gradescope).")
    static final class Export implements Callable<Integer> {
        @Mixin
        Setup setup;

        @Option(names = "--gradescope", required = true, paramLabel = "NAME", description = "source/NAME.ipynb")
        String assignment;

        @Option(names = "--out", paramLabel = "FILE", description = "the zip (default: build/gradescope/NAME-autograder.zip)")
        Path out;

        @Override
        public Integer call() {
            Path root = setup.root();
            Path zip = out != null ? out : root.resolve("build/gradescope").resolve(assignment + "-autograder.zip");
            List<String> entries = GradescopeExport.write(root, assignment, zip, setup.unsandboxed);
            long bytes;
            try {
                bytes = Files.size(zip);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.printf(Locale.ROOT, "%s: %d files, %.0f MB%n", zip, entries.size(), bytes / 1e6);
            if (setup.unsandboxed) {
                System.out.println("WARNING: run_autograder grades WITHOUT the sandbox where bubblewrap cannot create"
                        + " its namespaces: the student's code can then read the hidden tests and write results.json");
            }
            System.out.println("upload it as the autograder of the Gradescope assignment (grading/README.md, Gradescope)");
            return 0;
        }
    }

    @Command(name = "autograde", mixinStandardHelpOptions = true,
            description = "What run_autograder runs in Gradescope's container: grade the notebook in ROOT/submission"
                    + " and write ROOT/results/results.json.")
    static final class Autograde implements Callable<Integer> {
        @Mixin
        Setup setup;

        @Option(names = "--assignment", required = true, paramLabel = "NAME", description = "source/NAME.ipynb")
        String assignment;

        @Option(names = "--autograder-root", paramLabel = "DIR",
                description = "Gradescope's folder (default: $" + GradescopeAutograder.ROOT_ENV + ", else /autograder)")
        Path autograderRoot;

        @Override
        public Integer call() {
            Path source = setup.root().resolve(Generator.SOURCE).resolve(assignment + ".ipynb");
            if (!Files.isRegularFile(source)) {
                throw new IllegalArgumentException("no assignment source " + source);
            }
            Assignment a = Assignment.load(source);
            Path ag = autograderRoot != null ? autograderRoot : GradescopeAutograder.defaultRoot();
            return GradescopeAutograder.run(a, ag.toAbsolutePath().normalize(), () -> setup.grader(a),
                    ExecutionLimits.DEFAULT.forAssignment(a), System.out);
        }
    }

    @Command(name = "gradescope-check", mixinStandardHelpOptions = true,
            description = "The Gradescope part of check alone: export, unpack into an /autograder layout, run"
                    + " run_autograder on the solution, the exercise and fixtures, compare with grade submit.")
    static final class GradescopeCheckCommand implements Callable<Integer> {
        @Mixin
        Setup setup;

        @Option(names = "--jobs", paramLabel = "N", defaultValue = "2",
                description = "parallel jobs for the grade submit reference (default 2)")
        int jobs;

        @Parameters(index = "0", arity = "0..1", paramLabel = "ASSIGNMENT",
                description = "default " + GradescopeCheck.ASSIGNMENT)
        String assignment = GradescopeCheck.ASSIGNMENT;

        @Option(names = "--out", description = "report folder (default: build/grading/gradescope-check)")
        Path out;

        @Option(names = "--fixture", paramLabel = "NAME", description = "fixtures of grading/fixtures/ASSIGNMENT to"
                + " grade too (repeatable; default for " + GradescopeCheck.ASSIGNMENT + ": wrong-values, isolation-probe)")
        List<String> fixtures = new ArrayList<>();

        @Override
        public Integer call() {
            Path root = setup.root();
            List<String> problems = GradescopeCheck.run(root, assignment,
                    !fixtures.isEmpty() || !assignment.equals(GradescopeCheck.ASSIGNMENT) ? fixtures
                            : List.of("wrong-values", "isolation-probe"), setup.python,
                    setup.sandbox().enabled(), null, setup::grader, jobs, out != null ? out : root.resolve("build/grading/gradescope-check"),
                    System.out);
            problems.forEach(p -> System.out.println("FAILED " + p));
            return problems.isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = "Grade a notebook, or a folder with one notebook (or one sub-folder) per student.")
    static final class Submit implements Callable<Integer> {
        @Mixin
        Setup setup;

        @Mixin
        Limits limits;

        @Parameters(index = "0", paramLabel = "PATH", description = "a submitted notebook or a folder of submissions")
        Path path;

        @Mixin
        Batch batch;

        @Override
        public Integer call() {
            Path root = setup.root();
            Assignment a = batch.assignment(root);
            String assignment = batch.assignment;
            ExecutionLimits l = limits.apply(ExecutionLimits.DEFAULT.forAssignment(a));
            List<Submission> subs = Submission.find(path);
            if (subs.isEmpty()) {
                throw new IllegalArgumentException("no submissions in " + path);
            }
            Path dir = batch.dir(root);
            List<Grader.Job> jobs = subs.stream().map(s -> new Grader.Job(s, l)).toList();
            long t0 = System.nanoTime();
            Grader grader = new Grader(a, setup.executor(), setup.evaluator()).withMaxBytes(setup.maxBytes());
            List<SubmissionResult> results = grader.gradeAll(jobs, dir, limits.jobs);
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%n%-20s %7s %8s  %s%n", "student", "score", "time", "failed tests / notes");
            boolean graderErrors = false;
            for (SubmissionResult r : results) {
                graderErrors |= r.graderError() != null;
                System.out.printf(Locale.ROOT, "%-20s %7s %6.1f s  %s%n", r.student(),
                        r.hasManual() ? GradesCsv.points(r.autoScore()) + "/" + GradesCsv.points(r.autoMaxScore())
                                + " auto" : GradesCsv.points(r.score()) + "/" + GradesCsv.points(r.maxScore()),
                        r.wallSeconds(),
                        r.graderError() != null ? "GRADER ERROR: " + r.graderError() : CourseCheck.summary(r));
            }
            System.out.println("\nkernel start retries (kernel never answered; expected 0): " + grader.kernelStartRetries());
            System.out.printf(Locale.ROOT, "%n%d submissions in %.1f s wall time with --jobs %d (%s)%n",
                    results.size(), wall, limits.jobs, setup.sandbox().describe());
            System.out.println("reports in " + dir + " (grades.csv, junit.xml, <student>/results.json, feedback.html)");
            if (!a.manualTests().isEmpty()) {
                System.out.println("answers graded by hand (" + GradesCsv.points(a.maxScore() - a.autoMaxScore())
                        + " points, pending): " + dir.resolve(ManualGrading.DIR) + "/<grade_id>.html; fill in "
                        + ManualGrading.TEMPLATE + " there and run ./physml grade merge-manual --assignment "
                        + assignment + " FILE.csv");
            }
            return graderErrors ? 1 : 0;
        }
    }

    @Command(name = "merge-manual", mixinStandardHelpOptions = true,
            description = "Merge the lecturer's points for answers graded by hand (CSV: student,grade_id,points,"
                    + "comment) into grades.csv, results.json, feedback.html and junit.xml.")
    static final class MergeManual implements Callable<Integer> {
        @Option(names = "--root", defaultValue = ".", description = "course root with source/ (default: .)")
        Path root;

        @Mixin
        Batch batch;

        @Parameters(index = "0", paramLabel = "CSV", description = "the lecturer's scores (from manual/"
                + ManualGrading.TEMPLATE + ")")
        Path csv;

        @Override
        public Integer call() {
            Path r = root.toAbsolutePath().normalize();
            Assignment a = batch.assignment(r);
            Path dir = batch.dir(r);
            ManualGrading.Merge m = ManualGrading.merge(a, dir, csv);
            System.out.println("merged " + m.merged() + " manual scores into " + dir + "; " + m.pending()
                    + " answers still pending");
            return 0;
        }
    }

    private static int courseCheck(Setup setup, Limits limits, List<String> only, Path out, boolean full) {
        long t0 = System.nanoTime();
        Path root = setup.root();
        List<String> problems = new ArrayList<>();
        if (full) {
            List<String> sync = Generator.check(root);
            sync.forEach(p -> problems.add("out of sync: " + p));
            System.out.println(sync.isEmpty() ? "exercises/ and solutions/ are in sync with source/"
                    : sync.size() + " generated notebooks out of sync (run ./physml grade generate)");
        }
        Path dir = out != null ? out : root.resolve("build/grading/" + (full ? "check" : "validate"));
        problems.addAll(CourseCheck.run(root,
                a -> new Grader(a, setup.executor(), setup.evaluator()).withMaxBytes(setup.maxBytes()),
                a -> limits.apply(ExecutionLimits.DEFAULT.forAssignment(a)), dir, limits.jobs, full, only, System.out));
        System.out.println();
        problems.forEach(p -> System.out.println("FAILED " + p));
        System.out.printf(Locale.ROOT, "%s in %.0f s; reports in %s%n",
                problems.isEmpty() ? "grading check passed" : problems.size() + " problems",
                (System.nanoTime() - t0) / 1e9, dir);
        return problems.isEmpty() ? 0 : 1;
    }
}
