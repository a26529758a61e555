package org.physml.grading;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Runs the graded tests of one submission in a fresh JShell that nothing of the student can reach except their
 * declarations (the second run of {@link Grader}; the first, in the Jupyter kernel, only produces the notebook the
 * student sees). Started by {@link JshellTestEvaluator} inside the submission's {@link Sandbox}: a job (JSON) on
 * stdin, the outcome (JSON) on stdout.
 *
 * <p>How a test keeps its meaning:
 * <ul>
 *   <li>the locked cells (setup, tests) are evaluated as the lecturer wrote them; of the student's cells only the
 *       declarations (methods, classes, variables, imports) are evaluated, in notebook order; statements and
 *       expressions (the student's own checks and prints) are not run;</li>
 *   <li>a student declaration whose name the locked cells use (a type, variable or method such as
 *       {@code Assertions}, {@code org}, {@code FtcsSolver}, {@code HeatProblem}, {@code Random}), other than the
 *       graded names the tests call, is renamed throughout the student's code (Unicode escapes translated first,
 *       several declarators of one statement each count), so that it means what it meant to the student and the
 *       tests keep the library's; a student import of such a name is dropped. Each is reported as "shadowed";</li>
 *   <li>the student's code runs in JShell's remote agent JVM, started in a nested PID namespace
 *       ({@link SandboxedAgent}), so a test passes only if this controller, which the student's processes cannot
 *       see, saw its snippets compile and complete without an exception; a test that runs longer than the cell
 *       timeout ends the agent, and after that or a death of the agent (System.exit, crash, memory) a new JShell
 *       is built with the same declarations for the next test.</li>
 *   <li>a test with partial credit ({@link TestGroups}) runs its shared setup and one group at a time, each group
 *       scored on its own.</li>
 * </ul>
 */
