package org.physml.structure.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physml.structure.Structure;

class ExtXyzTest {
    @TempDir
    Path tmp;

    // ---------- against ASE ----------

    @Test
    void readsFilesWrittenByAseExactlyAsAseReadsThem() {
        AseReference.assertMatches(AseReference.json("ase_frames.json"),
                ExtXyz.read(AseReference.resource("ase_frames.extxyz")));
    }

    @Test
    void readsGzipCompressedFilesTransparently() {
        AseReference.assertMatches(AseReference.json("ase_frames.json"),
                ExtXyz.read(AseReference.resource("ase_frames.extxyz.gz")));
    }

    @Test
    void plainXyzIsAMolecule() {
        List<Frame> frames = ExtXyz.read(AseReference.resource("ase_plain.xyz"));
        AseReference.assertMatches(AseReference.json("ase_plain.json"), frames);
        Structure water = frames.get(0).structure();
        assertArrayEquals(new boolean[3], water.pbc());
        assertArrayEquals(new int[]{8, 1, 1}, water.atomicNumbers());
    }

    /**
     * java_frames.extxyz was written by ExtXyzWriter from {@link SampleFrames} and read by ASE 3.22.1 into
     * java_frames.ase.json (make_ase_references.py check): ASE must have read every value exactly, and the writer
     * must still produce exactly that file.
     */
    @Test
    void aseReadsWhatWeWriteExactly() throws IOException {
        StringWriter text = new StringWriter();
        try (ExtXyzWriter w = new ExtXyzWriter(text)) {
            SampleFrames.frames().forEach(w::write);
        }
        String committed = Files.readString(AseReference.resource("java_frames.extxyz"), StandardCharsets.UTF_8);
        assertEquals(committed, text.toString(), "writer output changed since ASE checked it; rerun the check");
        AseReference.assertMatches(AseReference.json("java_frames.ase.json"), SampleFrames.frames());
    }

    // ---------- round trips ----------

    static void assertSameFrame(Frame expected, Frame actual) {
        Structure e = expected.structure(), a = actual.structure();
        assertArrayEquals(e.atomicNumbers(), a.atomicNumbers());
        AseReference.assertSameDoubles(e.positions(), a.positions());
        AseReference.assertSameDoubles(e.cell(), a.cell());
        assertArrayEquals(e.pbc(), a.pbc());
        assertEquals(expected.info().keySet(), actual.info().keySet());
        for (String key : expected.info().keySet()) {
            Object x = normalise(expected.info().get(key)), y = actual.info().get(key);
            assertTrue(Objects.deepEquals(x, y), "info " + key + ": " + x + " vs " + y);
        }
        assertEquals(expected.arrays().keySet(), actual.arrays().keySet());
        for (String name : expected.arrays().keySet()) {
            assertEquals(expected.arrays().get(name).type(), actual.arrays().get(name).type());
            Object x = values(expected.arrays().get(name)), y = values(actual.arrays().get(name));
            assertTrue(Objects.deepEquals(x, y), "array " + name);
        }
    }

    /** Writers accept Integer and int[]; readers return Long and long[]. */
    private static Object normalise(Object v) {
        if (v instanceof Integer i) {
            return (long) i;
        }
        if (v instanceof int[] a) {
            return java.util.Arrays.stream(a).asLongStream().toArray();
        }
        return v;
    }

    private static Object values(AtomArray a) {
        if (a instanceof AtomArray.Reals r) {
            return r.values();
        } else if (a instanceof AtomArray.Integers r) {
            return r.values();
        } else if (a instanceof AtomArray.Logicals r) {
            return r.values();
        }
        return ((AtomArray.Strings) a).values();
    }

    @Test
    void writeThenReadIsExact() {
        Path file = tmp.resolve("frames.extxyz");
        List<Frame> frames = new ArrayList<>(SampleFrames.frames());
        frames.add(SampleFrames.frames().get(2).withInfo("meta", JsonParser.parseString("{\"a\": [1, 2], \"b\": \"x y\"}")));
        ExtXyz.write(file, frames);
        List<Frame> back = ExtXyz.read(file);
        assertEquals(frames.size(), back.size());
        for (int f = 0; f < frames.size(); f++) {
            assertSameFrame(frames.get(f), back.get(f));
        }
        assertInstanceOf(JsonElement.class, back.get(3).info().get("meta"));
    }

