package org.physml.structure.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physml.structure.Structure;

/**
 * LAMMPS data and dump files against files written by LAMMPS itself (src/test/resources/structure/
 * in.lammps_reference, Debian lammps 20220106).
 */
class LammpsTest {
    @TempDir
    Path tmp;

    static double distance(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    // ---------- dump files ----------

    /**
     * The atomic dump holds x y z, xs ys zs and xu yu zu with ix iy iz for a triclinic box: the scaled coordinates
     * converted with the box recovered from the bounding box, and the unwrapped ones minus the image shift, must
     * both give x y z (to the 17 digits LAMMPS printed).
     */
    @Test
    void triclinicDumpCoordinatesAreConsistent() {
        List<Frame> frames = LammpsDumpReader.read(AseReference.resource("lammps_atomic.dump"), null);
        assertEquals(3, frames.size());
        assertEquals(List.of(0L, 20L, 40L), frames.stream().map(f -> f.info().get("timestep")).toList());
        int crossings = 0;
        for (Frame f : frames) {
            Structure s = f.structure();
            assertEquals(144, s.size());
            assertArrayEquals(new boolean[]{true, true, true}, s.pbc());
            // box: region prism 0 4 0 3 0 3 1 1 -1 in units of the lattice constant 3.615 A
            double a = 3.615;
            double[][] cell = s.cell();
            assertCell(new double[][]{{4 * a, 0, 0}, {a, 3 * a, 0}, {a, -a, 3 * a}}, cell);
            long[][] ids = f.integers("id");
            for (int i = 0; i < s.size(); i++) {
                if (i > 0) {
                    assertTrue(ids[i][0] > ids[i - 1][0], "atoms sorted by id");
                }
                double[] x = s.position(i);
                double[] fromScaled = new double[3], fromUnwrapped = new double[3];
                long[] img = {f.integers("ix")[i][0], f.integers("iy")[i][0], f.integers("iz")[i][0]};
                crossings += img[0] != 0 || img[1] != 0 || img[2] != 0 ? 1 : 0;
                double xs = f.reals("xs")[i][0], ys = f.reals("ys")[i][0], zs = f.reals("zs")[i][0];
                for (int c = 0; c < 3; c++) {
                    fromScaled[c] = xs * cell[0][c] + ys * cell[1][c] + zs * cell[2][c];
                    fromUnwrapped[c] = new double[]{f.reals("xu")[i][0], f.reals("yu")[i][0], f.reals("zu")[i][0]}[c]
                            - img[0] * cell[0][c] - img[1] * cell[1][c] - img[2] * cell[2][c];
                }
                assertTrue(distance(x, fromScaled) < 1e-12, "scaled coordinates of atom " + i);
                assertTrue(distance(x, fromUnwrapped) < 1e-12, "unwrapped coordinates of atom " + i);
                String element = f.strings("element")[i][0];
                assertEquals(f.integers("type")[i][0] == 1 ? "Cu" : "Ag", element);
                assertEquals(element.equals("Cu") ? 29 : 47, s.atomicNumber(i));
            }
        }
        assertTrue(crossings > 0, "the run must move some atoms across the boundaries");
        try (java.util.stream.Stream<Frame> stream = LammpsDumpReader.stream(AseReference.resource("lammps_atomic.dump"), null)) {
            assertEquals(144 * 3, stream.mapToInt(f -> f.structure().size()).sum());
        }
    }

    /** Cells agree to rounding of the 17-digit box values LAMMPS prints. */
    private static void assertCell(double[][] expected, double[][] actual) {
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(expected[k], actual[k], 1e-12);
        }
    }

