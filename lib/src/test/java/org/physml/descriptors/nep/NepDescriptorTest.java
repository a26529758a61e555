package org.physml.descriptors.nep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.apache.commons.math3.analysis.polynomials.PolynomialsUtils;
import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.Structure;

/** Hand-derived values, invariances, periodic images, smoothness and finite-difference gradients. */
class NepDescriptorTest {
    private static final int SI = 14;
    private static final int C = 6;

    private static double[] scalers(int dim, long seed) {
        Random rng = new Random(seed);
        double[] s = new double[dim];
        for (int d = 0; d < dim; d++) {
            s[d] = 0.5 + rng.nextDouble();
        }
        return s;
    }

    /** Si-only parameters with l_max 4 2 1 and non-trivial q_scaler. */
    private static NepParameters silicon() {
        NepParameters shape = NepParameters.builder("Si").cutoff(5.0, 4.0).nMax(4, 3).basisSize(8, 6)
                .lMax(4, 2, 1).randomCoefficients(1).build();
        return shape.toBuilder().qScaler(scalers(shape.dimension(), 2)).build();
    }

    /** Si and C with per-species cutoffs. */
    private static NepParameters siliconCarbon() {
        NepParameters shape = NepParameters.builder("Si", "C").cutoffs(new double[]{5.0, 3.0}, new double[]{4.0, 2.6})
                .nMax(3, 2).basisSize(6, 5).lMax(4, 2, 1).randomCoefficients(3).build();
        return shape.toBuilder().qScaler(scalers(shape.dimension(), 4)).build();
    }

    @Test
    void dimerGivesRadialFunctionsAndSingleNeighbourAngularTerms() {
        NepParameters p = silicon();
        NepDescriptor nep = new NepDescriptor(p);
        double d = 2.35;
        double[] dir = {0.36, -0.48, 0.8};  // unit vector
        LocalEnvironment env = NepTestSupport.environment(SI, new double[][]{{d * dir[0], d * dir[1], d * dir[2]}},
                new int[]{SI});
        double[] q = new double[nep.featureCount()];
        nep.compute(env, q);
        double[] s = p.qScaler();
        int nR = p.nMaxRadial() + 1;
        int nA = p.nMaxAngular() + 1;
        for (int n = 0; n < nR; n++) {
            assertEquals(NepTestSupport.gRadial(p, n, 0, 0, d) * s[n], q[n], 1e-13, "radial n = " + n);
        }
        for (int n = 0; n < nA; n++) {
            double g = NepTestSupport.gAngular(p, n, 0, 0, d);
            for (int l = 1; l <= 4; l++) {
                int i = nR + (l - 1) * nA + n;
                assertEquals((2 * l + 1) / (4 * Math.PI) * g * g * s[i], q[i], 1e-13, "l = " + l + ", n = " + n);
            }
            // one neighbour: A_2m = g Y_2m(u); in a frame with u along z only m = 0 survives
            int i4 = nR + 4 * nA + n;
            double q222 = -Math.sqrt(2.0 / 35.0) * Math.pow(5.0 / (4 * Math.PI), 1.5) * g * g * g;
            assertEquals(q222 * s[i4], q[i4], 1e-13, "q222 n = " + n);
            int i5 = nR + 5 * nA + n;
            double q1111 = 7.0 / 15.0 * Math.pow(3.0 / (4 * Math.PI) * g * g, 2);
            assertEquals(q1111 * s[i5], q[i5], 1e-13, "q1111 n = " + n);
        }
    }

    @Test
    void trimerAngularTermsFollowTheLegendreIdentityWithSelfTerms() {
        NepParameters p = siliconCarbon();
        NepDescriptor nep = new NepDescriptor(p);
        double r1 = 2.1;
        double r2 = 1.9;
        double theta = Math.toRadians(109.47);
        double[][] r = {{r1, 0, 0}, {r2 * Math.cos(theta), r2 * Math.sin(theta), 0}};
        LocalEnvironment env = NepTestSupport.environment(SI, r, new int[]{SI, C});
        double[] q = new double[nep.featureCount()];
        nep.compute(env, q);
        double[] s = p.qScaler();
        int nR = p.nMaxRadial() + 1;
        int nA = p.nMaxAngular() + 1;
        for (int n = 0; n < nR; n++) {
            double expected = NepTestSupport.gRadial(p, n, 0, 0, r1) + NepTestSupport.gRadial(p, n, 0, 1, r2);
            assertEquals(expected * s[n], q[n], 1e-13);
        }
        for (int n = 0; n < nA; n++) {
            double g1 = NepTestSupport.gAngular(p, n, 0, 0, r1);
            double g2 = NepTestSupport.gAngular(p, n, 0, 1, r2);
            for (int l = 1; l <= 4; l++) {
                double pl = PolynomialsUtils.createLegendrePolynomial(l).value(Math.cos(theta));
                double expected = (2 * l + 1) / (4 * Math.PI) * (g1 * g1 + g2 * g2 + 2 * g1 * g2 * pl);
                int i = nR + (l - 1) * nA + n;
                assertEquals(expected * s[i], q[i], 1e-12, "l = " + l + ", n = " + n);
            }
        }
    }

