package org.physml.descriptors;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.physml.structure.LocalEnvironment;

/**
 * Single-threaded speed of {@link Soap#compute(LocalEnvironment, double[])}: SOAP gto, r_cut 5 A, n_max 8,
 * l_max 6, sigma 0.5 A on a 10,648-atom diamond-Si cell (11 x 11 x 11 cubic cells, a = 5.43 A from
 * HyperPhysics, "Silicon Crystal Structure", after Kittel). A measurement, not a test: run with
 * <pre>
 *   mvn -o -q -pl lib test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp lib/target/test-classes:lib/target/classes:$(cat lib/target/cp.txt) \
 *        org.physml.descriptors.SoapBenchmark
 * </pre>
 * The environments are built here by the minimum-image convention (the cubic cell is 59.7 A wide, more
 * than twice the 6.86 A neighbour radius), so only the descriptor is timed. Prints microseconds per
 * environment for several passes over all environments, by the wall clock and by the thread's CPU time
 * (the latter is the meaningful number on a machine shared with other jobs).
 */
public final class SoapBenchmark {
    private SoapBenchmark() {
    }

    /**
     * @param args optional: number of cubic cells per edge (default 11, 10,648 atoms) and the radial basis
     *             ("gto", the default, or "polynomial")
     */
    public static void main(String[] args) {
        int cells = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        String rbf = args.length > 1 ? args[1] : "gto";
        double a = 5.43;
        Soap soap = Soap.builder().rbf(rbf).rCut(5.0).nMax(8).lMax(6).sigma(0.5).species(14).build();
        double[][] pos = diamond(cells, a);
        double box = cells * a;
        long t0 = System.nanoTime();
        List<LocalEnvironment> envs = environments(pos, box, soap.cutoff());
        long t1 = System.nanoTime();
        double meanNeighbours = envs.stream().mapToInt(LocalEnvironment::size).average().orElse(0);
        System.out.println(soap);
        System.out.printf(Locale.ROOT, "%d atoms, %d features, neighbour radius %.3f A, %.1f neighbours per"
                + " environment (environments built in %.1f s)%n", pos.length, soap.featureCount(), soap.cutoff(),
                meanNeighbours, (t1 - t0) / 1e9);
        double[] out = new double[soap.featureCount()];
        double checksum = 0.0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass < 8; pass++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (LocalEnvironment env : envs) {
                soap.compute(env, out);
                checksum += out[0];
            }
            long stop = System.nanoTime();
            long cpu1 = threads.getCurrentThreadCpuTime();
            System.out.printf(Locale.ROOT, "pass %d: %.2f us per environment wall clock, %.2f us thread CPU time%n",
                    pass, (stop - start) / 1e3 / envs.size(), (cpu1 - cpu0) / 1e3 / envs.size());
        }
        System.out.println("checksum " + checksum);
    }

    static double[][] diamond(int cells, double a) {
        double[][] basis = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0},
                {.25, .25, .25}, {.25, .75, .75}, {.75, .25, .75}, {.75, .75, .25}};
        double[][] pos = new double[8 * cells * cells * cells][];
        int k = 0;
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                for (int l = 0; l < cells; l++) {
                    for (double[] b : basis) {
                        pos[k++] = new double[]{(i + b[0]) * a, (j + b[1]) * a, (l + b[2]) * a};
                    }
                }
            }
        }
        return pos;
    }

    static List<LocalEnvironment> environments(double[][] pos, double box, double radius) {
        List<LocalEnvironment> envs = new ArrayList<>(pos.length);
        double r2 = radius * radius;
        for (int i = 0; i < pos.length; i++) {
            int[] idx = new int[256];
            double[][] r = new double[256][];
            double[] d = new double[256];
            int m = 0;
            for (int j = 0; j < pos.length; j++) {
                if (j == i) {
                    continue;
                }
                double dx = pos[j][0] - pos[i][0];
                double dy = pos[j][1] - pos[i][1];
                double dz = pos[j][2] - pos[i][2];
                dx -= box * Math.rint(dx / box);
                dy -= box * Math.rint(dy / box);
                dz -= box * Math.rint(dz / box);
                double dd = dx * dx + dy * dy + dz * dz;
                if (dd < r2) {
                    idx[m] = j;
                    r[m] = new double[]{dx, dy, dz};
                    d[m] = Math.sqrt(dd);
                    m++;
                }
            }
            int[] z = new int[m];
            Arrays.fill(z, 14);
            envs.add(new LocalEnvironment(i, 14, Arrays.copyOf(idx, m), z, Arrays.copyOf(r, m), Arrays.copyOf(d, m)));
        }
        return envs;
    }
}
