package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physml.CoursePaths;
import org.physml.structure.Rattle;
import org.physml.structure.Structure;

/** The n2p2 reader and the Behler-Parrinello evaluation, on the published Si and Mo networks of Zuo et al. */
class N2p2ModelFilesTest {
    @TempDir
    Path tmp;

    private static BehlerParrinelloPotential published(String element) throws IOException {
        return (BehlerParrinelloPotential) PublishedModels.load(element, PublishedModels.Kind.NNP);
    }

    /**
     * n2p2 wrote G_min and G_max of every symmetry function over the training set into scaling.data. Our symmetry
     * functions (n2p2's sort order, Bohr converted to Angstrom) over the same training set reproduce them to the
     * precision of the files (training positions were written with 6-9 decimals, parameters with 7).
     */
    @Test
    void symmetryFunctionsReproduceTheTrainingSetRangesOfScalingData() throws IOException {
        for (String element : List.of("Si", "Mo")) {
            BehlerParrinelloPotential p = published(element);
            int n = p.symmetryFunctions().size();
            double[] min = new double[n], max = new double[n];
            java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
            List<LabelledStructure> train = MlearnReader.read(CoursePaths.data("mlearn/" + element
                    + "/training.json.gz"));
            for (LabelledStructure d : train) {
                for (double[] g : p.symmetryFunctionValues(d.structure())) {
                    for (int t = 0; t < n; t++) {
                        min[t] = Math.min(min[t], g[t]);
                        max[t] = Math.max(max[t], g[t]);
                    }
                }
            }
            List<String> lines = Files.readAllLines(PublishedModels.folder(element, PublishedModels.Kind.NNP)
                    .resolve("scaling.data"));
            assertEquals(n, lines.size());
            for (int t = 0; t < n; t++) {
                String[] w = lines.get(t).trim().split("\\s+");
                double gMin = Double.parseDouble(w[2]), gMax = Double.parseDouble(w[3]);
                assertEquals(gMin, min[t], 1e-5 * Math.abs(gMin), element + " G_min of function " + (t + 1));
                assertEquals(gMax, max[t], 1e-5 * Math.abs(gMax), element + " G_max of function " + (t + 1));
            }
        }
    }

    /** With r_s = 0 the types 2 and 3 are the library's ACSF G2 and G4 (DScribe's definitions). */
    @Test
    void angularFunctionsEqualTheLibrarysAcsfG4() throws IOException {
        BehlerParrinelloPotential p = published("Si");
        List<BehlerSymmetryFunction> sf = p.symmetryFunctions();
        double rc = sf.get(0).rc();
        List<double[]> g2 = new ArrayList<>(), g4 = new ArrayList<>();
        for (BehlerSymmetryFunction f : sf) {
            if (f.type() == 2) {
                g2.add(new double[]{f.eta(), f.rs()});
            } else {
                g4.add(new double[]{f.eta(), f.zeta(), f.lambda()});
            }
        }
        org.physml.descriptors.Acsf acsf = org.physml.descriptors.Acsf.builder().rCut(rc).species(14)
                .g2Params(g2.toArray(new double[0][])).g4Params(g4.toArray(new double[0][])).build();
        Structure s = Rattle.gaussian(PotentialTestData.siliconTest().get(0).structure(), 0.1, 3);
        double[][] ours = p.symmetryFunctionValues(s);
        double[][] lib = acsf.compute(s);
        for (int i = 0; i < s.size(); i += 7) {
            for (int t = 0; t < sf.size(); t++) {
                assertEquals(lib[i][t + 1], ours[i][t], 1e-12 * (1 + Math.abs(ours[i][t])), "atom " + i + " G" + t);
            }
        }
    }

    /** Analytic forces equal minus the central finite difference of the energy (Si and Mo, rattled cells). */
    @Test
    void forcesAreMinusTheEnergyGradient() throws IOException {
        for (String element : List.of("Si", "Mo")) {
            BehlerParrinelloPotential p = published(element);
            LabelledStructure d = MlearnReader.read(CoursePaths.data("mlearn/" + element + "/test.json.gz")).get(1);
            Structure s = Rattle.gaussian(d.structure(), 0.05, 5);
            double[][] f = p.compute(s).forces();
            double h = 1e-4;
            double sum = 0;
            for (int j : new int[]{0, 11, s.size() - 1}) {
                for (int a = 0; a < 3; a++) {
                    double fd = -(p.energy(LinearSnapTest.displaced(s, j, a, h))
                            - p.energy(LinearSnapTest.displaced(s, j, a, -h))) / (2 * h);
                    assertEquals(fd, f[j][a], 1e-6 * (1 + Math.abs(fd)), element + " atom " + j + " axis " + a);
                }
            }
            for (double[] fj : f) {
                sum += fj[1];
            }
            assertEquals(0.0, sum, 1e-9, "the forces sum to zero");
        }
    }

