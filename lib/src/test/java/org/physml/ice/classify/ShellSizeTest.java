package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physml.descriptors.steinhardt.Steinhardt;
import org.physml.ice.IceBuilder;
import org.physml.ice.IcePhase;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

class ShellSizeTest {

    /**
     * The O atoms of ice Ic form a diamond lattice of bond length d: its neighbour shells hold 4 atoms at d, 12 at
     * d sqrt(8/3), 12 at d sqrt(11/3), 6 at d sqrt(16/3) and 12 at d sqrt(19/3) (cubic lattice constant a = 4 d /
     * sqrt(3); shells at a sqrt(3)/4, a / sqrt(2), a sqrt(11)/4, a, a sqrt(19)/4). With d about 2.75 A the radii 3.5,
     * 5.0 and 6.5 A fall between shells and count 4, 16 and 34 oxygens on every site.
     */
    @Test
    void diamondShellsOfIceIc() {
        Structure ic = IceBuilder.of(IcePhase.IC).atLeast(300).seed(1).build().structure();
        int[] oxygens = Steinhardt.atomsOfSpecies(ic, 8);
        double d = java.util.Arrays.stream(NeighbourList.build(ic.select(oxygens), 3.5).environment(0).distance()).min()
                .orElseThrow();
        assertTrue(d * Math.sqrt(11.0 / 3) > 5.0 && d * Math.sqrt(16.0 / 3) < 6.5 && d * Math.sqrt(19.0 / 3) > 6.5,
                "bond length " + d + " A puts a radius on a shell");
        int[] centres = {oxygens[0], oxygens[oxygens.length / 2], oxygens[oxygens.length - 1]};
        assertArrayEquals(new double[]{4, 16, 34}, ShellSize.mean(ic, 8, centres, new double[]{3.5, 5.0, 6.5}),
                1e-12);
    }

    @Test
    void badInput() {
        Structure ic = IceBuilder.of(IcePhase.IC).atLeast(64).seed(1).build().structure();
        int[] oxygens = Steinhardt.atomsOfSpecies(ic, 8);
        assertThrows(IllegalArgumentException.class, () -> ShellSize.mean(ic, 8, oxygens, new double[]{0.0}));
        assertThrows(IllegalArgumentException.class, () -> ShellSize.mean(ic, 8, oxygens, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> ShellSize.mean(ic, 8, new int[0], new double[]{3.5}));
        assertThrows(IllegalArgumentException.class, () -> ShellSize.mean(ic, 8, new int[]{oxygens[0] + 1},
                new double[]{3.5}));
    }
}
