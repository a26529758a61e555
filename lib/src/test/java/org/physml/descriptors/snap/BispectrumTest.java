package org.physml.descriptors.snap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/** Physics and API of {@link Bispectrum}: counts, analytic limits, invariances, periodicity, smoothness, gradients. */
class BispectrumTest {
    private static final int SI = 14;
    private static final int O = 8;

    private static Bispectrum.Builder siO(int twojmax) {
        return Bispectrum.builder().rcutfac(4.67637).rfac0(0.99363).twojmax(twojmax)
                .species(SI, 0.5, 1.0).species(O, 0.42, 0.7);
    }

    // ---------------------------------------------------------------- columns

    @Test
    void componentCountFollowsTheLammpsFormulaAndTheEnumeration() {
        assertEquals(30, Bispectrum.componentCount(6));
        assertEquals(55, Bispectrum.componentCount(8));
        for (int twojmax = 0; twojmax <= Bispectrum.MAX_TWOJMAX; twojmax++) {
            int count = 0;
            for (int j1 = 0; j1 <= twojmax; j1++) {
                for (int j2 = 0; j2 <= j1; j2++) {
                    for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                        if (j >= j1) {
                            count++;
                        }
                    }
                }
            }
            assertEquals(count, Bispectrum.componentCount(twojmax), "twojmax " + twojmax);
        }
        Bispectrum b6 = siO(6).build();
        assertEquals(30, b6.featureCount());
        assertEquals(30, b6.featureNames().size());
        Bispectrum q = siO(6).quadraticflag(1).build();
        assertEquals(30 + 30 * 31 / 2, q.featureCount());
        assertEquals(30, q.linearCount());
        assertEquals("0.5*B_{0,0,0}*B_{0,0,0}", q.featureNames().get(30));
        assertEquals("B_{0,0,0}*B_{1,0,1}", q.featureNames().get(31));
        assertThrows(IllegalArgumentException.class, () -> Bispectrum.componentCount(-1));
    }

    @Test
    void columnOrderIsLammpsOrder() {
        // twojmax 2 by hand: (j1, j2, j) = (0,0,0); (1,0,1); (1,1,2) [(1,1,0) has j < j1];
        // (2,0,2); (2,1,1) dropped (j < j1); (2,2,2) [(2,2,0) dropped]
        Bispectrum b = siO(2).build();
        assertEquals(List.of("B_{0,0,0}", "B_{1,0,1}", "B_{1,1,2}", "B_{2,0,2}", "B_{2,2,2}"), b.featureNames());
        assertArrayEquals(new int[][]{{0, 0, 0}, {1, 0, 1}, {1, 1, 2}, {2, 0, 2}, {2, 2, 2}}, b.indices());
    }

    // ---------------------------------------------------------------- analytic limits

    @Test
    void freeAtomGivesJPlusOneOrZero() {
        Structure atom = Structure.molecule(new double[][]{{0, 0, 0}}, new int[]{SI});
        Bispectrum raw = siO(8).bzeroflag(0).build();
        double[] b = raw.compute(atom)[0];
        int[][] jjj = raw.indices();
        for (int l = 0; l < b.length; l++) {
            // u^j = identity: B_{j1 j2 j} = sum_{m m'} conj(delta) Z = (j + 1)
            assertEquals(jjj[l][2] + 1.0, b[l], 1e-13, raw.featureNames().get(l));
        }
        for (double v : siO(8).build().compute(atom)[0]) {
            assertEquals(0.0, v, 1e-13);
        }
        for (double v : siO(8).bzeroflag(0).bnormflag(1).build().compute(atom)[0]) {
            assertEquals(1.0, v, 1e-13);
        }
    }

    @Test
    void singleNeighbourPowerSpectrumIsAnalytic() {
        // u^j = I + s U^j with s = w f_c(r): u^0 = 1 + s, so B_{000} = (1 + s)^3 and
        // B_{j 0 j} = u^0 |u^j|^2 = (1 + s) [(j + 1)(1 + s^2) + 2 s tr U^j],
        // tr U^j = sin((j + 1) theta0)/sin(theta0) (SU(2) character of the rotation by 2 theta0)
        for (double rmin0 : new double[]{0.0, 0.4}) {
            Bispectrum b = siO(8).bzeroflag(0).rmin0(rmin0).build();
            for (double r : new double[]{1.2, 2.35, 3.1, 4.25}) {
                Structure dimer = Structure.molecule(new double[][]{{0, 0, 0}, {0.3 * r, -0.4 * r, Math.sqrt(0.75) * r}},
                        new int[]{SI, O});
                double rc = 4.67637 * (0.5 + 0.42);
                double theta0 = 0.99363 * Math.PI * (r - rmin0) / (rc - rmin0);
                double s = 0.7 * 0.5 * (Math.cos(Math.PI * (r - rmin0) / (rc - rmin0)) + 1);
                double[] v = b.compute(dimer)[0];
                int[][] jjj = b.indices();
                for (int l = 0; l < v.length; l++) {
                    int j1 = jjj[l][0], j2 = jjj[l][1], j = jjj[l][2];
                    if (j2 != 0) {
                        continue;
                    }
                    assertEquals(j1, j);
                    double trace = Math.sin((j + 1) * theta0) / Math.sin(theta0);
                    double expected = (1 + s) * ((j + 1) * (1 + s * s) + 2 * s * trace);
                    assertEquals(expected, v[l], 1e-12 * Math.abs(expected), "r = " + r + ", " + b.featureNames().get(l));
                }
                assertEquals(Math.pow(1 + s, 3), v[0], 1e-12);
            }
        }
    }

    @Test
    void pairCutoffsDependOnBothSpecies() {
        Bispectrum b = Bispectrum.builder().rcutfac(4.0).rfac0(0.99363).twojmax(4)
                .species(SI, 0.6, 1.0).species(O, 0.4, 1.0).build();
        assertEquals(4.8, b.cutoff(), 1e-15);
        assertEquals(4.0, b.pairCutoff(SI, O), 1e-15);
        // an O at 4.2 A: inside cutoff() but outside R_SiO = 4.0, so both atoms are free atoms
        Structure pair = Structure.molecule(new double[][]{{0, 0, 0}, {4.2, 0, 0}}, new int[]{SI, O});
        double[] free = b.compute(Structure.molecule(new double[][]{{0, 0, 0}}, new int[]{SI}))[0];
        for (double[] atom : b.compute(pair)) {
            assertArrayEquals(free, atom, 0.0);
        }
        // two Si at 4.2 A are inside R_SiSi = 4.8
        Structure siPair = Structure.molecule(new double[][]{{0, 0, 0}, {4.2, 0, 0}}, new int[]{SI, SI});
        assertTrue(Math.abs(b.compute(siPair)[0][0]) > 1e-3);
    }

    // ---------------------------------------------------------------- invariances

    private static Structure randomCluster(Random rng, int n) {
        List<double[]> pos = new ArrayList<>();
        while (pos.size() < n) {
            double[] x = {6 * rng.nextDouble(), 6 * rng.nextDouble(), 6 * rng.nextDouble()};
            boolean ok = pos.stream().allMatch(y -> Math.hypot(Math.hypot(x[0] - y[0], x[1] - y[1]), x[2] - y[2]) > 1.4);
            if (ok) {
                pos.add(x);
            }
        }
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            z[i] = i % 3 == 0 ? SI : O;
        }
        return Structure.molecule(pos.toArray(new double[0][]), z);
    }

    private static void assertSameVectors(double[][] expected, double[][] actual, int[] map, String what) {
        for (int i = 0; i < expected.length; i++) {
            double[] e = expected[map == null ? i : map[i]];
            double scale = 0.0;
            for (double v : e) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int l = 0; l < e.length; l++) {
                assertEquals(e[l], actual[i][l], 1e-11 * scale, what + ": atom " + i + ", column " + l);
            }
        }
    }

    @Test
    void invariantUnderRotationInversionTranslationAndPermutation() {
        Random rng = new Random(7);
        Structure s = randomCluster(rng, 16);
        Bispectrum b = siO(8).build();
        double[][] ref = b.compute(s);
        double[][] p = s.positions();
        int n = s.size();

        Rotation rot = new Rotation(new Vector3D(0.3, -1.1, 0.7), 2.1, RotationConvention.VECTOR_OPERATOR);
        double[][] rotated = new double[n][];
        double[][] inverted = new double[n][];
        double[][] shifted = new double[n][];
        for (int i = 0; i < n; i++) {
            rotated[i] = rot.applyTo(new Vector3D(p[i])).toArray();
            inverted[i] = new double[]{-p[i][0], -p[i][1], -p[i][2]};
            shifted[i] = new double[]{p[i][0] + 13.7, p[i][1] - 4.2, p[i][2] + 0.9};
        }
        assertSameVectors(ref, b.compute(Structure.molecule(rotated, s.atomicNumbers())), null, "rotation");
        assertSameVectors(ref, b.compute(Structure.molecule(inverted, s.atomicNumbers())), null, "inversion");
        assertSameVectors(ref, b.compute(Structure.molecule(shifted, s.atomicNumbers())), null, "translation");

        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = (7 * i + 3) % n;   // 7 is coprime with 16
        }
        assertSameVectors(ref, b.compute(s.select(perm)), perm, "permutation");

        // sanity: the components do see the geometry (a different cluster gives different vectors)
        double[][] other = b.compute(randomCluster(new Random(8), 16));
        assertTrue(Math.abs(other[0][10] - ref[0][10]) > 1e-6);
    }

    @Test
    void supercellGivesTheSamePerAtomVectors() {
        Structure cell = LammpsReference.structure("sio_triclinic_24.txt");
        Bispectrum b = siO(6).build();
        double[][] ref = b.compute(cell);
        double[][] a = cell.cell();
        int n = cell.size();
        double[][] pos = new double[8 * n][];
        int[] z = new int[8 * n];
        int[] map = new int[8 * n];
        int k = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int l = 0; l < 2; l++) {
                    for (int atom = 0; atom < n; atom++) {
                        double[] x = cell.position(atom);
                        for (int c = 0; c < 3; c++) {
                            x[c] += i * a[0][c] + j * a[1][c] + l * a[2][c];
                        }
                        pos[k] = x;
                        z[k] = cell.atomicNumber(atom);
                        map[k] = atom;
                        k++;
                    }
                }
            }
        }
        double[][] big = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                big[r][c] = 2 * a[r][c];
            }
        }
        Structure supercell = new Structure(pos, z, big, new boolean[]{true, true, true});
        assertSameVectors(ref, b.compute(supercell), map, "2x2x2 supercell");
    }

    // ---------------------------------------------------------------- smoothness

    @Test
    void smoothAtThePairCutoff() {
        Bispectrum b = siO(6).build();
        double rc = b.pairCutoff(SI, SI);
        double[] free = b.compute(Structure.molecule(new double[][]{{0, 0, 0}}, new int[]{SI}))[0];
        double[] d1 = dimerDifference(b, rc - 1e-3, free);
        double[] d2 = dimerDifference(b, rc - 0.5e-3, free);
        for (int l = 0; l < d1.length; l++) {
            // f_c(R - eps) = (pi eps / R)^2 / 4 + O(eps^4): the change vanishes quadratically
            if (Math.abs(d1[l]) > 1e-12) {
                assertEquals(4.0, d1[l] / d2[l], 0.02, b.featureNames().get(l));
            }
        }
        assertTrue(max(d1) < 1e-5, "B within 1e-3 A of the cutoff differs from the free atom by " + max(d1));
        assertEquals(0.0, max(dimerDifference(b, rc + 1e-12, free)), 0.0, "beyond the cutoff");

        // the gradient vanishes linearly: |dB/dr| at R - eps over |dB/dr| at R - eps/2 -> 2
        double g1 = maxGradient(b, rc - 1e-3), g2 = maxGradient(b, rc - 0.5e-3);
        assertEquals(2.0, g1 / g2, 0.01);
        assertTrue(g1 < 1e-2);

        // without the switching function B jumps at the cutoff (the test above can fail)
        Bispectrum hard = siO(6).switchflag(0).build();
        assertTrue(max(dimerDifference(hard, hard.pairCutoff(SI, SI) - 1e-6, free)) > 0.1);
    }

    private static double[] dimerDifference(Bispectrum b, double r, double[] free) {
        Structure dimer = Structure.molecule(new double[][]{{0, 0, 0}, {r * 0.6, r * 0.8, 0}}, new int[]{SI, SI});
        double[] v = b.compute(dimer)[0];
        for (int l = 0; l < v.length; l++) {
            v[l] -= free[l];
        }
        return v;
    }

    private static double maxGradient(Bispectrum b, double r) {
        LocalEnvironment env = new LocalEnvironment(0, SI, new int[]{1}, new int[]{SI},
                new double[][]{{r * 0.6, r * 0.8, 0}}, new double[]{r});
        double[][][] g = new double[1][b.featureCount()][3];
        b.computeWithGradient(env, new double[b.featureCount()], g);
        double m = 0.0;
        for (double[] row : g[0]) {
            for (double v : row) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    private static double max(double[] v) {
        double m = 0.0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    // ---------------------------------------------------------------- gradients

    @Test
    void gradientMatchesCentralDifferences() {
        Structure cluster = randomCluster(new Random(3), 14);
        checkGradient(siO(6).build(), cluster);
        checkGradient(siO(5).quadraticflag(1).bnormflag(1).build(), cluster);
        checkGradient(siO(8).switchflag(0).rmin0(0.3).bzeroflag(0).build(), cluster);
        // periodic cell smaller than twice the cutoff: several images of one atom, each with its own gradient
        Structure si8 = LammpsReference.structure("si_diamond_8.txt");
        checkGradient(Bispectrum.builder().rcutfac(4.9).rfac0(0.99363).twojmax(6).species(SI, 0.5, 1.0).build(), si8);
    }

    private static void checkGradient(Bispectrum b, Structure s) {
        NeighbourList nl = NeighbourList.build(s, b.cutoff());
        int nf = b.featureCount();
        double h = 1e-5;
        for (int i = 0; i < Math.min(s.size(), 3); i++) {
            LocalEnvironment env = nl.environment(i);
            double[][][] g = new double[env.size()][nf][3];
            double[] out = new double[nf];
            b.computeWithGradient(env, out, g);
            double[] plain = new double[nf];
            b.compute(env, plain);
            assertArrayEquals(plain, out, 1e-12, "B from computeWithGradient");
            double scale = 0.0;
            for (double[][] gk : g) {
                for (double[] row : gk) {
                    scale = Math.max(scale, Math.max(Math.abs(row[0]), Math.max(Math.abs(row[1]), Math.abs(row[2]))));
                }
            }
            for (int k = 0; k < env.size(); k++) {
                for (int c = 0; c < 3; c++) {
                    double[] plus = new double[nf], minus = new double[nf];
                    b.compute(displaced(env, k, c, h), plus);
                    b.compute(displaced(env, k, c, -h), minus);
                    for (int l = 0; l < nf; l++) {
                        double fd = (plus[l] - minus[l]) / (2 * h);
                        assertEquals(fd, g[k][l][c], 1e-6 * scale, b + ": centre " + i + ", neighbour " + k + ", "
                                + "component " + c + ", " + b.featureNames().get(l));
                    }
                }
            }
        }
    }

    /** The environment with neighbour entry k moved by h along axis c. */
    private static LocalEnvironment displaced(LocalEnvironment env, int k, int c, double h) {
        double[][] r = new double[env.size()][];
        double[] d = env.distance().clone();
        for (int q = 0; q < r.length; q++) {
            r[q] = env.r()[q].clone();
        }
        r[k][c] += h;
        d[k] = Math.sqrt(r[k][0] * r[k][0] + r[k][1] * r[k][1] + r[k][2] * r[k][2]);
        return new LocalEnvironment(env.centre(), env.centreZ(), env.neighbourIndex(), env.neighbourZ(), r, d);
    }

    // ---------------------------------------------------------------- validation

    @Test
    void invalidParametersAreRejectedByName() {
        expectMessage("rcutfac", () -> siO(6).rcutfac(0).build());
        expectMessage("rcutfac", () -> siO(6).rcutfac(Double.NaN).build());
        expectMessage("rfac0", () -> siO(6).rfac0(1.0).build());
        expectMessage("rfac0", () -> siO(6).rfac0(-0.1).build());
        expectMessage("twojmax", () -> siO(-1).build());
        expectMessage("twojmax", () -> siO(Bispectrum.MAX_TWOJMAX + 1).build());
        expectMessage("rmin0", () -> siO(6).rmin0(-0.1).build());
        expectMessage("rmin0", () -> siO(6).rmin0(3.93).build());   // >= smallest pair cutoff 2 * 0.42 * 4.67637
        expectMessage("switchflag", () -> siO(6).switchflag(2).build());
        expectMessage("bzeroflag", () -> siO(6).bzeroflag(-1).build());
        expectMessage("quadraticflag", () -> siO(6).quadraticflag(3).build());
        expectMessage("bnormflag", () -> siO(6).bnormflag(2).build());
        expectMessage("radius", () -> siO(6).species(SI, 0.0, 1.0).build());
        expectMessage("weight", () -> siO(6).species(O, 0.4, Double.POSITIVE_INFINITY).build());
        expectMessage("atomic number", () -> siO(6).species(0, 0.4, 1.0));
        expectMessage("species", () -> Bispectrum.builder().rcutfac(4).rfac0(0.9).twojmax(4).build());
        expectMessage("rcutfac", () -> Bispectrum.builder().rfac0(0.9).twojmax(4).species(SI, 0.5, 1).build());

        Bispectrum b = siO(4).build();
        Structure withCarbon = Structure.molecule(new double[][]{{0, 0, 0}, {1.5, 0, 0}}, new int[]{SI, 6});
        expectMessage("atomic number 6", () -> b.compute(withCarbon));
        expectMessage("featureCount", () -> b.compute(NeighbourList.build(withCarbon, 1.0).environment(0),
                new double[3]));
    }

    private static void expectMessage(String fragment, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should mention " + fragment);
    }
}
