package org.physml.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.physml.descriptors.nep.NepDescriptor;
import org.physml.descriptors.nep.NepParameters;
import org.physml.descriptors.snap.Bispectrum;
import org.physml.descriptors.steinhardt.Steinhardt;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * The contract every descriptor of the library keeps, checked on one periodic two-species (H, O) structure of
 * 30 atoms in a skewed cell that no descriptor test was tuned on:
 * <ul>
 *   <li>{@code featureNames()} has {@code featureCount()} distinct names and {@code compute} that many columns,
 *       all finite;</li>
 *   <li>invariance under a rigid translation and under a rotation of positions and cell together;</li>
 *   <li>equivariance under a permutation of the atoms (rows permute with them);</li>
 *   <li>a 2 x 1 x 2 supercell gives every copy of an atom the features of the original (periodic images);</li>
 *   <li>for a {@link DifferentiableDescriptor}, the analytic derivatives match central finite differences of the
 *       features with respect to every neighbour vector;</li>
 *   <li>its parameters survive the JSON of {@link DescriptorRegistry}: read back they are equal, and the descriptor
 *       they create is equal and gives the same numbers to the last bit.</li>
 * </ul>
 * Every per-atom descriptor of {@link DescriptorRegistry} is in {@link #descriptors()} (checked); the global
 * Coulomb matrix has its own test.
 */
class DescriptorContractTest {
    /** Relative tolerance of the symmetry checks (rounding of rotated coordinates). */
    private static final double TOL = 1e-9;

    static Stream<Arguments> descriptors() {
        List<Arguments> all = List.of(
                named("ACSF G2-G5 (cosine cutoff)", () -> Acsf.builder().rCut(4.5).species(1, 8)
                        .g2Params(new double[][]{{0.5, 0}, {1, 1.5}}).g3Params(1.5)
                        .g4Params(new double[][]{{0.05, 1, 1}, {0.05, 2, -1}})
                        .g5Params(new double[][]{{0.05, 1, -1}}).build()),
                named("G8 (smooth window)", () -> new AcsfG8(CutoffFunction.smoothWindow(2.0, 2.5, 3.5),
                        new double[][]{{1, 1.9}, {2, 1.2}})),
                named("SOAP gto", () -> Soap.builder().rCut(4).nMax(3).lMax(3).sigma(0.5).species(1, 8).build()),
                named("SOAP polynomial", () -> Soap.builder().rCut(4).nMax(3).lMax(2).sigma(0.4).rbf("polynomial")
                        .species(1, 8).build()),
                named("bispectrum", () -> Bispectrum.builder().rcutfac(4.0).rfac0(0.99363).twojmax(4)
                        .species(1, 0.4, 0.8).species(8, 0.5, 1.0).build()),
                named("NEP", () -> new NepDescriptor(NepParameters.builder("H", "O").cutoff(4.5, 3.5).nMax(3, 2)
                        .basisSize(4, 4).lMax(3, 2, 0).randomCoefficients(7).build())),
                named("Steinhardt", () -> Steinhardt.builder().rCut(3.5).allNeighbours().q(4, 6).w(4, 6)
                        .wHat(6).build()),
                named("Steinhardt with averages", () -> Steinhardt.builder().rCut(3.5).allNeighbours().q(4, 6)
                        .qBar(4, 6).wHatBar(6).build()),
                named("concatenated", () -> new ConcatenatedDescriptor(List.of(
                        ConcatenatedDescriptor.Part.all(Soap.builder().rCut(3.5).nMax(2).lMax(2).sigma(0.5)
                                .species(1, 8).build()),
                        ConcatenatedDescriptor.Part.of(Acsf.builder().rCut(4).species(1, 8)
                                .g2Params(new double[][]{{1, 2}}).build(), 8)))),
                named("first-shell average", () -> new NeighbourAveraged(Soap.builder().rCut(3.5).nMax(2).lMax(2)
                        .sigma(0.5).species(1, 8).build(), 8, 3.5)),
                named("SOAP of the O atoms only", () -> new SpeciesSubset(Soap.builder().rCut(4.5).nMax(3).lMax(3)
                        .sigma(0.8).species(8).build(), 8)));
        return all.stream();
    }

    private static Arguments named(String name, Supplier<Descriptor> d) {
        return Arguments.of(name, d);
    }

    /** Descriptors defined for oxygen centres only (the others take every atom as a centre). */
    private static boolean oxygenCentres(Descriptor d) {
        return d instanceof NeighbourAveraged || d instanceof SpeciesSubset;
    }

    /** Features of every centre, indexed by atom; null rows for atoms that are not centres. */
    private static double[][] features(Descriptor d, Structure s) {
        int[] centres = IntStream.range(0, s.size())
                .filter(i -> !oxygenCentres(d) || s.atomicNumber(i) == 8).toArray();
        double[][] x = d.compute(s, centres);
        double[][] rows = new double[s.size()][];
        for (int k = 0; k < centres.length; k++) {
            rows[centres[k]] = x[k];
        }
        return rows;
    }

    /** 30 atoms (10 O, 20 H), uniform in a skewed periodic cell, no two closer than 0.9 A. */
    static Structure structure() {
        double[][] cell = {{6.6, 0, 0}, {1.1, 6.3, 0}, {-0.8, 0.7, 6.9}};
        Random rnd = new Random(20261207);
        double[][] pos = new double[30][];
        int[] z = new int[30];
        int placed = 0;
        while (placed < 30) {
            double[] f = {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
            double[] r = new double[3];
            for (int k = 0; k < 3; k++) {
                for (int c = 0; c < 3; c++) {
                    r[c] += f[k] * cell[k][c];
                }
            }
            int[] filler = new int[placed + 1];
            java.util.Arrays.fill(filler, 1);
            Structure trial = new Structure(concat(pos, placed, r), filler, cell,
                    new boolean[]{true, true, true});
            if (placed == 0 || NeighbourList.build(trial, 0.9, new int[]{placed}).neighbourCount(placed) == 0) {
                pos[placed] = r;
                z[placed] = placed % 3 == 0 ? 8 : 1;
                placed++;
            }
        }
        return new Structure(pos, z, cell, new boolean[]{true, true, true});
    }

    private static double[][] concat(double[][] pos, int n, double[] r) {
        double[][] p = new double[n + 1][];
        System.arraycopy(pos, 0, p, 0, n);
        p[n] = r;
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptors")
    void featureNamesAndShape(String name, Supplier<Descriptor> factory) {
        Descriptor d = factory.get();
        Structure s = structure();
        assertEquals(d.featureCount(), d.featureNames().size(), name + ": one name per feature");
        assertEquals(d.featureCount(), new HashSet<>(d.featureNames()).size(), name + ": feature names are distinct");
        double[][] x = features(d, s);
        assertEquals(s.size(), x.length);
        double scale = 0;
        for (double[] row : x) {
            if (row == null) {
                continue;
            }
            assertEquals(d.featureCount(), row.length);
            for (double v : row) {
                assertTrue(Double.isFinite(v), name + ": finite features");
                scale = Math.max(scale, Math.abs(v));
            }
        }
        assertTrue(scale > 0, name + ": not all features vanish on this structure");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptors")
    void translationAndRotationInvariance(String name, Supplier<Descriptor> factory) {
        Descriptor d = factory.get();
        Structure s = structure();
        double[][] x = features(d, s);
        assertClose(name + " translated", x, features(d, AcsfTestStructures.rotateAndShift(s, new double[]{0, 0, 1}, 0,
                new double[]{3.7, -12.2, 0.45})));
        assertClose(name + " rotated", x, features(d, AcsfTestStructures.rotateAndShift(s, new double[]{1, -2, 0.5},
                1.234, new double[]{0.3, 0.1, -0.2})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptors")
    void permutationEquivariance(String name, Supplier<Descriptor> factory) {
        Descriptor d = factory.get();
        Structure s = structure();
        int[] p = AcsfTestStructures.permutation(s.size(), 5);
        double[][] x = features(d, s);
        double[][] y = features(d, s.select(p));
        double[][] expected = new double[p.length][];
        for (int k = 0; k < p.length; k++) {
            expected[k] = x[p[k]];
        }
        assertClose(name + " permuted", expected, y);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptors")
    void supercellCopiesHaveTheFeaturesOfTheOriginal(String name, Supplier<Descriptor> factory) {
        Descriptor d = factory.get();
        Structure s = structure();
        double[][] x = features(d, s);
        Structure big = AcsfTestStructures.supercell(s, 2, 1, 2);
        double[][] y = features(d, big);
        double[][] expected = new double[y.length][];
        for (int k = 0; k < y.length; k++) {
            expected[k] = x[k % s.size()];
        }
        assertClose(name + " 2 x 1 x 2 supercell", expected, y);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptors")
    void localDescriptorsGiveTheStructureRowsEnvironmentByEnvironment(String name, Supplier<Descriptor> factory) {
        Descriptor d = factory.get();
        if (!(d instanceof LocalDescriptor local)) {
            return;   // whole-structure only (averages): nothing per centre to compare
        }
        Structure s = structure();
        double[][] whole = d.compute(s);
        NeighbourList nl = NeighbourList.build(s, d.cutoff());
        double[][] perCentre = new double[s.size()][d.featureCount()];
        for (int i = 0; i < s.size(); i++) {
            local.compute(nl.environment(i), perCentre[i]);
        }
        assertClose(name + " per environment against compute(Structure)", whole, perCentre);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptors")
    void analyticGradientsMatchFiniteDifferences(String name, Supplier<Descriptor> factory) {
        Descriptor d = factory.get();
        if (!(d instanceof DifferentiableDescriptor g)) {
            return;
        }
        Structure s = structure();
        NeighbourList nl = NeighbourList.build(s, d.cutoff());
        double h = 1e-5;
        for (int centre : new int[]{0, 1, 2}) {
            LocalEnvironment env = nl.environment(centre);
            int m = env.size();
            int f = d.featureCount();
            double[] out = new double[f];
            double[][][] grad = new double[m][f][3];
            g.computeWithGradient(env, out, grad);
            double[] plain = new double[f];
            g.compute(env, plain);
            assertClose(name + " values from computeWithGradient", new double[][]{plain}, new double[][]{out});
            for (int k = 0; k < m; k++) {
                for (int c = 0; c < 3; c++) {
                    double[] up = new double[f], down = new double[f];
                    g.compute(moved(env, k, c, h), up);
                    g.compute(moved(env, k, c, -h), down);
                    for (int q = 0; q < f; q++) {
                        double fd = (up[q] - down[q]) / (2 * h);
                        double tol = 1e-6 * Math.max(1, Math.abs(fd));
                        if (Math.abs(fd - grad[k][q][c]) > tol) {
                            fail(name + ": d " + d.featureNames().get(q) + " / d r_" + k + "," + c + " of centre "
                                    + centre + ": analytic " + grad[k][q][c] + ", finite difference " + fd);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptors")
    void parametersSurviveTheirJson(String name, Supplier<Descriptor> factory) {
        Descriptor d = factory.get();
        String json = d.parameters().toJson();
        DescriptorParameters back = DescriptorRegistry.fromJson(json);
        assertEquals(d.parameters(), back, name + ": parameters read back from " + json);
        assertEquals(json, back.toJson(), name + ": the JSON is canonical");
        AnyDescriptor made = back.create();
        assertEquals(d, made, name + ": equal descriptors");
        assertEquals(d.hashCode(), made.hashCode());
        assertEquals(json, d.toString(), name + ": toString is the JSON");
        Structure s = structure();
        double[][] x = features(d, s);
        double[][] y = features((Descriptor) made, s);
        for (int i = 0; i < x.length; i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(x[i], y[i], 0.0, name + ": atom " + i);
        }
    }

    @org.junit.jupiter.api.Test
    void everyRegisteredPerAtomDescriptorIsChecked() {
        java.util.Set<String> checked = new java.util.TreeSet<>();
        descriptors().forEach(a -> {
            @SuppressWarnings("unchecked")
            Supplier<Descriptor> f = (Supplier<Descriptor>) a.get()[1];
            collectNames(f.get().parameters(), checked);
        });
        for (DescriptorRegistry.Entry e : DescriptorRegistry.entries()) {
            if (!e.name().equals("coulomb-matrix")) {
                assertTrue(checked.contains(e.name()), e.name() + " is registered but not in the contract test");
            }
        }
    }

    /** The registered names of a parameter record and of those nested in it. */
    private static void collectNames(DescriptorParameters p, java.util.Set<String> names) {
        names.add(p.descriptorName());
        if (p instanceof NeighbourAverageParameters a) {
            collectNames(a.inner(), names);
        } else if (p instanceof ConcatenationParameters c) {
            c.parts().forEach(part -> collectNames(part.descriptor(), names));
        }
    }

    /** The environment with neighbour k moved by delta along axis c (its distance updated). */
    private static LocalEnvironment moved(LocalEnvironment env, int k, int c, double delta) {
        double[][] r = new double[env.size()][];
        double[] dist = env.distance().clone();
        for (int j = 0; j < r.length; j++) {
            r[j] = env.r()[j].clone();
        }
        r[k][c] += delta;
        dist[k] = Math.sqrt(r[k][0] * r[k][0] + r[k][1] * r[k][1] + r[k][2] * r[k][2]);
        return new LocalEnvironment(env.centre(), env.centreZ(), env.neighbourIndex(), env.neighbourZ(), r, dist);
    }

    private static void assertClose(String what, double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length, what + ": rows");
        double scale = 1;
        for (double[] row : expected) {
            for (double v : row == null ? new double[0] : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i] == null, actual[i] == null, what + ": atom " + i + " is a centre in both");
            if (expected[i] == null) {
                continue;
            }
            for (int q = 0; q < expected[i].length; q++) {
                if (Math.abs(expected[i][q] - actual[i][q]) > TOL * scale) {
                    fail(what + ": atom " + i + ", feature " + q + ": expected " + expected[i][q] + ", got "
                            + actual[i][q]);
                }
            }
        }
    }
}
