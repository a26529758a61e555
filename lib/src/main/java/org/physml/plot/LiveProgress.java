package org.physml.plot;

import java.util.Optional;

/**
 * A progress line for long computations that updates in place in a notebook (one output, rewritten)
 * instead of printing thousands of lines. Outside a notebook it prints at most one line per
 * {@code minIntervalMillis}.
 *
 * <pre>{@code
 * var progress = LiveProgress.start("training");
 * for (int it = 0; it < n; it++) { ...; progress.update(it + "/" + n + " loss " + loss); }
 * progress.done("finished");
 * }</pre>
 */
public final class LiveProgress {
    private final String label;
    private final long minIntervalMillis;
    private final Optional<String> id;
    private long lastShown;
    private String lastText = "";

    private LiveProgress(String label, long minIntervalMillis) {
        this.label = label;
        this.minIntervalMillis = minIntervalMillis;
        this.id = NotebookDisplay.html(format("starting"), label + ": starting");
        this.lastShown = System.currentTimeMillis();
    }

    /** Starts a progress display, refreshed at most every 250 ms. */
    public static LiveProgress start(String label) {
        return new LiveProgress(label, 250);
    }

    /**
     * Starts a progress display refreshed at most every {@code minIntervalMillis} ms.
     *
     * @throws IllegalArgumentException if the interval is negative
     */
    public static LiveProgress start(String label, long minIntervalMillis) {
        if (minIntervalMillis < 0) {
            throw new IllegalArgumentException("minIntervalMillis must be >= 0, got " + minIntervalMillis);
        }
        return new LiveProgress(label, minIntervalMillis);
    }

    /** Shows {@code text} unless the last refresh was less than the interval ago. */
    public void update(String text) {
        lastText = text;
        long now = System.currentTimeMillis();
        if (now - lastShown >= minIntervalMillis) {
            show(text);
            lastShown = now;
        }
    }

    /** Shows the final text (always). */
    public void done(String text) {
        lastText = text;
        show(text);
    }

    /** The last text passed to {@link #update} or {@link #done}. */
    public String lastText() {
        return lastText;
    }

    private void show(String text) {
        NotebookDisplay.updateHtml(id, format(text), label + ": " + text);
    }

    private String format(String text) {
        return "<pre style=\"margin:0\"><b>" + escape(label) + "</b>: " + escape(text) + "</pre>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
