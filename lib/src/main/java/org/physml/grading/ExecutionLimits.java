package org.physml.grading;

import java.util.regex.Pattern;

/**
 * Resource limits for running one submission.
 *
 * @param cellTimeoutSeconds     wall-clock limit per cell, s (the kernel stops a snippet after this; a kernel that
 *                               does not answer 15 s later is restarted)
 * @param notebookTimeoutSeconds wall-clock limit for the whole notebook including restarts, s
 * @param heap                   kernel JVM heap (-Xmx) and ND4J off-heap cap, e.g. "1g"
 * @param addressSpace           OS address-space limit of the kernel process (prlimit --as), e.g. "6g", or
 *                               "unlimited"; the kernel JVM alone reserves about 2.7 GB of address space
 * @param maxRestarts            kernel restarts allowed after a hang or a dead kernel
 */
public record ExecutionLimits(int cellTimeoutSeconds, int notebookTimeoutSeconds, String heap, String addressSpace,
                              int maxRestarts) {
    private static final Pattern SIZE = Pattern.compile("\\d+[kmgKMG]?");

    /** Defaults: 60 s per cell, 600 s per notebook, 1g heap (the course kernel's), 6g address space, 2 restarts. */
    public static final ExecutionLimits DEFAULT = new ExecutionLimits(60, 600, "1g", "6g", 2);

    /**
     * @throws IllegalArgumentException for non-positive timeouts, a cell timeout above the notebook timeout,
     *                                  malformed sizes or negative restarts
     */
    public ExecutionLimits {
        if (cellTimeoutSeconds < 1 || notebookTimeoutSeconds < 1) {
            throw new IllegalArgumentException("timeouts must be >= 1 s, got cell " + cellTimeoutSeconds
                    + " s, notebook " + notebookTimeoutSeconds + " s");
        }
        if (cellTimeoutSeconds > notebookTimeoutSeconds) {
            throw new IllegalArgumentException("cell timeout " + cellTimeoutSeconds
                    + " s exceeds the notebook timeout " + notebookTimeoutSeconds + " s");
        }
        if (heap == null || !SIZE.matcher(heap).matches()) {
            throw new IllegalArgumentException("heap must be a size such as 512m or 1g, got " + heap);
        }
        if (addressSpace == null || !(addressSpace.equals("unlimited") || SIZE.matcher(addressSpace).matches())) {
            throw new IllegalArgumentException("address space must be a size such as 6g or 'unlimited', got "
                    + addressSpace);
        }
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("max restarts must be >= 0, got " + maxRestarts);
        }
    }

    /**
     * Bytes of a size such as "512m", "6g" or "1048576" (k, m, g are powers of 1024).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static long bytes(String size) {
        if (size == null || !SIZE.matcher(size).matches()) {
            throw new IllegalArgumentException("expected a size such as 512m or 6g, got " + size);
        }
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        int shift = unit == 'k' ? 10 : unit == 'm' ? 20 : unit == 'g' ? 30 : 0;
        long n = Long.parseLong(shift == 0 ? size : size.substring(0, size.length() - 1));
        return n << shift;
    }

    /** These limits with the assignment's own timeouts, where its source sets them. */
    public ExecutionLimits forAssignment(Assignment a) {
        int cell = a.cellTimeout().orElse(cellTimeoutSeconds);
        int notebook = a.notebookTimeout().orElse(notebookTimeoutSeconds);
        return new ExecutionLimits(cell, Math.max(cell, notebook), heap, addressSpace, maxRestarts);
    }

    /** With another cell timeout. */
    public ExecutionLimits withCellTimeout(int s) {
        return new ExecutionLimits(s, Math.max(s, notebookTimeoutSeconds), heap, addressSpace, maxRestarts);
    }

    /** With another notebook timeout. */
    public ExecutionLimits withNotebookTimeout(int s) {
        return new ExecutionLimits(Math.min(cellTimeoutSeconds, s), s, heap, addressSpace, maxRestarts);
    }

    /** With another heap. */
    public ExecutionLimits withHeap(String h) {
        return new ExecutionLimits(cellTimeoutSeconds, notebookTimeoutSeconds, h, addressSpace, maxRestarts);
    }

    /** With another address-space limit. */
    public ExecutionLimits withAddressSpace(String as) {
        return new ExecutionLimits(cellTimeoutSeconds, notebookTimeoutSeconds, heap, as, maxRestarts);
    }
}
