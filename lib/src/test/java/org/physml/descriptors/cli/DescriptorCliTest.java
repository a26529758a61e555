package org.physml.descriptors.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.physml.descriptors.Acsf;
import org.physml.descriptors.Soap;
import org.physml.descriptors.snap.Bispectrum;
import org.physml.structure.Structure;
import org.physml.structure.io.ExtXyz;
import org.physml.structure.io.Frame;

class DescriptorCliTest {
    @TempDir
    Path dir;

    /** Two frames: a rattled 8-atom Si-O cell and a 3-atom molecule. */
    private List<Structure> structures() {
        Random rnd = new Random(5);
        double a = 5.43;
        double[][] frac = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}, {.25, .25, .25}, {.25, .75, .75}, {.75, .25, .75}, {.75, .75, .25}};
        double[][] pos = new double[8][3];
        int[] z = new int[8];
        for (int i = 0; i < 8; i++) {
            for (int k = 0; k < 3; k++) {
                pos[i][k] = a * frac[i][k] + 0.1 * rnd.nextGaussian();
            }
            z[i] = i % 3 == 0 ? 8 : 14;
        }
        Structure crystal = new Structure(pos, z, new double[][]{{a, 0, 0}, {0, a, 0}, {0, 0, a}}, new boolean[]{true, true, true});
        Structure molecule = Structure.molecule(new double[][]{{0, 0, 0}, {1.6, 0, 0}, {-0.4, 1.5, 0.2}}, new int[]{14, 8, 8});
        return List.of(crystal, molecule);
    }

    private Path input() throws Exception {
        Path f = dir.resolve("frames.extxyz");
        ExtXyz.write(f, structures().stream().map(Frame::of).toList());
        return f;
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = DescriptorCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static double[][] parse(String text) {
        return text.lines().filter(l -> !l.startsWith("#"))
                .map(l -> Arrays.stream(l.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    @Test
    void acsfTextEqualsTheLibraryToTheLastBit() throws Exception {
        Path in = input();
        Result r = run("acsf", "--r-cut", "4.5", "--species", "O,Si", "--g2", "0.5,1.5", "--g2", "1,2",
                "--g3", "1.2", "--g4", "0.01,2,-1", "--g5", "0.02,1,1", "--index", in.toString());
        assertEquals(0, r.code(), r.err());
        Acsf acsf = Acsf.builder().rCut(4.5).species("O", "Si").g2Params(new double[][]{{0.5, 1.5}, {1, 2}})
                .g3Params(1.2).g4Params(new double[][]{{0.01, 2, -1}}).g5Params(new double[][]{{0.02, 1, 1}}).build();
        assertTrue(r.out().startsWith("# frame atom " + acsf.featureNames().get(0)), r.out().lines().findFirst().orElse(""));
        double[][] rows = parse(r.out());
        assertEquals(11, rows.length, "8 + 3 centres");
        int row = 0;
        List<Structure> s = structures();
        for (int f = 0; f < 2; f++) {
            double[][] expected = acsf.compute(s.get(f));
            for (int i = 0; i < expected.length; i++, row++) {
                assertEquals(f, rows[row][0]);
                assertEquals(i, rows[row][1]);
                assertArrayEquals(expected[i], Arrays.copyOfRange(rows[row], 2, rows[row].length), 0.0,
                        "text output must round-trip exactly");
            }
        }
    }

    @Test
    void centresFilterAndNpyOutput() throws Exception {
        Path in = input();
        Path npy = dir.resolve("b.npy");
        Result r = run("bispectrum", "--rcutfac", "1.0", "--twojmax", "4", "--species", "Si:2.2:1", "--species", "O:2.0:0.8",
                "--centres", "O", "-o", npy.toString(), in.toString());
        assertEquals(0, r.code(), r.err());
        double[][] m = Nd4j.createFromNpyFile(npy.toFile()).toDoubleMatrix();
        Bispectrum b = Bispectrum.builder().rcutfac(1.0).rfac0(0.99363).twojmax(4).species(14, 2.2, 1).species(8, 2.0, 0.8).build();
        List<Structure> s = structures();
        double[][] crystalO = b.compute(s.get(0), new int[]{0, 3, 6});
        double[][] moleculeO = b.compute(s.get(1), new int[]{1, 2});
        assertEquals(5, m.length);
        assertArrayEquals(crystalO[1], m[1], 0.0);
        assertArrayEquals(moleculeO[1], m[4], 0.0);
    }

    @Test
    void averagedSoapGivesOneRowPerFrame() throws Exception {
        Path in = input();
        Result r = run("soap", "--r-cut", "4", "--n-max", "3", "--l-max", "2", "--sigma", "0.5", "--species", "O,Si",
                "--average", "inner", in.toString());
        assertEquals(0, r.code(), r.err());
        double[][] rows = parse(r.out());
        assertEquals(2, rows.length);
        Soap soap = Soap.builder().rCut(4).nMax(3).lMax(2).sigma(0.5).species(8, 14).average("inner").build();
        assertArrayEquals(soap.computeAverage(structures().get(1))[0], rows[1], 0.0);
    }

    @Test
    void steinhardtFromLammpsKeywords() throws Exception {
        Path in = input();
        Result r = run("steinhardt", "--lammps", "nnn NULL cutoff 3.0 degrees 2 4 6 wl yes", "--centres", "Si", in.toString());
        assertEquals(0, r.code(), r.err());
        double[][] rows = parse(r.out());
        var d = org.physml.descriptors.steinhardt.LammpsOrientOrder.parse("nnn NULL cutoff 3.0 degrees 2 4 6 wl yes");
        Structure crystal = structures().get(0);
        int[] si = org.physml.descriptors.steinhardt.Steinhardt.atomsOfSpecies(crystal, 14);
        assertArrayEquals(d.compute(crystal, si)[0], rows[0], 0.0);
        assertEquals(1, run("steinhardt", in.toString()).code(), "needs --lammps or --preset");
    }

    @Test
    void printedParametersDriveTheJsonCommandToTheSameNumbers() throws Exception {
        Path in = input();
        String[] soap = {"soap", "--r-cut", "4", "--n-max", "3", "--l-max", "2", "--sigma", "0.5", "--species", "O,Si"};
        Result printed = run(java.util.stream.Stream.concat(java.util.Arrays.stream(soap),
                java.util.stream.Stream.of("--print-parameters")).toArray(String[]::new));
        assertEquals(0, printed.code(), printed.err());
        assertTrue(printed.out().contains("\"descriptor\": \"soap\""), printed.out());
        Path json = dir.resolve("soap.json");
        java.nio.file.Files.writeString(json, printed.out());
        Result viaJson = run("json", "--parameters", json.toString(), "--index", in.toString());
        Result viaOptions = run(java.util.stream.Stream.concat(java.util.Arrays.stream(soap),
                java.util.stream.Stream.of("--index", in.toString())).toArray(String[]::new));
        assertEquals(0, viaJson.code(), viaJson.err());
        assertEquals(viaOptions.out(), viaJson.out());
        Result list = run("list");
        assertTrue(list.out().contains("neighbour-average") && list.out().contains("r_cut, n_max, l_max"), list.out());
    }

    @Test
    void badJsonParametersAreNamed() throws Exception {
        Path in = input();
        Result typo = run("json", "--parameters", "{\"descriptor\":\"soap\",\"parameters\":{\"r_cutt\":4}}",
                in.toString());
        assertEquals(1, typo.code());
        assertTrue(typo.err().contains("unknown parameter(s) [r_cutt]"), typo.err());
        Result missing = run("json", "--parameters", dir.resolve("nope.json").toString(), in.toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("neither JSON text"), missing.err());
        Result global = run("json", "--parameters",
                "{\"descriptor\":\"coulomb-matrix\",\"parameters\":{\"n_atoms_max\":4}}", in.toString());
        assertEquals(1, global.code());
        assertTrue(global.err().contains("descriptors coulomb"), global.err());
        Path huge = dir.resolve("huge.json");
        java.nio.file.Files.write(huge, new byte[(1 << 20) + 1]);
        Result tooBig = run("json", "--parameters", huge.toString(), in.toString());
        assertEquals(1, tooBig.code());
        assertTrue(tooBig.err().contains("1048577 bytes"), tooBig.err());
    }

    @Test
    void badInputGivesAClearMessageAndExitCode1() throws Exception {
        Path in = input();
        Result missing = run("acsf", "--r-cut", "4", "--species", "Si", dir.resolve("nope.xyz").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("input file not found"), missing.err());
        Result badG2 = run("acsf", "--r-cut", "4", "--species", "O,Si", "--g2", "0.5", in.toString());
        assertEquals(1, badG2.code());
        assertTrue(badG2.err().contains("--g2 '0.5': expected 2 comma-separated numbers"), badG2.err());
        Result badSpecies = run("acsf", "--r-cut", "4", "--species", "Si", in.toString());
        assertEquals(1, badSpecies.code());
        assertTrue(badSpecies.err().contains("not in this ACSF's species list"), badSpecies.err());
        Path broken = dir.resolve("broken.xyz");
        Files.writeString(broken, "2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nSi 0 0 0\nSi 1 1\n");
        Result parse = run("acsf", "--r-cut", "4", "--species", "Si", broken.toString());
        assertEquals(1, parse.code());
        assertTrue(parse.err().contains("broken.xyz") && parse.err().contains("line 4"), parse.err());
        assertEquals(2, run("acsf", "--species", "Si", in.toString()).code(), "missing required --r-cut is a usage error");
    }
}
