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
     * Execute {@code in} in a working directory that holds only it (as {@code name}) and write the executed
     * notebook, with {@code metadata.physml_run} on each code cell, to {@code out}. Never throws for anything the
     * notebook's code does; a failure of the execution machinery is reported as {@code completed = false}.
     *
     * @param logDir folder for the executor's log (executor.log) and the kernel's (kernel.log)
     * @param slot   the job slot (0 .. parallel jobs - 1): jobs running at the same time have different slots
     */
    /** A note for every report when submissions are not isolated (e.g. "graded without the sandbox"), else null. */
    default String isolationNote() {
        return null;
    }

    Execution execute(Notebook in, String name, Path out, ExecutionLimits limits, Path logDir, int slot);
}
