package org.physml.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The grader's self-check on the course's own assignments, run by {@code ./physml test}:
 * <ol>
 *   <li>the solution version scores full marks with no integrity findings;</li>
 *   <li>the unmodified student version scores zero, every test failing on its stub
 *       (UnsupportedOperationException), with no integrity findings;</li>
 *   <li>each crafted bad submission in {@code grading/fixtures/<assignment>/} gets the score, failed tests,
 *       failure messages and findings listed in that folder's {@code expected.json}, and is not modified.</li>
 * </ol>
 *
 * <p>expected.json maps a fixture's file name (without .ipynb) to
 * {@code {"score": s, "failed": {"grade_id": "substring of its message", ...}, "findings": ["substring", ...],
 * "groups": {"grade_id": {"group": points, ...}}}}; the failed tests (not passed completely) and the number of
 * findings must match exactly, messages by case-insensitive substring. The score is the automatic one: every
 * answer graded by hand must be pending. An optional {@code "_manual"} entry runs the manual-grading round trip
 * ({@link #manualRoundTrip}) after the check for leftovers.
 * An optional top-level {@code "cell_timeout"} (seconds) shortens the cell limit for the fixtures.
 */
public final class CourseCheck {
    public static final String FIXTURES = "grading/fixtures";
    private static final String EXPECTED = "expected.json";

    private CourseCheck() {
    }

    /**
     * What a graded notebook should get.
     *
     * @param score    total points
     * @param failed   failed tests mapped to a substring of their message
     * @param findings substrings of the expected integrity findings, one per finding
     * @param groups   for tests with partial credit, the expected points of each group (tests not listed: not
     *                 checked per group)
     */
    public record Expectation(double score, Map<String, String> failed, List<String> findings,
                              Map<String, Map<String, Double>> groups) {
        /** An expectation without per-group points. */
        public Expectation(double score, Map<String, String> failed, List<String> findings) {
            this(score, failed, findings, Map.of());
        }
    }

    /**
     * Grade the solution, the exercise and (if {@code withFixtures}) the fixtures of each assignment and compare.
     *
     * @param graderFor the grader of an assignment
     * @param limitsFor the limits for an assignment's notebooks
     * @param only      assignment names to check, or empty for all
     * @return the mismatches (empty if everything is as expected); a table goes to {@code report}
     * @throws IllegalArgumentException if a named assignment does not exist or an expected.json is malformed
     */
    public static List<String> run(Path root, Function<Assignment, Grader> graderFor,
                                   Function<Assignment, ExecutionLimits> limitsFor,
                                   Path out, int parallel, boolean withFixtures, List<String> only, PrintStream report) {
        Map<String, Assignment> all = Generator.assignments(root);
        for (String name : only) {
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException("no assignment " + name + " in " + root.resolve(Generator.SOURCE)
                        + "; have " + all.keySet());
            }
        }
        List<String> problems = new ArrayList<>();
        for (Assignment a : all.values()) {
            if (!only.isEmpty() && !only.contains(a.name())) {
                continue;
            }
            ExecutionLimits limits = limitsFor.apply(a);
            Map<String, Expectation> expected = new LinkedHashMap<>();
            List<Grader.Job> jobs = new ArrayList<>();
            jobs.add(new Grader.Job(new Submission("solution",
                    root.resolve(Generator.SOLUTIONS).resolve(a.name() + ".ipynb"), null), limits));
            expected.put("solution", new Expectation(a.autoMaxScore(), Map.of(), List.of(), Map.of()));
            jobs.add(new Grader.Job(new Submission("exercise",
                    root.resolve(Generator.EXERCISES).resolve(a.name() + ".ipynb"), null), limits));
            Map<String, String> allFail = new LinkedHashMap<>();
            a.autoTests().forEach(t -> allFail.put(t.gradeId(), "UnsupportedOperationException"));
            expected.put("exercise", new Expectation(0, allFail, List.of(), Map.of()));
            Path fixtureDir = root.resolve(FIXTURES).resolve(a.name());
            if (withFixtures && Files.isDirectory(fixtureDir)) {
                JsonObject spec = readExpected(fixtureDir.resolve(EXPECTED));
                ExecutionLimits fixtureLimits = spec.has("cell_timeout")
                        ? limits.withCellTimeout(spec.get("cell_timeout").getAsInt()) : limits;
                Set<String> listed = new TreeSet<>();
                for (Submission s : Submission.find(fixtureDir)) {
                    if (expected.containsKey(s.student())) {
                        throw new IllegalArgumentException(fixtureDir + ": a fixture cannot be named " + s.student());
                    }
                    JsonElement e = spec.get(s.student());
                    if (e == null) {
                        problems.add(a.name() + "/" + s.student() + ": fixture has no entry in " + EXPECTED);
                        continue;
                    }
                    expected.put(s.student(), expectation(e, fixtureDir, s.student()));
                    jobs.add(new Grader.Job(s, fixtureLimits));
                    listed.add(s.student());
                }
                for (String k : spec.keySet()) {
                    if (!k.equals("cell_timeout") && !k.equals("max_size") && !k.startsWith("_") && !listed.contains(k)) {
                        problems.add(a.name() + "/" + k + ": listed in " + EXPECTED + " but there is no " + k + ".ipynb");
                    }
                }
            }
            Map<String, String> hashes = new LinkedHashMap<>();
            jobs.forEach(j -> hashes.put(j.submission().student(), hash(j.submission().file())));
            Grader grader = graderFor.apply(a);
            if (withFixtures && Files.isDirectory(fixtureDir)) {
                JsonObject spec = readExpected(fixtureDir.resolve(EXPECTED));
                if (spec.has("max_size")) {
                    grader = grader.withMaxBytes(ExecutionLimits.bytes(spec.get("max_size").getAsString()));
                }
            }
            Path dir = out.resolve(a.name());
            List<SubmissionResult> results = grader.gradeAll(jobs, dir, parallel);
            problems.addAll(leftovers(a, dir, results, parallel, withFixtures));
            report.println();
            report.println(a.name() + " (" + GradesCsv.points(a.maxScore()) + " points)");
            report.printf(Locale.ROOT, "%-18s %7s %9s %8s  %s%n", "submission", "score", "expected", "time", "check");
            for (SubmissionResult r : results) {
                List<String> mismatches = compare(r, expected.get(r.student()));
                if (!hashes.get(r.student()).equals(hash(jobs.stream().filter(j -> j.submission().student()
                        .equals(r.student())).findFirst().orElseThrow().submission().file()))) {
                    mismatches.add("the grader modified the submitted file");
                }
                report.printf(Locale.ROOT, "%-18s %7s %9s %6.1f s  %s%n", r.student(),
                        GradesCsv.points(r.score()) + "/" + GradesCsv.points(r.maxScore()),
                        GradesCsv.points(expected.get(r.student()).score()), r.wallSeconds(),
                        mismatches.isEmpty() ? "ok  " + summary(r) : "MISMATCH");
                mismatches.forEach(m -> problems.add(a.name() + "/" + r.student() + ": " + m));
            }
            report.println("kernel start retries (kernel never answered; expected 0): " + grader.kernelStartRetries());
            if (withFixtures && Files.isDirectory(fixtureDir)) {
                JsonObject spec = readExpected(fixtureDir.resolve(EXPECTED));
                if (spec.has(MANUAL)) {
                    List<String> found = manualRoundTrip(a, dir, fixtureDir, spec.getAsJsonObject(MANUAL), results);
                    report.println("manual grading round trip: " + (found.isEmpty() ? "ok" : found.size() + " problems"));
                    found.forEach(f -> problems.add(a.name() + "/manual: " + f));
                }
            }
        }
        return problems;
    }

    /** Key of the manual-grading round trip in expected.json. */
    static final String MANUAL = "_manual";

    /**
     * The manual-grading round trip on the graded fixtures: the answer pages exist, escape every answer (no
     * script element; the hostile fixture's {@code <script>} appears escaped) and carry the rubric; a malformed
     * lecturer CSV is refused with the expected messages and changes nothing; the good CSV merges into
     * grades.csv, results.json, feedback.html and junit.xml with the expected totals.
     *
     * <p>expected.json: {@code "_manual": {"hostile": fixture, "bad_csv": file, "bad_errors": [substring, ...],
     * "csv": file, "totals": {student: score}, "pending": n}}.
     */
    static List<String> manualRoundTrip(Assignment a, Path dir, Path fixtureDir, JsonObject spec,
                                        List<SubmissionResult> results) {
        List<String> found = new ArrayList<>();
        for (Assignment.GradedTest q : a.manualTests()) {
            String page = read(dir.resolve(ManualGrading.DIR).resolve(q.gradeId() + ".html"));
            if (page.isEmpty()) {
                found.add("no answer page for " + q.gradeId());
                continue;
            }
            if (page.toLowerCase(Locale.ROOT).contains("<script")) {
                found.add("the answer page of " + q.gradeId() + " contains a script element");
            }
            if (!page.contains(FeedbackHtml.esc(q.rubric()))) {
                found.add("the answer page of " + q.gradeId() + " lacks the rubric");
            }
            for (SubmissionResult r : results) {
                if (!page.contains("<td>" + FeedbackHtml.esc(r.student()) + "</td>")) {
                    found.add("the answer page of " + q.gradeId() + " lacks " + r.student());
                }
            }
            if (spec.has("hostile") && !page.contains("&lt;script&gt;")) {
                found.add("the answer page of " + q.gradeId() + " does not show the hostile answer escaped");
            }
        }
        String template = read(dir.resolve(ManualGrading.DIR).resolve(ManualGrading.TEMPLATE));
        long rows = template.lines().count();
        if (rows != 1 + (long) results.size() * a.manualTests().size()) {
            found.add(ManualGrading.TEMPLATE + " has " + rows + " lines, expected 1 + "
                    + results.size() * a.manualTests().size());
        }
        String before = hash(dir.resolve("grades.csv"));
        try {
            ManualGrading.merge(a, dir, fixtureDir.resolve(spec.get("bad_csv").getAsString()));
            found.add("the malformed " + spec.get("bad_csv").getAsString() + " was merged");
        } catch (IllegalArgumentException e) {
            for (var want : spec.getAsJsonArray("bad_errors")) {
                if (!e.getMessage().contains(want.getAsString())) {
                    found.add("the refusal of " + spec.get("bad_csv").getAsString() + " does not say \""
                            + want.getAsString() + "\": " + e.getMessage());
                }
            }
        }
        if (!before.equals(hash(dir.resolve("grades.csv")))) {
            found.add("the refused CSV changed grades.csv");
        }
        ManualGrading.Merge m = ManualGrading.merge(a, dir, fixtureDir.resolve(spec.get("csv").getAsString()));
        if (spec.has("pending") && m.pending() != spec.get("pending").getAsInt()) {
            found.add(m.pending() + " answers still pending after the merge, expected " + spec.get("pending"));
        }
        List<SubmissionResult> merged = ManualGrading.records(dir, a);
        String csv = read(dir.resolve("grades.csv"));
        for (var e : spec.getAsJsonObject("totals").entrySet()) {
            SubmissionResult r = merged.stream().filter(x -> x.student().equals(e.getKey())).findFirst().orElse(null);
            double want = e.getValue().getAsDouble();
            if (r == null || Math.abs(r.score() - want) > 1e-9) {
                found.add(e.getKey() + ": score after the merge " + (r == null ? "missing" : GradesCsv.points(r.score()))
                        + ", expected " + GradesCsv.points(want));
                continue;
            }
            JsonObject gs = JsonParser.parseString(read(dir.resolve(r.student()).resolve("results.json")))
                    .getAsJsonObject();
            if (Math.abs(gs.get("score").getAsDouble() - want) > 1e-9) {
                found.add(e.getKey() + ": results.json score " + gs.get("score") + " after the merge");
            }
            if (!read(dir.resolve(r.student()).resolve("feedback.html")).contains(FeedbackHtml.esc(r.totalText()))) {
                found.add(e.getKey() + ": feedback.html does not show " + r.totalText());
            }
            if (!read(dir.resolve(r.student()).resolve("junit.xml")).contains("name=\"score\" value=\""
                    + GradesCsv.points(want) + "\"")) {
                found.add(e.getKey() + ": junit.xml does not carry the score " + GradesCsv.points(want));
            }
            if (!csv.lines().anyMatch(l -> l.startsWith(e.getKey() + "," + a.name() + "," + want + ","))) {
                found.add(e.getKey() + ": grades.csv has no row with score " + want);
            }
        }
        return found;
    }

    /** Seconds the check waits for a process that outlived grading to change a report. */
    static final int LATE_WRITE_SECONDS = 20;

    /**
     * What outlived grading: a process of a sandbox user, a file of one in /tmp, a report changed after grading
     * (checked again {@link #LATE_WRITE_SECONDS} s later, with fixtures), and hidden test text in the reports a
     * student sees (results.json, feedback.html).
     */
    static List<String> leftovers(Assignment a, Path dir, List<SubmissionResult> results, int parallel, boolean wait) {
        List<String> found = new ArrayList<>();
        Map<Path, String> before = new LinkedHashMap<>();
        List<Path> reports = new ArrayList<>(List.of(dir.resolve("grades.csv")));
        for (SubmissionResult r : results) {
            for (String f : List.of("results.json", "feedback.html", "executed.ipynb")) {
                Path p = dir.resolve(r.student()).resolve(f);
                reports.add(p);
                if (f.equals("executed.ipynb")) {
                    continue;   // holds the student's own source, which may quote anything
                }
                String text = read(p);
                for (String h : a.hiddenLines()) {
                    if (text.contains(h)) {
                        found.add(a.name() + "/" + r.student() + ": " + f + " contains hidden test text: " + h);
                        break;
                    }
                }
            }
        }
        reports.forEach(p -> before.put(p, hash(p)));
        if (wait) {
            try {
                Thread.sleep(LATE_WRITE_SECONDS * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        before.forEach((p, h) -> {
            if (!h.equals(hash(p))) {
                found.add(a.name() + ": " + dir.relativize(p) + " changed after grading ended");
            }
        });
        List<Long> alive = sandboxProcesses(parallel);
        for (int k = 0; k < 50 && !alive.isEmpty(); k++) {   // a sandbox being torn down ends within a moment
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            alive = sandboxProcesses(parallel);
        }
        for (long pid : alive) {
            found.add(a.name() + ": process " + pid + " of a sandbox user outlived grading: "
                    + ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?"));
        }
        try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            tmp.filter(p -> sandboxUid(p, parallel) || p.getFileName().toString().startsWith("physml-grade-")
                    || p.getFileName().toString().startsWith("physml-tests-"))
                    .forEach(p -> found.add(a.name() + ": " + p + " outlived grading"));
        } catch (IOException e) {
            found.add("cannot list the temporary folder: " + e.getMessage());
        }
        return found;
    }

    /** Processes whose real user is one of the sandbox users of the first {@code parallel} slots. */
    static List<Long> sandboxProcesses(int parallel) {
        List<Long> pids = new ArrayList<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    for (String line : Files.readAllLines(p.resolve("status"))) {
                        if (line.startsWith("Uid:")) {
                            int uid = Integer.parseInt(line.split("\\s+")[1]);
                            if (uid >= Sandbox.FIRST_UID && uid < Sandbox.FIRST_UID + Math.max(parallel, 1)) {
                                pids.add(Long.parseLong(p.getFileName().toString()));
                            }
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            // no /proc: not Linux
        }
        return pids;
    }

    private static boolean sandboxUid(Path p, int parallel) {
        try {
            Object uid = Files.getAttribute(p, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
            int u = (Integer) uid;
            return u >= Sandbox.FIRST_UID && u < Sandbox.FIRST_UID + Math.max(parallel, 1);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String read(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** One line: the failed tests with the first line of their message, and the number of findings. */
    static String summary(SubmissionResult r) {
        List<String> parts = new ArrayList<>();
        for (TestResult t : r.tests()) {
            if (t.failed()) {
                String first = Scorer.headline(t.output());
                parts.add(t.name() + ": " + (first.length() > 70 ? first.substring(0, 67) + "..." : first));
            }
        }
        if (!r.findings().isEmpty()) {
            parts.add(r.findings().size() + (r.findings().size() == 1 ? " finding" : " findings"));
        }
        if (r.pendingPoints() > 0) {
            parts.add("manual pending " + GradesCsv.points(r.pendingPoints()));
        }
        return String.join("; ", parts);
    }

    /** Differences between a result and its expectation (empty if it matches). */
    static List<String> compare(SubmissionResult r, Expectation e) {
        List<String> m = new ArrayList<>();
        if (r.graderError() != null) {
            m.add("grader error: " + r.graderError());
        }
        if (Math.abs(r.score() - e.score()) > 1e-9) {
            m.add("score " + GradesCsv.points(r.score()) + ", expected " + GradesCsv.points(e.score()));
        }
        double manualMax = r.maxScore() - r.autoMaxScore();
        if (Math.abs(r.pendingPoints() - manualMax) > 1e-9) {
            m.add("manual points pending " + GradesCsv.points(r.pendingPoints()) + ", expected all "
                    + GradesCsv.points(manualMax) + " before the lecturer's scores are merged");
        }
        e.groups().forEach((test, want) -> {
            TestResult t = r.tests().stream().filter(x -> x.name().equals(test)).findFirst().orElse(null);
            Map<String, Double> got = new LinkedHashMap<>();
            if (t != null) {
                t.groups().forEach(g -> got.put(g.name(), g.score()));
            }
            if (!got.equals(want)) {
                m.add("test " + test + ": group points " + got + ", expected " + want);
            }
        });
        Set<String> failed = new TreeSet<>();
        r.tests().stream().filter(TestResult::failed).forEach(t -> failed.add(t.name()));
        if (!failed.equals(new TreeSet<>(e.failed().keySet()))) {
            m.add("failed tests " + failed + ", expected " + new TreeSet<>(e.failed().keySet()));
        }
        for (TestResult t : r.tests()) {
            String want = e.failed().get(t.name());
            if (want != null && !t.passed() && !t.output().toLowerCase(Locale.ROOT).contains(want.toLowerCase(Locale.ROOT))) {
                m.add("test " + t.name() + ": message does not contain \"" + want + "\": " + t.output());
            }
        }
        if (r.findings().size() != e.findings().size()) {
            m.add(r.findings().size() + " findings " + r.findings() + ", expected " + e.findings().size() + " "
                    + e.findings());
        }
        for (String want : e.findings()) {
            if (r.findings().stream().noneMatch(f -> f.toLowerCase(Locale.ROOT).contains(want.toLowerCase(Locale.ROOT)))) {
                m.add("no finding contains \"" + want + "\": " + r.findings());
            }
        }
        return m;
    }

    private static Expectation expectation(JsonElement e, Path dir, String name) {
        String where = dir.resolve(EXPECTED) + " entry " + name;
        if (!e.isJsonObject() || !e.getAsJsonObject().has("score")) {
            throw new IllegalArgumentException(where + ": expected an object with a \"score\"");
        }
        JsonObject o = e.getAsJsonObject();
        Map<String, String> failed = new LinkedHashMap<>();
        if (o.has("failed")) {
            o.getAsJsonObject("failed").entrySet().forEach(en -> failed.put(en.getKey(), en.getValue().getAsString()));
        }
        List<String> findings = new ArrayList<>();
        if (o.has("findings")) {
            o.getAsJsonArray("findings").forEach(f -> findings.add(f.getAsString()));
        }
        Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
        if (o.has("groups")) {
            o.getAsJsonObject("groups").entrySet().forEach(t -> {
                Map<String, Double> g = new LinkedHashMap<>();
                t.getValue().getAsJsonObject().entrySet().forEach(en -> g.put(en.getKey(), en.getValue().getAsDouble()));
                groups.put(t.getKey(), g);
            });
        }
        return new Expectation(o.get("score").getAsDouble(), failed, findings, groups);
    }

    private static JsonObject readExpected(Path file) {
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file));
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException(file + ": expected a JSON object");
            }
            return e.getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String hash(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return "none";
        }
        try {
            return Checksums.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
