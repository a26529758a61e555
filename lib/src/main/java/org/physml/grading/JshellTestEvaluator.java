package org.physml.grading;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Runs {@link TestRunner} (a fresh JShell controller and its execution JVM) for one submission in its own
 * {@link Sandbox}, started after the kernel's sandbox has ended: the job on stdin, the outcome on stdout.
 */
public final class JshellTestEvaluator implements TestEvaluator {
    /** Heap of the JShell controller (it compiles; the student's code runs in the execution JVM). */
    static final String CONTROLLER_HEAP = "512m";
    private static final int MAX_OUTPUT = 8 << 20;
    private static final int MAX_LOG = 1 << 20;

    private final List<Path> classpath;
    private final Sandbox sandbox;

    /**
     * @param classpath the course library and its dependencies (lib/target/physml-lib.jar, lib/target/dependency/*.jar)
     * @param sandbox   where to run
     */
    public JshellTestEvaluator(List<Path> classpath, Sandbox sandbox) {
        this.classpath = List.copyOf(classpath);
        this.sandbox = sandbox;
    }

    /** The course class path under a course root: the library jar and every jar in lib/target/dependency. */
    public static List<Path> courseClasspath(Path root) {
        List<Path> cp = new ArrayList<>();
        cp.add(root.resolve("lib/target/physml-lib.jar"));
        try (var s = Files.list(root.resolve("lib/target/dependency"))) {
            s.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(cp::add);
        } catch (IOException e) {
            throw new IllegalArgumentException("the course library is not built (" + e.getMessage() + "); run ./physml build");
        }
        return cp;
    }

    @Override
    public Evaluation evaluate(Assignment assignment, Notebook assembled, ExecutionLimits limits, Path logDir,
                               int slot) {
        JsonObject job = job(assignment, assembled, limits, classpath);
        job.addProperty("nested_sandbox", sandbox.enabled());
        String cp = String.join(":", classpath.stream().map(Path::toString).toList());
        List<String> inner = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + CONTROLLER_HEAP, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", cp,
                TestRunner.class.getName());
        long watchdog = limits.notebookTimeoutSeconds() + 120L + 20L * assignment.tests().size();
        Path hostWork = null;
        try {
            Files.createDirectories(logDir);
            ProcessBuilder pb = new ProcessBuilder(sandbox.command(inner, slot, limits, false));
            if (!sandbox.enabled()) {
                hostWork = Files.createTempDirectory("physml-tests-");
                pb.directory(hostWork.toFile());
            }
            Process p = pb.start();
            BoundedCapture out = new BoundedCapture(p.getInputStream(), MAX_OUTPUT, "tests-stdout");
            BoundedCapture err = new BoundedCapture(p.getErrorStream(), MAX_LOG, "tests-stderr");
            try (OutputStream in = p.getOutputStream()) {
                in.write(job.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // died before reading: the log says why
            }
            boolean finished = p.waitFor(watchdog, TimeUnit.SECONDS);
            if (!finished) {
                NbclientExecutor.kill(p);
            }
            out.join(10_000);
            err.join(10_000);
            Files.writeString(logDir.resolve("tests.log"), err.text(), StandardCharsets.UTF_8);
            if (!finished) {
                return failed("the test run overran its limits and was stopped after " + watchdog + " s");
            }
            if (p.exitValue() != 0) {
                return failed("the test run failed (exit status " + p.exitValue() + "), see tests.log");
            }
            return parse(new String(out.bytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return failed("could not start the test run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("grading was interrupted");
        } finally {
            if (hostWork != null) {
                Grader.deleteQuietly(hostWork);
            }
        }
    }

    /**
     * The job for {@link TestRunner}: the code cells in order with their kind, the graded names and limits; a test
     * with partial credit also carries its shared setup and its groups' code ({@link TestGroups}).
     */
    static JsonObject job(Assignment a, Notebook assembled, ExecutionLimits limits, List<Path> classpath) {
        JsonArray cells = new JsonArray();
        int number = 0;
        for (Cell c : assembled.cells()) {
            if (!c.isCode()) {
                continue;
            }
            number++;
            String id = c.gradeIdLenient().orElse(null);
            JsonObject o = new JsonObject();
            boolean locked = id != null && a.isLocked(id);
            boolean test = locked && a.tests().stream().anyMatch(t -> t.gradeId().equals(id));
            o.addProperty("kind", test ? "test" : locked ? "setup" : "student");
            if (id != null) {
                o.addProperty("id", id);
            }
            o.addProperty("number", number);
            o.addProperty("source", c.source());
            Assignment.GradedTest t = test ? a.autoTests().stream().filter(g -> g.gradeId().equals(id)).findFirst()
                    .orElse(null) : null;
            if (t != null && !t.groups().isEmpty()) {
                TestGroups.Split split = TestGroups.split(c.source(), t.groups(), a.name() + " test " + id);
                o.addProperty("setup", split.setup());
                JsonObject groups = new JsonObject();
                split.groups().forEach(groups::addProperty);
                o.add("groups", groups);
            }
            cells.add(o);
        }
        JsonObject job = new JsonObject();
        job.add("cells", cells);
        JsonArray graded = new JsonArray();
        a.gradedNames().forEach(graded::add);
        job.add("graded", graded);
        job.addProperty("cell_timeout", limits.cellTimeoutSeconds());
        job.addProperty("notebook_timeout", limits.notebookTimeoutSeconds());
        job.addProperty("heap", limits.heap());
        JsonArray cp = new JsonArray();
        classpath.forEach(p -> cp.add(p.toString()));
        job.add("classpath", cp);
        return job;
    }

    static Evaluation parse(String text) {
        String line = text.lines().filter(l -> l.startsWith("{")).reduce((x, y) -> y).orElse(null);
        if (line == null) {
            return failed("the test run printed no outcome");
        }
        try {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            Map<String, Outcome> tests = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("tests").entrySet()) {
                tests.put(e.getKey(), outcome(e.getValue().getAsJsonObject()));
            }
            List<String> notes = strings(o.getAsJsonArray("notes"));
            String problem = notes.stream().filter(n -> n.startsWith("grader:")).findFirst().orElse(null);
            notes.removeIf(n -> n.startsWith("grader:"));
            return new Evaluation(problem, tests, strings(o.getAsJsonArray("shadowed")), notes);
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            return failed("the test run's outcome is unreadable: " + e.getMessage());
        }
    }

    private static Outcome outcome(JsonObject t) {
        Map<String, Outcome> groups = new LinkedHashMap<>();
        if (t.has("groups")) {
            t.getAsJsonObject("groups").entrySet().forEach(g -> groups.put(g.getKey(),
                    outcome(g.getValue().getAsJsonObject())));
        }
        return new Outcome(t.get("status").getAsString(), t.get("message").getAsString(),
                t.get("seconds").getAsDouble(), groups);
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            a.forEach(e -> out.add(e.getAsString()));
        }
        return out;
    }

    private static Evaluation failed(String why) {
        return new Evaluation(why, Map.of(), List.of(), List.of());
    }
}
