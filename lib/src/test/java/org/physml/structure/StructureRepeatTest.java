package org.physml.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StructureRepeatTest {

    private static final Structure CELL = new Structure(new double[][]{{0.1, 0.2, 0.3}, {1.5, 1.0, 0.5}},
            new int[]{14, 8}, new double[][]{{3, 0, 0}, {0.5, 2.5, 0}, {0.2, 0.3, 4}}, new boolean[]{true, true, true});

    @Test
    void repeatScalesCountVolumeAndKeepsEveryNeighbourShell() {
        Structure big = CELL.repeat(2, 3, 1);
        assertEquals(12, big.size());
        assertEquals(6 * CELL.volume(), big.volume(), 1e-9);
        assertArrayEquals(new double[]{0.1 + 3 + 2 * 0.5, 0.2 + 2 * 2.5, 0.3}, big.position(10),
                1e-12, "copy (1, 2, 0), first atom");
        // every atom of the supercell sees the same distances as its original in the cell
        NeighbourList small = NeighbourList.build(CELL, 4.0), large = NeighbourList.build(big, 4.0);
        for (int a = 0; a < big.size(); a++) {
            double[] d1 = small.environment(a % 2).distance().clone(), d2 = large.environment(a).distance().clone();
            java.util.Arrays.sort(d1);
            java.util.Arrays.sort(d2);
            assertArrayEquals(d1, d2, 1e-12);
        }
    }

    @Test
    void repeatingANonPeriodicAxisIsRefused() {
        Structure slab = new Structure(CELL.positions(), CELL.atomicNumbers(), CELL.cell(), new boolean[]{true, true, false});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> slab.repeat(1, 1, 2));
        assertEquals("cannot repeat 2 times along axis 2, which is not periodic; expected a count >= 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CELL.repeat(0, 1, 1));
    }
}
