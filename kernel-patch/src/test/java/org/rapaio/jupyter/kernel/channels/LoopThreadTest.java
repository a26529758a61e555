package org.rapaio.jupyter.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * The start of a channel loop thread: rapaio-jupyter-kernel 3.0.1 set its running flag after
 * {@code Thread.start()}, and a thread that tested the flag first ended without running its body (15 of
 * 3000 starts in an isolated test). Every started loop must run its body.
 */
class LoopThreadTest {

    private static final int STARTS = 4000;
    /** Threads started back to back before the test waits for them: the race needs a busy scheduler. */
    private static final int BATCH = 200;
    private static final long JOIN_MILLIS = 30_000;

    /** A loop that counts the runs of its body and stops itself after the first one. */
    private static final class SelfStoppingLoop {
        final AtomicInteger runs = new AtomicInteger();
        final LoopThread thread;

        SelfStoppingLoop(int i) {
            AtomicReference<LoopThread> self = new AtomicReference<>();
            thread = new LoopThread("loop-" + i, 1, () -> {
                runs.incrementAndGet();
                self.get().shutdown();
            });
            self.set(thread);
        }
    }

    @Test
    void everyStartedLoopRunsItsBody() throws InterruptedException {
        int silent = 0;
        for (int first = 0; first < STARTS; first += BATCH) {
            List<SelfStoppingLoop> batch = new ArrayList<>();
            for (int i = first; i < first + BATCH; i++) {
                SelfStoppingLoop loop = new SelfStoppingLoop(i);
                loop.thread.start();
                batch.add(loop);
            }
            for (SelfStoppingLoop loop : batch) {
                loop.thread.join(JOIN_MILLIS);
                assertFalse(loop.thread.isAlive(), loop.thread.getName() + " did not stop after shutdown()");
                if (loop.runs.get() == 0) {
                    silent++;
                }
            }
        }
        assertEquals(0, silent, silent + " of " + STARTS + " loop threads ended without running their body");
    }

    @Test
    void loopRunsUntilShutdownAndStopsAfterIt() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        LoopThread loop = new LoopThread("loop", 1, runs::incrementAndGet);
        loop.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (runs.get() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertTrue(runs.get() >= 5, "the body ran " + runs.get() + " times in 30 s");
        loop.shutdown();
        loop.join(JOIN_MILLIS);
        assertFalse(loop.isAlive());
        int after = runs.get();
        Thread.sleep(20);
        assertEquals(after, runs.get(), "the body ran after the loop ended");
    }

    @Test
    void interruptEndsTheLoop() throws InterruptedException {
        LoopThread loop = new LoopThread("loop", 10_000, () -> { });
        loop.start();
        loop.interrupt();
        loop.join(JOIN_MILLIS);
        assertFalse(loop.isAlive());
    }

    @Test
    void aSecondStartIsRefused() throws InterruptedException {
        LoopThread loop = new LoopThread("loop", 1, () -> { });
        loop.start();
        assertThrows(IllegalThreadStateException.class, loop::start);
        loop.shutdown();
        loop.join(JOIN_MILLIS);
        assertFalse(loop.isAlive());
    }
}