    @Test
    void randomDoublesSurviveTheRoundTripBitForBit() {
        Random rnd = new Random(12);
        int n = 500;
        double[][] pos = new double[n][3];
        double[][] extra = new double[n][2];
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                pos[i][c] = Double.longBitsToDouble(rnd.nextLong() & 0x3fffffffffffffffL) * (rnd.nextBoolean() ? 1 : -1);
                if (!Double.isFinite(pos[i][c])) {
                    pos[i][c] = rnd.nextGaussian();
                }
            }
            extra[i][0] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20);
            extra[i][1] = rnd.nextBoolean() ? Double.NaN : Double.NEGATIVE_INFINITY;
            z[i] = 1 + rnd.nextInt(118);
        }
        Frame f = Frame.of(Structure.molecule(pos, z)).withArray("extra", AtomArray.of(extra));
        Path file = tmp.resolve("random.xyz.gz");
        ExtXyz.write(file, List.of(f));
        assertSameFrame(f, ExtXyz.read(file).get(0));
    }

    @Test
    void streamingReadsLazilyOneFrameAtATime() throws IOException {
        Path file = tmp.resolve("traj.extxyz.gz");
        Frame frame = SampleFrames.frames().get(1);
        List<Frame> many = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            many.add(frame.withInfo("step", (long) k));
        }
        ExtXyz.write(file, many);
        try (Stream<Frame> s = ExtXyz.stream(file)) {
            assertEquals(199 * 200 / 2, s.mapToLong(f -> (Long) f.info().get("step")).sum());
        }
        // a broken second frame is not touched when only the first is consumed
        Path broken = tmp.resolve("broken.xyz");
        Files.writeString(broken, "1\n\nH 0 0 0\n2\n\nH 0 0 0\nH 0 0\n");
        try (Stream<Frame> s = ExtXyz.stream(broken)) {
            assertEquals(1, s.limit(1).count());
        }
        assertThrows(StructureFileException.class, () -> ExtXyz.read(broken));
    }

    // ---------- the comment line ----------

    @Test
    void commentLineFollowsAseConventions() {
        Map<String, Object> m = ExtXyzComment.parse(
                " a=1 b = 2.5 c=\"x y\" d={1 2 3} e=[0.5,1.5] f='T F T' g flag=F s=hello q=\"say \\\"hi\\\"\" "
                        + "big=123456789012345678901 j=\"_JSON {\\\"k\\\": [1, 2]}\" stress=\"1 2 3 4 5 6 7 8 9\"");
        assertEquals(1L, m.get("a"));
        assertEquals(2.5, m.get("b"));
        assertEquals("x y", m.get("c"));
        assertArrayEquals(new long[]{1, 2, 3}, (long[]) m.get("d"));
        assertArrayEquals(new double[]{0.5, 1.5}, (double[]) m.get("e"));
        assertArrayEquals(new boolean[]{true, false, true}, (boolean[]) m.get("f"));
        assertEquals(true, m.get("g"));
        assertEquals(false, m.get("flag"));
        assertEquals("hello", m.get("s"));
        assertEquals("say \"hi\"", m.get("q"));
        assertEquals(1.2345678901234568e20, m.get("big"));
        assertEquals(JsonParser.parseString("{\"k\": [1, 2]}"), m.get("j"));
        // Fortran order: the second number is row 1, column 0
        double[][] stress = (double[][]) m.get("stress");
        assertArrayEquals(new double[]{1, 4, 7}, stress[0]);
        assertArrayEquals(new double[]{2, 5, 8}, stress[1]);
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "flag", "s", "q", "big", "j", "stress"),
                new ArrayList<>(m.keySet()));
    }

    @Test
    void formattedValuesParseBackUnchanged() {
        for (String s : new String[]{"plain", "two words", "quote\"in", "back\\slash", "{braces}", "a=b", "tab\there"}) {
            String line = "k=" + ExtXyzComment.escape(s);
            assertEquals(s, ExtXyzComment.parse(line).get("k"), line);
        }
    }

    // ---------- malformed input ----------

    static StructureFileException parseError(String text) {
        return assertThrows(StructureFileException.class, () -> {
            try (ExtXyzReader r = new ExtXyzReader(new StringReader(text), "water.xyz")) {
                r.forEachRemaining(f -> { });
            }
        });
    }

    static void assertError(String text, long line, String fragment) {
        StructureFileException e = parseError(text);
        assertEquals("water.xyz", e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("water.xyz line " + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void malformedInputsNameFileLineAndExpectation() {
        assertError("3\nwater\nO 0 0 0\nH 0.76 0.59\nH -0.76 0.59 0\n", 4,
                "expected 4 columns for Properties=species:S:1:pos:R:3, found 3");
        assertError("three\nwater\n", 1, "expected the number of atoms");
        assertError("-2\nwater\n", 1, "expected the number of atoms");
        assertError("2\nwater\nO 0 0 0\n", 4, "unexpected end of file; expected atom 2 of 2");
        assertError("1\n", 2, "expected the comment line");
        assertError("1\nwater\nO 0 0 zero\n", 3, "expected a real number for column 3 of property pos:R:3, found \"zero\"");
        assertError("1\nwater\nQq 0 0 0\n", 3, "expected a chemical symbol in the species column, found \"Qq\"");
        assertError("1\nLattice=\"1 0 0 0 1 0 0 0\"\nO 0 0 0\n", 2, "Lattice must be 9 numbers");
        assertError("1\nProperties=species:S:1:pos:X:3\nO 0 0 0\n", 2, "type of pos must be R, I, S or L");
        assertError("1\nProperties=species:S:1:pos:R\nO 0 0 0\n", 2, "name:type:ncols triplets");
        assertError("1\nProperties=species:S:1\nO\n", 2, "no pos:R:3 column");
        assertError("1\nProperties=pos:R:3\n0 0 0\n", 2, "neither species:S:1 nor Z:I:1");
        assertError("1\nProperties=species:S:1:pos:R:3:n:I:1\nO 0 0 0 1.5\n", 3,
                "expected an integer for column 1 of property n:I:1, found \"1.5\"");
        assertError("1\nProperties=species:S:1:pos:R:3:fixed:L:1\nO 0 0 0 yes\n", 3, "expected T or F");
        assertError("1\nProperties=species:S:1:pos:R:3:Z:I:1\nO 0 0 0 1\n", 2, "species and Z disagree");
        assertError("1\npbc=\"T T T\"\nO 0 0 0\n", 2, "periodic structure needs a non-singular cell");
        assertError("1\npbc=\"T T\"\nO 0 0 0\n", 2, "expected pbc=\"T T T\"");
        assertError("1\nwater\nO 0 0 0\n\n2\nsecond\nH 0 0 0\n", 8, "unexpected end of file; expected atom 2 of 2 (frame starting at line 5)");
    }

    @Test
    void writerRejectsWhatCannotBeReadBack() {
        Frame f = SampleFrames.frames().get(2);
        StringWriter sink = new StringWriter();
        try (ExtXyzWriter w = new ExtXyzWriter(sink)) {
            assertThrows(IllegalArgumentException.class, () -> w.write(f.withInfo("empty", "")));
            assertThrows(IllegalArgumentException.class, () -> w.write(f.withInfo("pbc", "T")));
            assertThrows(IllegalArgumentException.class, () -> w.write(f.withInfo("obj", new Object())));
            assertThrows(IllegalArgumentException.class,
                    () -> w.write(f.withArray("pos", AtomArray.of(new double[]{1, 2, 3}))));
            assertThrows(IllegalArgumentException.class,
                    () -> w.write(f.withArray("name", AtomArray.of(new String[]{"a b", "c", "d"}))));
            assertThrows(IllegalArgumentException.class,
                    () -> w.write(f.withArray("bad:name", AtomArray.of(new double[]{1, 2, 3}))));
        }
        assertThrows(IllegalArgumentException.class, () -> f.withArray("short", AtomArray.of(new double[]{1, 2})));
        assertFalse(sink.toString().contains("empty"));
    }
}
