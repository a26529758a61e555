package org.physml.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.physml.CoursePaths;
import org.physml.descriptors.Acsf;
import org.physml.descriptors.Descriptor;
import org.physml.descriptors.Soap;
import org.physml.descriptors.nep.NepDescriptor;
import org.physml.descriptors.nep.NepParameters;
import org.physml.descriptors.steinhardt.Steinhardt;
import org.physml.descriptors.snap.Bispectrum;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;
import org.physml.structure.io.ExtXyz;

/**
 * Microseconds per atomic environment of every descriptor, single thread and all cores, on a 10,648-atom
 * diamond-Si cell (a = 5.43 A, HyperPhysics "Silicon Crystal Structure" after Kittel; atoms displaced by a
 * Gaussian of 0.05 A) and on the ice Ih cell of data/water/ if present.
 *
 * <p>Baselines measured in the same run: the neighbour-list build per atom, and the single-thread time (the
 * all-cores column is reported as a speed-up over it). The reference codes' single-thread times on this kind of
 * machine (DScribe SOAP about 40 us/env, DScribe ACSF 110-150, NEP_CPU about 8, LAMMPS sna/atom twojmax 6
 * about 26; from the course's issue tracker, not measured here) are printed for comparison as ratios.
 * Usage: {@code ./physml bench descriptors [cells-per-side]} (default 11).
 */
final class DescriptorBenchmark {
    private DescriptorBenchmark() {
    }

