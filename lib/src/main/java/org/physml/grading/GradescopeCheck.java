package org.physml.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The Gradescope export, checked on this machine (part of {@code ./physml grade check}; alone:
 * {@code ./physml grade gradescope-check}):
 * <ol>
 *   <li>export the autograder zip of an assignment; its scripts pass {@code bash -n}, every {@code $SOURCE/...}
 *       path they name is in the zip, and it holds nothing of solutions/, exercises/ or grading/;</li>
 *   <li>unpack it into a temporary folder laid out as Gradescope lays out {@code /autograder} (source/,
 *       submission/, results/, run_autograder copied to the top) with {@code unzip} (which must restore the
 *       scripts' executable bit), and register the kernel there with the zip's tools/install_kernel.py, the step
 *       of setup.sh that needs no root (setup.sh itself, which calls apt-get, is not run);</li>
 *   <li>in the sandbox the grader builds for that layout, the source with the hidden tests, submission/,
 *       results/ and run_autograder do not exist;</li>
 *   <li>for the solution, the exercise and fixtures (in grade check {@link #FIXTURES}), each alone in submission/ as in one
 *       Gradescope container: run run_autograder with {@link GradescopeAutograder#ROOT_ENV} set to the folder,
 *       and compare its results.json (score, and name, score, status of each test) with the one
 *       {@code grade submit}'s grader wrote for the same notebook; the solution must get full marks, the exercise
 *       zero, a fixture its score in expected.json.</li>
 * </ol>
 */
public final class GradescopeCheck {
    /** The assignment the check exports (it has the fixtures). */
    public static final String ASSIGNMENT = "hw02-ftcs";
    /** A partly wrong submission (5 of 8) graded by the check of grade check. */
    public static final List<String> FIXTURES = List.of("wrong-values");
    /** Longest run_autograder run allowed here, s (a submission takes about a minute). */
    private static final long RUN_TIMEOUT_SECONDS = 900;

    private GradescopeCheck() {
    }

    /**
     * Run the check.
     *
     * @param python          the Python with nbclient (run_autograder gets it as PHYSML_PYTHON)
     * @param sandboxed       whether grading here uses the sandbox (if not, the zip is exported with
     *                        PHYSML_UNSANDBOXED=1 and the layout's isolation is not checked)
     * @param reference       a folder with {@code <id>/results.json} of the grader for the same notebooks (the
     *                        output of {@code grade check} for the assignment), or null to grade them here
     * @param referenceGrader the grader of {@code grade submit}, used when reference is null
     * @param jobs            parallel jobs for grading the reference
     * @param out             where the results of run_autograder (and the reference, if graded here) are kept
     * @return the problems found (empty if the check passed); a table goes to {@code report}
     * @throws UncheckedIOException if the temporary layout cannot be made
     */
    public static List<String> run(Path root, String assignmentName, List<String> fixtures, Path python,
                                   boolean sandboxed, Path reference, Function<Assignment, Grader> referenceGrader,
                                   int jobs, Path out, PrintStream report) {
        long t0 = System.nanoTime();
        List<String> problems = new ArrayList<>();
        Assignment a = Assignment.load(root.resolve(Generator.SOURCE).resolve(assignmentName + ".ipynb"));
        Map<String, Path> notebooks = notebooks(root, assignmentName, fixtures);
        Map<String, Double> expected = expectedScores(root, a, notebooks.keySet());
        Path layout = null;
        try {
            Files.createDirectories(out);
            layout = Files.createTempDirectory("physml-gs-layout-");
            Files.setPosixFilePermissions(layout, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path source = layout.resolve("source");
            Path zip = out.resolve(assignmentName + "-autograder.zip");
            List<String> entries = GradescopeExport.write(root, assignmentName, zip, !sandboxed);
            report.printf(Locale.ROOT, "%nGradescope export of %s: %d files, %.0f MB%n", assignmentName,
                    entries.size(), Files.size(zip) / 1e6);
            problems.addAll(checkEntries(assignmentName, entries));
            unpack(zip, source);
            for (String script : List.of(GradescopeExport.SETUP, GradescopeExport.RUN)) {
                Path p = source.resolve(script);
                if (!Files.isExecutable(p)) {
                    problems.add("gradescope: " + script + " is not executable after unzip");
                }
                String syntax = command(List.of("bash", "-n", p.toString()), layout, Map.of(), 60);
                if (syntax != null) {
                    problems.add("gradescope: bash -n " + script + ": " + syntax);
                }
                GradescopeExport.missingReferences(Files.readString(p), entries)
                        .forEach(m -> problems.add("gradescope: " + script + " refers to $SOURCE/" + m
                                + ", which is not in the zip"));
            }
            String kernel = command(List.of(python.toString(), source.resolve("tools/install_kernel.py").toString()),
                    layout, Map.of("JAVA_HOME", System.getProperty("java.home")), 120);
            if (kernel != null) {
                problems.add("gradescope: registering the kernel in the layout failed: " + kernel);
                return problems;
            }
            Files.copy(source.resolve(GradescopeExport.RUN), layout.resolve(GradescopeExport.RUN),
                    StandardCopyOption.COPY_ATTRIBUTES);
            Files.createDirectories(GradescopeAutograder.submissionDir(layout));
            Files.createDirectories(GradescopeAutograder.resultsFile(layout).getParent());
            if (sandboxed) {
                problems.addAll(isolation(layout, source, assignmentName, GradeCli.Setup.visiblePaths(source)));
            } else {
                report.println("layout isolation NOT checked: grading runs without the sandbox here");
            }
            Path refDir = reference;
            if (refDir == null) {
                refDir = out.resolve("reference");
                ExecutionLimits limits = ExecutionLimits.DEFAULT.forAssignment(a);
                List<Grader.Job> js = notebooks.entrySet().stream()
                        .map(e -> new Grader.Job(new Submission(e.getKey(), e.getValue(), null), limits)).toList();
                referenceGrader.apply(a).gradeAll(js, refDir, jobs);
            }
            report.printf(Locale.ROOT, "%-18s %9s %9s %8s  %s%n", "submission", "autograder", "reference", "time",
                    "check");
            Set<String> manual = a.manualTests().stream().map(Assignment.GradedTest::gradeId)
                    .collect(Collectors.toSet());
            for (Map.Entry<String, Path> nb : notebooks.entrySet()) {
                problems.addAll(gradeOne(layout, nb.getKey(), nb.getValue(), refDir, expected.get(nb.getKey()),
                        manual, python, out, report));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("gradescope check: " + e.getMessage(), e);
        } finally {
            if (layout != null) {
                Grader.deleteQuietly(layout);
            }
        }
        report.printf(Locale.ROOT, "%s in %.0f s%n", problems.isEmpty() ? "gradescope check passed"
                : "gradescope check: " + problems.size() + " problems", (System.nanoTime() - t0) / 1e9);
        return problems;
    }

    /**
     * The submissions of the check: id to notebook (solution, exercise and the fixtures).
     *
     * @throws IllegalArgumentException if a fixture does not exist
     */
    static Map<String, Path> notebooks(Path root, String assignment, List<String> fixtures) {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("solution", root.resolve(Generator.SOLUTIONS).resolve(assignment + ".ipynb"));
        m.put("exercise", root.resolve(Generator.EXERCISES).resolve(assignment + ".ipynb"));
        for (String f : fixtures) {
            Path p = root.resolve(CourseCheck.FIXTURES).resolve(assignment).resolve(f + ".ipynb");
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("no fixture " + p);
            }
            m.put(f, p);
        }
        return m;
    }

    /** Zip entries that must not be there: anything of solutions/, exercises/, grading/, another source. */
    static List<String> checkEntries(String assignment, List<String> entries) {
        List<String> bad = new ArrayList<>();
        for (String e : entries) {
            boolean foreign = e.startsWith(Generator.SOLUTIONS + "/") || e.startsWith(Generator.EXERCISES + "/")
                    || e.startsWith("grading/")
                    || (e.startsWith(Generator.SOURCE + "/") && !e.equals(Generator.SOURCE + "/" + assignment + ".ipynb"));
            if (foreign) {
                bad.add("gradescope: the zip holds " + e);
            }
        }
        return bad;
    }

    /**
     * In a sandbox showing {@code visible} (for grade autograde: {@link GradeCli.Setup#visiblePaths} of the
     * layout's source/), the paths that must not exist: the lecturer's source, submission/, results/ and the
     * autograder's files.
     */
    static List<String> isolation(Path layout, Path source, String assignment, List<Path> visible) {
        List<String> problems = new ArrayList<>();
        Sandbox box;
        try {
            box = Sandbox.probe(visible);
        } catch (IllegalStateException e) {
            return List.of("gradescope: no sandbox for the layout: " + e.getMessage());
        }
        List<Path> hidden = List.of(source.resolve(Generator.SOURCE).resolve(assignment + ".ipynb"),
                source.resolve(Generator.SOURCE), GradescopeAutograder.submissionDir(layout),
                GradescopeAutograder.resultsFile(layout).getParent(), layout.resolve(GradescopeExport.RUN),
                source.resolve(GradescopeExport.ENV));
        for (Path p : hidden) {
            List<String> cmd = box.command(List.of("/usr/bin/test", "-e", p.toString()), 0, ExecutionLimits.DEFAULT);
            try {
                Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                proc.getOutputStream().close();
                if (!proc.waitFor(60, TimeUnit.SECONDS)) {
                    NbclientExecutor.kill(proc);
                    problems.add("gradescope: the sandbox test for " + p + " did not finish");
                } else if (proc.exitValue() == 0) {
                    problems.add("gradescope: " + p + " exists inside the sandbox");
                } else if (proc.exitValue() != 1) {
                    problems.add("gradescope: the sandbox test for " + p + " failed (exit status " + proc.exitValue()
                            + "): " + new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
                }
            } catch (IOException e) {
                problems.add("gradescope: cannot run the sandbox test: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add("gradescope: interrupted");
            }
        }
        return problems;
    }

    private static List<String> gradeOne(Path layout, String id, Path notebook, Path refDir, Double expected,
                                         Set<String> manual, Path python, Path out, PrintStream report) throws IOException {
        List<String> problems = new ArrayList<>();
        Path submission = GradescopeAutograder.submissionDir(layout);
        Path results = GradescopeAutograder.resultsFile(layout);
        Grader.deleteQuietly(submission);
        Grader.deleteQuietly(results.getParent());
        Files.createDirectories(submission);
        Files.createDirectories(results.getParent());
        Files.copy(notebook, submission.resolve(id + ".ipynb"));
        long t0 = System.nanoTime();
        Path stdout = results.resolveSibling("stdout");
        String failure = command(List.of(layout.resolve(GradescopeExport.RUN).toString()), layout,
                Map.of(GradescopeAutograder.ROOT_ENV, layout.toString(), "PHYSML_PYTHON", python.toString(),
                        "JAVA_HOME", System.getProperty("java.home")), RUN_TIMEOUT_SECONDS, stdout);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Path keep = out.resolve(id);
        Files.createDirectories(keep);
        if (Files.isRegularFile(stdout)) {
            Files.copy(stdout, keep.resolve("stdout"), StandardCopyOption.REPLACE_EXISTING);
        }
        if (failure != null) {
            problems.add("gradescope/" + id + ": run_autograder " + failure + " (see " + keep.resolve("stdout") + ")");
        }
        JsonObject ours = readJson(results);
        JsonObject ref = readJson(refDir.resolve(id).resolve("results.json"));
        if (ours != null) {
            Files.copy(results, keep.resolve("results.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> mismatches = compare(ours, ref, expected, manual);
        report.printf(Locale.ROOT, "%-18s %9s %9s %6.1f s  %s%n", id, score(ours), score(ref), seconds,
                mismatches.isEmpty() ? "ok" : "MISMATCH");
        mismatches.forEach(m -> problems.add("gradescope/" + id + ": " + m));
        return problems;
    }

    /**
     * Differences between run_autograder's results.json and the reference's, and from the expected score. Written
     * answers ({@code manual}: their test names) must be pending in run_autograder's results; the reference may
     * already hold the lecturer's merged scores for them (grade check runs merge-manual on its own results first),
     * so only the automatic tests and points are compared.
     */
    static List<String> compare(JsonObject ours, JsonObject ref, Double expected, Set<String> manual) {
        List<String> m = new ArrayList<>();
        if (ours == null || ref == null) {
            m.add(ours == null ? "run_autograder wrote no readable results.json" : "no reference results.json");
            return m;
        }
        JsonObject extra = ours.has("extra_data") ? ours.getAsJsonObject("extra_data") : new JsonObject();
        if (extra.has("grader_error")) {
            m.add("grader error: " + extra.get("grader_error").getAsString());
        }
        for (String t : tests(ours, Set.of())) {
            String name = t.substring(0, t.indexOf(':'));
            if (manual.contains(name) && !t.endsWith(":pending")) {
                m.add("the written answer " + name + " was scored by run_autograder (" + t + "), expected pending");
            }
        }
        double refAuto = ref.get("score").getAsDouble() - manualPoints(ref, manual);
        if (Math.abs(ours.get("score").getAsDouble() - refAuto) > 1e-9) {
            m.add("score " + score(ours) + ", grade submit gave " + GradesCsv.points(refAuto)
                    + (refAuto != ref.get("score").getAsDouble() ? " automatic points" : ""));
        }
        if (expected != null && Math.abs(ours.get("score").getAsDouble() - expected) > 1e-9) {
            m.add("score " + score(ours) + ", expected " + GradesCsv.points(expected));
        }
        List<String> a = tests(ours, manual);
        List<String> b = tests(ref, manual);
        if (!a.equals(b)) {
            m.add("tests " + a + ", grade submit gave " + b);
        }
        return m;
    }

    /** Points the tests named in {@code manual} hold in results.json (0 while pending). */
    private static double manualPoints(JsonObject results, Set<String> manual) {
        double sum = 0;
        if (results.has("tests")) {
            for (JsonElement e : results.getAsJsonArray("tests")) {
                JsonObject o = e.getAsJsonObject();
                if (manual.contains(o.get("name").getAsString()) && o.has("score") && !o.get("score").isJsonNull()) {
                    sum += o.get("score").getAsDouble();
                }
            }
        }
        return sum;
    }

    /**
     * name:score/max_score:status of each test, in order; an answer graded by hand and still pending has no score
     * and no status ("pending"); a test named in {@code manual} shows as name:manual/max_score whatever its state.
     */
    static List<String> tests(JsonObject results, Set<String> manual) {
        List<String> t = new ArrayList<>();
        if (results.has("tests")) {
            for (JsonElement e : results.getAsJsonArray("tests")) {
                JsonObject o = e.getAsJsonObject();
                if (manual.contains(o.get("name").getAsString())) {
                    t.add(o.get("name").getAsString() + ":manual/"
                            + GradesCsv.points(o.get("max_score").getAsDouble()));
                    continue;
                }
                boolean scored = o.has("score") && !o.get("score").isJsonNull();
                t.add(o.get("name").getAsString() + ":" + (scored ? GradesCsv.points(o.get("score").getAsDouble())
                        : "pending") + "/" + GradesCsv.points(o.get("max_score").getAsDouble()) + ":"
                        + (o.has("status") ? o.get("status").getAsString() : "pending"));
            }
        }
        return t;
    }

    private static String score(JsonObject results) {
        return results == null || !results.has("score") ? "-" : GradesCsv.points(results.get("score").getAsDouble());
    }

    private static Map<String, Double> expectedScores(Path root, Assignment a, Iterable<String> ids) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("solution", a.autoMaxScore());   // written answers stay pending until merge-manual
        m.put("exercise", 0.0);
        JsonObject spec = readJson(root.resolve(CourseCheck.FIXTURES).resolve(a.name()).resolve("expected.json"));
        for (String id : ids) {
            if (spec != null && spec.has(id) && spec.get(id).isJsonObject()) {
                m.put(id, spec.getAsJsonObject(id).get("score").getAsDouble());
            }
        }
        return m;
    }

    private static JsonObject readJson(Path p) {
        try {
            if (!Files.isRegularFile(p)) {
                return null;
            }
            JsonElement e = JsonParser.parseString(Files.readString(p));
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Unpack with Info-ZIP's unzip where installed (as an independent reader), else the JDK's zip file system. */
    private static void unpack(Path zip, Path dest) throws IOException {
        Files.createDirectories(dest);
        if (Files.isExecutable(Path.of("/usr/bin/unzip"))) {
            String failure = command(List.of("/usr/bin/unzip", "-q", zip.toString(), "-d", dest.toString()),
                    dest, Map.of(), 300);
            if (failure != null) {
                throw new IOException("unzip " + zip + ": " + failure);
            }
            return;
        }
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
                Map.of("enablePosixFileAttributes", "true"));
             Stream<Path> walk = Files.walk(fs.getPath("/"))) {
            for (Path p : walk.toList()) {
                Path target = dest.resolve(p.toString().substring(1));
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    java.util.Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                    Files.setPosixFilePermissions(target, perms);
                }
            }
        }
    }

    private static String command(List<String> cmd, Path dir, Map<String, String> env, long timeoutSeconds)
            throws IOException {
        return command(cmd, dir, env, timeoutSeconds, null);
    }

    /**
     * Run a command with a small environment (PATH, LANG, HOME and {@code env}), as Gradescope's harness would;
     * its output goes to {@code log} (or is kept for the message).
     *
     * @return null if it exited 0, else what went wrong with the last lines of its output
     */
    private static String command(List<String> cmd, Path dir, Map<String, String> env, long timeoutSeconds, Path log)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "LANG", "C.UTF-8",
                "HOME", System.getProperty("user.home")));
        pb.environment().putAll(env);
        Path output = log != null ? log : Files.createTempFile("physml-gs-command-", ".log");
        pb.redirectOutput(output.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                NbclientExecutor.kill(p);
                return "did not finish in " + timeoutSeconds + " s";
            }
            if (p.exitValue() == 0) {
                return null;
            }
            List<String> lines = Files.readAllLines(output);
            return "exit status " + p.exitValue() + ": "
                    + String.join(" | ", lines.subList(Math.max(0, lines.size() - 4), lines.size()));
        } catch (InterruptedException e) {
            NbclientExecutor.kill(p);
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            if (log == null) {
                Files.deleteIfExists(output);
            }
        }
    }
}