    @Test
    void pairCutoffIsTheMeanOfTheSpeciesCutoffs() {
        NepParameters p = siliconCarbon();   // radial: Si 5, C 3 -> Si-C 4; angular: Si 4, C 2.6 -> Si-C 3.3
        NepDescriptor nep = new NepDescriptor(p);
        double[] q = new double[nep.featureCount()];
        nep.compute(NepTestSupport.environment(SI, new double[][]{{0, 0, 3.8}}, new int[]{C}), q);
        double g0 = 0.0;
        for (int k = 0; k <= p.basisSizeRadial(); k++) {
            g0 += p.radialCoefficient(0, k, 0, 1) * NepTestSupport.basis(k, 3.8, 4.0);
        }
        assertTrue(Math.abs(g0) > 1e-3);
        assertEquals(g0 * p.qScaler()[0], q[0], 1e-14);
        int firstAngular = p.nMaxRadial() + 1;
        assertEquals(0.0, q[firstAngular], 0.0, "3.8 A is beyond the Si-C angular cutoff 3.3 A");
        nep.compute(NepTestSupport.environment(SI, new double[][]{{0, 0, 4.2}}, new int[]{C}), q);
        for (double v : q) {
            assertEquals(0.0, v, 0.0, "4.2 A is beyond the Si-C radial cutoff 4 A");
        }
        // the C centre sees a C neighbour at 2.9 A radially (C-C 3 A) and not angularly (C-C 2.6 A)
        nep.compute(new LocalEnvironment(0, C, new int[]{1}, new int[]{C}, new double[][]{{2.9, 0, 0}},
                new double[]{2.9}), q);
        assertEquals(NepTestSupport.gRadial(p, 1, 1, 1, 2.9) * p.qScaler()[1], q[1], 1e-14);
        assertEquals(0.0, q[firstAngular], 0.0);
        assertEquals(5.0, nep.cutoff(), 0.0);
    }

