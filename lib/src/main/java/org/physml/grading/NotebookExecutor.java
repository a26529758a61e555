package org.physml.grading;

import java.nio.file.Path;

/** Runs every cell of a notebook in a fresh kernel and records the status of each cell (see {@link CellRun}). */
public interface NotebookExecutor {

    /**
     * Outcome of one execution.
     *
     * @param completed   true if the executed notebook was written to {@code out}
     * @param problem     why not, for the report (null when completed)
     * @param wallSeconds wall time of the execution, s
     */
    record Execution(boolean completed, String problem, double wallSeconds) {
    }

    /**
     * Execute {@code in} with the kernel's working directory {@code workDir} and write the executed notebook,
     * with {@code metadata.physml_run} on each code cell, to {@code out}. Never throws for anything the
     * notebook's code does; a failure of the execution machinery is reported as {@code completed = false}.
     *
     * @param log file for the executor's own messages
     */
    Execution execute(Path in, Path out, Path workDir, ExecutionLimits limits, Path log);
}
