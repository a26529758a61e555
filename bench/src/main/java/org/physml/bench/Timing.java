package org.physml.bench;

import java.util.Arrays;

/** Wall-clock timing with warm-up and the median of repeated runs (robust against a busy machine). */
public final class Timing {
    private Timing() {
    }

    /**
     * Median wall time of {@code task}, seconds per call.
     *
     * @param warmups   calls made first and discarded (JIT warm-up)
     * @param repeats   timed calls, &gt;= 1
     * @throws IllegalArgumentException if repeats &lt; 1 or warmups &lt; 0
     */
    public static double medianSeconds(Runnable task, int warmups, int repeats) {
        if (repeats < 1 || warmups < 0) {
            throw new IllegalArgumentException("need repeats >= 1 and warmups >= 0, got " + repeats + ", " + warmups);
        }
        for (int i = 0; i < warmups; i++) {
            task.run();
        }
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            task.run();
            t[i] = (System.nanoTime() - start) * 1e-9;
        }
        Arrays.sort(t);
        return repeats % 2 == 1 ? t[repeats / 2] : 0.5 * (t[repeats / 2 - 1] + t[repeats / 2]);
    }
}
