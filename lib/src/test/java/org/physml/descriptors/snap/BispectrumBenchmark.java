package org.physml.descriptors.snap;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.physml.structure.LocalEnvironment;

/**
 * Single-threaded speed of {@link Bispectrum#compute(LocalEnvironment, double[])}: twojmax 6, pair cutoff 5 A
 * (rcutfac 5, R = 0.5), on a 11 x 11 x 11 diamond-Si cell (10 648 atoms, a = 5.43 A from HyperPhysics "Silicon
 * Crystal Structure", atoms displaced uniformly by up to 0.05 A). Prints microseconds per environment. Not a
 * test (no timed asserts); run with
 * {@code java -cp <test and main classes + dependencies> org.physml.descriptors.snap.BispectrumBenchmark [lammps.data]}.
 * With an argument it also writes the structure as a LAMMPS data file for timing compute sna/atom (see
 * src/test/resources/bispectrum/bench/in.bench_si).
 */
public final class BispectrumBenchmark {
    private static final double A = 5.43;
    private static final double[][] BASIS = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0},
            {.25, .25, .25}, {.25, .75, .75}, {.75, .25, .75}, {.75, .75, .25}};

    private BispectrumBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int n = 11;
        double rCut = 5.0;
        double[][] pos = diamond(n, 0.05, new Random(1));
        if (args.length > 0) {
            writeLammpsData(Path.of(args[0]), pos, n * A);
        }
        LocalEnvironment[] envs = environments(pos, n, rCut);
        double meanNeighbours = Arrays.stream(envs).mapToInt(LocalEnvironment::size).average().orElse(0);
        Bispectrum b = Bispectrum.builder().rcutfac(rCut).rfac0(0.99363).twojmax(6).species(14, 0.5, 1.0).build();
        double[] out = new double[b.featureCount()];
        double checksum = 0.0;
        for (int warm = 0; warm < 3; warm++) {
            for (LocalEnvironment env : envs) {
                b.compute(env, out);
                checksum += out[0];
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] usPerEnv = new double[5];
        double[] cpuUsPerEnv = new double[5];
        for (int pass = 0; pass < usPerEnv.length; pass++) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            for (LocalEnvironment env : envs) {
                b.compute(env, out);
                checksum += out[0];
            }
            cpuUsPerEnv[pass] = (threads.getCurrentThreadCpuTime() - c0) * 1e-3 / envs.length;
            usPerEnv[pass] = (System.nanoTime() - t0) * 1e-3 / envs.length;
        }
        Arrays.sort(usPerEnv);
        Arrays.sort(cpuUsPerEnv);
        System.out.printf("%d atoms, %.2f neighbours per atom within %.1f A, twojmax 6 (K = %d)%n", envs.length,
                meanNeighbours, rCut, b.featureCount());
        System.out.printf("compute(env): median %.2f us/env (best %.2f, worst %.2f) single-threaded [checksum %.6g]%n",
                usPerEnv[2], usPerEnv[0], usPerEnv[4], checksum);
        System.out.printf("compute(env): median %.2f us/env of thread CPU time (best %.2f)%n", cpuUsPerEnv[2],
                cpuUsPerEnv[0]);

        double[][][] grad = new double[64][b.featureCount()][3];
        long t0 = System.nanoTime();
        int count = 0;
        for (LocalEnvironment env : envs) {
            if (env.size() <= grad.length) {
                b.computeWithGradient(env, out, Arrays.copyOf(grad, env.size()));
                count++;
            }
        }
        System.out.printf("computeWithGradient(env): %.2f us/env (one pass)%n", (System.nanoTime() - t0) * 1e-3 / count);
    }

    static double[][] diamond(int n, double amplitude, Random rng) {
        double[][] pos = new double[8 * n * n * n][];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    for (double[] f : BASIS) {
                        pos[k++] = new double[]{(i + f[0]) * A + amplitude * (2 * rng.nextDouble() - 1),
                                (j + f[1]) * A + amplitude * (2 * rng.nextDouble() - 1),
                                (l + f[2]) * A + amplitude * (2 * rng.nextDouble() - 1)};
                    }
                }
            }
        }
        return pos;
    }

    /**
     * Neighbours within rCut using the conventional cubic cells as bins (rCut + displacements &lt; A, so the 27
     * surrounding cells hold every neighbour); atom (i, j, l, basis b) has index ((i n + j) n + l) 8 + b.
     */
    static LocalEnvironment[] environments(double[][] pos, int n, double rCut) {
        double box = n * A;
        LocalEnvironment[] envs = new LocalEnvironment[pos.length];
        for (int atom = 0; atom < pos.length; atom++) {
            int cell = atom / 8;
            int ci = cell / (n * n), cj = (cell / n) % n, cl = cell % n;
            List<double[]> vec = new ArrayList<>();
            List<Integer> idx = new ArrayList<>();
            for (int di = -1; di <= 1; di++) {
                for (int dj = -1; dj <= 1; dj++) {
                    for (int dl = -1; dl <= 1; dl++) {
                        int c = ((Math.floorMod(ci + di, n) * n + Math.floorMod(cj + dj, n)) * n + Math.floorMod(cl + dl, n));
                        for (int q = 8 * c; q < 8 * c + 8; q++) {
                            if (q == atom) {
                                continue;
                            }
                            double[] d = new double[3];
                            for (int x = 0; x < 3; x++) {
                                d[x] = pos[q][x] - pos[atom][x];
                                d[x] -= box * Math.rint(d[x] / box);
                            }
                            if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < rCut * rCut) {
                                vec.add(d);
                                idx.add(q);
                            }
                        }
                    }
                }
            }
            int m = vec.size();
            double[] dist = new double[m];
            int[] z = new int[m];
            Arrays.fill(z, 14);
            for (int q = 0; q < m; q++) {
                double[] d = vec.get(q);
                dist[q] = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            }
            envs[atom] = new LocalEnvironment(atom, 14, idx.stream().mapToInt(Integer::intValue).toArray(), z,
                    vec.toArray(new double[0][]), dist);
        }
        return envs;
    }

    static void writeLammpsData(Path file, double[][] pos, double box) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.printf("# distorted diamond Si for the bispectrum benchmark%n%n%d atoms%n1 atom types%n%n", pos.length);
            w.printf("0.0 %.17g xlo xhi%n0.0 %.17g ylo yhi%n0.0 %.17g zlo zhi%n%nMasses%n%n1 1.0%n%nAtoms # atomic%n%n",
                    box, box, box);
            for (int i = 0; i < pos.length; i++) {
                w.printf("%d 1 %.17g %.17g %.17g%n", i + 1, wrap(pos[i][0], box),
                        wrap(pos[i][1], box), wrap(pos[i][2], box));
            }
        }
    }

    private static double wrap(double x, double box) {
        return x - box * Math.floor(x / box);
    }
}