    private static Structure cluster(long seed, int n) {
        Random rng = new Random(seed);
        double[][] pos = new double[n][3];
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            boolean ok;
            do {
                for (int a = 0; a < 3; a++) {
                    pos[i][a] = 6.0 * rng.nextDouble();
                }
                ok = true;
                for (int j = 0; j < i; j++) {
                    double dx = pos[i][0] - pos[j][0];
                    double dy = pos[i][1] - pos[j][1];
                    double dz = pos[i][2] - pos[j][2];
                    ok &= dx * dx + dy * dy + dz * dz > 1.5 * 1.5;
                }
            } while (!ok);
            z[i] = rng.nextBoolean() ? SI : C;
        }
        return Structure.molecule(pos, z);
    }

    private static void assertSame(double[][] expected, double[][] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            for (int d = 0; d < expected[i].length; d++) {
                assertEquals(expected[i][d], actual[i][d], tol * Math.max(1, Math.abs(expected[i][d])),
                        "atom " + i + ", component " + d);
            }
        }
    }

    @Test
    void invariantUnderRotationTranslationAndPermutation() {
        NepDescriptor nep = new NepDescriptor(siliconCarbon());
        Structure s = cluster(5, 14);
        double[][] ref = nep.compute(s);
        double nonZero = 0;
        for (double[] row : ref) {
            for (double v : row) {
                nonZero += Math.abs(v);
            }
        }
        assertTrue(nonZero > 1.0, "the cluster must have neighbours within the cutoffs");

        Rotation rot = new Rotation(new Vector3D(0.3, -1.1, 0.7), 1.234, RotationConvention.VECTOR_OPERATOR);
        double[][] pos = s.positions();
        double[][] moved = new double[pos.length][];
        for (int i = 0; i < pos.length; i++) {
            Vector3D v = rot.applyTo(new Vector3D(pos[i]));
            moved[i] = new double[]{v.getX() + 10.5, v.getY() - 3.25, v.getZ() + 0.125};
        }
        assertSame(ref, nep.compute(Structure.molecule(moved, s.atomicNumbers())), 1e-11);

        int[] perm = {3, 0, 13, 7, 1, 12, 2, 11, 4, 10, 5, 9, 6, 8};
        double[][] permuted = nep.compute(s.select(perm));
        double[][] expected = new double[perm.length][];
        for (int k = 0; k < perm.length; k++) {
            expected[k] = ref[perm[k]];
        }
        assertSame(expected, permuted, 1e-12);
    }

    /** Rattled zinc-blende SiC, cubic cell a = 4.36 A (smaller than 2 r_c: several images per neighbour). */
    private static Structure zincBlende() {
        double a = 4.36;
        double[][] frac = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0},
            {0.25, 0.25, 0.25}, {0.25, 0.75, 0.75}, {0.75, 0.25, 0.75}, {0.75, 0.75, 0.25}};
        Random rng = new Random(9);
        double[][] pos = new double[8][3];
        int[] z = new int[8];
        for (int i = 0; i < 8; i++) {
            for (int k = 0; k < 3; k++) {
                pos[i][k] = a * frac[i][k] + 0.1 * rng.nextGaussian();
            }
            z[i] = i < 4 ? SI : C;
        }
        return new Structure(pos, z, new double[][]{{a, 0, 0}, {0, a, 0}, {0, 0, a}}, new boolean[]{true, true, true});
    }

    @Test
    void supercellGivesTheSamePerAtomVectors() {
        NepDescriptor nep = new NepDescriptor(siliconCarbon());
        Structure cell = zincBlende();
        double[][] ref = nep.compute(cell);
        double[][] c = cell.cell();
        int n = cell.size();
        double[][] pos = new double[8 * n][];
        int[] z = new int[8 * n];
        int k = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int l = 0; l < 2; l++) {
                    for (int a = 0; a < n; a++) {
                        double[] p = cell.position(a);
                        for (int x = 0; x < 3; x++) {
                            p[x] += i * c[0][x] + j * c[1][x] + l * c[2][x];
                        }
                        pos[k] = p;
                        z[k++] = cell.atomicNumber(a);
                    }
                }
            }
        }
        double[][] big = {{2 * c[0][0], 0, 0}, {0, 2 * c[1][1], 0}, {0, 0, 2 * c[2][2]}};
        double[][] sup = nep.compute(new Structure(pos, z, big, new boolean[]{true, true, true}));
        for (int i = 0; i < 8 * n; i++) {
            for (int d = 0; d < nep.featureCount(); d++) {
                assertEquals(ref[i % n][d], sup[i][d], 1e-10 * Math.max(1, Math.abs(ref[i % n][d])),
                        "supercell atom " + i + ", component " + d);
            }
        }
    }

    @Test
    void smoothWhenANeighbourCrossesTheCutoff() {
        NepParameters p = silicon();
        NepDescriptor nep = new NepDescriptor(p);
        double[][] base = {{2.35, 0, 0}, {0, 2.4, 0.3}};
        double[] inside = new double[nep.featureCount()];
        double[] outside = new double[nep.featureCount()];
        double[] reference = new double[nep.featureCount()];
        nep.compute(NepTestSupport.environment(SI, base, new int[]{SI, SI}), reference);
        int firstAngular = p.nMaxRadial() + 1;
        for (double rc : new double[]{4.0, 5.0}) {
            // at 4 A (the angular cutoff) only the angular components see the crossing atom
            int from = rc == 4.0 ? firstAngular : 0;
            double delta = 1e-4;
            double[][] in = {base[0], base[1], {0, 0, rc - delta}};
            double[][] out = {base[0], base[1], {0, 0, rc + delta}};
            nep.compute(NepTestSupport.environment(SI, in, new int[]{SI, SI, SI}), inside);
            nep.compute(NepTestSupport.environment(SI, out, new int[]{SI, SI, SI}), outside);
            for (int d = from; d < inside.length; d++) {
                assertEquals(reference[d], outside[d], 0.0, "beyond the cutoff the third atom has no effect");
                // f_c(rc - delta) = (pi delta / rc)^2 / 4 + O(delta^4): the jump is second order in delta
                assertEquals(outside[d], inside[d], 50 * delta * delta * Math.max(1, Math.abs(outside[d])),
                        "component " + d + " at the " + rc + " A cutoff");
            }
            double[][][] g = nep.gradient(NepTestSupport.environment(SI, in, new int[]{SI, SI, SI}), inside);
            for (int d = from; d < inside.length; d++) {
                for (double v : g[2][d]) {
                    assertEquals(0.0, v, 100 * delta, "the slope vanishes at the cutoff too");
                }
            }
        }
    }

    @Test
    void gradientMatchesCentralFiniteDifferences() {
        NepParameters p = siliconCarbon();
        NepDescriptor nep = new NepDescriptor(p);
        Random rng = new Random(21);
        double[][] r = NepTestSupport.randomVectors(rng, 9, 1.6, 4.8);
        int[] z = new int[r.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = j % 3 == 0 ? C : SI;
        }
        int dim = nep.featureCount();
        double[] q = new double[dim];
        double[][][] g = nep.gradient(NepTestSupport.environment(SI, r, z), q);
        double[] plus = new double[dim];
        double[] minus = new double[dim];
        double h = 1e-5;
        double maxAbs = 0;
        for (int j = 0; j < r.length; j++) {
            for (int a = 0; a < 3; a++) {
                double[][] rp = copy(r);
                double[][] rm = copy(r);
                rp[j][a] += h;
                rm[j][a] -= h;
                nep.compute(NepTestSupport.environment(SI, rp, z), plus);
                nep.compute(NepTestSupport.environment(SI, rm, z), minus);
                for (int d = 0; d < dim; d++) {
                    double fd = (plus[d] - minus[d]) / (2 * h);
                    maxAbs = Math.max(maxAbs, Math.abs(fd));
                    assertEquals(fd, g[j][d][a], 1e-7 * Math.max(1, Math.abs(fd)),
                            "neighbour " + j + ", component " + d + ", axis " + a);
                }
            }
        }
        assertTrue(maxAbs > 1e-2, "the derivatives checked are not all trivially zero");
        double[] again = new double[dim];
        nep.compute(NepTestSupport.environment(SI, r, z), again);
        for (int d = 0; d < dim; d++) {
            assertEquals(again[d], q[d], 1e-15, "computeWithGradient returns the same values as compute");
        }
    }

    private static double[][] copy(double[][] r) {
        double[][] c = new double[r.length][];
        for (int i = 0; i < r.length; i++) {
            c[i] = r[i].clone();
        }
        return c;
    }

    @Test
    void radialOnlyModelWithLMaxZeroGivesTheRadialBlock() {
        NepParameters full = NepParameters.builder("Si").cutoff(5.0, 4.0).randomCoefficients(17).build();
        NepParameters radial = full.toBuilder().lMax(0, 0, 0).qScaler(new double[]{1, 1, 1, 1, 1}).build();
        NepDescriptor a = new NepDescriptor(full);
        NepDescriptor b = new NepDescriptor(radial);
        assertEquals(5, b.featureCount());
        LocalEnvironment env = NepTestSupport.environment(SI, NepTestSupport.randomVectors(new Random(3), 6, 2, 4.9),
                new int[]{SI, SI, SI, SI, SI, SI});
        double[] qa = new double[a.featureCount()];
        double[] qb = new double[b.featureCount()];
        a.compute(env, qa);
        b.compute(env, qb);
        for (int n = 0; n < 5; n++) {
            assertEquals(qa[n], qb[n], 0.0);
        }
    }

    @Test
    void namesAndOrderFollowNepCpuLayout() {
        NepDescriptor nep = new NepDescriptor(silicon());   // n_max 4/3, l_max 4 2 1
        assertEquals(5 + 4 * 6, nep.featureCount());
        assertEquals(nep.featureCount(), nep.featureNames().size());
        assertEquals("radial_n4", nep.featureNames().get(4));
        assertEquals("angular_l1_n0", nep.featureNames().get(5));
        assertEquals("angular_l2_n3", nep.featureNames().get(5 + 4 + 3));
        assertEquals("q222_n0", nep.featureNames().get(5 + 16));
        assertEquals("q1111_n3", nep.featureNames().get(5 + 24 - 1));
    }

    @Test
    void rejectsSpeciesOutsideTheModelAndCoincidentAtoms() {
        NepDescriptor nep = new NepDescriptor(silicon());
        double[] q = new double[nep.featureCount()];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> nep.compute(NepTestSupport.environment(SI, new double[][]{{2, 0, 0}}, new int[]{8}), q));
        assertTrue(e.getMessage().contains("atomic number 8"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> nep.compute(NepTestSupport.environment(C, new double[][]{{2, 0, 0}}, new int[]{SI}), q));
        assertTrue(e.getMessage().contains("centre atom"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> nep.compute(NepTestSupport.environment(SI, new double[][]{{0, 0, 0}}, new int[]{SI}), q));
        assertTrue(e.getMessage().contains("distance 0"), e.getMessage());
    }
}
