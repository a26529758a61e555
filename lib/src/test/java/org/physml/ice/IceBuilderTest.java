package org.physml.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * Checks on the finished molecules that use only the output structure (positions, cell), not the builder's
 * internal graph: coordination, ice rules, exact TIP4P/2005 geometry, net dipole, reproducibility, supercell
 * scaling and periodic images.
 */
class IceBuilderTest {

    private static WaterSystem build(IcePhase phase, long seed) {
        return IceBuilder.of(phase).repeat(2, 2, 2).seed(seed).build();
    }

    /** O-O hydrogen bonds found from the O positions alone: 4 nearest O (8 for ice VII, of which 4 are bonded). */
    private static double bondCut(IcePhase phase) {
        return phase == IcePhase.VII ? 2.9 : 3.0;
    }

    @ParameterizedTest
    @EnumSource(IcePhase.class)
    void everyOxygenHasFourNeighboursAndEveryIceRuleHolds(IcePhase phase) {
        WaterSystem w = build(phase, 11);
        Structure s = w.structure();
        NeighbourList nl = NeighbourList.build(s, 3.0);
        for (int i = 0; i < s.size(); i += 3) {
            LocalEnvironment env = nl.environment(i);
            int oNeighbours = 0, hNear = 0;
            List<double[]> bonds = new ArrayList<>();
            for (int k = 0; k < env.size(); k++) {
                if (env.neighbourZ()[k] == 8 && env.distance()[k] < bondCut(phase)) {
                    oNeighbours++;
                    bonds.add(env.r()[k]);
                }
                if (env.neighbourZ()[k] == 1 && env.distance()[k] < 1.2) {
                    hNear++;
                }
            }
            assertEquals(phase == IcePhase.VII ? 8 : 4, oNeighbours, "O neighbours of O " + i / 3);
            // ice rule 1: exactly two H within 1.2 A of every O (its own two; no other H comes that close)
            assertEquals(2, hNear, "H within 1.2 A of O " + i / 3);
        }
        assertIceRuleOnBonds(w, phase);
    }

    /**
     * Ice rule 2: every O...O hydrogen bond carries exactly one H. Each H is assigned to the O-O bond of its own O
     * that makes the smallest angle with its O-H vector; every bond of the hydrogen-bond graph must get exactly
     * one H, and that angle must be small (the H sits on the bond, up to the symmetric opening of the H-O-H angle).
     */
    private static void assertIceRuleOnBonds(WaterSystem w, IcePhase phase) {
        Structure s = w.structure();
        OxygenLattice lattice = IceBuilder.of(phase).repeat(2, 2, 2).oxygenLattice();
        HydrogenBondNetwork net = HydrogenBondNetwork.build(lattice, phase.crystal());
        double[][] p = s.positionsView();
        int[] hCount = new int[net.edgeCount()];
        double worst = 0;
        for (int m = 0; m < w.moleculeCount(); m++) {
            for (int h = 1; h <= 2; h++) {
                double[] oh = sub(p[3 * m + h], p[3 * m]);
                int bestEdge = -1;
                double bestAngle = Double.POSITIVE_INFINITY;
                for (int e : net.incident(m)) {
                    double[] r = net.vector(e);
                    if (net.u(e) != m) {
                        r = new double[]{-r[0], -r[1], -r[2]};
                    }
                    double angle = angle(oh, r);
                    if (angle < bestAngle) {
                        bestAngle = angle;
                        bestEdge = e;
                    }
                }
                hCount[bestEdge]++;
                worst = Math.max(worst, bestAngle);
            }
        }
        for (int e = 0; e < hCount.length; e++) {
            assertEquals(1, hCount[e], "H on bond " + e + " (O " + net.u(e) + " - O " + net.v(e) + ")");
        }
        assertTrue(worst < 30, "largest O-H to O...O angle " + worst + " deg");
    }

