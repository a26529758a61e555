package org.physml.grading;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * How a code cell fared in an execution, as recorded by the executor in {@code metadata.physml_run}.
 *
 * @param status  what happened
 * @param seconds wall time of the cell, s (NaN if not run)
 * @param reason  for {@link Status#NOT_RUN}: why ("notebook_timeout", "restarts_exhausted", "replay_failed",
 *                "restart_failed"); null otherwise
 */
public record CellRun(Status status, double seconds, String reason) {

    /** Execution status of a cell. */
    public enum Status {
        /** Ran, no error output. */
        OK,
        /** Ran, with an error output (exception, failed assertion, compile error, the kernel's own timeout). */
        ERROR,
        /** Did not finish within the cell timeout and the kernel did not respond; the kernel was restarted. */
        TIMEOUT,
        /** The kernel process died while running it (System.exit, crash, OS memory limit). */
        KERNEL_DIED,
        /** Not run: an earlier problem ended the execution. */
        NOT_RUN,
        /** No record: the executor never reached the cell. */
        MISSING
    }

    /** The record of a cell; {@link Status#MISSING} if it has none or it is unreadable. */
    public static CellRun of(Cell cell) {
        JsonElement e = cell.metadata().get("physml_run");
        if (e == null || !e.isJsonObject()) {
            return new CellRun(Status.MISSING, Double.NaN, null);
        }
        JsonObject o = e.getAsJsonObject();
        Status status;
        try {
            status = Status.valueOf(o.get("status").getAsString().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException ex) {
            return new CellRun(Status.MISSING, Double.NaN, null);
        }
        double seconds = o.has("seconds") ? o.get("seconds").getAsDouble() : Double.NaN;
        String reason = o.has("reason") ? o.get("reason").getAsString() : null;
        return new CellRun(status, seconds, reason);
    }
}
