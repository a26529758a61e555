package org.physml.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.physml.CoursePaths;
import org.physml.descriptors.Acsf;
import org.physml.descriptors.Descriptor;
import org.physml.descriptors.LocalDescriptor;
import org.physml.descriptors.Soap;
import org.physml.descriptors.nep.NepDescriptor;
import org.physml.descriptors.nep.NepParameters;
import org.physml.descriptors.snap.Bispectrum;
import org.physml.descriptors.steinhardt.Steinhardt;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;
import org.physml.structure.io.ExtXyz;

/**
 * What a user pays for a descriptor, end to end: {@code compute(structure)} from positions to the feature
 * matrix, neighbour search included, on a 10,648-atom diamond-Si cell (a = 5.43 A, HyperPhysics "Silicon
 * Crystal Structure" after Kittel; atoms displaced by a Gaussian of 0.05 A) and on the ice Ih cell of
 * data/water/.
 *
 * <p>Per descriptor, all in one run and after warm-up, medians over repeats: the end-to-end time on one thread
 * (process CPU time and wall time) and on all cores (wall time); as baselines, the neighbour list alone at the
 * descriptor's search radius and the descriptor on prepared environments (the part that is the descriptor's
 * own arithmetic). Steinhardt order parameters are also timed with LAMMPS {@code compute orientorder/atom} in
 * the same run when {@code lmp} is on the PATH ({@link LammpsOrientOrderTiming}). The other reference codes do
 * not run here; their single-thread end-to-end figures on this kind of machine (DScribe 2.1.1 SOAP 41-43 us per
 * environment and ACSF 121-124 us, from the course's issue tracker, issue 18) are printed as "measured
 * elsewhere".
 *
 * <p>Usage: {@code ./physml bench descriptors [cells-per-side] [repeats]} (defaults 11 and 5). For a profile,
 * set {@code JAVA_TOOL_OPTIONS=-XX:StartFlightRecording=filename=bench.jfr,settings=profile}.
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

    /** A descriptor to time, and a reference code's end-to-end single-thread time measured elsewhere (or NaN). */
    record Case(String name, Supplier<Descriptor> descriptor, double referenceMicros, String reference) {
        Case(String name, Supplier<Descriptor> descriptor) {
            this(name, descriptor, Double.NaN, "");
        }
    }

    static Map<String, Case> siliconCases() {
        Map<String, Case> c = new LinkedHashMap<>();
        c.put("soap", new Case("SOAP gto r_cut 5, n_max 8, l_max 6, sigma 0.5",
                () -> Soap.builder().rCut(5).nMax(8).lMax(6).sigma(0.5).rbf("gto").species(14).build(),
                42, "DScribe [else]"));
        c.put("acsf", new Case("ACSF r_cut 6, 3 G2, 2 G3, 3 G4, 2 G5", () -> acsf(14), 122, "DScribe [else]"));
        c.put("nep", new Case("NEP r_cut 5/4, n_max 4/4, basis 8/8, l_max 4 2 1",
                () -> nep("Si")));
        c.put("bispectrum6", new Case("bispectrum twojmax 6, r_cut 5",
                () -> Bispectrum.builder().rcutfac(5).rfac0(0.99363).twojmax(6).species(14, 0.5, 1).build()));
        c.put("bispectrum8", new Case("bispectrum twojmax 8, r_cut 5",
                () -> Bispectrum.builder().rcutfac(5).rfac0(0.99363).twojmax(8).species(14, 0.5, 1).build()));
        return c;
    }

    private static Descriptor acsf(int... species) {
        return Acsf.builder().rCut(6).species(species)
                .g2Params(new double[][]{{0.01, 0}, {0.1, 2}, {1, 3}}).g3Params(1, 2)
                .g4Params(new double[][]{{0.005, 1, 1}, {0.005, 2, -1}, {0.01, 4, 1}})
                .g5Params(new double[][]{{0.005, 1, 1}, {0.01, 2, -1}}).build();
    }

    private static Descriptor nep(String... elements) {
        return new NepDescriptor(NepParameters.builder(elements).cutoff(5, 4).nMax(4, 4).basisSize(8, 8)
                .lMax(4, 2, 1).randomCoefficients(1).build());
    }

    /**
     * One row of the table: every figure in microseconds per environment (per atom for the list); cpu1 is the
     * median of the end-to-end one-thread CPU samples, cpu1Min and cpu1Max their range.
     */
    record Row(int features, double neighbourList, double prepared, double cpu1, double cpu1Min, double cpu1Max,
               double wall1, double wallAll) {
    }

    static Row measure(Descriptor d, Structure s, int[] centres, int cores, int repeats) {
        try (Timing.Pools pools = new Timing.Pools(cores)) {
            int n = centres.length;
            Timing.Sample nl = pools.single(() -> NeighbourList.build(s, d.cutoff(), centres), repeats);
            NeighbourList list = NeighbourList.build(s, d.cutoff(), centres);
            LocalEnvironment[] envs = new LocalEnvironment[n];
            for (int k = 0; k < n; k++) {
                envs[k] = list.environment(centres[k]);
            }
            double[] out = new double[d.featureCount()];
            // only a local descriptor has a per-environment call to time (Steinhardt is whole-structure)
            Timing.Sample prepared = d instanceof LocalDescriptor local ? pools.single(() -> {
                for (LocalEnvironment e : envs) {
                    local.compute(e, out);
                }
            }, repeats) : Timing.Sample.none();
            Timing.Sample one = pools.single(() -> d.compute(s, centres), repeats);
            Timing.Sample all = pools.all(() -> d.compute(s, centres), repeats);
            return new Row(d.featureCount(), 1e6 * nl.wall() / n, 1e6 * prepared.cpu() / n, 1e6 * one.cpu() / n,
                    1e6 * one.cpuMin() / n, 1e6 * one.cpuMax() / n, 1e6 * one.wall() / n, 1e6 * all.wall() / n);
        }
    }

    static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int cores = Runtime.getRuntime().availableProcessors();
        Structure si = diamondSilicon(n, 42);
        int[] every = IntStream.range(0, si.size()).toArray();
        System.out.printf("diamond Si: %d atoms; %d cores; medians of %d repeats after one warm-up%n", si.size(),
                cores, repeats);
        System.out.println("us per environment. list: neighbour list alone at the descriptor's radius, one thread;"
                + " prepared: compute on prepared environments, one thread, CPU;");
        System.out.println("end to end (structure in, matrix out, list included): one thread CPU and wall,"
                + " all cores wall; 1t range: the shortest and longest of the 1t CPU samples (a long one is the machine"
                + " interfering; compare runs by their minima); reference: a peer code's end-to-end single-thread"
                + " time, [run] measured in this run, [else] measured elsewhere (see the class documentation);"
                + " ref/ours = reference / (1t CPU)");
        header();
        for (Case c : siliconCases().values()) {
            Row r = measure(c.descriptor().get(), si, every, cores, repeats);
            print(c, r);
        }
        parameters(siliconCases().values());
        Path ice = iceCell();
        if (ice == null) {
            System.out.println("\n(no data/water/ice_Ih.extxyz: ice cells skipped)");
            return;
        }
        Structure water = ExtXyz.read(ice).get(0).structure();
        System.out.printf("%nice Ih (%s): %d atoms, H and O centres%n", ice.getFileName(), water.size());
        header();
        int[] all = IntStream.range(0, water.size()).toArray();
        List<Case> iceCases = List.of(
                new Case("SOAP gto r_cut 5, n_max 8, l_max 6, sigma 0.5 (H, O)",
                        () -> Soap.builder().rCut(5).nMax(8).lMax(6).sigma(0.5).species(1, 8).build()),
                new Case("ACSF r_cut 6, 3 G2, 2 G3, 3 G4, 2 G5 (H, O)", () -> acsf(1, 8)),
                new Case("NEP r_cut 5/4, n_max 4/4, basis 8/8, l_max 4 2 1 (H, O)", () -> nep("H", "O")));
        for (Case c : iceCases) {
            print(c, measure(c.descriptor().get(), water, all, cores, repeats));
        }
        parameters(iceCases);
        steinhardt(water, cores, repeats);
    }

    /** The exact parameters of each row, as JSON ({@code ./physml descriptors json --parameters} takes them). */
    private static void parameters(java.util.Collection<Case> cases) {
        System.out.println("parameters:");
        for (Case c : cases) {
            System.out.println("  " + c.name() + ": " + c.descriptor().get().parameters().toJson());
        }
    }

    private static void header() {
        System.out.printf("%-50s %8s %8s %8s %8s %13s %8s %8s %8s %18s %8s%n", "descriptor", "features", "list",
                "prepared", "1t CPU", "1t range", "1t wall", "all", "speed-up", "reference", "ref/ours");
    }

    private static void print(Case c, Row r) {
        boolean ref = !Double.isNaN(c.referenceMicros());
        System.out.printf("%-50s %8d %8.1f %8.1f %8.1f %13s %8.1f %8.1f %8.2f %18s %8s%n", c.name(), r.features(),
                r.neighbourList(), r.prepared(), r.cpu1(), String.format("%.1f-%.1f", r.cpu1Min(), r.cpu1Max()),
                r.wall1(), r.wallAll(), r.wall1() / r.wallAll(),
                ref ? String.format("%.0f %s", c.referenceMicros(), c.reference()) : "",
                ref ? String.format("%.2f", c.referenceMicros() / r.cpu1()) : "");
    }

    /**
     * Steinhardt q_3..q_12, w_3..w_12 and what_3..what_12 from the 16 nearest oxygens within 5 A on the
     * oxygen atoms of ice Ih repeated 3 x 3 x 3, ours against LAMMPS compute orientorder/atom with the same
     * settings, end to end on one thread in the same run; then the Faure Beaulieu 2024 preset (averages
     * included, which LAMMPS does not compute).
     */
    private static void steinhardt(Structure water, int cores, int repeats) {
        Structure oxygen = water.select(Steinhardt.atomsOfSpecies(water, 8)).repeat(3, 3, 3);
        int[] centres = IntStream.range(0, oxygen.size()).toArray();
        int[] l = IntStream.rangeClosed(3, 12).toArray();
        Steinhardt plain = Steinhardt.builder().rCut(5).nearestNeighbours(16).q(l).w(l).wHat(l).build();
        System.out.printf("%nice Ih oxygens repeated 3 x 3 x 3: %d atoms%n", oxygen.size());
        header();
        Row ours = measure(plain, oxygen, centres, cores, repeats);
        Case lammps = new Case("Steinhardt q, w, what 3-12, 16 nn, r_cut 5", () -> plain);
        LammpsOrientOrderTiming.Result ref = LammpsOrientOrderTiming.run(oxygen, l, 16, 5.0, 20);
        if (ref == null) {
            print(lammps, ours);
            System.out.println("  (lmp not found on the PATH: LAMMPS orientorder/atom not timed)");
        } else {
            print(new Case(lammps.name(), lammps.descriptor(), ref.microsPerAtom(), "LAMMPS [run]"), ours);
            System.out.printf("  LAMMPS %s, compute orientorder/atom, same cell, same run: %.1f us per atom"
                    + " (loop time of %d steps minus the same run without the compute)%n", ref.version(),
                    ref.microsPerAtom(), ref.steps());
        }
        print(new Case("Steinhardt Faure Beaulieu 2024 (with averages)", Steinhardt::faureBeaulieu2024),
                measure(Steinhardt.faureBeaulieu2024(), oxygen, centres, cores, repeats));
    }

    private static Path iceCell() {
        try {
            Path p = CoursePaths.root().resolve("data/water/ice_Ih.extxyz");
            return Files.exists(p) ? p : null;
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
