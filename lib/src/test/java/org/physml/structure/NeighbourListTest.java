package org.physml.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;

import org.junit.jupiter.api.Test;

class NeighbourListTest {

    // ---------- exact agreement with the exhaustive reference ----------

    /** Cell list and brute force must give the same neighbours, in the same order, with bit-identical vectors. */
    static void assertSameLists(NeighbourList expected, NeighbourList actual) {
        assertEquals(expected.size(), actual.size());
        assertEquals(expected.pairCount(), actual.pairCount());
        for (int i = 0; i < expected.size(); i++) {
            LocalEnvironment e = expected.environment(i), a = actual.environment(i);
            assertEquals(e.centre(), a.centre());
            assertEquals(e.centreZ(), a.centreZ());
            assertArrayEquals(e.neighbourIndex(), a.neighbourIndex(), "neighbour indices of atom " + i);
            assertArrayEquals(e.neighbourZ(), a.neighbourZ());
            assertArrayEquals(e.distance(), a.distance(), 0.0);
            for (int k = 0; k < e.size(); k++) {
                assertArrayEquals(e.r()[k], a.r()[k], 0.0);
                assertArrayEquals(expected.imageShift(i, k), actual.imageShift(i, k));
            }
        }
    }

    static double[][] randomCell(Random rnd, double minLength, double maxLength, double skew) {
        while (true) {
            double[][] c = new double[3][3];
            for (int k = 0; k < 3; k++) {
                double len = minLength + (maxLength - minLength) * rnd.nextDouble();
                c[k][k] = len;
                for (int l = 0; l < 3; l++) {
                    if (l != k) {
                        c[k][l] = skew * len * (2 * rnd.nextDouble() - 1);
                    }
                }
            }
            Structure probe = new Structure(new double[0][], new int[0], c, new boolean[]{true, true, true});
            if (probe.volume() > 0.05 * minLength * minLength * minLength) {
                return c;
            }
        }
    }

