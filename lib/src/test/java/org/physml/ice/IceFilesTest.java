package org.physml.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physml.structure.io.AtomStyle;
import org.physml.structure.io.ExtXyz;
import org.physml.structure.io.Frame;
import org.physml.structure.io.LammpsData;
import org.physml.structure.io.LammpsDataReader;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class IceFilesTest {

    @Test
    void lammpsDataHoldsTypesMoleculesChargesBondsAndAnglesOfAtomStyleFull() {
        WaterSystem w = IceBuilder.of(IcePhase.IC).seed(2).build(); // 8 molecules
        LammpsData d = IceFiles.lammpsData(w);
        assertEquals(AtomStyle.FULL, d.style());
        assertEquals(24, d.structure().size());
        double charge = 0;
        for (int i = 0; i < 24; i++) {
            assertEquals(i % 3 == 0 ? 1 : 2, d.types()[i], "type of atom " + i);
            assertEquals(i / 3 + 1, d.molecules()[i], "molecule-ID of atom " + i);
            // TIP4P/2005 (Abascal and Vega 2005): q_H = +0.5564 e, O carries q_M = -1.1128 e
            assertEquals(i % 3 == 0 ? -1.1128 : 0.5564, d.charges()[i], 1e-12);
            charge += d.charges()[i];
        }
        assertEquals(0, charge, 1e-12, "neutral");
        assertEquals(2, d.typeMasses().length);
        assertEquals(16, d.bonds().length);
        assertArrayEquals(new int[]{1, 0, 1}, d.bonds()[0]);
        assertArrayEquals(new int[]{1, 21, 23}, d.bonds()[15]);
        assertEquals(8, d.angles().length);
        assertArrayEquals(new int[]{1, 1, 0, 2}, d.angles()[0]); // H-O-H, O is the vertex
    }

    /**
     * Written with the structure package's LAMMPS writer (atoms wrapped into the box, image flags) and read back:
     * the unwrapped positions are the builder's, so every molecule is whole (O-H = 0.9572 A) for LAMMPS, in an
     * orthogonal and in a monoclinic (ice V) box.
     */
    @Test
    void lammpsRoundTripKeepsMoleculesWhole(@TempDir Path dir) {
        for (IcePhase phase : new IcePhase[]{IcePhase.IH, IcePhase.V}) {
            IceBuilder b = IceBuilder.of(phase).repeat(2, 2, 2).seed(4);
            WaterSystem w = (phase == IcePhase.IH ? b.orthohexagonal() : b).build();
            Path file = dir.resolve(phase.label() + ".data");
            IceFiles.writeLammpsData(file, w);
            LammpsData back = LammpsDataReader.read(file);
            assertArrayEquals(w.structure().atomicNumbers(), back.structure().atomicNumbers());
            assertEquals(Math.abs(w.structure().volume()), Math.abs(back.structure().volume()), 1e-6);
            double[][] u = back.unwrappedPositions();
            for (int m = 0; m < w.moleculeCount(); m++) {
                for (int h = 1; h <= 2; h++) {
                    double[] d = IceBuilderTest.sub(u[3 * m + h], u[3 * m]);
                    assertEquals(0.9572, IceBuilderTest.norm(d), 1e-6, "O-H of molecule " + m + " in " + file);
                }
            }
            assertEquals(2 * w.moleculeCount(), back.bonds().length);
            assertEquals(w.moleculeCount(), back.angles().length);
        }
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
    void commandLineWritesBothFiles(@TempDir Path dir) {
        Path data = dir.resolve("ice.data"), xyz = dir.resolve("ice.extxyz");
        IceMain.main(new String[]{"--phase", "Ih", "--orthohexagonal", "--repeat", "1", "1", "1", "--seed", "4",
                "--lammps", data.toString(), "--extxyz", xyz.toString()});
        assertEquals(24, LammpsDataReader.read(data).structure().size());
        assertEquals(24, ExtXyz.read(xyz).get(0).structure().size());
        assertThrows(IllegalArgumentException.class, () -> IceMain.main(new String[]{"--repeat", "1", "1", "1"}));
        assertThrows(IllegalArgumentException.class, () -> IceMain.main(new String[]{"--phase", "Ih", "--bogus"}));
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
