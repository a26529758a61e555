package org.physml.descriptors.nep;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.physml.structure.LocalEnvironment;

/**
 * Single-threaded timing of {@link NepDescriptor#compute} on diamond silicon (not a test; run by hand):
 * r_cut 5 / 4 A, n_max 4 4, basis_size 8 8, l_max 4 2 1, 11 x 11 x 11 conventional cells (10648 atoms),
 * positions rattled by 0.05 A. The neighbour lists are built once with a cell list (outside the timing).
 *
 * <pre>
 *   java -cp lib/target/classes:lib/target/test-classes:$(deps) org.physml.descriptors.nep.NepBenchmark
 * </pre>
 */
public final class NepBenchmark {
    private NepBenchmark() {
    }

    public static void main(String[] args) {
        int cells = 11;
        double a = 5.431;   // diamond-Si lattice constant used only as a benchmark geometry
        double[][] basis = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0},
            {0.25, 0.25, 0.25}, {0.25, 0.75, 0.75}, {0.75, 0.25, 0.75}, {0.75, 0.75, 0.25}};
        int n = 8 * cells * cells * cells;
        double[][] pos = new double[n][3];
        Random rng = new Random(1);
        int k = 0;
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                for (int l = 0; l < cells; l++) {
                    for (double[] b : basis) {
                        pos[k][0] = a * (i + b[0]) + 0.05 * rng.nextGaussian();
                        pos[k][1] = a * (j + b[1]) + 0.05 * rng.nextGaussian();
                        pos[k][2] = a * (l + b[2]) + 0.05 * rng.nextGaussian();
                        k++;
                    }
                }
            }
        }
        NepParameters p = NepParameters.builder("Si").cutoff(5.0, 4.0).nMax(4, 4).basisSize(8, 8).lMax(4, 2, 1)
                .randomCoefficients(42).build();
        NepDescriptor nep = new NepDescriptor(p);
        LocalEnvironment[] envs = cubicCellList(pos, a * cells, nep.cutoff());
        long neighbours = 0;
        for (LocalEnvironment e : envs) {
            neighbours += e.size();
        }
        System.out.printf(Locale.ROOT, "%d atoms, %.1f neighbours within %.1f A per atom, dimension %d%n", n,
                (double) neighbours / n, nep.cutoff(), nep.featureCount());
        double[] out = new double[nep.featureCount()];
        double sink = 0;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < 15; rep++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (LocalEnvironment e : envs) {
                nep.compute(e, out);
                sink += out[0];
            }
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            System.out.printf(Locale.ROOT, "pass %2d: %.3f us CPU (%.3f us wall) per environment, values%n", rep,
                    (c1 - c0) / 1e3 / n, (t1 - t0) / 1e3 / n);
        }
        double[][][][] g = new double[envs.length][][][];
        for (int i = 0; i < envs.length; i++) {
            g[i] = new double[envs[i].size()][out.length][3];
        }
        for (int rep = 0; rep < 8; rep++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < envs.length; i++) {
                nep.computeWithGradient(envs[i], out, g[i]);
                sink += g[i][0][0][0];
            }
            long c1 = cpu.getCurrentThreadCpuTime();
            System.out.printf(Locale.ROOT, "pass %2d: %.3f us CPU per environment, values + gradient%n", rep,
                    (c1 - c0) / 1e3 / n);
        }
        System.out.println("(checksum " + sink + ")");
    }

    /** Neighbour lists of a periodic cubic box of side L by binning (r_cut &lt; L / 3). */
    static LocalEnvironment[] cubicCellList(double[][] pos, double box, double rCut) {
        int nb = (int) Math.floor(box / rCut);
        double w = box / nb;
        List<List<Integer>> bins = new ArrayList<>();
        for (int i = 0; i < nb * nb * nb; i++) {
            bins.add(new ArrayList<>());
        }
        int[][] bin = new int[pos.length][3];
        for (int i = 0; i < pos.length; i++) {
            for (int x = 0; x < 3; x++) {
                bin[i][x] = Math.floorMod((int) Math.floor(pos[i][x] / w), nb);
            }
            bins.get((bin[i][0] * nb + bin[i][1]) * nb + bin[i][2]).add(i);
        }
        LocalEnvironment[] envs = new LocalEnvironment[pos.length];
        double rc2 = rCut * rCut;
        for (int i = 0; i < pos.length; i++) {
            List<Integer> idx = new ArrayList<>();
            List<double[]> vec = new ArrayList<>();
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dz = -1; dz <= 1; dz++) {
                        int b = (Math.floorMod(bin[i][0] + dx, nb) * nb + Math.floorMod(bin[i][1] + dy, nb)) * nb
                                + Math.floorMod(bin[i][2] + dz, nb);
                        for (int j : bins.get(b)) {
                            if (j == i) {
                                continue;
                            }
                            double[] r = new double[3];
                            for (int x = 0; x < 3; x++) {
                                double d = pos[j][x] - pos[i][x];
                                r[x] = d - box * Math.rint(d / box);
                            }
                            double d2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
                            if (d2 < rc2) {
                                idx.add(j);
                                vec.add(r);
                            }
                        }
                    }
                }
            }
            int m = idx.size();
            int[] index = new int[m];
            int[] z = new int[m];
            double[][] r = new double[m][];
            double[] d = new double[m];
            for (int j = 0; j < m; j++) {
                index[j] = idx.get(j);
                z[j] = 14;
                r[j] = vec.get(j);
                d[j] = Math.sqrt(r[j][0] * r[j][0] + r[j][1] * r[j][1] + r[j][2] * r[j][2]);
            }
            envs[i] = new LocalEnvironment(i, 14, index, z, r, d);
        }
        return envs;
    }
}
