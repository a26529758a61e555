package org.physml.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Executes a notebook with Jupyter's nbclient in a Python subprocess ({@code tools/execute_submission.py}),
 * one kernel JVM per call. The subprocess enforces the cell and notebook limits itself; this class adds a
 * watchdog that kills the subprocess and its kernel if it overruns them by the kernel start-up allowance, and
 * kills running executions when the grader's JVM exits.
 */
public final class NbclientExecutor implements NotebookExecutor {
    /** Allowance for one kernel start (up to 6 attempts, see execute_submission.py) on top of the notebook timeout, s. */
    private static final int START_ALLOWANCE_SECONDS = 240;
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(NbclientExecutor::kill),
                "physml-grading-cleanup"));
    }

    private final Path python;
    private final Path script;
    private final String kernel;

    /**
     * @param python a Python 3 with nbclient, nbformat and jupyter_client
     * @param script tools/execute_submission.py
     * @param kernel the installed course kernelspec name ("physml-java")
     * @throws IllegalArgumentException if the script does not exist
     */
    public NbclientExecutor(Path python, Path script, String kernel) {
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("notebook executor script not found: " + script);
        }
        this.python = python;
        this.script = script;
        this.kernel = kernel;
    }

    @Override
    public Execution execute(Path in, Path out, Path workDir, ExecutionLimits limits, Path log) {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString(),
                in.toString(), out.toString(),
                "--workdir", workDir.toString(),
                "--cell-timeout", Integer.toString(limits.cellTimeoutSeconds()),
                "--notebook-timeout", Integer.toString(limits.notebookTimeoutSeconds()),
                "--heap", limits.heap(),
                "--address-space", limits.addressSpace(),
                "--max-restarts", Integer.toString(limits.maxRestarts()),
                "--kernel", kernel,
                "--kernel-log", log.resolveSibling("kernel.log").toString()));
        long start = System.nanoTime();
        long watchdog = limits.notebookTimeoutSeconds() + (limits.maxRestarts() + 1L) * START_ALLOWANCE_SECONDS;
        Process p;
        try {
            Files.deleteIfExists(out);
            p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            return new Execution(false, "could not start the notebook executor (" + python + "): " + e.getMessage(),
                    seconds(start));
        }
        RUNNING.add(p);
        try {
            if (!p.waitFor(watchdog, TimeUnit.SECONDS)) {
                kill(p);
                return new Execution(false, "the executor overran its limits and was stopped after " + watchdog
                        + " s", seconds(start));
            }
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            return new Execution(false, "grading was interrupted", seconds(start));
        } finally {
            RUNNING.remove(p);
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(out)) {
            return new Execution(false, "the notebook executor failed (exit status " + p.exitValue() + "): "
                    + tail(log), seconds(start));
        }
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

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
