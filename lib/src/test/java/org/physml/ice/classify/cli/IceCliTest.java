package org.physml.ice.classify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physml.CoursePaths;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class IceCliTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = IceCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path xyz(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static final String CELL = "Lattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"";

    @Test
    void aFileWithoutWaterIsRejectedNamingTheAtomAndLine() throws IOException {
        Path f = xyz("si.extxyz", "2\n" + CELL + "\nSi 0 0 0\nSi 1.36 1.36 1.36\n");
        Result r = run("classify", f.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(f.toString()) && r.err().contains("atom 0 (line 3)")
                && r.err().contains("is Si"), r.err());
    }

    @Test
    void aStrayHydrogenIsReportedWithItsLineInTheSecondFrame() throws IOException {
        String molecule = "O 5 5 5\nH 5.9572 5 5\nH 4.76 5.93 5\n";
        // one molecule in a 5 A box (enough periodic images for the 16 O neighbours of Steinhardt): frame 0 is fine
        // (lines 1-5), frame 1 has an H 2 A from the nearest O image at its 4th atom (line 6 + 2 + 3 = 11)
        String cell = CELL.replace("10 0 0 0 10 0 0 0 10", "5 0 0 0 5 0 0 0 5");
        Path f = xyz("stray.extxyz", "3\n" + cell + "\n" + molecule + "4\n" + cell + "\n" + molecule
                + "H 8 5 5\n");
        Result r = run("classify", f.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("frame 1: atom 3 (line 11)") && r.err().contains("has no O within 1.25 A"),
                r.err());
        Path g = xyz("lonely.extxyz", "2\n" + CELL + "\nO 5 5 5\nH 5.9572 5 5\n");
        r = run("classify", g.toString());
        assertTrue(r.code() == 1 && r.err().contains("atom 0 (line 3) (O) has 1 H"), r.err());
        Path dump = xyz("bad.dump", "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n4\nITEM: BOX BOUNDS pp pp pp\n0 10\n"
                + "0 10\n0 10\nITEM: ATOMS id type x y z\n7 1 5 5 5\n3 2 5.9572 5 5\n9 2 4.76 5.93 5\n2 2 8 8 8\n");
        r = run("classify", "--type-map", "1=O,2=H", dump.toString());
        assertTrue(r.code() == 1 && r.err().contains("atom 0 (atom-ID 2) (H) has no O"), r.err());
        r = run("classify", dir.resolve("missing.extxyz").toString());
        assertTrue(r.code() == 1 && r.err().contains("input file not found"), r.err());
    }

    @Test
    void iceIhIsLabelledMoleculeByMoleculeWithTheShippedNetworks() {
        Path ice = CoursePaths.root().resolve("data/water/ice_Ih.extxyz");
        Result r = run("classify", "--descriptor", "Steinhardt", "--cache", dir.resolve("cache").toString(), "--json",
                ice.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("Steinhardt", json.get("descriptor").getAsString());
        assertTrue(json.get("ood_threshold").getAsDouble() > 0);
        JsonObject frame = json.getAsJsonArray("frames").get(0).getAsJsonObject();
        assertEquals(360, frame.get("molecules").getAsInt());
        double sum = frame.getAsJsonObject("fractions").entrySet().stream()
                .mapToDouble(e -> e.getValue().getAsDouble()).sum();
        assertEquals(1.0, sum, 1e-9);
        // a proton-disordered ice Ih crystal: the network calls (nearly) every molecule ice Ih
        assertTrue(frame.getAsJsonObject("fractions").get("ice_Ih").getAsDouble() > 0.9, r.out());
        JsonArray labels = frame.getAsJsonArray("labels");
        assertEquals(360, labels.size());
        JsonObject first = labels.get(0).getAsJsonObject();
        assertEquals(0, first.get("atom").getAsInt());   // the first O of the file
        double p = first.get("probability").getAsDouble();
        assertTrue(p >= 1.0 / 9 && p <= 1.0, "probability " + p);
        // the text output has a line per molecule after the headers
        Result text = run("classify", "--descriptor", "Steinhardt", "--cache", dir.resolve("cache").toString(),
                ice.toString());
        assertEquals(0, text.code(), text.err());
        assertEquals(360, text.out().lines().filter(l -> !l.startsWith("#")).count());
    }

    @Test
    void aModelFolderWithoutTheNetworkIsAClearError() throws IOException {
        Path ice = CoursePaths.root().resolve("data/water/ice_Ih.extxyz");
        Path empty = Files.createDirectories(dir.resolve("models"));
        Result r = run("classify", "--descriptor", "Steinhardt", "--models", empty.toString(), "--cache",
                dir.resolve("cache").toString(), ice.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("no network for descriptor 'Steinhardt'") && r.err().contains(empty.toString()),
                r.err());
        r = run("classify", "--descriptor", "SOAP 37", ice.toString());
        assertTrue(r.code() == 1 && r.err().contains("unknown descriptor 'SOAP 37'"), r.err());
    }
}
