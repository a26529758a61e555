package org.physml.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

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
        return median(t);
    }

    /**
     * Median wall time and median process CPU time of one call, and the shortest and longest CPU time of the
     * samples, seconds. On a shared or virtual machine the median of one run can move by a quarter between runs;
     * the minimum, the least disturbed sample, moves less, and max/min shows how disturbed this run was.
     */
    public record Sample(double wall, double cpu, double cpuMin, double cpuMax) {
        /** A sample that was not taken (all NaN). */
        static Sample none() {
            return new Sample(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /**
     * Two fork-join pools, one thread and all cores: a task submitted to one of them runs its parallel streams
     * (and the library's parallel loops) on that pool's threads only.
     */
    public static final class Pools implements AutoCloseable {
        private final ForkJoinPool one = new ForkJoinPool(1);
        private final ForkJoinPool all;

        /** @param cores threads of the all-cores pool, &gt;= 1 */
        public Pools(int cores) {
            all = new ForkJoinPool(cores);
        }

        /** One warm-up call, then the medians of {@code repeats} timed calls, on one thread. */
        public Sample single(Runnable task, int repeats) {
            return timed(one, task, repeats);
        }

        /** As {@link #single}, on all cores. */
        public Sample all(Runnable task, int repeats) {
            return timed(all, task, repeats);
        }

        @Override
        public void close() {
            one.shutdown();
            all.shutdown();
        }
    }

    /** Shortest sample, seconds: the process CPU clock ticks in units of about 10 ms on Linux. */
    private static final double MIN_SAMPLE_SECONDS = 0.25;

    /**
     * Runs {@code task} in {@code pool}: one warm-up call, then the medians of the wall time and of the CPU
     * time of the whole process (every thread, garbage collection and compilation included) per call over
     * {@code repeats} samples, each of as many calls as make it last at least 0.25 s, and the CPU time's range.
     */
    static Sample timed(ForkJoinPool pool, Runnable task, int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("need repeats >= 1, got " + repeats);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime();
        pool.submit(task).join();
        double first = (System.nanoTime() - start) * 1e-9;
        int calls = (int) Math.max(1, Math.ceil(MIN_SAMPLE_SECONDS / Math.max(first, 1e-9)));
        Runnable sample = () -> {
            for (int k = 0; k < calls; k++) {
                task.run();
            }
        };
        double[] wall = new double[repeats], cpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long c0 = os.getProcessCpuTime(), w0 = System.nanoTime();
            pool.submit(sample).join();
            wall[r] = (System.nanoTime() - w0) * 1e-9 / calls;
            cpu[r] = (os.getProcessCpuTime() - c0) * 1e-9 / calls;
        }
        return new Sample(median(wall), median(cpu), Arrays.stream(cpu).min().orElseThrow(),
                Arrays.stream(cpu).max().orElseThrow());
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
