package org.physml.structure.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructureFormatTest {
    @TempDir
    Path tmp;

    @Test
    void formatFromTheFileName() {
        assertEquals(StructureFormat.EXTXYZ, StructureFormat.of(null, Path.of("a/b/ice.extxyz.gz")));
        assertEquals(StructureFormat.EXTXYZ, StructureFormat.of(null, Path.of("water.XYZ")));
        assertEquals(StructureFormat.LAMMPS_DATA, StructureFormat.of(null, Path.of("data.ice")));
        assertEquals(StructureFormat.LAMMPS_DATA, StructureFormat.of(null, Path.of("initial.data")));
        assertEquals(StructureFormat.LAMMPS_DUMP, StructureFormat.of(null, Path.of("traj.lammpstrj")));
        assertEquals(StructureFormat.LAMMPS_DUMP, StructureFormat.of(null, Path.of("dump.water.gz")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StructureFormat.of(null, Path.of("notes.txt")));
        assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("--format"));
    }

    @Test
    void formatFromItsNameOrAlias() {
        for (StructureFormat f : StructureFormat.values()) {
            assertEquals(f, StructureFormat.of(f.cliName(), Path.of("whatever.txt")));
        }
        assertEquals(StructureFormat.LAMMPS_DUMP, StructureFormat.of("DUMP", Path.of("x")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StructureFormat.of("cif", Path.of("x.cif")));
        assertTrue(e.getMessage().contains("'cif'"));
    }

    @Test
    void typeMapAcceptsSymbolsAndNumbersAndNamesTheBadEntry() {
        assertEquals(Map.of(1, 8, 2, 1), StructureFormat.typeMap("1=O, 2=1"));
        assertNull(StructureFormat.typeMap(" "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StructureFormat.typeMap("1=O,two=H"));
        assertTrue(e.getMessage().contains("'two=H'"));
        assertThrows(IllegalArgumentException.class, () -> StructureFormat.typeMap("1=Xx"));
        assertThrows(IllegalArgumentException.class, () -> StructureFormat.typeMap("1:O"));
    }

    @Test
    void framesOfAnExtendedXyzFileAndAParseErrorWithTheLine() throws IOException {
        Path ok = tmp.resolve("two.xyz");
        Files.writeString(ok, "2\nProperties=species:S:1:pos:R:3\nO 0 0 0\nH 0.96 0 0\n"
                + "2\nProperties=species:S:1:pos:R:3\nO 0 0 0\nH 0 0.96 0\n");
        try (Stream<Frame> frames = StructureFormat.EXTXYZ.frames(ok, null)) {
            List<Frame> list = frames.toList();
            assertEquals(2, list.size());
            assertEquals(8, list.get(1).structure().atomicNumber(0));
        }
        Path bad = tmp.resolve("bad.xyz");
        Files.writeString(bad, "2\nProperties=species:S:1:pos:R:3\nO 0 0 0\nH 0.96 zero 0\n");
        StructureFileException e = assertThrows(StructureFileException.class, () -> {
            try (Stream<Frame> frames = StructureFormat.of(null, bad).frames(bad, null)) {
                frames.toList();
            }
        });
        assertTrue(e.getMessage().contains("bad.xyz") && e.getMessage().contains("4"), e.getMessage());
    }
}
