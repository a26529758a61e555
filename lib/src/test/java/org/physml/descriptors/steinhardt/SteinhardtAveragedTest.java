package org.physml.descriptors.steinhardt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * The neighbour-averaged qbar_l against an independent implementation that uses neither spherical harmonics nor
 * the library's neighbour selection: by the addition theorem sum_m Y_lm(a) conj(Y_lm(b)) = (2l+1)/(4 pi) P_l(a.b),
 * <pre>
 *   qbar_l(i)^2 = 1/(N_i+1)^2 sum_{k, k' in {i} + N_i} 1/(N_k N_k') sum_{a in B_k, b in B_k'} P_l(a.b)
 * </pre>
 * with B_k the unit bond vectors of atom k, found here by brute force over atoms and image shifts, sorted by
 * distance. Atoms with too few neighbours (policy ZERO) contribute nothing to the sum but count in N_i + 1.
 */
class SteinhardtAveragedTest {
    private static final int[] L = IntStream.rangeClosed(1, 12).toArray();

    /** Bonds of every atom: unit vectors and bonded atom indices; null if fewer than nearest (0 = all) exist. */
    private record Bonds(double[][] unit, int[] atom) {
    }

    private static Bonds[] bruteForceBonds(Structure s, double rCut, int nearest) {
        double[][] c = s.cell();
        double[][] pos = s.positions();
        int range = imageRange(c, rCut);
        Bonds[] out = new Bonds[s.size()];
        for (int i = 0; i < s.size(); i++) {
            List<double[]> cand = new ArrayList<>(); // {distance, j, dx, dy, dz}
            for (int j = 0; j < s.size(); j++) {
                for (int a = -range; a <= range; a++) {
                    for (int b = -range; b <= range; b++) {
                        for (int e = -range; e <= range; e++) {
                            if (j == i && a == 0 && b == 0 && e == 0) {
                                continue;
                            }
                            double[] d = new double[3];
                            for (int x = 0; x < 3; x++) {
                                d[x] = pos[j][x] + a * c[0][x] + b * c[1][x] + e * c[2][x] - pos[i][x];
                            }
                            double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                            if (r < rCut) {
                                cand.add(new double[]{r, j, d[0] / r, d[1] / r, d[2] / r});
                            }
                        }
                    }
                }
            }
            cand.sort(Comparator.comparingDouble(v -> v[0]));
            int n = nearest > 0 ? nearest : cand.size();
            if (cand.size() < n || cand.isEmpty()) {
                continue;
            }
            double[][] u = new double[n][];
            int[] atom = new int[n];
            for (int k = 0; k < n; k++) {
                u[k] = new double[]{cand.get(k)[2], cand.get(k)[3], cand.get(k)[4]};
                atom[k] = (int) cand.get(k)[1];
            }
            out[i] = new Bonds(u, atom);
        }
        return out;
    }

    /** Image shifts per axis that cover r_cut: ceil(r_cut / smallest plane spacing) + 1 (positions lie in the cell). */
    private static int imageRange(double[][] c, double rCut) {
        double volume = Math.abs(c[0][0] * (c[1][1] * c[2][2] - c[1][2] * c[2][1])
                - c[0][1] * (c[1][0] * c[2][2] - c[1][2] * c[2][0]) + c[0][2] * (c[1][0] * c[2][1] - c[1][1] * c[2][0]));
        double hMin = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 3; k++) {
            double[] u = c[(k + 1) % 3], v = c[(k + 2) % 3];
            double cx = u[1] * v[2] - u[2] * v[1], cy = u[2] * v[0] - u[0] * v[2], cz = u[0] * v[1] - u[1] * v[0];
            hMin = Math.min(hMin, volume / Math.sqrt(cx * cx + cy * cy + cz * cz));
        }
        return (int) Math.ceil(rCut / hMin) + 1;
    }

    /** Adds P_0(x) .. P_lMax(x) (Bonnet's recurrence) times w to acc. */
    private static void addLegendre(double x, double w, double[] acc) {
        double p0 = 1, p1 = x;
        acc[0] += w;
        if (acc.length > 1) {
            acc[1] += w * x;
        }
        for (int n = 1; n + 1 < acc.length; n++) {
            double p2 = ((2 * n + 1) * x * p1 - n * p0) / (n + 1);
            acc[n + 1] += w * p2;
            p0 = p1;
            p1 = p2;
        }
    }

    /** qbar_l(i) for l = 0..lMax by the Legendre identity of the class documentation. */
    private static double[] qBarIdentity(Bonds[] bonds, int i, int lMax) {
        List<Integer> members = new ArrayList<>();
        members.add(i);
        for (int j : bonds[i].atom()) {
            members.add(j);
        }
        double[] sum = new double[lMax + 1];
        for (int k : members) {
            for (int kp : members) {
                if (bonds[k] == null || bonds[kp] == null) {
                    continue;
                }
                double w = 1.0 / ((double) bonds[k].unit().length * bonds[kp].unit().length);
                for (double[] a : bonds[k].unit()) {
                    for (double[] b : bonds[kp].unit()) {
                        addLegendre(a[0] * b[0] + a[1] * b[1] + a[2] * b[2], w, sum);
                    }
                }
            }
        }
        double[] out = new double[lMax + 1];
        for (int l = 0; l <= lMax; l++) {
            out[l] = Math.sqrt(sum[l]) / members.size();
        }
        return out;
    }

    private static void assertIdentity(Structure s, double rCut, int nearest, Steinhardt st) {
        Bonds[] bonds = bruteForceBonds(s, rCut, nearest);
        double[][] x = st.compute(s);
        int invalid = 0;
        for (int i = 0; i < s.size(); i++) {
            if (bonds[i] == null) {
                invalid++;
                for (double v : x[i]) {
                    assertEquals(0.0, v, "atom " + i + " has too few neighbours");
                }
                continue;
            }
            double[] expected = qBarIdentity(bonds, i, L[L.length - 1]);
            for (int k = 0; k < L.length; k++) {
                assertEquals(expected[L[k]], x[i][k], 1e-12, "atom " + i + " qbar" + L[k]);
            }
        }
        System.out.printf("qbar identity: %d atoms, %d with too few neighbours%n", s.size(), invalid);
    }

    private static Structure randomCell() {
        return LammpsCase.named("random_nnn12").structure();
    }

    @Test
    void twelveNearestNeighbours() {
        assertIdentity(randomCell(), 4.5, 12,
                Steinhardt.builder().rCut(4.5).nearestNeighbours(12).q().qBar(L).build());
    }

    @Test
    void allNeighboursWithinTheCutoffGiveVaryingNeighbourCounts() {
        Steinhardt st = Steinhardt.builder().rCut(3.6).allNeighbours().q().qBar(L).build();
        NeighbourList nl = NeighbourList.build(randomCell(), 3.6);
        long distinctCounts = IntStream.range(0, nl.size()).map(nl::neighbourCount).distinct().count();
        assertTrue(distinctCounts > 3, "the test needs different N_k");
        assertIdentity(randomCell(), 3.6, 0, st);
    }

    @Test
    void cellSmallerThanTwiceTheCutoffCountsEveryImage() {
        Structure small = LammpsCase.named("small_null").structure();
        assertIdentity(small, 5.0, 0, Steinhardt.builder().rCut(5.0).allNeighbours().q().qBar(L).build());
        assertIdentity(small, 5.0, 12, Steinhardt.builder().rCut(5.0).nearestNeighbours(12).q().qBar(L).build());
    }

    @Test
    void atomsWithTooFewNeighboursContributeZero() {
        // at r_cut = 3.8 A some atoms of the random cell have fewer than 12 neighbours: they are zero themselves and
        // add nothing to the averages of their neighbours
        Structure s = randomCell();
        NeighbourList nl = NeighbourList.build(s, 3.8);
        long few = IntStream.range(0, nl.size()).filter(i -> nl.neighbourCount(i) < 12).count();
        assertTrue(few > 3 && few < s.size() - 3, "the test needs both kinds of atom, got " + few);
        assertIdentity(s, 3.8, 12, Steinhardt.builder().rCut(3.8).nearestNeighbours(12).q().qBar(L).build());
    }

    @Test
    void reducedCandidateRadiusWithFallbackChangesNothing() {
        // a dense blob in a sparse periodic box: the density-based candidate radius r_0 is well below r_cut, the blob
        // atoms find their 12 neighbours within it, the sparse ones fall back to the r_cut list
        Structure s = blobInSparseBox();
        double rCut = 12.0;
        CandidateSearch search = new CandidateSearch(s, rCut, 12, null);
        assertTrue(search.reduced(), "r_0 = " + search.radius());
        NeighbourList small = NeighbourList.build(s, search.radius());
        long fallbacks = IntStream.range(0, s.size()).filter(i -> small.neighbourCount(i) < 12).count();
        assertTrue(fallbacks > 0 && fallbacks < s.size() / 2, "fallbacks: " + fallbacks);
        assertIdentity(s, rCut, 12, Steinhardt.builder().rCut(rCut).nearestNeighbours(12).q().qBar(L).build());
        // non-averaged features from the r_cut list environment by environment are bit-identical
        Steinhardt plain = Steinhardt.builder().rCut(rCut).nearestNeighbours(12).q(L).wHat(L).build();
        double[][] whole = plain.compute(s);
        NeighbourList full = NeighbourList.build(s, rCut);
        double[] out = new double[plain.featureCount()];
        for (int i = 0; i < s.size(); i++) {
            plain.computeLocal(full.environment(i), out);
            for (int f = 0; f < out.length; f++) {
                assertEquals(out[f], whole[i][f], 0.0);
            }
        }
    }

    private static Structure blobInSparseBox() {
        java.util.Random rnd = new java.util.Random(8);
        List<double[]> pos = new ArrayList<>();
        while (pos.size() < 60) {
            double[] p = {10 + 8 * (rnd.nextDouble() - 0.5), 10 + 8 * (rnd.nextDouble() - 0.5),
                    10 + 8 * (rnd.nextDouble() - 0.5)};
            if (pos.stream().allMatch(q -> dist(p, q) > 1.6)) {
                pos.add(p);
            }
        }
        while (pos.size() < 70) {
            double[] p = {20 * rnd.nextDouble(), 20 * rnd.nextDouble(), 20 * rnd.nextDouble()};
            if (pos.stream().allMatch(q -> dist(p, q) > 4.5)) {
                pos.add(p);
            }
        }
        int[] z = new int[pos.size()];
        java.util.Arrays.fill(z, 8);
        return new Structure(pos.toArray(new double[0][]), z, new double[][]{{20, 0, 0}, {0, 20, 0}, {0, 0, 20}},
                new boolean[]{true, true, true});
    }

    private static double dist(double[] a, double[] b) {
        double d = 0;
        for (int k = 0; k < 3; k++) {
            d += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(d);
    }

    @Test
    void perEnvironmentCallRefusesAveragedFeatures() {
        // averaged features need the neighbours' q_lm: Steinhardt is a whole-structure descriptor, not a local one
        Steinhardt st = Steinhardt.builder().rCut(4.5).q(6).qBar(6).build();
        assertFalse(org.physml.descriptors.LocalDescriptor.class.isInstance(st));
        Structure s = randomCell();
        double[] out = new double[st.featureCount()];
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> st.computeLocal(NeighbourList.build(s, 4.5).environment(0), out));
        assertTrue(e.getMessage().contains("compute(Structure, int[])"), e.getMessage());
    }

    @Test
    void subsetOfCentresGivesTheRowsOfTheFullComputation() {
        // the second pass must fetch the q_lm of neighbours that are not centres
        Steinhardt st = Steinhardt.builder().rCut(4.5).q(4, 6).qBar(4, 6).wBar(4, 6).wHatBar(6).build();
        Structure s = randomCell();
        double[][] all = st.compute(s);
        int[] centres = {7, 3, 7, 31};
        double[][] some = st.compute(s, centres);
        for (int k = 0; k < centres.length; k++) {
            for (int f = 0; f < st.featureCount(); f++) {
                assertEquals(all[centres[k]][f], some[k][f], 0.0);
            }
        }
    }
}