    @ParameterizedTest
    @EnumSource(IcePhase.class)
    void moleculesHaveExactTip4p2005GeometryAndAreWholeAcrossTheBoundary(IcePhase phase) {
        // (ice Ih in its orthohexagonal cell: in the hexagonal cell no H happens to cross a face)
        WaterSystem w = unitBuilder(phase).repeat(2, 2, 2).seed(5).build();
        double[][] p = w.structure().positionsView();
        double[][] cellInv = inverse(w.structure().cell());
        int outside = 0;
        for (int m = 0; m < w.moleculeCount(); m++) {
            double[] o = p[3 * m], h1 = p[3 * m + 1], h2 = p[3 * m + 2];
            // raw coordinates, no minimum image: the molecule is whole as stored
            assertEquals(0.9572, norm(sub(h1, o)), 1e-12);
            assertEquals(0.9572, norm(sub(h2, o)), 1e-12);
            assertEquals(104.52, angle(sub(h1, o), sub(h2, o)), 1e-9);
            for (double[] h : new double[][]{h1, h2}) {
                double[] f = frac(cellInv, h);
                if (f[0] < 0 || f[0] >= 1 || f[1] < 0 || f[1] >= 1 || f[2] < 0 || f[2] >= 1) {
                    outside++;
                }
            }
            for (double x : frac(cellInv, o)) {
                assertTrue(x >= -1e-12 && x < 1, "O outside the cell");
            }
        }
        assertTrue(outside > 0, "no molecule straddles the boundary; the test would not check anything");
        // wrap every atom into the cell, then unwrap H by the minimum image: the same molecules come back
        double[][] cell = w.structure().cell();
        for (int m = 0; m < w.moleculeCount(); m++) {
            for (int h = 1; h <= 2; h++) {
                double[] wrapped = wrap(cell, cellInv, p[3 * m + h]);
                double[] d = sub(wrapped, p[3 * m]);
                double[] f = frac(cellInv, d);
                for (int k = 0; k < 3; k++) {
                    f[k] -= Math.rint(f[k]);
                }
                double[] back = add(p[3 * m], cart(cell, f));
                assertArrayEquals(p[3 * m + h], back, 1e-9);
            }
        }
    }

    /**
     * Net dipole: after depolarisation |M| / (N mu) &lt; 1e-3 for every phase and seed (about 300 molecules);
     * exactly 0 (&lt; 1e-12) for the lattices whose bonds are all symmetry equivalent in length and angle pattern
     * (Ih, Ic, VII). Without depolarisation the random ice-rule arrangements carry |M| / (N mu) &gt; 0.02 for at
     * least one of the seeds, so the bound is not met by chance.
     */
    @ParameterizedTest
    @EnumSource(IcePhase.class)
    void depolarisedIceHasNearlyZeroNetDipole(IcePhase phase) {
        double worstRaw = 0;
        for (long seed = 1; seed <= 3; seed++) {
            IceBuilder b = IceBuilder.of(phase).atLeast(250).seed(seed);
            if (phase == IcePhase.IH) {
                b.orthohexagonal();
            }
            WaterSystem w = b.build();
            double rel = w.relativeNetDipole();
            double bound = phase == IcePhase.IH || phase == IcePhase.IC || phase == IcePhase.VII ? 1e-12 : 1e-3;
            assertTrue(rel < bound, "ice " + phase.label() + " seed " + seed + ": |M|/(N mu) = " + rel);
            worstRaw = Math.max(worstRaw, b.depolarize(false).build().relativeNetDipole());
        }
        assertTrue(worstRaw > 0.02, "raw arrangements already unpolarised? " + worstRaw);
    }

