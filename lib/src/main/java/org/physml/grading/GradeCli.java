package org.physml.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Command line of the grader ({@code ./physml grade ...}):
 *
 * <pre>
 *   generate [--check]                    exercises/ and solutions/ from source/ (--check: only compare)
 *   validate [ASSIGNMENT...]              solutions score full marks, unmodified exercises score zero
 *   submit PATH --assignment NAME [--out DIR] [--jobs N]
 *                                         grade a notebook or a folder of them (one per student)
 *   check [ASSIGNMENT...]                 generate --check, validate, and the crafted fixtures
 *
 *   limits:  --cell-timeout S  --notebook-timeout S  --heap SIZE  --address-space SIZE|unlimited
 *            --max-restarts N
 *   setup:   --root DIR (course root, default .)  --python PATH (default python3)  --kernel NAME
 * </pre>
 *
 * Exit status: 0 success, 1 a check failed or the grader could not grade a submission, 2 bad usage.
 */
public final class GradeCli {
    private static final Set<String> VALUED = Set.of("--root", "--python", "--kernel", "--assignment", "--out",
            "--jobs", "--cell-timeout", "--notebook-timeout", "--heap", "--address-space", "--max-restarts");
    private static final Set<String> FLAGS = Set.of("--check");

    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private GradeCli(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (FLAGS.contains(a)) {
                options.put(a, "true");
            } else if (VALUED.contains(a)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                options.put(a, args.get(++i));
            } else if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + a);
            } else {
                positional.add(a);
            }
        }
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    /** Run a command; returns the exit status. */
    static int run(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("help") || args.contains("--help") || args.contains("-h")) {
            System.out.println(usage());
            return args.isEmpty() ? 2 : 0;
        }
        String verb = args.get(0);
        try {
            GradeCli cli = new GradeCli(args.subList(1, args.size()));
            return switch (verb) {
                case "generate" -> cli.generate();
                case "validate" -> cli.check(false);
                case "check" -> cli.check(true);
                case "submit" -> cli.submit();
                default -> throw new IllegalArgumentException("unknown command " + verb);
            };
        } catch (IllegalArgumentException e) {
            System.err.println("grade: " + e.getMessage());
            System.err.println(usage());
            return 2;
        }
    }

    private int generate() {
        Path root = root();
        if (options.containsKey("--check")) {
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

    private int check(boolean full) {
        long t0 = System.nanoTime();
        Path root = root();
        List<String> problems = new ArrayList<>();
        if (full) {
            List<String> sync = Generator.check(root);
            sync.forEach(p -> problems.add("out of sync: " + p));
            System.out.println(sync.isEmpty() ? "exercises/ and solutions/ are in sync with source/"
                    : sync.size() + " generated notebooks out of sync (run ./physml grade generate)");
        }
        Path out = root.resolve(options.getOrDefault("--out", "build/grading/" + (full ? "check" : "validate")));
        problems.addAll(CourseCheck.run(root, executor(root), limits(ExecutionLimits.DEFAULT), out, jobs(), full,
                positional, System.out));
        System.out.println();
        problems.forEach(p -> System.out.println("FAILED " + p));
        System.out.printf(Locale.ROOT, "%s in %.0f s; reports in %s%n",
                problems.isEmpty() ? "grading check passed" : problems.size() + " problems",
                (System.nanoTime() - t0) / 1e9, out);
        return problems.isEmpty() ? 0 : 1;
    }

    private int submit() {
        if (positional.size() != 1) {
            throw new IllegalArgumentException("submit needs exactly one notebook or folder, got " + positional);
        }
        String name = options.get("--assignment");
        if (name == null) {
            throw new IllegalArgumentException("submit needs --assignment NAME (a notebook in source/)");
        }
        Path root = root();
        Path source = root.resolve(Generator.SOURCE).resolve(name + ".ipynb");
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("no assignment source " + source);
        }
        Assignment a = Assignment.load(source);
        ExecutionLimits limits = limits(ExecutionLimits.DEFAULT.forAssignment(a));
        List<Submission> subs = Submission.find(Path.of(positional.get(0)));
        if (subs.isEmpty()) {
            throw new IllegalArgumentException("no submissions in " + positional.get(0));
        }
        Path out = Path.of(options.getOrDefault("--out", root.resolve("build/grading").resolve(name).toString()));
        List<Grader.Job> jobs = subs.stream().map(s -> new Grader.Job(s, limits)).toList();
        List<SubmissionResult> results = new Grader(a, executor(root)).gradeAll(jobs, out, jobs());
        System.out.printf(Locale.ROOT, "%n%-20s %7s %8s  %s%n", "student", "score", "time", "failed tests / notes");
        boolean graderErrors = false;
        for (SubmissionResult r : results) {
            graderErrors |= r.graderError() != null;
            System.out.printf(Locale.ROOT, "%-20s %7s %6.1f s  %s%n", r.student(),
                    GradesCsv.points(r.score()) + "/" + GradesCsv.points(r.maxScore()), r.wallSeconds(),
                    r.graderError() != null ? "GRADER ERROR: " + r.graderError() : CourseCheck.summary(r));
        }
        System.out.println("\nreports in " + out + " (grades.csv, junit.xml, <student>/results.json, feedback.html)");
        return graderErrors ? 1 : 0;
    }

    private Path root() {
        Path root = Path.of(options.getOrDefault("--root", ".")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve(Generator.SOURCE))) {
            throw new IllegalArgumentException("no " + Generator.SOURCE + "/ folder under " + root + " (use --root)");
        }
        return root;
    }

    private NotebookExecutor executor(Path root) {
        return new NbclientExecutor(Path.of(options.getOrDefault("--python", "python3")),
                root.resolve("tools/execute_submission.py"), options.getOrDefault("--kernel", "physml-java"));
    }

    private int jobs() {
        return intOption("--jobs", 2);
    }

    private ExecutionLimits limits(ExecutionLimits base) {
        ExecutionLimits l = base;
        if (options.containsKey("--notebook-timeout")) {
            l = l.withNotebookTimeout(intOption("--notebook-timeout", 0));
        }
        if (options.containsKey("--cell-timeout")) {
            l = l.withCellTimeout(intOption("--cell-timeout", 0));
        }
        if (options.containsKey("--heap")) {
            l = l.withHeap(options.get("--heap"));
        }
        if (options.containsKey("--address-space")) {
            l = l.withAddressSpace(options.get("--address-space"));
        }
        if (options.containsKey("--max-restarts")) {
            l = new ExecutionLimits(l.cellTimeoutSeconds(), l.notebookTimeoutSeconds(), l.heap(), l.addressSpace(),
                    intOption("--max-restarts", 0));
        }
        return l;
    }

    private int intOption(String name, int dflt) {
        String v = options.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got " + v);
        }
    }

    static String usage() {
        return """
                usage: physml grade <command> [options]
                  generate [--check]             write exercises/ and solutions/ from source/ (--check: compare only)
                  validate [ASSIGNMENT...]       solutions must score full marks, unmodified exercises zero
                  submit PATH --assignment NAME  grade a notebook, or a folder with one notebook (or one
                         [--out DIR] [--jobs N]  sub-folder) per student; reports in build/grading/NAME/
                  check [ASSIGNMENT...]          generate --check + validate + crafted fixtures (grading/fixtures/)
                limits: --cell-timeout S (60)  --notebook-timeout S (600)  --heap SIZE (1g)
                        --address-space SIZE|unlimited (6g)  --max-restarts N (2)  --jobs N (2)
                setup:  --root DIR (.)  --python PATH (python3)  --kernel NAME (physml-java)""";
    }
}