public final class TestRunner {
    /** Suffix appended to a student's name that shadows a name the tests use. */
    static final String SHADOW_SUFFIX = "__student";
    private static final int MAX_MESSAGE = 2000;
    private static final int MAX_CAPTURE = 64 * 1024;
    /**
     * One watchdog thread, started before any student code runs: the student's processes share the user's
     * process limit with this controller, so it must not need a new thread while they may hold all of it.
     */
    private static final java.util.concurrent.ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private static java.util.concurrent.ScheduledThreadPoolExecutor watchdog() {
        var ex = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "test-watchdog");
            t.setDaemon(true);
            return t;
        });
        ex.prestartAllCoreThreads();
        return ex;
    }

    private final List<JsonObject> cells;
    private final Set<String> graded;
    private final int cellTimeout;
    private final long deadline;
    private final Set<String> skipped = new LinkedHashSet<>();
    private final String heap;
    private final List<String> classpath;
    private final JsonObject result = new JsonObject();
    private final JsonObject tests = new JsonObject();
    private final Set<String> notes = new LinkedHashSet<>();
    private JShell js;
    private SandboxedAgent agent;
    private final boolean nested;
    private final AtomicBoolean died = new AtomicBoolean();

    private TestRunner(JsonObject job) {
        this.cells = new ArrayList<>();
        job.getAsJsonArray("cells").forEach(c -> cells.add(c.getAsJsonObject()));
        this.graded = new LinkedHashSet<>();
        job.getAsJsonArray("graded").forEach(g -> graded.add(g.getAsString()));
        this.cellTimeout = job.get("cell_timeout").getAsInt();
        this.deadline = System.nanoTime() + job.get("notebook_timeout").getAsLong() * 1_000_000_000L;
        this.heap = job.get("heap").getAsString();
        this.nested = job.has("nested_sandbox") && job.get("nested_sandbox").getAsBoolean();
        this.classpath = new ArrayList<>();
        job.getAsJsonArray("classpath").forEach(c -> classpath.add(c.getAsString()));
    }

    /** A runner for a job (see {@link JshellTestEvaluator#job}). */
    static TestRunner of(JsonObject job) {
        return new TestRunner(job);
    }

    /** Reads the job from stdin and prints the outcome on stdout (see the class comment). */
    public static void main(String[] args) throws IOException {
        String input = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        PrintStream realOut = System.out;
        // nothing but the outcome reaches stdout
        System.setOut(System.err);
        JsonObject out = new TestRunner(JsonParser.parseString(input).getAsJsonObject()).run();
        Gson gson = new GsonBuilder().disableHtmlEscaping().create();
        realOut.println(gson.toJson(out));
        realOut.flush();
        System.exit(0);
    }

    JsonObject run() {
        StudentCode student = studentCode();
        result.add("shadowed", strings(student.shadowed));
        result.add("dropped_imports", strings(student.droppedImports));
        List<Runnable> replay = new ArrayList<>();
        start();
        for (int k = 0; k < cells.size(); k++) {
            JsonObject cell = cells.get(k);
            String kind = cell.get("kind").getAsString();
            String source = cell.get("source").getAsString();
            switch (kind) {
                case "setup" -> {
                    Runnable r = () -> evalAll(source, "a locked cell");
                    r.run();
                    replay.add(r);
                }
                case "student" -> {
                    String renamed = student.sources.get(k);
                    int number = cell.has("number") ? cell.get("number").getAsInt() : k + 1;
                    Runnable r = () -> evalDeclarations(renamed, number, student.droppedImportSources);
                    r.run();
                    for (int attempt = 0; attempt < 3 && (died.get() || js == null); attempt++) {
                        start();   // a declaration hung or ended the JVM: it is left out from now on
                        replay.forEach(Runnable::run);
                        r.run();
                    }
                    replay.add(r);
                }
                case "test" -> {
                    String id = cell.get("id").getAsString();
                    if (System.nanoTime() > deadline) {
                        JsonObject r = new JsonObject();
                        r.addProperty("status", "not_run");
                        r.addProperty("message", "not run: the notebook's time limit was reached before this test");
                        r.addProperty("seconds", 0.0);
                        tests.add(id, r);
                        continue;
                    }
                    if (cell.has("groups")) {
                        tests.add(id, runGroups(cell.get("setup").getAsString(), cell.getAsJsonObject("groups"),
                                replay));
                        continue;
                    }
                    tests.add(id, runTest(source));
                    if (died.get() || js == null) {
                        start();
                        replay.forEach(Runnable::run);
                    }
                }
                default -> throw new IllegalArgumentException("unknown cell kind " + kind);
            }
        }
        close();
        result.add("tests", tests);
        result.add("notes", strings(notes));
        return result;
    }

    /** The student's cells after renaming, with what was renamed or dropped. */
    private record StudentCode(Map<Integer, String> sources, Set<String> shadowed, Set<String> droppedImports,
                               Set<String> droppedImportSources) {
    }

    private StudentCode studentCode() {
        Set<String> lockedNames = new LinkedHashSet<>();
        Set<String> reported = new LinkedHashSet<>();
        for (JsonObject c : cells) {
            if (!c.get("kind").getAsString().equals("student")) {
                String src = c.get("source").getAsString();
                lockedNames.addAll(JavaNames.freeNames(src));
                reported.addAll(JavaNames.qualifiers(src));
            }
        }
        lockedNames.removeAll(graded);
        Map<Integer, String> translated = new LinkedHashMap<>();
        Set<String> declared = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        Set<String> droppedImports = new LinkedHashSet<>();
        Set<String> droppedImportSources = new LinkedHashSet<>();
        try (JShell analysis = JShell.builder().executionEngine("local").out(sink()).err(sink()).build()) {
            SourceCodeAnalysis sca = analysis.sourceCodeAnalysis();
            for (int k = 0; k < cells.size(); k++) {
                JsonObject c = cells.get(k);
                if (!c.get("kind").getAsString().equals("student")) {
                    continue;
                }
                String src = JavaNames.translateUnicodeEscapes(c.get("source").getAsString());
                translated.put(k, src);
                for (String snippet : split(sca, src)) {
                    for (Snippet s : sca.sourceToSnippets(snippet)) {
                        if (s instanceof ImportSnippet imp) {
                            if (!imp.name().equals("*") && lockedNames.contains(imp.name())) {
                                droppedImports.add(imp.name());
                                droppedImportSources.add(snippet.strip());
                            }
                        } else if (s instanceof DeclarationSnippet d) {
                            declared.add(d.name());
                            if (s.kind() == Snippet.Kind.TYPE_DECL) {
                                types.add(d.name());
                            }
                        }
                    }
                }
            }
        }
        Set<String> collide = declared.stream().filter(lockedNames::contains).collect(Collectors.toCollection(
                LinkedHashSet::new));
        Set<String> shadowed = collide.stream().filter(n -> types.contains(n) || reported.contains(n)
                || Character.isUpperCase(n.charAt(0))).collect(Collectors.toCollection(LinkedHashSet::new));
        shadowed.addAll(droppedImports);
        Map<Integer, String> renamed = new LinkedHashMap<>();
        translated.forEach((k, src) -> renamed.put(k, collide.isEmpty() ? src
                : JavaNames.rename(src, n -> collide.contains(n) ? n + SHADOW_SUFFIX : n)));
        return new StudentCode(renamed, shadowed, droppedImports, droppedImportSources);
    }

    private void start() {
        close();
        died.set(false);
        agent = new SandboxedAgent(List.of("-Xmx" + heap, "-XX:+UseSerialGC", "-XX:+DisableAttachMechanism",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-Duser.home=/tmp", "-Dorg.bytedeco.javacpp.maxbytes=" + heap,
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=0", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED"),
                String.join(":", classpath), nested);
        js = JShell.builder()
                .out(capped()).err(capped())
                .compilerOptions("-Xlint:none")
                .executionEngine(agent, Map.of())
                .build();
        js.onShutdown(j -> died.set(true));
        classpath.forEach(js::addToClasspath);
    }

    private void close() {
        if (js != null) {
            try {
                js.close();
            } catch (RuntimeException e) {
                // already gone
            }
            js = null;
        }
    }

    /** Evaluate every snippet of a locked cell; problems are the grader's. */
    private void evalAll(String source, String what) {
        for (String snippet : split(js.sourceCodeAnalysis(), source)) {
            for (SnippetEvent e : js.eval(snippet)) {
                if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
                    notes.add("grader: " + what + " failed in the test JShell: " + describe(e));
                }
            }
        }
    }

    /** Evaluate the declarations of a student cell (statements and expressions are skipped). */
    private void evalDeclarations(String source, int number, Set<String> droppedImports) {
        SourceCodeAnalysis sca = js.sourceCodeAnalysis();
        for (String snippet : split(sca, source)) {
            List<Snippet> parsed = sca.sourceToSnippets(snippet);
            boolean declaration = !parsed.isEmpty() && parsed.stream().allMatch(s -> s.kind() == Snippet.Kind.IMPORT
                    || s.kind() == Snippet.Kind.METHOD || s.kind() == Snippet.Kind.TYPE_DECL
                    || s.kind() == Snippet.Kind.VAR);
            if (!declaration || droppedImports.contains(snippet.strip()) || skipped.contains(snippet)) {
                continue;
            }
            boolean timedOut = runWithTimeout(() -> {
                for (SnippetEvent e : js.eval(snippet)) {
                    if (e.causeSnippet() == null && (e.status() == Snippet.Status.REJECTED || e.exception() != null)) {
                        notes.add("your code cell " + number + ": " + describe(e));
                    }
                }
            });
            if (timedOut || died.get()) {
                skipped.add(snippet);
                notes.add("your code cell " + number + ": a declaration " + (timedOut ? "ran longer than "
                        + cellTimeout + " s" : "ended the Java process") + " and was left out of the tests");
                return;
            }
        }
    }

    /**
     * A test with partial credit: the shared setup and then one group, for each group on its own (after a hang or
     * a death of the agent a fresh JShell with the student's declarations runs the next group). The cell is ok iff
     * every group is; its message lists the failed groups.
     */
    private JsonObject runGroups(String setup, JsonObject groups, List<Runnable> replay) {
        JsonObject outcome = new JsonObject();
        JsonObject each = new JsonObject();
        List<String> failed = new ArrayList<>();
        double seconds = 0;
        for (Map.Entry<String, com.google.gson.JsonElement> g : groups.entrySet()) {
            JsonObject r;
            if (System.nanoTime() > deadline) {
                r = new JsonObject();
                r.addProperty("status", "not_run");
                r.addProperty("message", "not run: the notebook's time limit was reached before this group");
                r.addProperty("seconds", 0.0);
            } else {
                r = runTest(setup + g.getValue().getAsString());
                if (died.get() || js == null) {
                    start();
                    replay.forEach(Runnable::run);
                }
            }
            seconds += r.get("seconds").getAsDouble();
            if (!"ok".equals(r.get("status").getAsString())) {
                failed.add(g.getKey() + ": " + r.get("message").getAsString());
            }
            each.add(g.getKey(), r);
        }
        outcome.addProperty("status", failed.isEmpty() ? "ok" : "error");
        outcome.addProperty("message", cap(String.join("\n", failed)));
        outcome.addProperty("seconds", Math.round(seconds * 100) / 100.0);
        outcome.add("groups", each);
        return outcome;
    }

    /** One test cell: ok iff every snippet compiles and completes without an exception. */
    private JsonObject runTest(String source) {
        JsonObject r = new JsonObject();
        long t0 = System.nanoTime();
        List<String> problems = new ArrayList<>();
        boolean timedOut = false;
        for (String snippet : split(js.sourceCodeAnalysis(), source)) {
            List<SnippetEvent> events = new ArrayList<>();
            timedOut = runWithTimeout(() -> events.addAll(js.eval(snippet)));
            if (timedOut || died.get()) {
                break;
            }
            for (SnippetEvent e : events) {
                if (e.causeSnippet() != null) {
                    continue;
                }
                if (e.status() == Snippet.Status.REJECTED || e.exception() != null
                        || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    problems.add(describe(e));
                }
            }
            if (!problems.isEmpty()) {
                break;
            }
        }
        String status;
        if (timedOut) {
            status = "timeout";
            problems.add("timed out: the test ran longer than " + cellTimeout + " s and was stopped (an infinite"
                    + " loop, or a much slower computation than needed?)");
        } else if (died.get()) {
            status = "died";
            problems.add("the test's Java process died while running this test (System.exit, a crash or the memory"
                    + " limit)");
        } else {
            status = problems.isEmpty() ? "ok" : "error";
        }
        r.addProperty("status", status);
        r.addProperty("message", cap(String.join("\n", problems)));
        r.addProperty("seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
        return r;
    }

    /**
     * Run an evaluation; after the cell timeout ask JShell to stop it, 10 s later close JShell (which ends its
     * execution JVM). True if it timed out.
     */
    private boolean runWithTimeout(Runnable eval) {
        AtomicBoolean done = new AtomicBoolean();
        AtomicBoolean timedOut = new AtomicBoolean();
        SandboxedAgent stopper = agent;
        java.util.concurrent.ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            if (!done.get()) {
                timedOut.set(true);
                stopper.kill();   // the agent cannot be interrupted over a stream: it is ended with its processes
            }
        }, cellTimeout, java.util.concurrent.TimeUnit.SECONDS);
        try {
            eval.run();
        } catch (IllegalStateException e) {
            died.set(true);   // JShell closed under us: its JVM died or was ended by the watchdog
        } finally {
            done.set(true);
            watchdog.cancel(false);
        }
        if (timedOut.get()) {
            close();
            died.set(true);
        }
        return timedOut.get();
    }

    /** A readable line for a rejected snippet or one that threw. */
    private String describe(SnippetEvent e) {
        JShellException ex = e.exception();
        if (ex instanceof EvalException ee) {
            String msg = ee.getMessage();
            String where = studentFrame(ee);
            return ee.getExceptionClassName() + (msg == null ? "" : ": " + msg) + where;
        }
        if (ex instanceof UnresolvedReferenceException ure) {
            return "cannot run " + ure.getSnippet().toString().replaceAll("\\s+", " ").replaceAll("^.*?Snippet", "")
                    .strip() + ": it uses something that is not defined (see the notes on your code cells)";
        }
        if (ex != null) {
            return ex.getClass().getSimpleName() + ": " + ex.getMessage();
        }
        String diags = js.diagnostics(e.snippet()).filter(Diag::isError)
                .map(d -> d.getMessage(Locale.ROOT).strip()).distinct().collect(Collectors.joining("; "));
        if (e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED && e.snippet() instanceof DeclarationSnippet d) {
            return "'" + d.name() + "' cannot be used: it refers to " + js.unresolvedDependencies(d).toList()
                    + ", which is not defined";
        }
        return "compile error: " + (diags.isEmpty() ? "the code does not compile" : diags);
    }

    /** " (in yourMethod)" for the innermost frame of the student's code, if any. */
    private static String studentFrame(EvalException e) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("REPL.") && !f.getMethodName().startsWith("do_it$")
                    && !f.getMethodName().startsWith("lambda$")) {
                return " (in " + f.getMethodName().replace(SHADOW_SUFFIX, "") + ")";
            }
        }
        return "";
    }

    /** Complete snippets of a cell, as JShell's analysis splits them. */
    static List<String> split(SourceCodeAnalysis sca, String source) {
        List<String> out = new ArrayList<>();
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(rest);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> {
                    out.add(info.source());
                    rest = info.remaining();
                }
                case EMPTY -> rest = "";
                default -> {
                    out.add(rest);   // incomplete or unknown: JShell reports the error
                    rest = "";
                }
            }
        }
        return out;
    }

    private static String cap(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + " ... (" + (s.length() - MAX_MESSAGE)
                + " more characters)";
    }

    private static JsonArray strings(Iterable<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static PrintStream sink() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    /** What the student's code prints: the first 64 kB go to stderr (the sandbox's log), the rest is dropped. */
    private static PrintStream capped() {
        return new PrintStream(new OutputStream() {
            private long written;

            @Override
            public void write(int b) {
                if (written++ < MAX_CAPTURE) {
                    System.err.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                int keep = (int) Math.max(0, Math.min(len, MAX_CAPTURE - written));
                if (keep > 0) {
                    System.err.write(b, off, keep);
                }
                written += len;
            }
        }, true, StandardCharsets.UTF_8);
    }
}
