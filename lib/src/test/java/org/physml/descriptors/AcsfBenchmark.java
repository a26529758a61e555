package org.physml.descriptors;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * Single-threaded timing of {@link Acsf#compute(LocalEnvironment, double[])} per environment on a
 * 10,648-atom (11 x 11 x 11 conventional cells) diamond-Si crystal with r_cut = 6 A, 3 G2, 2 G3, 3 G4, 2 G5.
 * Not a test (no timed assertions); run with
 * {@code java -cp lib/target/classes:lib/target/test-classes org.physml.descriptors.AcsfBenchmark}.
 *
 * <p>The environments of the large crystal are those of the 8-atom cell's periodic neighbour list (atom i of the
 * supercell has the environment of atom i mod 8, by translation symmetry), copied into 10,648 separate
 * {@link LocalEnvironment} objects: the project's current neighbour list is the O(N^2) brute-force reference,
 * whose cost is not what is measured here.
 */
public final class AcsfBenchmark {
    private AcsfBenchmark() {
    }

    private static double median(double[] a, int skip) {
        double[] b = Arrays.copyOfRange(a, skip, a.length);
        Arrays.sort(b);
        return b[b.length / 2];
    }

    private static double best(double[] a, int skip) {
        return Arrays.stream(a, skip, a.length).min().orElseThrow();
    }

    private static double[] round(double[] a) {
        return Arrays.stream(a).map(v -> Math.round(v * 10) / 10.0).toArray();
    }

    /** Prints wall-clock and thread-CPU microseconds per environment for 12 passes over all atoms. */
    public static void main(String[] args) {
        Acsf acsf = Acsf.builder().rCut(6.0).species("Si")
                .g2Params(new double[][]{{0.01, 0}, {0.1, 2.5}, {1.0, 4.0}})
                .g3Params(1.0, 2.0)
                .g4Params(new double[][]{{0.005, 1, 1}, {0.01, 2, -1}, {0.02, 4, 1}})
                .g5Params(new double[][]{{0.005, 1, -1}, {0.01, 2, 1}})
                .build();
        Structure cell = AcsfTestStructures.diamond(AcsfTestStructures.SI_LATTICE_CONSTANT, 14);
        NeighbourList nl = NeighbourList.build(cell, acsf.cutoff());
        int n = 8 * 11 * 11 * 11;
        LocalEnvironment[] envs = new LocalEnvironment[n];
        for (int i = 0; i < n; i++) {
            LocalEnvironment e = nl.environment(i % 8);
            double[][] r = new double[e.size()][];
            for (int q = 0; q < r.length; q++) {
                r[q] = e.r()[q].clone();
            }
            envs[i] = new LocalEnvironment(i, e.centreZ(), e.neighbourIndex().clone(), e.neighbourZ().clone(), r,
                    e.distance().clone());
        }
        double[] out = new double[acsf.featureCount()];
        double checksum = 0;
        int passes = 12;
        double[] wallUs = new double[passes], cpuUs = new double[passes];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int p = 0; p < passes; p++) {
            long t0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
            for (LocalEnvironment e : envs) {
                acsf.compute(e, out);
                checksum += out[out.length - 1];
            }
            wallUs[p] = (System.nanoTime() - t0) / 1e3 / n;
            cpuUs[p] = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / n;
        }
        System.out.printf("atoms %d, neighbours per environment %d, features %d%n", n, nl.environment(0).size(),
                acsf.featureCount());
        System.out.printf("wall us/env per pass: %s%n", Arrays.toString(round(wallUs)));
        System.out.printf("CPU  us/env per pass: %s%n", Arrays.toString(round(cpuUs)));
        // The first 4 passes are JIT warm-up; the thread's CPU time is robust against a loaded machine.
        System.out.printf("after warm-up: median wall %.1f us/env, median CPU %.1f us/env, best CPU %.1f us/env"
                + " (checksum %.6g)%n", median(wallUs, 4), median(cpuUs, 4), best(cpuUs, 4), checksum);
    }
}