    @Test
    void scaledCoordinatesGiveThePositionsWhenTheyAreTheOnlyOnes() throws IOException {
        // keep only id type xs ys zs of the LAMMPS dump: positions must come out as the x y z LAMMPS printed
        List<String> lines = Files.readAllLines(AseReference.resource("lammps_atomic.dump"));
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("ITEM: ATOMS")) {
                sb.append("ITEM: ATOMS id type xs ys zs\n");
            } else if (line.matches("\\d+ \\d \\w+ .*")) {
                String[] w = line.split(" ");
                sb.append(w[0]).append(' ').append(w[1]).append(' ').append(w[6]).append(' ').append(w[7]).append(' ')
                        .append(w[8]).append('\n');
            } else {
                sb.append(line).append('\n');
            }
        }
        Path scaled = tmp.resolve("scaled.dump");
        Files.writeString(scaled, sb);
        List<Frame> full = LammpsDumpReader.read(AseReference.resource("lammps_atomic.dump"), null);
        List<Frame> onlyScaled = LammpsDumpReader.read(scaled, Map.of(1, 29, 2, 47));
        for (int f = 0; f < full.size(); f++) {
            for (int i = 0; i < 144; i++) {
                assertTrue(distance(full.get(f).structure().position(i), onlyScaled.get(f).structure().position(i)) < 1e-12);
            }
            assertArrayEquals(full.get(f).structure().atomicNumbers(), onlyScaled.get(f).structure().atomicNumbers());
        }
    }

    @Test
    void slabDumpHasMixedPeriodicityAndElementsFromMass() {
        Frame f = LammpsDumpReader.read(AseReference.resource("lammps_slab.dump"), null).get(0);
        assertArrayEquals(new boolean[]{true, true, false}, f.structure().pbc());
        assertEquals(40, f.structure().size());
        for (int z : f.structure().atomicNumbers()) {
            assertEquals(13, z);
        }
    }

    // ---------- data files ----------

    /** write_data after the run and the last dump snapshot describe the same atoms. */
    @Test
    void atomicDataFileMatchesTheLastDumpSnapshot() {
        LammpsData d = LammpsDataReader.read(AseReference.resource("lammps_atomic.data"));
        Frame last = LammpsDumpReader.read(AseReference.resource("lammps_atomic.dump"), null).get(2);
        assertEquals(AtomStyle.ATOMIC, d.style());
        assertArrayEquals(new double[]{63.546, 107.8682}, d.typeMasses(), 0);
        assertEquals(144, d.structure().size());
        assertCell(last.structure().cell(), d.structure().cell());
        double[][] unwrapped = d.unwrappedPositions();
        for (int i = 0; i < 144; i++) {
            assertEquals(last.integers("id")[i][0], d.ids()[i], "atoms sorted by ID");
            assertEquals(last.integers("type")[i][0], d.types()[i]);
            assertEquals(last.structure().atomicNumber(i), d.structure().atomicNumber(i));
            assertTrue(distance(last.structure().position(i), d.structure().position(i)) < 1e-12);
            assertArrayEquals(new int[]{(int) last.integers("ix")[i][0], (int) last.integers("iy")[i][0],
                    (int) last.integers("iz")[i][0]}, d.images()[i]);
            double[] xu = {last.reals("xu")[i][0], last.reals("yu")[i][0], last.reals("zu")[i][0]};
            assertTrue(distance(xu, unwrapped[i]) < 1e-11);
        }
    }

    @Test
    void chargeStyleSlabData() {
        LammpsData d = LammpsDataReader.read(AseReference.resource("lammps_charge.data"));
        assertEquals(AtomStyle.CHARGE, d.style());
        assertEquals(40, d.structure().size());
        for (int i = 0; i < 40; i++) {
            assertEquals(0.25, d.charges()[i], 0);
            assertEquals(13, d.structure().atomicNumber(i));
        }
        assertArrayEquals(new double[]{0, 0, -4.05}, d.origin(), 1e-15);
        assertEquals(8.1 * 8.1 * 16.2, d.structure().volume(), 1e-9);
    }

    /**
     * java_water.data was written by LammpsDataWriter from {@link SampleLammps}, read by LAMMPS, and written back
     * (lammps_full.data): LAMMPS must have understood every atom, charge, molecule, image flag, bond and angle, and
     * the writer must still produce exactly the file LAMMPS read.
     */
    @Test
    void lammpsReadsWhatWeWrite() throws IOException {
        StringWriter text = new StringWriter();
        LammpsDataWriter.write(text, SampleLammps.data(), true);
        assertEquals(Files.readString(AseReference.resource("java_water.data"), StandardCharsets.UTF_8), text.toString(),
                "writer output changed since LAMMPS read it; rerun in.lammps_reference");

        LammpsData original = SampleLammps.data();
        LammpsData restricted = LammpsDataWriter.restrict(original, true);
        LammpsData back = LammpsDataReader.read(AseReference.resource("lammps_full.data"));
        assertEquals(AtomStyle.FULL, back.style());
        assertArrayEquals(original.ids(), back.ids());
        assertArrayEquals(original.types(), back.types());
        assertArrayEquals(original.molecules(), back.molecules());
        assertArrayEquals(original.charges(), back.charges(), 0);
        assertArrayEquals(original.structure().atomicNumbers(), back.structure().atomicNumbers());
        assertTrue(java.util.Arrays.deepEquals(original.bonds(), back.bonds()));
        assertTrue(java.util.Arrays.deepEquals(original.angles(), back.angles()));
        assertTrue(java.util.Arrays.deepEquals(restricted.images(), back.images()));
        double[][] expected = restricted.unwrappedPositions(), actual = back.unwrappedPositions();
        for (int i = 0; i < expected.length; i++) {
            assertTrue(distance(expected[i], actual[i]) < 1e-12);
        }
        // the rotation into LAMMPS orientation keeps all distances between unwrapped atoms
        double[][] u0 = original.unwrappedPositions();
        for (int i = 0; i < u0.length; i++) {
            for (int j = 0; j < u0.length; j++) {
                assertEquals(distance(u0[i], u0[j]), distance(actual[i], actual[j]), 1e-12);
            }
        }
        // and the unwrapped positions LAMMPS dumped agree too
        Frame dumped = LammpsDumpReader.read(AseReference.resource("lammps_full.dump"), Map.of(1, 8, 2, 1)).get(0);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(distance(expected[i], dumped.structure().position(i)) < 1e-12);
            assertEquals(original.charges()[i], dumped.reals("q")[i][0], 1e-15);
        }
    }

    @Test
    void restrictKeepsTheLatticeAndTheVolume() {
        LammpsData original = SampleLammps.data();
        LammpsData r = LammpsDataWriter.restrict(original, true);
        double[][] a = r.structure().cell();
        assertEquals(0, a[0][1], 0);
        assertEquals(0, a[0][2], 0);
        assertEquals(0, a[1][2], 0);
        assertTrue(a[0][0] > 0 && a[1][1] > 0 && a[2][2] > 0);
        assertTrue(Math.abs(a[1][0]) <= a[0][0] / 2 && Math.abs(a[2][0]) <= a[0][0] / 2 && Math.abs(a[2][1]) <= a[1][1] / 2);
        assertEquals(original.structure().volume(), r.structure().volume(), 1e-10);
        // without reduction: same |a|, |b|, |c| and angles as the original cell
        double[][] g = LammpsDataWriter.restrict(original, false).structure().cell();
        double[][] c = SampleLammps.CELL;
        for (int k = 0; k < 3; k++) {
            for (int l = 0; l < 3; l++) {
                assertEquals(dot(c[k], c[l]), dot(g[k], g[l]), 1e-12);
            }
        }
        // an already restricted cell is not rotated at all
        LammpsData again = LammpsDataWriter.restrict(r, true);
        AseReference.assertSameDoubles(r.structure().cell(), again.structure().cell());
        AseReference.assertSameDoubles(r.structure().positions(), again.structure().positions());
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    @Test
    void writeThenReadEveryStyle() {
        Random rnd = new Random(21);
        double[][] cell = {{6, 0, 0}, {1.5, 5, 0}, {-1, 2, 7}};
        double[][] pos = new double[8][3];
        int[] z = new int[8];
        for (int i = 0; i < 8; i++) {
            for (int c = 0; c < 3; c++) {
                pos[i][c] = 6 * rnd.nextDouble();
            }
            z[i] = i % 2 == 0 ? 42 : 16;
        }
        Structure s = new Structure(pos, z, cell, new boolean[]{true, true, true});
        for (AtomStyle style : AtomStyle.values()) {
            LammpsData d = LammpsData.of(s, style).withCharges(new double[]{1, -1, 1, -1, 0.5, -0.5, 0.25, -0.25})
                    .withMolecules(new int[]{1, 1, 2, 2, 3, 3, 4, 4});
            // gzip for one style: LAMMPS read_data and this reader both accept it
            Path file = tmp.resolve(style.lammpsName() + (style == AtomStyle.FULL ? ".data.gz" : ".data"));
            LammpsDataWriter.write(file, d, false);
            LammpsData back = LammpsDataReader.read(file);
            assertEquals(style, back.style());
            assertArrayEquals(new int[]{2, 1, 2, 1, 2, 1, 2, 1}, back.types(), "types in increasing Z: S = 1, Mo = 2");
            assertArrayEquals(z, back.structure().atomicNumbers());
            assertArrayEquals(style.hasCharges() ? d.charges() : new double[8], back.charges(), 0);
            assertArrayEquals(style.hasMolecules() ? d.molecules() : new int[8], back.molecules());
            double[][] u = back.unwrappedPositions();
            for (int i = 0; i < 8; i++) {
                assertTrue(distance(pos[i], u[i]) < 1e-12);
            }
        }
    }

    @Test
    void boundingBoxConversionIsInvertible() {
        Random rnd = new Random(22);
        for (int t = 0; t < 100; t++) {
            double[] lo = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double[] hi = {lo[0] + 1 + 5 * rnd.nextDouble(), lo[1] + 1 + 5 * rnd.nextDouble(), lo[2] + 1 + 5 * rnd.nextDouble()};
            double[] tilt = {3 * rnd.nextGaussian(), 3 * rnd.nextGaussian(), 3 * rnd.nextGaussian()};
            LammpsBox box = new LammpsBox(lo, hi, tilt);
            LammpsBox back = LammpsBox.fromBounds(box.bounds(), tilt);
            assertArrayEquals(lo, back.lo(), 1e-12);
            assertArrayEquals(hi, back.hi(), 1e-12);
        }
    }

    // ---------- malformed input ----------

    static final String GOOD_HEADER = "title\n\n2 atoms\n1 atom types\n0 5 xlo xhi\n0 5 ylo yhi\n0 5 zlo zhi\n\n"
            + "Masses\n\n1 63.546\n\n";

    static void assertDataError(String text, long line, String fragment) {
        StructureFileException e = assertThrows(StructureFileException.class,
                () -> LammpsDataReader.read(new StringReader(text), "cu.data", null, null));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("cu.data" + (line > 0 ? " line " + line : "") + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void malformedDataFilesNameFileLineAndExpectation() {
        assertDataError(GOOD_HEADER + "Atoms # atomic\n\n1 1 0 0 0\n2 1 1 1\n", 16,
                "expected 5 columns for atom style atomic (or 8 with image flags), found 4");
        assertDataError(GOOD_HEADER + "Atoms\n\n1 1 0 0 0 0\n2 1 0 1 1 1\n", 15, "cannot tell the atom style from 6 columns");
        assertDataError(GOOD_HEADER + "Atoms # atomic\n\n1 1 0 0 0\n2 2 1 1 1\n", 16, "expected an atom type 1..1, found 2");
        assertDataError(GOOD_HEADER + "Atoms # atomic\n\n1 1 0 0 0\n1 1 1 1 1\n", 16, "atom-ID 1 appears twice");
        assertDataError(GOOD_HEADER + "Atoms # atomic\n\n1 1 0 0 0\n2 1 1 x 1\n", 16, "expected a real number for coordinate y, found \"x\"");
        assertDataError(GOOD_HEADER + "Atoms # atomic\n1 1 0 0 0\n2 1 1 1 1\n", 14, "expected a blank line after the Atoms section header");
        assertDataError(GOOD_HEADER + "Atoms # atomic\n\n1 1 0 0 0\n", 16, "unexpected end of file; expected atom line 2 of 2");
        assertDataError(GOOD_HEADER + "Atoms # sphere\n\n1 1 0 0 0\n2 1 1 1 1\n", 13, "atom style 'sphere' is not supported");
        assertDataError(GOOD_HEADER + "Atoms # atomic\n\n1 1 0 0 0\n2 1 1 1 1\n\nBonds\n\n1 1 1 2\n", 18,
                "the file has a Bonds section but the header announces no bonds");
        assertDataError("title\n\n2 atoms\n1 atom types\n0 5 xlo xhi\n5 0 ylo yhi\n\nAtoms # atomic\n\n1 1 0 0 0\n2 1 1 1 1\n",
                0, "lo < hi");
        assertDataError("title\n\n2 atomz\n", 3, "expected a header line");
        assertDataError("title\n\n-2 atoms\n", 3, "expected a non-negative integer count of atoms");
        assertDataError("title\n\n2 atoms\n1 atom types\n\nAtoms # atomic\n\n1 1 0 0 0\n2 1 1 1 1\n", 0,
                "atom type 1 has no mass");
        assertDataError("title\n\n1 atoms\n1 atom types\n\nMasses\n\n1 2.014\n\nAtoms # atomic\n\n1 1 0 0 0\n", 8,
                "mass of atom type 1: no element has a standard atomic weight within 0.1 u of 2.014 u");
        assertDataError("title\n\n2 atoms\n1 atom types\n1 bonds\n1 bond types\n\nMasses\n\n1 1.008\n\n"
                + "Atoms # full\n\n1 1 1 0 0 0 0\n2 1 1 0 1 0 0\n\nBonds\n\n1 1 1 3\n", 19, "atom-ID 3 is not in the Atoms section");
    }

    @Test
    void typeMapOverridesMassesAndStyleCanBeGiven() {
        String text = GOOD_HEADER + "Atoms\n\n1 1 0.5 0 0 0\n2 1 -0.5 1 1 1\n";
        LammpsData d = LammpsDataReader.read(new StringReader(text), "x.data", AtomStyle.CHARGE, Map.of(1, 79));
        assertArrayEquals(new int[]{79, 79}, d.structure().atomicNumbers());
        assertArrayEquals(new double[]{0.5, -0.5}, d.charges(), 0);
        StructureFileException e = assertThrows(StructureFileException.class, () -> LammpsDataReader.read(
                new StringReader(GOOD_HEADER + "Atoms # atomic\n\n1 1 0 0 0\n2 1 1 1 1\n"), "x.data", AtomStyle.FULL, null));
        assertTrue(e.getMessage().contains("was requested"));
    }

    static void assertDumpError(String text, long line, String fragment) {
        StructureFileException e = assertThrows(StructureFileException.class, () -> {
            try (LammpsDumpReader r = new LammpsDumpReader(new StringReader(text), "md.dump", Map.of(1, 29))) {
                r.forEachRemaining(f -> { });
            }
        });
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    static final String DUMP_HEAD = "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 4\n0 4\n0 4\n";

    @Test
    void malformedDumpsNameFileLineAndExpectation() {
        assertDumpError(DUMP_HEAD + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n2 1 1 1\n", 11, "expected 5 columns (id type x y z), found 4");
        assertDumpError(DUMP_HEAD + "ITEM: ATOMS id type vx vy vz\n1 1 0 0 0\n2 1 1 1 1\n", 9, "expected position columns");
        assertDumpError(DUMP_HEAD + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n2 3 1 1 1\n", 9, "atom type 3 has no entry");
        assertDumpError(DUMP_HEAD + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n", 11, "unexpected end of file");
        assertDumpError("ITEM: TIMESTEP\nzero\n", 2, "expected the timestep (an integer)");
        assertDumpError("ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp qq\n", 5, "boundary flag");
        assertDumpError("ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS xy xz yz pp pp pp\n0 4\n", 6,
                "expected 3 numbers (lo hi tilt)");
        assertDumpError("ITEM: TIMESTEP\n0\nITEM: ATOMS id type x y z\n", 3, "ITEM: ATOMS before");
        assertDumpError("TIMESTEP\n0\n", 1, "expected an ITEM: line");
        assertDumpError(DUMP_HEAD + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n2 1 1 1 one\n", 11,
                "expected a real number in column z, found \"one\"");
    }

    @Test
    void writerRejectsWhatLammpsCannotRead() {
        Structure leftHanded = new Structure(new double[][]{{0, 0, 0}}, new int[]{29},
                new double[][]{{0, 3, 0}, {3, 0, 0}, {0, 0, 3}}, new boolean[]{true, true, true});
        assertThrows(IllegalArgumentException.class,
                () -> LammpsDataWriter.write(new StringWriter(), LammpsData.of(leftHanded, AtomStyle.ATOMIC), true));
        Structure outside = new Structure(new double[][]{{1, 1, 5}}, new int[]{29},
                new double[][]{{3, 0, 0}, {0, 3, 0}, {0, 0, 3}}, new boolean[]{true, true, false});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LammpsDataWriter.write(new StringWriter(), LammpsData.of(outside, AtomStyle.ATOMIC), true));
        assertTrue(e.getMessage().contains("non-periodic axis 2"));
        Structure two = new Structure(new double[][]{{0, 0, 0}, {1, 0, 0}}, new int[]{29, 29},
                new double[][]{{3, 0, 0}, {0, 3, 0}, {0, 0, 3}}, new boolean[]{true, true, true});
        assertThrows(IllegalArgumentException.class, () -> LammpsDataWriter.write(new StringWriter(),
                LammpsData.of(two, AtomStyle.ATOMIC).withBonds(new int[][]{{1, 0, 1}}), true));
        assertThrows(IllegalArgumentException.class, () -> LammpsData.of(two, AtomStyle.ATOMIC, new int[]{8}));
    }
}