    @Test
    void hexagonalIhWithOddInPlaneRepeatCannotBeDepolarisedAndSaysSo() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> IceBuilder.of(IcePhase.IH).repeat(3, 3, 2).build());
        assertTrue(e.getMessage().contains("orthohexagonal"), e.getMessage());
        // the orthohexagonal cell works with the same replication
        assertTrue(IceBuilder.of(IcePhase.IH).orthohexagonal().repeat(3, 3, 2).build().relativeNetDipole() < 1e-12);
    }

    /**
     * In ice Ic every O...O...O angle is the tetrahedral arccos(-1/3) = 109.4712 deg; the two O-H are opened
     * symmetrically in the plane of the donated bonds to 104.52 deg, so each O-H makes exactly
     * (109.4712 - 104.52) / 2 = 2.4756 deg with its own O...O bond and points away from the other three.
     */
    @Test
    void hydrogensSitOnTheirBondsRotatedSymmetricallyInIceIc() {
        WaterSystem w = IceBuilder.of(IcePhase.IC).repeat(2, 2, 2).seed(8).build();
        HydrogenBondNetwork net = HydrogenBondNetwork.build(IceBuilder.of(IcePhase.IC).repeat(2, 2, 2).oxygenLattice(),
                IcePhase.IC.crystal());
        double expected = (Math.toDegrees(Math.acos(-1.0 / 3)) - 104.52) / 2;
        double[][] p = w.structure().positionsView();
        for (int m = 0; m < w.moleculeCount(); m++) {
            final int mol = m;
            for (int h = 1; h <= 2; h++) {
                double[] oh = sub(p[3 * m + h], p[3 * m]);
                double[] angles = Arrays.stream(net.incident(m)).mapToDouble(e -> angle(oh, bondFrom(net, e, mol)))
                        .sorted().toArray();
                assertEquals(expected, angles[0], 1e-9);
                assertTrue(angles[1] > 100, "second-closest bond at " + angles[1] + " deg");
            }
        }
    }

    @Test
    void sameSeedSameStructureOtherSeedOtherProtons() {
        Structure a = build(IcePhase.V, 42).structure();
        Structure b = build(IcePhase.V, 42).structure();
        Structure c = build(IcePhase.V, 43).structure();
        assertTrue(Arrays.deepEquals(a.positions(), b.positions()));
        assertFalse(Arrays.deepEquals(a.positions(), c.positions()));
        // the O lattice does not depend on the seed
        for (int i = 0; i < a.size(); i += 3) {
            assertArrayEquals(a.position(i), c.position(i), 0);
        }
    }

    @ParameterizedTest
    @EnumSource(IcePhase.class)
    void supercellOfNxNxNHasNCubedTimesTheMolecules(IcePhase phase) {
        // ice Ih in its orthohexagonal cell, which can be depolarised for odd n too
        int unit = unitBuilder(phase).build().moleculeCount();
        for (int n = 2; n <= 3; n++) {
            WaterSystem w = unitBuilder(phase).repeat(n, n, n).seed(3).build();
            assertEquals(n * n * n * unit, w.moleculeCount(), "ice " + phase.label() + " " + n + "^3");
        }
        assertEquals(phase == IcePhase.VII ? 16 : OxygenLattice.generate(phase.crystal()).size()
                * (phase == IcePhase.IH ? 2 : 1), unit);
    }

    private static IceBuilder unitBuilder(IcePhase phase) {
        IceBuilder b = IceBuilder.of(phase);
        return phase == IcePhase.IH ? b.orthohexagonal() : b;
    }

    @Test
    void atLeastGivesEnoughMoleculesInANearlyCubicBox() {
        WaterSystem w = IceBuilder.of(IcePhase.IH).orthohexagonal().atLeast(300).seed(1).build();
        assertTrue(w.moleculeCount() >= 300 && w.moleculeCount() <= 450, "N = " + w.moleculeCount());
        double[][] c = w.structure().cell();
        double max = Math.max(c[0][0], Math.max(c[1][1], c[2][2])), min = Math.min(c[0][0], Math.min(c[1][1], c[2][2]));
        assertTrue(max / min < 1.1, "box " + Arrays.deepToString(c));
    }

    @Test
    void iceVIandVIIConsistOfTwoNetworksWithoutBondsBetweenThem() {
        for (IcePhase phase : new IcePhase[]{IcePhase.VI, IcePhase.VII}) {
            OxygenLattice lattice = IceBuilder.of(phase).repeat(2, 2, 2).oxygenLattice();
            HydrogenBondNetwork net = HydrogenBondNetwork.build(lattice, phase.crystal());
            int[] comp = net.components();
            assertEquals(1, Arrays.stream(comp).max().getAsInt(), "two networks in ice " + phase.label());
            assertEquals(lattice.size() / 2, Arrays.stream(comp).filter(c -> c == 0).count());
            for (int e = 0; e < net.edgeCount(); e++) {
                assertEquals(comp[net.u(e)], comp[net.v(e)]);
            }
        }
        // ice VII: of the 8 nearest O (all at sqrt(3) a / 2) 4 are bonded (same network) and 4 belong to the other
        OxygenLattice lattice = IceBuilder.of(IcePhase.VII).repeat(2, 2, 2).oxygenLattice();
        HydrogenBondNetwork net = HydrogenBondNetwork.build(lattice, IcePhase.VII.crystal());
        int[] comp = net.components();
        NeighbourList nl = NeighbourList.build(lattice.structure(), 2.9);
        for (int i = 0; i < lattice.size(); i++) {
            LocalEnvironment env = nl.environment(i);
            assertEquals(8, env.size());
            int same = 0;
            for (int j : env.neighbourIndex()) {
                same += comp[j] == comp[i] ? 1 : 0;
            }
            assertEquals(4, same, "ice VII O " + i + ": nearest O in its own network");
            // the 4 bonds of an O form a regular tetrahedron (diamond network): all angles arccos(-1/3)
            int[] edges = net.incident(i);
            for (int x = 0; x < 4; x++) {
                for (int y = x + 1; y < 4; y++) {
                    assertEquals(Math.toDegrees(Math.acos(-1.0 / 3)), angle(bondFrom(net, edges[x], i),
                            bondFrom(net, edges[y], i)), 1e-9);
                }
            }
        }
    }

    @Test
    void protonsAreDisorderedEachBondPointsBothWaysOverSeeds() {
        // over 200 seeds every bond of a 2x2x2 ice Ic cell is donated by its first O in 30-70 % of the arrangements
        OxygenLattice lattice = IceBuilder.of(IcePhase.IC).repeat(2, 2, 2).oxygenLattice();
        HydrogenBondNetwork net = HydrogenBondNetwork.build(lattice, IcePhase.IC.crystal());
        int[] forward = new int[net.edgeCount()];
        int runs = 200;
        for (int seed = 0; seed < runs; seed++) {
            ProtonArrangement a = IceBuilder.arrange(net, new java.util.SplittableRandom(seed), true);
            for (int e = 0; e < net.edgeCount(); e++) {
                forward[e] += a.donor(e) == net.u(e) ? 1 : 0;
            }
        }
        for (int e = 0; e < forward.length; e++) {
            double f = forward[e] / (double) runs;
            assertTrue(f > 0.3 && f < 0.7, "bond " + e + " forward in " + f + " of the arrangements");
        }
    }

    private static double[] bondFrom(HydrogenBondNetwork net, int e, int i) {
        double[] r = net.vector(e);
        return net.u(e) == i ? r : new double[]{-r[0], -r[1], -r[2]};
    }

    static double[] sub(double[] a, double[] b) {
        return new double[]{a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double[] add(double[] a, double[] b) {
        return new double[]{a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    static double norm(double[] a) {
        return Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    }

    static double angle(double[] a, double[] b) {
        double c = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) / (norm(a) * norm(b));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
    }

    static double[][] inverse(double[][] m) {
        return Lattice.inverse(m);
    }

    /** Fractional coordinates f with r = f . cell (rows of cell are the lattice vectors). */
    static double[] frac(double[][] cellInv, double[] r) {
        double[] f = new double[3];
        for (int k = 0; k < 3; k++) {
            f[k] = r[0] * cellInv[0][k] + r[1] * cellInv[1][k] + r[2] * cellInv[2][k];
        }
        return f;
    }

    static double[] cart(double[][] cell, double[] f) {
        return Lattice.toCartesian(cell, f);
    }

    static double[] wrap(double[][] cell, double[][] cellInv, double[] r) {
        double[] f = frac(cellInv, r);
        for (int k = 0; k < 3; k++) {
            f[k] -= Math.floor(f[k]);
        }
        return cart(cell, f);
    }
}