    static Structure diamondSilicon(int n, long seed) {
        double a = 5.43;
        double[][] frac = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0},
                {.25, .25, .25}, {.25, .75, .75}, {.75, .25, .75}, {.75, .75, .25}};
        double[][] p = new double[8][3];
        for (int i = 0; i < 8; i++) {
            for (int k = 0; k < 3; k++) {
                p[i][k] = a * frac[i][k];
            }
        }
        Structure cell = new Structure(p, new int[]{14, 14, 14, 14, 14, 14, 14, 14},
                new double[][]{{a, 0, 0}, {0, a, 0}, {0, 0, a}}, new boolean[]{true, true, true});
        Structure big = cell.repeat(n, n, n);
        Random rnd = new Random(seed);
        double[][] q = big.positions();
        for (double[] r : q) {
            for (int k = 0; k < 3; k++) {
                r[k] += 0.05 * rnd.nextGaussian();
            }
        }
        return new Structure(q, big.atomicNumbers(), big.cell(), big.pbc());
    }

    record Case(String name, Supplier<Descriptor> descriptor, double referenceMicros, String reference) {
    }

    static Map<String, Case> siliconCases() {
        Map<String, Case> c = new LinkedHashMap<>();
        c.put("soap", new Case("SOAP gto r_cut 5, n_max 8, l_max 6, sigma 0.5",
                () -> Soap.builder().rCut(5).nMax(8).lMax(6).sigma(0.5).rbf("gto").species(14).build(), 40, "DScribe"));
        c.put("acsf", new Case("ACSF r_cut 6, 3 G2, 2 G3, 3 G4, 2 G5",
                () -> Acsf.builder().rCut(6).species(14)
                        .g2Params(new double[][]{{0.01, 0}, {0.1, 2}, {1, 3}}).g3Params(1, 2)
                        .g4Params(new double[][]{{0.005, 1, 1}, {0.005, 2, -1}, {0.01, 4, 1}})
                        .g5Params(new double[][]{{0.005, 1, 1}, {0.01, 2, -1}}).build(), 130, "DScribe"));
        c.put("nep", new Case("NEP r_cut 5/4, n_max 4/4, basis 8/8, l_max 4 2 1",
                () -> new NepDescriptor(NepParameters.builder("Si").cutoff(5, 4).nMax(4, 4).basisSize(8, 8)
                        .lMax(4, 2, 1).randomCoefficients(1).build()), 8, "NEP_CPU"));
        c.put("bispectrum6", new Case("bispectrum twojmax 6, r_cut 5",
                () -> Bispectrum.builder().rcutfac(5).rfac0(0.99363).twojmax(6).species(14, 0.5, 1).build(), 26, "LAMMPS"));
        c.put("bispectrum8", new Case("bispectrum twojmax 8, r_cut 5",
                () -> Bispectrum.builder().rcutfac(5).rfac0(0.99363).twojmax(8).species(14, 0.5, 1).build(), Double.NaN, "LAMMPS"));
        return c;
    }

    /** Median over repeats of the time to compute every environment with {@code threads} threads, us/env. */
    static double microsPerEnvironment(Descriptor d, LocalEnvironment[] envs, int threads, int repeats) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            double[][] out = new double[envs.length][d.featureCount()];
            double s = Timing.medianSeconds(() -> pool.submit(() -> IntStream.range(0, envs.length).parallel()
                    .forEach(i -> d.compute(envs[i], out[i]))).join(), 1, repeats);
            return 1e6 * s / envs.length;
        } finally {
            pool.shutdown();
        }
    }

    static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        int cores = Runtime.getRuntime().availableProcessors();
        Structure si = diamondSilicon(n, 42);
        System.out.printf("diamond Si: %d atoms; %d cores%n", si.size(), cores);
        System.out.println("us per environment: single-thread CPU time (median), single-thread wall (best), all cores wall"
                + " (best of the median); speed-up = 1 thread / all cores; ref/ours uses the CPU time");
        System.out.printf("%-48s %8s %8s %8s %8s %8s %10s %8s%n", "descriptor", "features", "1t CPU", "1t wall",
                "all", "speed-up", "reference", "ref/ours");
        for (Case c : siliconCases().values()) {
            run(c, si, cores);
        }
        Path ice = iceCell();
        if (ice != null) {
            Structure s = ExtXyz.read(ice).get(0).structure();
            System.out.printf("%nice Ih (%s): %d atoms%n", ice.getFileName(), s.size());
            run(new Case("SOAP gto r_cut 5, n_max 8, l_max 6, sigma 0.5 (H, O)",
                    () -> Soap.builder().rCut(5).nMax(8).lMax(6).sigma(0.5).species(1, 8).build(), Double.NaN, ""), s, cores);
            run(new Case("ACSF r_cut 6, 3 G2, 2 G3, 3 G4, 2 G5 (H, O)",
                    () -> Acsf.builder().rCut(6).species(1, 8)
                            .g2Params(new double[][]{{0.01, 0}, {0.1, 2}, {1, 3}}).g3Params(1, 2)
                            .g4Params(new double[][]{{0.005, 1, 1}, {0.005, 2, -1}, {0.01, 4, 1}})
                            .g5Params(new double[][]{{0.005, 1, 1}, {0.01, 2, -1}}).build(), Double.NaN, ""), s, cores);
            run(new Case("NEP r_cut 5/4, n_max 4/4, basis 8/8, l_max 4 2 1 (H, O)",
                    () -> new NepDescriptor(NepParameters.builder("H", "O").cutoff(5, 4).nMax(4, 4).basisSize(8, 8)
                            .lMax(4, 2, 1).randomCoefficients(1).build()), Double.NaN, ""), s, cores);
            run(new Case("bispectrum twojmax 6, r_cut 5 (H, O)",
                    () -> Bispectrum.builder().rcutfac(5).rfac0(0.99363).twojmax(6).species(1, 0.5, 1)
                            .species(8, 0.5, 1).build(), Double.NaN, ""), s, cores);
            steinhardt(s, cores);
        } else {
            System.out.println("\n(no data/water/ice_Ih.extxyz: ice cell skipped)");
        }
    }

    /**
     * Steinhardt with neighbour averages needs every centre's q_lm first, so it is timed through the
     * structure-level call (neighbour search included) on the oxygen atoms.
     */
    private static void steinhardt(Structure s, int cores) {
        Descriptor d = Steinhardt.faureBeaulieu2024();
        int[] oxygens = Steinhardt.atomsOfSpecies(s, 8);
        Structure o = s.select(oxygens);
        int[] all = IntStream.range(0, o.size()).toArray();
        ForkJoinPool one = new ForkJoinPool(1), many = new ForkJoinPool(cores);
        try {
            double t1 = Timing.medianSeconds(() -> one.submit(() -> d.compute(o, all)).join(), 1, 3);
            double tn = Timing.medianSeconds(() -> many.submit(() -> d.compute(o, all)).join(), 1, 3);
            System.out.printf("%-48s %8d %8s %8.1f %8.1f %8.2f   (O centres and neighbours, neighbour search included)%n",
                    "Steinhardt q3-12, avg, w-hat (16 nn, O only)", d.featureCount(), "", 1e6 * t1 / o.size(),
                    1e6 * tn / o.size(), t1 / tn);
        } finally {
            one.shutdown();
            many.shutdown();
        }
    }

    private static Path iceCell() {
        try {
            Path p = CoursePaths.root().resolve("data/water/ice_Ih.extxyz");
            return Files.exists(p) ? p : null;
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static void run(Case c, Structure s, int cores) {
        Descriptor d = c.descriptor().get();
        long t0 = System.nanoTime();
        NeighbourList nl = NeighbourList.build(s, d.cutoff());
        LocalEnvironment[] envs = new LocalEnvironment[s.size()];
        for (int i = 0; i < envs.length; i++) {
            envs[i] = nl.environment(i);
        }
        double nlMicros = (System.nanoTime() - t0) * 1e-3 / s.size();
        int repeats = 3;
        double[] cpu = new double[repeats];
        double one = Double.POSITIVE_INFINITY;
        double[] out = new double[d.featureCount()];
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r <= repeats; r++) {            // first pass: warm-up
            long w0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
            for (LocalEnvironment e : envs) {
                d.compute(e, out);
            }
            if (r > 0) {
                cpu[r - 1] = (mx.getCurrentThreadCpuTime() - c0) * 1e-3 / envs.length;
                one = Math.min(one, (System.nanoTime() - w0) * 1e-3 / envs.length);
            }
        }
        java.util.Arrays.sort(cpu);
        double oneCpu = cpu[repeats / 2];
        double all = microsPerEnvironment(d, envs, cores, repeats);
        String ref = Double.isNaN(c.referenceMicros()) ? "" : String.format("%.0f %s", c.referenceMicros(), c.reference());
        String ratio = Double.isNaN(c.referenceMicros()) ? "" : String.format("%.2f", c.referenceMicros() / oneCpu);
        System.out.printf("%-48s %8d %8.1f %8.1f %8.1f %8.2f %10s %8s   (neighbour list %.1f us/atom)%n", c.name(),
                d.featureCount(), oneCpu, one, all, one / all, ref, ratio, nlMicros);
    }
}
