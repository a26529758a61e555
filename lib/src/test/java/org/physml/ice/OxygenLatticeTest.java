package org.physml.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OxygenLatticeTest {

    /**
     * Molecules per crystallographic cell: Ih 4 (Goto et al. 1990, Z = 4 in the AIST table), Ic 8 (diamond, 8a of
     * Fd-3m), II 12 (rhombohedral cell, two 6-fold sites), III 12, V 28 (Wikipedia "Ice V": 28 molecules in the
     * unit cell), VI 10 (SklogWiki "Ice VI": ten water molecules per cell), VII 2 (2a of Pn-3m).
     */
    @ParameterizedTest
    @EnumSource(IcePhase.class)
    void generatesTheRightNumberOfSitesPerCell(IcePhase phase) {
        int expected = switch (phase) {
            case IH -> 4;
            case IC -> 8;
            case II, III -> 12;
            case V -> 28;
            case VI -> 10;
            case VII -> 2;
        };
        OxygenLattice lattice = OxygenLattice.generate(phase.crystal());
        assertEquals(expected, lattice.size(), "O per cell of ice " + phase.label());
        for (double[] f : lattice.fractional()) {
            for (double x : f) {
                assertTrue(x >= 0 && x < 1, "fractional coordinate " + x + " not wrapped into [0, 1)");
            }
        }
    }

    @Test
    void hexagonalIceSitesAreTheFourImagesOfWyckoff4f() {
        // 4f of P6_3/mmc: (1/3, 2/3, z), (2/3, 1/3, z + 1/2), (2/3, 1/3, -z), (1/3, 2/3, 1/2 - z)
        double z = 0.06226;
        double[][] expected = {{1 / 3.0, 2 / 3.0, z}, {2 / 3.0, 1 / 3.0, z + 0.5}, {2 / 3.0, 1 / 3.0, 1 - z},
                {1 / 3.0, 2 / 3.0, 0.5 - z}};
        double[][] got = OxygenLattice.generate(IcePhase.IH.crystal()).fractional();
        for (double[] e : expected) {
            assertTrue(Arrays.stream(got).anyMatch(g -> dist(g, e) < 1e-12), "missing site " + Arrays.toString(e));
        }
    }

    @ParameterizedTest
    @EnumSource(IcePhase.class)
    void replicationMultipliesSitesAndKeepsEveryImage(IcePhase phase) {
        OxygenLattice unit = OxygenLattice.generate(phase.crystal());
        OxygenLattice big = unit.replicate(2, 3, 1);
        assertEquals(6 * unit.size(), big.size());
        assertEquals(6 * unit.volume(), big.volume(), 1e-9 * big.volume());
        double[][] r = big.cartesian();
        double[][] cell = unit.cell();
        // every site of the unit cell translated by n1 a1 + n2 a2 is present once
        for (double[] s : unit.cartesian()) {
            for (int n1 = 0; n1 < 2; n1++) {
                for (int n2 = 0; n2 < 3; n2++) {
                    double[] t = {s[0] + n1 * cell[0][0] + n2 * cell[1][0], s[1] + n1 * cell[0][1] + n2 * cell[1][1],
                            s[2] + n1 * cell[0][2] + n2 * cell[1][2]};
                    long count = Arrays.stream(r).filter(x -> dist(x, t) < 1e-9).count();
                    assertEquals(1, count, "image " + Arrays.toString(t));
                }
            }
        }
    }

    @Test
    void orthohexagonalCellIsRectangularWithTwiceTheSites() {
        OxygenLattice hex = OxygenLattice.generate(IcePhase.IH.crystal());
        OxygenLattice ortho = hex.supercell(IceBuilder.ORTHOHEXAGONAL);
        double a = 4.511, c = 7.346;
        assertEquals(8, ortho.size());
        assertArrayEquals(new double[]{a, 0, 0}, ortho.cell()[0], 1e-12);
        assertArrayEquals(new double[]{0, a * Math.sqrt(3), 0}, ortho.cell()[1], 1e-12);
        assertArrayEquals(new double[]{0, 0, c}, ortho.cell()[2], 1e-12);
    }

    @Test
    void rejectsSingularSupercellMatrix() {
        OxygenLattice unit = OxygenLattice.generate(IcePhase.IC.crystal());
        assertThrows(IllegalArgumentException.class, () -> unit.supercell(new int[][]{{1, 0, 0}, {2, 0, 0}, {0, 0, 1}}));
        assertThrows(IllegalArgumentException.class, () -> unit.replicate(0, 1, 1));
    }

    /**
     * The 28 O of ice V taken from GenIce2 (no symmetry-independent set given there) must be closed under the
     * operations of A2/a (C2/c with an A-centred cell): x,y,z; 1/2-x,y,-z; -x,-y,-z; 1/2+x,-y,z, each also + (0,1/2,1/2).
     * A consistency check of the transcription, not of the source.
     */
    @Test
    void iceVSiteListIsClosedUnderA2a() {
        OxygenLattice v = OxygenLattice.generate(IcePhase.V.crystal());
        double[][] f = v.fractional();
        String[] ops = {"x,y,z", "1/2-x,y,-z", "-x,-y,-z", "1/2+x,-y,z", "x,1/2+y,1/2+z", "1/2-x,1/2+y,1/2-z",
                "-x,1/2-y,1/2-z", "1/2+x,1/2-y,1/2+z"};
        for (String text : ops) {
            SymmetryOperation op = SymmetryOperation.parse(text);
            for (double[] s : f) {
                double[] image = Lattice.wrap(op.apply(s));
                assertTrue(Arrays.stream(f).anyMatch(g -> Lattice.minimumImageDistance(v.cell(), g, image) < 0.01),
                        "image of " + Arrays.toString(s) + " under " + text + " is not an O site");
            }
        }
    }

    static double dist(double[] a, double[] b) {
        double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
