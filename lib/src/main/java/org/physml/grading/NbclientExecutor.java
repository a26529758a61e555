package org.physml.grading;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Executes a notebook with Jupyter's nbclient in a Python subprocess ({@code tools/execute_submission.py}), one
 * kernel JVM per call, inside a {@link Sandbox}: the notebook goes in on stdin, the executed notebook (with the
 * kernel's log, capped) comes back on stdout, and this class writes executed.ipynb, kernel.log and executor.log
 * once the sandbox has ended. The subprocess enforces the cell and notebook limits itself; this class adds a
 * watchdog that kills the sandbox if it overruns them by the kernel start-up allowance, and kills running
 * executions when the grader's JVM exits.
 */
public final class NbclientExecutor implements NotebookExecutor {
    /** Allowance for one kernel start (up to 8 attempts, see execute_submission.py) on top of the notebook timeout, s. */
    private static final int START_ALLOWANCE_SECONDS = 240;
    /** Largest executed notebook read back, bytes (output per cell is capped at 200 kB by the executor). */
    static final int MAX_RESULT_BYTES = 64 << 20;
    /** Largest executor log kept, bytes. */
    static final int MAX_LOG_BYTES = 1 << 20;
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(NbclientExecutor::kill),
                "physml-grading-cleanup"));
    }

    private final Path python;
    private final Path script;
    private final String kernel;
    private final Sandbox sandbox;

    /**
     * @param python  a Python 3 with nbclient, nbformat and jupyter_client
     * @param script  tools/execute_submission.py
     * @param kernel  the installed course kernelspec name ("physml-java")
     * @param sandbox where to run it
     * @throws IllegalArgumentException if the script does not exist
     */
    public NbclientExecutor(Path python, Path script, String kernel, Sandbox sandbox) {
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("notebook executor script not found: " + script);
        }
        this.python = python;
        this.script = script;
        this.kernel = kernel;
        this.sandbox = sandbox;
    }

    @Override
    public String isolationNote() {
        return sandbox.enabled() ? null : "graded without the sandbox (" + sandbox.describe() + ")";
    }

    @Override
    public Execution execute(Notebook in, String name, Path out, ExecutionLimits limits, Path logDir, int slot) {
        long start = System.nanoTime();
        Path hostWork = null;
        try {
            Files.createDirectories(logDir);
            Files.deleteIfExists(out);
            String workDir = Sandbox.WORK_DIR;
            if (!sandbox.enabled()) {
                hostWork = Files.createTempDirectory("physml-grade-");
                workDir = hostWork.toString();
            }
            List<String> inner = new ArrayList<>(List.of(python.toString(), script.toString(), "-", "-",
                    "--name", name, "--workdir", workDir,
                    "--cell-timeout", Integer.toString(limits.cellTimeoutSeconds()),
                    "--notebook-timeout", Integer.toString(limits.notebookTimeoutSeconds()),
                    "--heap", limits.heap(),
                    "--address-space", limits.addressSpace(),
                    "--max-restarts", Integer.toString(limits.maxRestarts()),
                    "--kernel", kernel));
            return run(sandbox.command(inner, slot, limits), in.toJson(), out, limits, logDir, start,
                    hostWork == null ? null : hostWork.toFile());
        } catch (IOException e) {
            return new Execution(false, "could not start the notebook executor (" + python + "): " + e.getMessage(),
                    seconds(start));
        } finally {
            if (hostWork != null) {
                Grader.deleteQuietly(hostWork);
            }
        }
    }

    private Execution run(List<String> cmd, String input, Path out, ExecutionLimits limits, Path logDir, long start,
                          java.io.File dir) throws IOException {
        long watchdog = limits.notebookTimeoutSeconds() + (limits.maxRestarts() + 1L) * START_ALLOWANCE_SECONDS;
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (dir != null) {
            pb.directory(dir);
        }
        Process p = pb.start();
        RUNNING.add(p);
        BoundedCapture stdout = new BoundedCapture(p.getInputStream(), MAX_RESULT_BYTES, "executor-stdout");
        BoundedCapture stderr = new BoundedCapture(p.getErrorStream(), MAX_LOG_BYTES, "executor-stderr");
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the executor died before reading its input: its log says why
        }
        try {
            if (!p.waitFor(watchdog, TimeUnit.SECONDS)) {
                kill(p);
                return new Execution(false, "the executor overran its limits and was stopped after " + watchdog
                        + " s", seconds(start));
            }
            stdout.join(10_000);
            stderr.join(10_000);
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            return new Execution(false, "grading was interrupted", seconds(start));
        } finally {
            RUNNING.remove(p);
            Files.writeString(logDir.resolve("executor.log"), stderr.text(), StandardCharsets.UTF_8);
        }
        if (p.exitValue() != 0) {
            return new Execution(false, "the notebook executor failed (exit status " + p.exitValue() + "): "
                    + tail(stderr.text()), seconds(start));
        }
        if (stdout.dropped() > 0) {
            return new Execution(false, "the executed notebook exceeds " + (MAX_RESULT_BYTES >> 20) + " MB",
                    seconds(start));
        }
        Notebook executed;
        try {
            executed = Notebook.parse(new String(stdout.bytes(), StandardCharsets.UTF_8), "the executed notebook");
        } catch (IllegalArgumentException e) {
            return new Execution(false, "the executor's output is not a notebook: " + e.getMessage(), seconds(start));
        }
        String kernelLog = "";
        JsonElement run = executed.metadata().get("physml_run");
        if (run != null && run.isJsonObject()) {
            JsonElement log = ((JsonObject) run).remove("kernel_log");
            kernelLog = log == null || log.isJsonNull() ? "" : log.getAsString();
        }
        Files.writeString(logDir.resolve("kernel.log"), kernelLog, StandardCharsets.UTF_8);
        executed.write(out);
        return new Execution(true, null, seconds(start));
    }

    /** Kill a process and everything it started (the kernel JVM is a child of the Python process). */
    static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}
