package org.physml.ice.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.physml.ice.IceBuilder;
import org.physml.ice.IcePhase;
import org.physml.ice.WaterSystem;
import org.physml.structure.Structure;

class WholeMoleculesTest {
    /** A triclinic cell (all three tilts non-zero, within half a box length). */
    private static final double[][] CELL = {{12.0, 0.0, 0.0}, {3.0, 11.0, 0.0}, {-2.5, 4.0, 13.0}};

    /**
     * Each atom shifted by its own random lattice vector (as a dump that wraps atoms one by one leaves them): the
     * output is the same for every such shift, the first atom of each molecule lies in the cell and the molecule's
     * internal vectors are those of the whole molecule.
     */
    @Test
    void joinsMoleculesSplitByLatticeShiftsInATriclinicCell() {
        double[][] whole = {{1.0, 2.0, 3.0}, {1.9, 2.3, 3.1}, {0.8, 1.1, 3.2}, // molecule 7
                {11.5, 14.0, 12.6}, {12.2, 14.5, 12.9}, {11.0, 14.6, 13.4}};    // molecule 3, outside the cell
        long[] mol = {7, 7, 7, 3, 3, 3};
        int[] z = {8, 1, 1, 8, 1, 1};
        boolean[] pbc = {true, true, true};
        Structure reference = WholeMolecules.wrap(new Structure(whole, z, CELL, pbc), mol, 8);
        Random rng = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            double[][] shifted = new double[whole.length][];
            for (int i = 0; i < whole.length; i++) {
                shifted[i] = whole[i].clone();
                for (int k = 0; k < 3; k++) {
                    int n = rng.nextInt(5) - 2;
                    for (int c = 0; c < 3; c++) {
                        shifted[i][c] += n * CELL[k][c];
                    }
                }
            }
            Structure out = WholeMolecules.wrap(new Structure(shifted, z, CELL, pbc), mol, 8);
            for (int i = 0; i < whole.length; i++) {
                assertArrayEquals(reference.position(i), out.position(i), 1e-7, "atom " + i + ", trial " + trial);
            }
        }
        CellFrame cell = new CellFrame(CELL);
        for (int o : new int[]{0, 3}) {
            double[] f = cell.fractional(reference.position(o));
            for (double v : f) {
                assertTrue(v >= 0 && v < 1, "first atom of the molecule inside the cell: " + v);
            }
            for (int h = o + 1; h <= o + 2; h++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(whole[h][c] - whole[o][c], reference.position(h)[c] - reference.position(o)[c], 1e-7);
                }
            }
        }
    }

    /** Built ice (whole molecules) goes through unchanged except for the wrapping of whole molecules. */
    @Test
    void builtIceKeepsItsOHDistancesAndRoundsToTheRequestedDecimals() {
        WaterSystem w = IceBuilder.of(IcePhase.V).repeat(1, 1, 1).seed(3).build();
        int n = w.structure().size();
        long[] mol = new long[n];
        for (int i = 0; i < n; i++) {
            mol[i] = w.moleculeId()[i];
        }
        Structure out = WholeMolecules.wrap(w.structure(), mol, 4);
        for (int i = 0; i < n; i++) {
            for (double v : out.position(i)) {
                assertEquals(Math.round(v * 1e4) / 1e4, v, 0.0, "rounded to 4 decimals");
            }
            if (i % 3 != 0) {
                double[] o = out.position(i - i % 3), h = out.position(i);
                double d = Math.sqrt(Math.pow(h[0] - o[0], 2) + Math.pow(h[1] - o[1], 2) + Math.pow(h[2] - o[2], 2));
                assertEquals(0.9572, d, 2e-4, "TIP4P/2005 O-H after rounding, atom " + i);
            }
        }
        assertArrayEquals(w.structure().cell()[2], out.cell()[2], 0.0);
    }

    @Test
    void rejectsAMoleculeLargerThanHalfTheCellAndBadArguments() {
        double[][] cell = {{6, 0, 0}, {0, 6, 0}, {0, 0, 6}};
        boolean[] pbc = {true, true, true};
        Structure s = new Structure(new double[][]{{0, 0, 0}, {2.9, 0, 0}, {2.9, 2.9, 0.5}}, new int[]{8, 1, 1}, cell,
                pbc);
        // half the cell height is 3 A: an atom 2.9 A from the first one is accepted, one 4.13 A away (its nearest
        // image) is not
        WholeMolecules.wrap(new Structure(new double[][]{{0, 0, 0}, {2.9, 0, 0}}, new int[]{8, 1}, cell, pbc),
                new long[]{1, 1}, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WholeMolecules.wrap(s, new long[]{1, 1, 1}, 4));
        assertTrue(e.getMessage().contains("atom 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WholeMolecules.wrap(s, new long[]{1, 1}, 4));
        assertThrows(IllegalArgumentException.class, () -> WholeMolecules.wrap(s, new long[]{1, 2, 3}, 11));
        Structure slab = new Structure(new double[][]{{0, 0, 0}}, new int[]{8}, cell, new boolean[]{true, true, false});
        assertThrows(IllegalArgumentException.class, () -> WholeMolecules.wrap(slab, new long[]{1}, 4));
    }
}