    static Structure randomStructure(Random rnd, double[][] cell, boolean[] pbc, int n, double fracLo, double fracHi) {
        double[][] pos = new double[n][3];
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            double[] f = new double[3];
            for (int k = 0; k < 3; k++) {
                f[k] = fracLo + (fracHi - fracLo) * rnd.nextDouble();
            }
            for (int c = 0; c < 3; c++) {
                pos[i][c] = f[0] * cell[0][c] + f[1] * cell[1][c] + f[2] * cell[2][c];
            }
            z[i] = 1 + rnd.nextInt(30);
        }
        return new Structure(pos, z, cell, pbc);
    }

    @Test
    void randomTriclinicCellsMatchBruteForce() {
        Random rnd = new Random(1);
        for (int trial = 0; trial < 60; trial++) {
            double[][] cell = randomCell(rnd, 2.0, 9.0, 0.6);
            int n = 1 + rnd.nextInt(25);
            Structure s = randomStructure(rnd, cell, new boolean[]{true, true, true}, n, 0, 1);
            double rCut = 0.5 + 7.5 * rnd.nextDouble();
            assertSameLists(NeighbourList.bruteForce(s, rCut), NeighbourList.build(s, rCut));
        }
    }

    /** A list of some centres: those centres as in the full list (order, vectors, shifts), every other atom empty. */
    @Test
    void centresOnlyListsAgreeWithTheFullListOnTheirCentres() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            double[][] cell = randomCell(rnd, 1.5, 9.0, 0.8);
            int n = 1 + rnd.nextInt(30);
            Structure s = randomStructure(rnd, cell, new boolean[]{true, rnd.nextBoolean(), true}, n, -0.2, 1.2);
            double rCut = 0.5 + 7.5 * rnd.nextDouble();
            int[] centres = rnd.ints(1 + rnd.nextInt(4), 0, n).toArray();   // repeats allowed
            NeighbourList full = NeighbourList.bruteForce(s, rCut);
            NeighbourList some = NeighbourList.build(s, rCut, centres);
            assertEquals(n, some.size());
            java.util.Set<Integer> chosen = Arrays.stream(centres).boxed().collect(java.util.stream.Collectors.toSet());
            int pairs = 0;
            for (int i = 0; i < n; i++) {
                LocalEnvironment a = some.environment(i);
                if (!chosen.contains(i)) {
                    assertEquals(0, a.size(), "atom " + i + " is no centre");
                    continue;
                }
                LocalEnvironment e = full.environment(i);
                pairs += e.size();
                assertArrayEquals(e.neighbourIndex(), a.neighbourIndex(), "neighbours of centre " + i);
                assertArrayEquals(e.distance(), a.distance(), 0.0);
                for (int k = 0; k < e.size(); k++) {
                    assertArrayEquals(e.r()[k], a.r()[k], 0.0);
                    assertArrayEquals(full.imageShift(i, k), some.imageShift(i, k));
                }
            }
            assertEquals(pairs, some.pairCount());
        }
        Structure one = randomStructure(rnd, randomCell(rnd, 3, 5, 0.1), new boolean[]{true, true, true}, 3, 0, 1);
        assertThrows(IndexOutOfBoundsException.class, () -> NeighbourList.build(one, 2.0, new int[]{3}));
        assertThrows(IllegalArgumentException.class, () -> NeighbourList.build(one, -1.0, new int[]{0}));
    }

    @Test
    void thinSkewedCellsWithCutoffLargerThanTheCellMatchBruteForce() {
        Random rnd = new Random(2);
        for (int trial = 0; trial < 30; trial++) {
            // one short axis, strong skew: many images of every atom, including of the centre itself
            double[][] cell = randomCell(rnd, 0.8, 3.0, 0.9);
            Structure s = randomStructure(rnd, cell, new boolean[]{true, true, true}, 1 + rnd.nextInt(4), 0, 1);
            // |a_k| <= 3 sqrt(1 + 2 * 0.9^2) < 5 <= r_cut: atom 0 sees its own images along every lattice vector
            double rCut = 5 + 3 * rnd.nextDouble();
            NeighbourList reference = NeighbourList.bruteForce(s, rCut);
            assertSameLists(reference, NeighbourList.build(s, rCut));
            assertTrue(Arrays.stream(reference.environment(0).neighbourIndex()).filter(j -> j == 0).count() >= 6,
                    "atom 0 must see at least its 6 images +-a_k");
        }
    }

    @Test
    void positionsOutsideTheCellMatchBruteForce() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 25; trial++) {
            double[][] cell = randomCell(rnd, 2.5, 7.0, 0.5);
            Structure s = randomStructure(rnd, cell, new boolean[]{true, true, true}, 1 + rnd.nextInt(15), -3, 4);
            double rCut = 1 + 5 * rnd.nextDouble();
            assertSameLists(NeighbourList.bruteForce(s, rCut), NeighbourList.build(s, rCut));
        }
    }

    @Test
    void mixedPeriodicityMatchesBruteForce() {
        Random rnd = new Random(4);
        boolean[][] patterns = {
                {true, true, false}, {false, true, true}, {true, false, true},
                {true, false, false}, {false, false, true}, {false, true, false}};
        for (int trial = 0; trial < 60; trial++) {
            boolean[] pbc = patterns[trial % patterns.length];
            double[][] cell = randomCell(rnd, 2.0, 8.0, 0.5);
            // atoms well outside the cell along the non-periodic axes (vacuum, slab thickness)
            Structure s = randomStructure(rnd, cell, pbc, 1 + rnd.nextInt(25), -1.5, 2.5);
            double rCut = 0.5 + 6 * rnd.nextDouble();
            assertSameLists(NeighbourList.bruteForce(s, rCut), NeighbourList.build(s, rCut));
        }
    }

    /**
     * The search walks the bins of a sphere with bounds from the skewed bin metric, and restores the reference
     * order by sorting each centre's neighbours (nearly sorted when atoms are numbered in space order, as in a
     * supercell; far from sorted when shuffled). A large, strongly skewed cell with several bins along every axis,
     * periodic or with a vacuum axis, atoms in both orders, must match brute force bit for bit.
     */
    @Test
    void largeSkewedCellsWithManyBinsMatchBruteForceInAnyAtomOrder() {
        Random rnd = new Random(12);
        double[][] cell = {{16, 0, 0}, {11, 14, 0}, {-9, 7, 17}};
        boolean[][] patterns = {{true, true, true}, {true, false, true}, {true, true, false}};
        for (boolean[] pbc : patterns) {
            Structure shuffled = randomStructure(rnd, cell, pbc, 500, -0.1, 1.1);
            double[][] inverse = new LUDecomposition(MatrixUtils.createRealMatrix(cell)).getSolver().getInverse()
                    .getData();
            double[][] p = shuffled.positionsView();
            // space order: by a coarse grid of fractional coordinates, axis 0 slowest
            int[] spaceOrder = IntStream.range(0, p.length).boxed()
                    .sorted(Comparator.comparingInt(i -> coarseCell(p[i], inverse)))
                    .mapToInt(Integer::intValue).toArray();
            for (Structure s : new Structure[]{shuffled, shuffled.select(spaceOrder)}) {
                for (double rCut : new double[]{3.2, 5.5}) {
                    assertSameLists(NeighbourList.bruteForce(s, rCut), NeighbourList.build(s, rCut));
                }
            }
        }
    }

    /** Index of the cell of a 5 x 5 x 5 grid over the unit cell that holds position r (s = r inverse). */
    private static int coarseCell(double[] r, double[][] inverse) {
        int index = 0;
        for (int k = 0; k < 3; k++) {
            double f = r[0] * inverse[0][k] + r[1] * inverse[1][k] + r[2] * inverse[2][k];
            index = 5 * index + (int) Math.floor(5 * (f - Math.floor(f)));
        }
        return index;
    }

    @Test
    void moleculesWithZeroCellMatchBruteForce() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 30; trial++) {
            int n = 1 + rnd.nextInt(60);
            double size = 1 + 20 * rnd.nextDouble();
            double[][] pos = new double[n][3];
            int[] z = new int[n];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < 3; c++) {
                    pos[i][c] = size * (rnd.nextDouble() - 0.5) + (c == 0 ? 100 : 0);
                }
                z[i] = 1 + rnd.nextInt(10);
            }
            Structure s = Structure.molecule(pos, z);
            double rCut = 0.5 + 5 * rnd.nextDouble();
            assertSameLists(NeighbourList.bruteForce(s, rCut), NeighbourList.build(s, rCut));
        }
    }

    @Test
    void flatAndLinearMoleculesMatchBruteForce() {
        // all atoms in a plane, and all on a line: zero extent along some binning axes
        double[][] planar = {{0, 0, 0}, {1.2, 0, 0}, {0, 1.1, 0}, {2.5, 2.5, 0}, {-1, 0.3, 0}};
        double[][] linear = {{0, 0, 0}, {0, 0, 1.1}, {0, 0, 2.3}, {0, 0, -0.9}};
        for (double[][] pos : new double[][][]{planar, linear}) {
            int[] z = new int[pos.length];
            Arrays.fill(z, 6);
            Structure s = Structure.molecule(pos, z);
            for (double rCut : new double[]{0.5, 1.15, 2.0, 10.0}) {
                assertSameLists(NeighbourList.bruteForce(s, rCut), NeighbourList.build(s, rCut));
            }
        }
        Structure single = Structure.molecule(new double[][]{{1, 2, 3}}, new int[]{8});
        assertEquals(0, NeighbourList.build(single, 5).environment(0).size());
    }

    // ---------- exact counts in known crystals ----------

    /** Conventional cubic cell of lattice constant a with the given basis in units of a. */
    static Structure cubic(double a, double[][] basis, int z) {
        double[][] pos = new double[basis.length][3];
        int[] zs = new int[basis.length];
        for (int i = 0; i < basis.length; i++) {
            for (int c = 0; c < 3; c++) {
                pos[i][c] = a * basis[i][c];
            }
            zs[i] = z;
        }
        return new Structure(pos, zs, new double[][]{{a, 0, 0}, {0, a, 0}, {0, 0, a}}, new boolean[]{true, true, true});
    }

    static final double[][] FCC = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
    static final double[][] BCC = {{0, 0, 0}, {0.5, 0.5, 0.5}};
    static final double[][] DIAMOND = {
            {0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0},
            {0.25, 0.25, 0.25}, {0.25, 0.75, 0.75}, {0.75, 0.25, 0.75}, {0.75, 0.75, 0.25}};

    /**
     * Checks every atom's shells: the neighbours have exactly the distances a sqrt(q_s) / 4 (q_s in units
     * of (a/4)^2) with the given counts, when r_cut lies between the last listed shell and the next one.
     */
    static void assertShells(Structure s, double a, int[] q, int[] counts, int nextQ) {
        double rCut = 0.25 * a * 0.5 * (Math.sqrt(q[q.length - 1]) + Math.sqrt(nextQ));
        NeighbourList nl = NeighbourList.build(s, rCut);
        for (int i = 0; i < s.size(); i++) {
            TreeMap<Integer, Integer> found = new TreeMap<>();
            for (double d : nl.environment(i).distance()) {
                double qd = 16 * d * d / (a * a);
                int qi = (int) Math.round(qd);
                assertEquals(qi, qd, 1e-9, "distance " + d + " is not a lattice distance");
                found.merge(qi, 1, Integer::sum);
            }
            TreeMap<Integer, Integer> expected = new TreeMap<>();
            for (int k = 0; k < q.length; k++) {
                expected.put(q[k], counts[k]);
            }
            assertEquals(expected, found, "shells of atom " + i);
        }
    }

    /**
     * Shell counts derived by hand from the lattice vectors (in units of (a/4)^2 for q):
     * fcc (a/2)(h,k,l), h+k+l even: h^2+k^2+l^2 = 2, 4, 6, 8, 10 -> 12, 6, 24, 12, 24 (q = 8, 16, 24, 32, 40).
     */
    @Test
    void fccShells() {
        double a = 3.6;
        assertShells(cubic(a, FCC, 29), a, new int[]{8, 16, 24, 32, 40}, new int[]{12, 6, 24, 12, 24}, 48);
    }

    /** bcc (a/2)(h,k,l), all odd or all even: 3, 4, 8, 11, 12 -> 8, 6, 12, 24, 8 (q = 12, 16, 32, 44, 48). */
    @Test
    void bccShells() {
        double a = 3.3;
        assertShells(cubic(a, BCC, 26), a, new int[]{12, 16, 32, 44, 48}, new int[]{8, 6, 12, 24, 8}, 64);
    }

    /**
     * diamond: the other sublattice at (a/4)(p,q,r), all odd with p+q+r = 3 mod 4, gives q = 3 (4), 11 (12),
     * 19 (12); the own fcc sublattice gives q = 8 (12), 16 (6).
     */
    @Test
    void diamondShells() {
        double a = 5.43;
        assertShells(cubic(a, DIAMOND, 14), a, new int[]{3, 8, 11, 16, 19}, new int[]{4, 12, 12, 6, 12}, 24);
    }

    @Test
    void primitiveFccCellSmallerThanCutoffGivesTheSameShells() {
        double a = 4.05;
        double h = a / 2;
        Structure prim = new Structure(new double[][]{{0.3, -0.2, 0.1}}, new int[]{13},
                new double[][]{{0, h, h}, {h, 0, h}, {h, h, 0}}, new boolean[]{true, true, true});
        assertShells(prim, a, new int[]{8, 16, 24, 32, 40}, new int[]{12, 6, 24, 12, 24}, 48);
        // every neighbour is an image of the only atom
        for (int j : NeighbourList.build(prim, 1.5 * a).environment(0).neighbourIndex()) {
            assertEquals(0, j);
        }
    }

    @Test
    void cutoffIsStrict() {
        Structure sc = new Structure(new double[][]{{0, 0, 0}}, new int[]{1},
                new double[][]{{3, 0, 0}, {0, 3, 0}, {0, 0, 3}}, new boolean[]{true, true, true});
        assertEquals(0, NeighbourList.build(sc, 3.0).environment(0).size());
        assertEquals(6, NeighbourList.build(sc, Math.nextUp(3.0)).environment(0).size());
    }

    // ---------- invariances ----------

    @Test
    void supercellHasTheSameEnvironments() {
        Random rnd = new Random(6);
        double[][] cell = randomCell(rnd, 3, 5, 0.3);
        Structure s = randomStructure(rnd, cell, new boolean[]{true, true, true}, 5, 0, 1);
        int[] rep = {2, 1, 3};
        List<double[]> pos = new ArrayList<>();
        List<Integer> z = new ArrayList<>();
        List<Integer> origin = new ArrayList<>();
        for (int a = 0; a < rep[0]; a++) {
            for (int b = 0; b < rep[1]; b++) {
                for (int c = 0; c < rep[2]; c++) {
                    for (int i = 0; i < s.size(); i++) {
                        double[] p = s.position(i);
                        for (int x = 0; x < 3; x++) {
                            p[x] += a * cell[0][x] + b * cell[1][x] + c * cell[2][x];
                        }
                        pos.add(p);
                        z.add(s.atomicNumber(i));
                        origin.add(i);
                    }
                }
            }
        }
        double[][] superCell = new double[3][3];
        for (int k = 0; k < 3; k++) {
            for (int x = 0; x < 3; x++) {
                superCell[k][x] = rep[k] * cell[k][x];
            }
        }
        Structure big = new Structure(pos.toArray(new double[0][]), z.stream().mapToInt(Integer::intValue).toArray(),
                superCell, new boolean[]{true, true, true});
        double rCut = 6.5;
        NeighbourList small = NeighbourList.build(s, rCut), large = NeighbourList.build(big, rCut);
        for (int i = 0; i < big.size(); i++) {
            double[] ds = small.environment(origin.get(i)).distance().clone();
            double[] dl = large.environment(i).distance().clone();
            Arrays.sort(ds);
            Arrays.sort(dl);
            assertArrayEquals(ds, dl, 1e-9, "supercell atom " + i);
        }
    }

    @Test
    void translationAndPermutationDoNotChangeDistances() {
        Random rnd = new Random(7);
        double[][] cell = randomCell(rnd, 3, 6, 0.4);
        Structure s = randomStructure(rnd, cell, new boolean[]{true, true, true}, 20, 0, 1);
        int n = s.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = n - 1 - i;
        }
        double[][] moved = s.positions();
        double[] t = {12.3, -7.7, 4.1};
        for (double[] p : moved) {
            for (int c = 0; c < 3; c++) {
                p[c] += t[c];
            }
        }
        Structure shifted = new Structure(moved, s.atomicNumbers(), cell, s.pbc()).select(perm);
        NeighbourList a = NeighbourList.build(s, 5), b = NeighbourList.build(shifted, 5);
        for (int i = 0; i < n; i++) {
            double[] da = a.environment(i).distance().clone(), db = b.environment(n - 1 - i).distance().clone();
            Arrays.sort(da);
            Arrays.sort(db);
            assertArrayEquals(da, db, 1e-9);
        }
    }

    // ---------- a large cell: pair symmetry and density ----------

    /**
     * 10,000 atoms of an ideal gas in a triclinic box, r_cut = 5 A: every pair (i, j, n) must appear as
     * (j, i, -n) with the opposite vector, and the mean neighbour count must match rho 4/3 pi r_cut^3 within
     * the Poisson error (one in ~1e6 chance of a false failure at 5 sigma).
     */
    @Test
    void largeTriclinicGasIsSymmetricAndHasTheIdealDensity() {
        Random rnd = new Random(8);
        int n = 10_000;
        double[][] cell = {{48, 0, 0}, {9, 46, 0}, {-7, 5, 44}};
        Structure s = randomStructure(rnd, cell, new boolean[]{true, true, true}, n, 0, 1);
        double rCut = 5.0;
        long t0 = System.nanoTime();
        NeighbourList nl = NeighbourList.build(s, rCut);
        long t1 = System.nanoTime();
        System.out.printf("NeighbourList.build: %d atoms, r_cut %.1f A, %d pairs in %.1f ms%n",
                n, rCut, nl.pairCount(), (t1 - t0) / 1e6);
        Map<String, double[]> pairs = new HashMap<>();
        for (int i = 0; i < n; i++) {
            LocalEnvironment e = nl.environment(i);
            for (int k = 0; k < e.size(); k++) {
                int[] sh = nl.imageShift(i, k);
                pairs.put(i + ":" + e.neighbourIndex()[k] + ":" + Arrays.toString(sh), e.r()[k]);
            }
        }
        for (Map.Entry<String, double[]> p : pairs.entrySet()) {
            String[] parts = p.getKey().split(":");
            int[] sh = Arrays.stream(parts[2].replaceAll("[\\[\\] ]", "").split(",")).mapToInt(Integer::parseInt).toArray();
            String reverse = parts[1] + ":" + parts[0] + ":" + Arrays.toString(new int[]{-sh[0], -sh[1], -sh[2]});
            double[] back = pairs.get(reverse);
            assertTrue(back != null, "missing reverse of " + p.getKey());
            for (int c = 0; c < 3; c++) {
                assertEquals(-p.getValue()[c], back[c], 1e-9);
            }
        }
        double expectedMean = (n - 1) / s.volume() * 4.0 / 3.0 * Math.PI * rCut * rCut * rCut;
        double mean = (double) nl.pairCount() / n;
        // pair count of an ideal gas: variance of the mean ~ 2 expectedMean / n (each pair counted twice)
        assertEquals(expectedMean, mean, 5 * Math.sqrt(2 * expectedMean / n));
    }

    /**
     * Neighbour indices spread over far more indices than there are neighbours (a large gas numbered at random) are
     * sorted by comparison, not by presence, and with about 40 neighbours a centre the insertion sort hands over to
     * Arrays.sort: some centres of 30,000 atoms against a brute-force search of their own over atoms and images.
     */
    @Test
    void centresWhoseNeighbourIndicesSpreadOverALargeStructureMatchBruteForce() {
        Random rnd = new Random(13);
        double[][] cell = {{70, 0, 0}, {5, 69, 0}, {-4, 3, 71}};
        Structure s = randomStructure(rnd, cell, new boolean[]{true, true, true}, 30000, 0, 1);
        double rCut = 4.8;
        NeighbourList list = NeighbourList.build(s, rCut);
        double[][] shiftCell = NeighbourList.shiftCell(s);
        double[][] pos = s.positionsView();
        double[] v = new double[3];
        for (int trial = 0; trial < 30; trial++) {
            int i = rnd.nextInt(s.size());
            // the cell is far wider than 2 r_cut and the atoms inside it: images -1..1 hold every neighbour
            List<int[]> expected = new ArrayList<>();
            for (int j = 0; j < s.size(); j++) {
                for (int a = -1; a <= 1; a++) {
                    for (int b = -1; b <= 1; b++) {
                        for (int c = -1; c <= 1; c++) {
                            boolean self = j == i && a == 0 && b == 0 && c == 0;
                            double d2 = NeighbourList.pairVector(pos[i], pos[j], shiftCell, a, b, c, v);
                            if (!self && d2 < rCut * rCut) {
                                expected.add(new int[]{j, a, b, c});
                            }
                        }
                    }
                }
            }
            LocalEnvironment e = list.environment(i);
            assertEquals(expected.size(), e.size(), "neighbours of atom " + i);
            for (int k = 0; k < e.size(); k++) {
                int[] jn = expected.get(k);
                assertEquals(jn[0], e.neighbourIndex()[k]);
                assertArrayEquals(Arrays.copyOfRange(jn, 1, 4), list.imageShift(i, k));
                NeighbourList.pairVector(pos[i], pos[jn[0]], shiftCell, jn[1], jn[2], jn[3], v);
                assertArrayEquals(v, e.r()[k], 0.0);
            }
        }
    }

    @Test
    void subsetOfALargeCellMatchesBruteForce() {
        Random rnd = new Random(9);
        double[][] cell = {{14, 0, 0}, {3, 13, 0}, {2, -2, 15}};
        Structure s = randomStructure(rnd, cell, new boolean[]{true, true, true}, 300, -0.2, 1.2);
        assertSameLists(NeighbourList.bruteForce(s, 5.5), NeighbourList.build(s, 5.5));
    }

    /**
     * More than one chunk of centres (the search runs them in parallel): the list must equal brute force
     * bit for bit, and be the same on one thread as on all, for all centres and for a subset spanning the
     * chunk boundaries.
     */
    @Test
    void chunkedParallelSearchMatchesBruteForceOnAnyNumberOfThreads() throws Exception {
        Random rnd = new Random(10);
        double[][] cell = {{30, 0, 0}, {4, 29, 0}, {-3, 2, 31}};
        Structure s = randomStructure(rnd, cell, new boolean[]{true, true, false}, 2600, -0.1, 1.1);
        NeighbourList all = NeighbourList.build(s, 4.0);
        assertSameLists(NeighbourList.bruteForce(s, 4.0), all);
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        try {
            assertSameLists(all, one.submit(() -> NeighbourList.build(s, 4.0)).get());
            int[] centres = {0, 1023, 1024, 1025, 2047, 2048, 2599};
            NeighbourList some = one.submit(() -> NeighbourList.build(s, 4.0, centres)).get();
            NeighbourList someParallel = NeighbourList.build(s, 4.0, centres);
            for (int c : centres) {
                assertArrayEquals(all.environment(c).neighbourIndex(), some.environment(c).neighbourIndex());
                assertArrayEquals(all.environment(c).distance(), someParallel.environment(c).distance(), 0.0);
            }
            assertEquals(0, someParallel.neighbourCount(1));
        } finally {
            one.shutdown();
        }
    }

    // ---------- API behaviour ----------

    @Test
    void badCutoffIsRejected() {
        Structure s = Structure.molecule(new double[][]{{0, 0, 0}}, new int[]{1});
        for (double rc : new double[]{0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NeighbourList.build(s, rc));
            assertTrue(e.getMessage().contains("r_cut"));
        }
    }

    @Test
    void emptyStructureHasNoCentres() {
        Structure empty = Structure.molecule(new double[0][], new int[0]);
        assertEquals(0, NeighbourList.build(empty, 3).size());
        assertEquals(0, NeighbourList.build(empty, 3).pairCount());
    }

    @Test
    void ownImagesOfTheCentreAreNeighbours() {
        Structure sc = new Structure(new double[][]{{0.5, 0.5, 0.5}}, new int[]{3},
                new double[][]{{2, 0, 0}, {0, 2, 0}, {0, 0, 2}}, new boolean[]{true, true, false});
        LocalEnvironment e = NeighbourList.build(sc, 2.5).environment(0);
        // slab: 4 in-plane images at 2 A; the diagonal ones at 2.83 A are beyond r_cut; no images along z
        assertEquals(4, e.size());
        for (int k = 0; k < 4; k++) {
            assertEquals(0, e.neighbourIndex()[k]);
            assertEquals(2.0, e.distance()[k], 1e-15);
            assertEquals(0.0, e.r()[k][2], 0.0);
        }
    }
}
