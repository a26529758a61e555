package org.physml.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physml.structure.Structure;
import org.physml.structure.io.ExtXyz;
import org.physml.structure.io.Frame;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class IceFilesTest {

    @Test
    void lammpsDataFileHasCountsBoxAtomsBondsAndAnglesOfAtomStyleFull() {
        WaterSystem w = IceBuilder.of(IcePhase.IC).seed(2).build(); // 8 molecules, cubic cell
        StringWriter out = new StringWriter();
        LammpsDataWriter.write(out, w, "test");
        List<String> lines = Arrays.asList(out.toString().split("\n"));
        assertTrue(lines.contains("24 atoms"));
        assertTrue(lines.contains("16 bonds"));
        assertTrue(lines.contains("8 angles"));
        assertTrue(lines.contains("2 atom types"));
        assertTrue(lines.contains("0.0000000000 6.3530000000 xlo xhi"));
        assertTrue(lines.stream().noneMatch(l -> l.endsWith("xy xz yz")), "orthogonal box has no tilt line");
        List<String> atoms = section(lines, "Atoms # full");
        assertEquals(24, atoms.size());
        double charge = 0;
        double[][] p = w.structure().positionsView();
        for (int i = 0; i < atoms.size(); i++) {
            String[] f = atoms.get(i).trim().split("\\s+");
            assertEquals(i + 1, Integer.parseInt(f[0]));
            assertEquals(i / 3 + 1, Integer.parseInt(f[1]), "molecule id");
            assertEquals(i % 3 == 0 ? 1 : 2, Integer.parseInt(f[2]), "type");
            assertEquals(i % 3 == 0 ? -1.1128 : 0.5564, Double.parseDouble(f[3]), 0);
            charge += Double.parseDouble(f[3]);
            for (int k = 0; k < 3; k++) {
                assertEquals(p[i][k], Double.parseDouble(f[4 + k]), 1e-9);
            }
        }
        assertEquals(0, charge, 1e-9, "neutral");
        List<String> bonds = section(lines, "Bonds");
        assertEquals("1 1 1 2", bonds.get(0));
        assertEquals("2 1 1 3", bonds.get(1));
        assertEquals("16 1 22 24", bonds.get(15));
        List<String> angles = section(lines, "Angles");
        assertEquals("1 1 2 1 3", angles.get(0));
        assertEquals(8, angles.size());
    }

    @Test
    void triclinicBoxWritesTiltFactorsInLammpsOrder() {
        WaterSystem w = IceBuilder.of(IcePhase.V).build();
        StringWriter out = new StringWriter();
        LammpsDataWriter.write(out, w, "ice V");
        double[][] c = w.structure().cell();
        String tilt = Arrays.stream(out.toString().split("\n")).filter(l -> l.endsWith("xy xz yz")).findFirst().orElseThrow();
        String[] f = tilt.split("\\s+");
        assertEquals(c[1][0], Double.parseDouble(f[0]), 1e-9); // xy
        assertEquals(c[2][0], Double.parseDouble(f[1]), 1e-9); // xz = c cos(beta)
        assertEquals(c[2][1], Double.parseDouble(f[2]), 1e-9); // yz
        assertEquals(10.35 * Math.cos(Math.toRadians(109.2)), c[2][0], 1e-12);
    }

    @Test
    void rejectsCellNotInLammpsOrientation() {
        WaterSystem w = IceBuilder.of(IcePhase.IC).build();
        Structure s = w.structure();
        double[][] rotated = {{0, 6.353, 0}, {-6.353, 0, 0}, {0, 0, 6.353}};
        WaterSystem bad = new WaterSystem(new Structure(s.positions(), s.atomicNumbers(), rotated, s.pbc()), w.model(),
                w.moleculeId());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LammpsDataWriter.write(new StringWriter(), bad, "x"));
        assertTrue(e.getMessage().contains("lower-triangular"), e.getMessage());
    }

    @Test
    void extendedXyzRoundTripKeepsAtomsCellAndMoleculeIds(@TempDir Path dir) {
        WaterSystem w = IceBuilder.of(IcePhase.VI).seed(9).build();
        Path file = dir.resolve("ice.extxyz");
        IceFiles.writeExtXyz(file, w, IcePhase.VI, 9, "TIP4P/2005");
        List<Frame> frames = ExtXyz.read(file);
        assertEquals(1, frames.size());
        Frame f = frames.get(0);
        assertArrayEquals(w.structure().atomicNumbers(), f.structure().atomicNumbers());
        assertTrue(Arrays.deepEquals(w.structure().positions(), f.structure().positions()));
        assertTrue(Arrays.deepEquals(w.structure().cell(), f.structure().cell()));
        long[][] mol = f.integers("mol_id");
        for (int i = 0; i < mol.length; i++) {
            assertEquals(i / 3, mol[i][0]);
        }
        assertEquals("ice_VI", f.info().get("phase"));
        assertEquals(9L, f.info().get("seed"));
    }

    @Test
    void dataFileErrorsNameTheFileAndTheField() {
        JsonObject ok = JsonParser.parseString(IceCrystalJson.MINIMAL).getAsJsonObject();
        assertEquals(1, IceCrystal.fromJson(ok, "mini.json").sites().size());
        JsonObject noCell = ok.deepCopy();
        noCell.remove("cell");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IceCrystal.fromJson(noCell, "mini.json"));
        assertTrue(e.getMessage().contains("mini.json") && e.getMessage().contains("'cell'"), e.getMessage());
        JsonObject badRule = ok.deepCopy();
        badRule.getAsJsonObject("hydrogenBonds").addProperty("rule", "magic");
        e = assertThrows(IllegalArgumentException.class, () -> IceCrystal.fromJson(badRule, "mini.json"));
        assertTrue(e.getMessage().contains("'magic'"), e.getMessage());
        JsonObject badSite = ok.deepCopy();
        badSite.getAsJsonArray("sites").get(0).getAsJsonObject().getAsJsonArray("xyz").set(2,
                new com.google.gson.JsonPrimitive("1/x"));
        e = assertThrows(IllegalArgumentException.class, () -> IceCrystal.fromJson(badSite, "mini.json"));
        assertTrue(e.getMessage().contains("sites[0].xyz"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IceCrystal.fromResource("org/physml/ice/none.json"));
        assertThrows(IllegalArgumentException.class, () -> IcePhase.fromLabel("XX"));
    }

    @Test
    void commandLineWritesBothFiles(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("ice.data"), xyz = dir.resolve("ice.extxyz");
        IceMain.main(new String[]{"--phase", "Ih", "--orthohexagonal", "--repeat", "1", "1", "1", "--seed", "4",
                "--lammps", data.toString(), "--extxyz", xyz.toString()});
        assertTrue(Files.readString(data).contains("24 atoms"));
        assertEquals(24, ExtXyz.read(xyz).get(0).structure().size());
        assertThrows(IllegalArgumentException.class, () -> IceMain.main(new String[]{"--repeat", "1", "1", "1"}));
        assertThrows(IllegalArgumentException.class, () -> IceMain.main(new String[]{"--phase", "Ih", "--bogus"}));
    }

    private static List<String> section(List<String> lines, String header) {
        int start = lines.indexOf(header);
        assertTrue(start >= 0, "no section " + header);
        List<String> body = new ArrayList<>();
        for (int i = start + 2; i < lines.size() && !lines.get(i).isBlank(); i++) {
            body.add(lines.get(i));
        }
        return body;
    }

    /** A minimal valid data file (one O of a simple-cubic toy cell), for the error-message tests. */
    private static final class IceCrystalJson {
        static final String MINIMAL = """
                {"phase": "toy", "spaceGroup": "P1", "source": "test",
                 "cell": {"a": 3, "b": 3, "c": 3, "alpha": 90, "beta": 90, "gamma": 90},
                 "operations": {"source": "identity", "xyz": ["x,y,z"]},
                 "sites": [{"label": "O", "wyckoff": "1a", "xyz": ["0", "0", "0"]}],
                 "hydrogenBonds": {"rule": "distance", "rMax": 3.1},
                 "networks": 1, "networkRepeat": [1, 1, 1]}
                """;
    }
}
