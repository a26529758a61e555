package org.physml.descriptors.steinhardt;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * Single-threaded speed of {@link Steinhardt#compute(Structure, int[])} on the oxygens of a 16 x 9 x 9 ice Ih cell
 * (10 368 O, 0.1 A Gaussian noise, {@link Crystals#iceIh}): q_3..q_12, qbar_3..qbar_12, what_4..what_12 and
 * whatbar_4..whatbar_12 from 16 nearest neighbours, (a) with the {@link Steinhardt#faureBeaulieu2024()} preset
 * (candidate radius 10.6 A) and (b) with a strict 5 A cutoff; also plain w_l without averages. Everything runs in a
 * one-thread ForkJoinPool, so the library's parallel streams use one thread. Prints CPU microseconds per atom
 * (neighbour list included). Not a test (no timed asserts); run with
 * {@code java -cp <test and main classes + dependencies> org.physml.descriptors.steinhardt.SteinhardtBenchmark [ice.data]};
 * with an argument it also writes the structure as a LAMMPS data file for timing compute orientorder/atom on it
 * (src/test/resources/steinhardt/bench/in.bench_ice).
 */
public final class SteinhardtBenchmark {
    private SteinhardtBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException, IOException {
        Structure ice = Crystals.iceIh(16, 9, 9, 0.1, 1);
        int n = ice.size();
        if (args.length > 0) {
            writeLammpsData(Path.of(args[0]), ice);
        }
        int[] q = IntStream.rangeClosed(3, 12).toArray();
        int[] w = {4, 6, 8, 10, 12};
        Steinhardt preset = Steinhardt.faureBeaulieu2024();
        Steinhardt strict = Steinhardt.builder().rCut(5.0).nearestNeighbours(16).q(q).qBar(q).wHat(w).wHatBar(w)
                .build();
        Steinhardt plain = Steinhardt.builder().rCut(5.0).nearestNeighbours(16).q(q).w(w).wHat(w).build();
        ForkJoinPool one = new ForkJoinPool(1);
        System.out.printf("ice Ih oxygens: %d atoms, %.3f A^-3%n", n, n / Math.abs(ice.volume()));
        for (double rCut : new double[]{5.0, 10.6}) {
            NeighbourList nl = one.submit(() -> NeighbourList.build(ice, rCut)).get();
            double us = time(one, () -> NeighbourList.build(ice, rCut)) / n;
            System.out.printf("neighbour list r_cut %.1f A: %.1f neighbours/atom, %.2f us/atom%n", rCut,
                    (double) nl.pairCount() / n, us);
        }
        report(one, "faureBeaulieu2024 (16 nn of 10.6 A candidates, q+qbar+what+whatbar)", preset, ice);
        report(one, "16 nn within 5 A, q+qbar+what+whatbar", strict, ice);
        report(one, "16 nn within 5 A, q+w+what (no averages)", plain, ice);
        one.shutdown();
    }

    private static void report(ForkJoinPool pool, String label, Steinhardt s, Structure st)
            throws InterruptedException, ExecutionException {
        double[][] x = pool.submit(() -> s.compute(st)).get();
        double checksum = Arrays.stream(x).mapToDouble(r -> r[1]).sum();
        double us = time(pool, () -> s.compute(st)) / st.size();
        System.out.printf("%-70s %6.2f us/atom, %d features [checksum %.6f]%n", label, us, s.featureCount(),
                checksum);
    }

    /** The structure as a LAMMPS data file (atom style atomic, orthorhombic box) for timing LAMMPS on it. */
    private static void writeLammpsData(Path path, Structure s) throws IOException {
        double[][] c = s.cell();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(path))) {
            w.printf("# noisy ice Ih oxygens (SteinhardtBenchmark)%n%n%d atoms%n1 atom types%n%n", s.size());
            w.printf("0 %.17g xlo xhi%n0 %.17g ylo yhi%n0 %.17g zlo zhi%n%nMasses%n%n1 15.999%n%nAtoms # atomic%n%n",
                    c[0][0], c[1][1], c[2][2]);
            for (int i = 0; i < s.size(); i++) {
                double[] r = s.position(i);
                w.printf("%d 1 %.17g %.17g %.17g%n", i + 1, r[0], r[1], r[2]);
            }
        }
    }

    /**
     * Median CPU time of the pool's single worker thread over 5 runs after 2 warm-ups, microseconds (CPU time rather
     * than wall time because the machine is shared; with one worker all the work runs on the measuring thread).
     */
    private static double time(ForkJoinPool pool, Supplier<?> task) throws InterruptedException, ExecutionException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int k = 0; k < 2; k++) {
            pool.submit(task::get).get();
        }
        double[] t = new double[5];
        for (int k = 0; k < t.length; k++) {
            t[k] = pool.submit(() -> {
                long c0 = threads.getCurrentThreadCpuTime();
                task.get();
                return (threads.getCurrentThreadCpuTime() - c0) * 1e-3;
            }).get();
        }
        Arrays.sort(t);
        return t[2];
    }
}
