package org.physml.grading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a process's output stream on its own thread to the end, keeping at most {@code cap} bytes (the rest is
 * read and counted, so that the process never blocks on a full pipe).
 */
final class BoundedCapture {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int cap;
    private long dropped;
    private final Thread thread;

    BoundedCapture(InputStream in, int cap, String name) {
        this.cap = cap;
        this.thread = new Thread(() -> drain(in), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[1 << 16];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (this) {
                    int keep = (int) Math.max(0, Math.min(n, cap - kept.size()));
                    kept.write(buf, 0, keep);
                    dropped += n - keep;
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                dropped = Math.max(dropped, 1);
            }
        }
    }

    /** Wait for the end of the stream (at most millis). */
    void join(long millis) throws InterruptedException {
        thread.join(millis);
    }

    /** Bytes dropped beyond the cap. */
    synchronized long dropped() {
        return dropped;
    }

    /** What was kept, as UTF-8 text, with a note if bytes were dropped. */
    synchronized String text() {
        String s = kept.toString(StandardCharsets.UTF_8);
        return dropped > 0 ? s + "\n[grader: " + dropped + " more bytes dropped]\n" : s;
    }

    /** What was kept, as bytes. */
    synchronized byte[] bytes() {
        return kept.toByteArray();
    }
}
