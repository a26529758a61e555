package org.physml.descriptors.steinhardt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;

import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * Symmetries every invariant must respect: rigid rotations and translations, relabelling of atoms, periodic
 * supercells, and the identity q_l^2 = (1/N^2) sum_{j,k} P_l(cos theta_jk) for single environments.
 */
class SteinhardtInvarianceTest {
    private static final int[] L = IntStream.rangeClosed(0, 12).toArray();
    private static final int[] L_W = IntStream.rangeClosed(1, 12).toArray();

    /** Every invariant family (no components, which rotate). */
    private static Steinhardt full(int nearest) {
        return Steinhardt.builder().rCut(4.5).nearestNeighbours(nearest).q(L).qBar(L).w(L_W).wBar(L_W)
                .wHat(L_W).wHatBar(L_W).build();
    }

    private static Structure base() {
        return LammpsCase.named("random_nnn12").structure();
    }

    private static void assertRowsEqual(double[][] expected, double[][] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            for (int f = 0; f < expected[i].length; f++) {
                assertEquals(expected[i][f], actual[i][f], tol * (1 + Math.abs(expected[i][f])), "atom " + i + " feature " + f);
            }
        }
    }

    @Test
    void rotationAndTranslationInvariance() {
        Structure s = base();
        Rotation rot = new Rotation(new Vector3D(0.3, -1.2, 0.7), 1.234, RotationConvention.VECTOR_OPERATOR);
        double[][] pos = s.positions();
        double[][] cell = s.cell();
        double[] shift = {12.5, -3.25, 100.0};
        for (double[] p : pos) {
            double[] r = rot.applyTo(new Vector3D(p)).toArray();
            for (int k = 0; k < 3; k++) {
                p[k] = r[k] + shift[k];
            }
        }
        for (int k = 0; k < 3; k++) {
            cell[k] = rot.applyTo(new Vector3D(cell[k])).toArray();
        }
        Structure moved = new Structure(pos, s.atomicNumbers(), cell, s.pbc());
        Steinhardt st = full(12);
        assertRowsEqual(st.compute(s), st.compute(moved), 1e-11);
    }

    @Test
    void componentsRotateButTheirNormIsInvariant() {
        Structure s = base();
        Rotation rot = new Rotation(new Vector3D(1, 1, 0), 0.8, RotationConvention.VECTOR_OPERATOR);
        double[][] pos = s.positions();
        double[][] cell = s.cell();
        for (double[] p : pos) {
            System.arraycopy(rot.applyTo(new Vector3D(p)).toArray(), 0, p, 0, 3);
        }
        for (int k = 0; k < 3; k++) {
            cell[k] = rot.applyTo(new Vector3D(cell[k])).toArray();
        }
        Steinhardt st = Steinhardt.builder().rCut(4.5).q(6).components(6).build();
        double[][] a = st.compute(s), b = st.compute(new Structure(pos, s.atomicNumbers(), cell, s.pbc()));
        double maxChange = 0;
        for (int i = 0; i < a.length; i++) {
            double na = 0, nb = 0;
            for (int f = 1; f < a[i].length; f++) {
                na += a[i][f] * a[i][f];
                nb += b[i][f] * b[i][f];
                maxChange = Math.max(maxChange, Math.abs(a[i][f] - b[i][f]));
            }
            assertEquals(1.0, na, 1e-12);
            assertEquals(1.0, nb, 1e-12);
        }
        assertTrue(maxChange > 0.05, "the components are not rotation invariant");
    }

    @Test
    void permutationOfAtomsPermutesTheRows() {
        Structure s = base();
        int n = s.size();
        int[] perm = IntStream.range(0, n).map(i -> (7 * i + 3) % n).toArray(); // 7 and 40 are coprime
        Structure p = s.select(perm);
        Steinhardt st = full(12);
        double[][] a = st.compute(s), b = st.compute(p);
        double[][] expected = new double[n][];
        for (int k = 0; k < n; k++) {
            expected[k] = a[perm[k]];
        }
        assertRowsEqual(expected, b, 1e-12);
    }

    @Test
    void supercellGivesTheSameValues() {
        Structure s = base();
        Structure big = Crystals.supercell(s, 2, 2, 2);
        for (int nearest : new int[]{12, 16}) {
            Steinhardt st = full(nearest);
            double[][] a = st.compute(s), b = st.compute(big);
            for (int copy = 0; copy < 8; copy++) {
                for (int i = 0; i < s.size(); i++) {
                    for (int f = 0; f < st.featureCount(); f++) {
                        assertEquals(a[i][f], b[copy * s.size() + i][f], 1e-11 * (1 + Math.abs(a[i][f])));
                    }
                }
            }
        }
        Steinhardt all = Steinhardt.builder().rCut(3.6).allNeighbours().q(L).qBar(L).wHat(L_W).wHatBar(L_W).build();
        double[][] a = all.compute(s), b = all.compute(big);
        for (int i = 0; i < s.size(); i++) {
            for (int f = 0; f < all.featureCount(); f++) {
                assertEquals(a[i][f], b[7 * s.size() + i][f], 1e-11 * (1 + Math.abs(a[i][f])));
            }
        }
    }

    @Test
    void qlObeysTheLegendreIdentityOnEveryEnvironment() {
        Structure s = base();
        Steinhardt st = Steinhardt.builder().rCut(3.9).allNeighbours().q(L).build();
        NeighbourList nl = NeighbourList.build(s, 3.9);
        double[] out = new double[st.featureCount()];
        var legendre = IntStream.of(L).mapToObj(
                org.apache.commons.math3.analysis.polynomials.PolynomialsUtils::createLegendrePolynomial).toList();
        for (int i = 0; i < s.size(); i++) {
            var env = nl.environment(i);
            st.computeLocal(env, out);
            int n = env.size();
            for (int k = 0; k < L.length; k++) {
                double sum = 0;
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        double[] ra = env.r()[a], rb = env.r()[b];
                        double cos = (ra[0] * rb[0] + ra[1] * rb[1] + ra[2] * rb[2])
                                / (env.distance()[a] * env.distance()[b]);
                        sum += legendre.get(k).value(Math.max(-1, Math.min(1, cos)));
                    }
                }
                assertEquals(Math.sqrt(sum) / n, out[k], 1e-11, "atom " + i + " q" + L[k]);
            }
        }
    }

    @Test
    void oxygenNeighboursOnOxygenCentresEqualTheOxygenOnlyStructure() {
        Structure mix = Crystals.random(new double[][]{{10, 0, 0}, {1, 9.5, 0}, {0.5, -1, 10}}, 90, 1.6, 4);
        int[] oxygens = Steinhardt.atomsOfSpecies(mix, 8);
        assertEquals(30, oxygens.length);
        Steinhardt st = Steinhardt.builder().rCut(6.5).nearestNeighbours(10).neighbourSpecies(8).q(L).qBar(L)
                .wHat(L_W).wHatBar(L_W).build();
        Steinhardt plain = Steinhardt.builder().rCut(6.5).nearestNeighbours(10).q(L).qBar(L).wHat(L_W)
                .wHatBar(L_W).build();
        double[][] fromMix = st.compute(mix, oxygens);
        double[][] fromOxygens = plain.compute(mix.select(oxygens));
        assertRowsEqual(fromOxygens, fromMix, 1e-13);
        // without the filter the silicon neighbours change the values
        double[][] unfiltered = plain.compute(mix, oxygens);
        assertTrue(Math.abs(unfiltered[0][4] - fromMix[0][4]) > 1e-3);
    }
}