    /** The energy is the sum of network outputs plus atom_energy per atom, in Hartree converted to eV. */
    @Test
    void atomEnergyShiftsEveryAtomByItsValueInHartree() throws IOException {
        Path dir = copy(l -> l, l -> l);
        BehlerParrinelloPotential base = N2p2ModelFiles.read(dir, N2p2ModelFiles.MLEARN_CFLENGTH,
                N2p2ModelFiles.MLEARN_CFENERGY);
        Path shifted = copy(l -> l.replace("atom_energy                     Si -0.79",
                "atom_energy                     Si -0.69"), l -> l);
        BehlerParrinelloPotential p = N2p2ModelFiles.read(shifted, N2p2ModelFiles.MLEARN_CFLENGTH,
                N2p2ModelFiles.MLEARN_CFENERGY);
        Structure s = PotentialTestData.siliconTest().get(2).structure();
        assertEquals(0.1 / N2p2ModelFiles.MLEARN_CFENERGY * s.size(), p.energy(s) - base.energy(s), 1e-9);
    }

    @Test
    void malformedFilesAreRejectedWithFileAndLine() throws IOException {
        expect(copy(l -> l.replace("symfunction_short Si  2 Si    0.0200000    7.5589045    10.3934937",
                "symfunction_short Si  2 Si    0.0200000    7.5589045"), l -> l), "input.nn line 43", "7 columns");
        expect(copy(l -> l.replace("0.0500000    7.5589045", "0.05x    7.5589045"), l -> l), "input.nn line 44",
                "eta");
        expect(copy(l -> l.replace("symfunction_short Si  2 Si    0.0100000", "symfunction_short Si  5 Si    0.0100000"),
                l -> l), "input.nn line 42", "type 5");
        expect(copy(l -> l.replace("global_activation_short         t t l", "global_activation_short         t x l"),
                l -> l), "input.nn line 10", "activation");
        expect(copy(l -> l.replace("global_nodes_short              24 24", "global_nodes_short              24"),
                l -> l), "input.nn line 8", "hidden layers");
        expect(copy(l -> l + "\nnormalize_nodes\n", l -> l), "input.nn line", "normalize_nodes");
        expect(copy(l -> l.replace("symfunction_short Si  3 Si Si    0.0100000 -1 1.0000000",
                "symfunction_short Si  3 Si Ge    0.0100000 -1 1.0000000"), l -> l), "input.nn line 45", "Ge");
        expect(copy(l -> l, w -> w.replace("   1    5  ", "   1    6  ")), "scaling.data line 5", "function 5");
        expect(copy(l -> l, w -> w.replace("   1    7  3.5636151839818525E-01 2.3028679274430419E+00",
                "   1    7  3.5636151839818525E-01 3.0000000000000000E-01")), "scaling.data line 7", "G_max > G_min");
    }

    @Test
    void malformedWeightsAreRejectedWithFileAndLine() throws IOException {
        Path dir = copy(l -> l, l -> l);
        Path w = dir.resolve("weights.014.data");
        List<String> lines = new ArrayList<>(Files.readAllLines(w));
        List<String> original = List.copyOf(lines);
        lines.set(4, lines.get(3));                        // weight (0, 1) -> (1, 4) twice
        Files.write(w, lines);
        expect(dir, "weights.014.data line 5", "given twice");
        lines = new ArrayList<>(original);
        lines.set(9, lines.get(9).replace(" a ", " c "));
        Files.write(w, lines);
        expect(dir, "weights.014.data line 10", "label");
        lines = new ArrayList<>(original);
        lines.set(2, lines.get(2).replaceFirst("1\\s+3$", "1    30"));
        Files.write(w, lines);
        expect(dir, "weights.014.data line 3", "does not fit");
        lines = new ArrayList<>(original);
        lines.remove(lines.size() - 1);
        Files.write(w, lines);
        expect(dir, "weights.014.data", "expected 1297 weights");
        Files.delete(w);
        IOException e = assertThrows(IOException.class, () -> N2p2ModelFiles.read(dir, 1, 1));
        assertTrue(e.getMessage().contains("weights.014.data"), e.getMessage());
    }

    private void expect(Path dir, String where, String what) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> N2p2ModelFiles.read(dir, N2p2ModelFiles.MLEARN_CFLENGTH, N2p2ModelFiles.MLEARN_CFENERGY));
        assertTrue(e.getMessage().startsWith(where), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }

    private int copies;

    /** A copy of the published Si folder with input.nn and scaling.data edited. */
    private Path copy(UnaryOperator<String> input, UnaryOperator<String> scaling) throws IOException {
        Path src = PublishedModels.folder("Si", PublishedModels.Kind.NNP);
        Path dir = Files.createDirectories(tmp.resolve("nnp" + copies++));
        Files.writeString(dir.resolve("input.nn"), input.apply(Files.readString(src.resolve("input.nn"))),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("scaling.data"), scaling.apply(Files.readString(src.resolve("scaling.data"))),
                StandardCharsets.UTF_8);
        Files.copy(src.resolve("weights.014.data"), dir.resolve("weights.014.data"));
        return dir;
    }
}
