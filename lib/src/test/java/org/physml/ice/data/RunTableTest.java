package org.physml.ice.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.physml.ice.IcePhase;

class RunTableTest {

    @Test
    void parsesFieldsAndVariablesInOrder() {
        List<IceRun> runs = RunTable.parse(new StringReader("""
                # comment
                HDA_a  HDA  hda  Ih  4x3x3o  401  80  1  t_comp=10 p_max=20000

                V_b    ice_V crystal V 2x2x2 152 80 5000.5
                """), "test");
        assertEquals(2, runs.size());
        IceRun hda = runs.get(0);
        assertEquals("HDA_a", hda.runId());
        assertEquals(IcePhase.IH, hda.phase());
        assertArrayEquals(new int[]{4, 3, 3}, hda.supercell());
        assertTrue(hda.orthohexagonal());
        assertEquals("4x3x3o", hda.supercellText());
        assertEquals(401, hda.seed());
        assertEquals(80, hda.temperature());
        assertEquals(List.of("t_comp", "p_max"), List.copyOf(hda.variables().keySet()));
        assertEquals("20000", hda.variables().get("p_max"));
        IceRun v = runs.get(1);
        assertFalse(v.orthohexagonal());
        assertEquals(5000.5, v.pressure());
        assertTrue(v.variables().isEmpty());
    }

    @Test
    void malformedRowsNameTheLine() {
        String[] bad = {
                "a  L  p  Ih  4x3  1  80  1",              // supercell with two numbers
                "a  L  p  Ic  2x2x2o  1  80  1",           // orthohexagonal cell of Ic
                "a  L  p  Ih  2x2x2  1  80",               // 7 fields
                "a  L  p  Ih  2x2x2  1  80  1  t_eq",      // variable without '='
                "a  L  p  Ih  2x2x2  1  -5  1",            // T <= 0
                "a  L  p  XX  2x2x2  1  80  1",            // unknown phase
                "a  L  p  Ih  2x0x2  1  80  1",            // zero replication
        };
        for (String row : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RunTable.parse(new StringReader("# header\n" + row + "\n"), "t.tsv"), row);
            assertTrue(e.getMessage().startsWith("t.tsv, line 2: "), e.getMessage());
        }
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> RunTable.parse(
                new StringReader("a L p Ih 2x2x2 1 80 1\na L p Ih 2x2x2 2 80 1\n"), "t.tsv"));
        assertTrue(twice.getMessage().contains("line 2") && twice.getMessage().contains("twice"), twice.getMessage());
    }

    /**
     * The table that generated data/ice: nine classes, two runs each with different seeds (independent proton
     * arrangements and velocities), every protocol file present.
     */
    @Test
    void theShippedRunTableHasTwoIndependentRunsOfEachOfNineClasses() {
        Path table = Path.of("..", "tools", "icedata", "runs.tsv");
        List<IceRun> runs = RunTable.read(table);
        Map<String, List<IceRun>> byLabel = runs.stream()
                .collect(Collectors.groupingBy(IceRun::label, TreeMap::new, Collectors.toList()));
        assertEquals(Set.of("ice_Ih", "ice_Ic", "ice_III", "ice_V", "ice_VI", "LDA", "MDA", "HDA", "liquid"),
                byLabel.keySet());
        Set<Long> seeds = new HashSet<>();
        for (List<IceRun> r : byLabel.values()) {
            assertEquals(2, r.size(), r.get(0).label());
        }
        for (IceRun r : runs) {
            assertTrue(seeds.add(r.seed()), "seed " + r.seed() + " used twice");
            assertTrue(table.resolveSibling("lammps").resolve(r.protocol() + ".lmp").toFile().isFile(), r.protocol());
        }
        List<IceRun> smoke = RunTable.read(table.resolveSibling("smoke.tsv"));
        assertEquals(1, smoke.size());
    }
}
