package org.physml.descriptors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.physml.descriptors.soap.GtoRadialBasis;
import org.physml.descriptors.soap.SoapPowerSpectrum;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.Structure;

/** Physics and contract of {@link Soap}: invariances, closed-form cases, layout, averages, validation. */
class SoapTest {
    /** Si lattice constant, 5.43 A (HyperPhysics, "Silicon Crystal Structure", after Kittel). */
    static final double A_SI = 5.43;

    static Soap.Builder gto() {
        return Soap.builder().rbf("gto").rCut(3.5).nMax(4).lMax(4).sigma(0.5);
    }

    static Soap.Builder polynomial() {
        return Soap.builder().rbf("polynomial").rCut(3.5).nMax(4).lMax(4).sigma(0.5);
    }

    /** A non-symmetric molecule with H, C, O. */
    static Structure molecule() {
        double[][] pos = {{0.0, 0.0, 0.0}, {1.43, 0.05, 0.0}, {-0.36, 1.03, 0.1}, {-0.36, -0.51, 0.89},
                {-0.3, -0.55, -0.9}, {1.75, 0.91, 0.2}, {2.9, 0.4, 0.3}};
        return Structure.molecule(pos, new int[]{6, 8, 1, 1, 1, 1, 8});
    }

    static Structure diamondSi(double rattle, long seed) {
        double[][] frac = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0},
                {.25, .25, .25}, {.25, .75, .75}, {.75, .25, .75}, {.75, .75, .25}};
        Random rnd = new Random(seed);
        double[][] pos = new double[8][3];
        for (int i = 0; i < 8; i++) {
            for (int k = 0; k < 3; k++) {
                pos[i][k] = frac[i][k] * A_SI + rattle * (2 * rnd.nextDouble() - 1);
            }
        }
        double[][] cell = {{A_SI, 0, 0}, {0, A_SI, 0}, {0, 0, A_SI}};
        return new Structure(pos, new int[]{14, 14, 14, 14, 14, 14, 14, 14}, cell, new boolean[]{true, true, true});
    }

    /** A triclinic two-species cell, periodic in all directions. */
    static Structure triclinic() {
        double[][] cell = {{4.1, 0.0, 0.0}, {0.9, 3.8, 0.0}, {0.4, 0.6, 4.4}};
        double[][] frac = {{0.1, 0.2, 0.3}, {0.6, 0.1, 0.5}, {0.35, 0.7, 0.15}, {0.8, 0.65, 0.8}};
        double[][] pos = new double[4][3];
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 3; k++) {
                pos[i][k] = frac[i][0] * cell[0][k] + frac[i][1] * cell[1][k] + frac[i][2] * cell[2][k];
            }
        }
        return new Structure(pos, new int[]{3, 9, 9, 3}, cell, new boolean[]{true, true, true});
    }

    static void assertRowsClose(double[][] expected, double[][] actual, double rel) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            SoapReferenceTest.assertVectorClose(expected[i], actual[i], rel, "row " + i);
        }
    }

    // ---------------------------------------------------------------- layout

    @Test
    void featureCountFollowsDscribeFormula() {
        int[][] speciesSets = {{14}, {1, 8}, {1, 6, 8}};
        for (int[] species : speciesSets) {
            for (int nMax : new int[]{1, 3, 8}) {
                for (int lMax : new int[]{0, 4, 6}) {
                    int s = species.length;
                    Soap full = gto().nMax(nMax).lMax(lMax).species(species).build();
                    assertEquals((s * nMax) * (s * nMax + 1) / 2 * (lMax + 1), full.featureCount());
                    Soap cross = gto().nMax(nMax).lMax(lMax).species(species).compression("crossover").build();
                    assertEquals(s * nMax * (nMax + 1) / 2 * (lMax + 1), cross.featureCount());
                    assertEquals(full.featureCount(), full.featureNames().size());
                    assertEquals(full.featureCount(), new HashSet<>(full.featureNames()).size());
                }
            }
        }
    }

    @Test
    void featureOrderIsPairsThenLThenNThenNPrime() {
        Soap soap = gto().nMax(2).lMax(1).species(8, 1).build();
        List<String> expected = new ArrayList<>();
        int[][] pairs = {{1, 1}, {1, 8}, {8, 8}};
        for (int[] pair : pairs) {
            for (int l = 0; l <= 1; l++) {
                for (int n = 0; n < 2; n++) {
                    for (int np = pair[0] == pair[1] ? n : 0; np < 2; np++) {
                        expected.add("soap[Z1=" + pair[0] + ",Z2=" + pair[1] + ",l=" + l + ",n=" + n + ",n'=" + np + "]");
                    }
                }
            }
        }
        assertEquals(expected, soap.featureNames());
        assertEquals(6 + 8 + 6, expected.size());
    }

    @Test
    void crossoverKeepsExactlyTheSameSpeciesBlocks() {
        Structure s = molecule();
        Soap full = gto().species(1, 6, 8).build();
        Soap cross = gto().species(1, 6, 8).compression("crossover").build();
        double[][] pf = full.compute(s);
        double[][] pc = cross.compute(s);
        List<String> fullNames = full.featureNames();
        for (int k = 0; k < cross.featureCount(); k++) {
            String name = cross.featureNames().get(k);
            int j = fullNames.indexOf(name);
            assertTrue(j >= 0, name);
            String[] parts = name.split("[=,]");
            assertEquals(parts[1], parts[3], "crossover keeps Z1 = Z2 only: " + name);
            for (int i = 0; i < pf.length; i++) {
                assertEquals(pf[i][j], pc[i][k], 0.0);
            }
        }
    }

    @Test
    void speciesOrderGivenDoesNotMatter() {
        Structure s = molecule();
        double[][] a = gto().species(1, 6, 8).build().compute(s);
        double[][] b = gto().species(8, 1, 6).build().compute(s);
        assertRowsClose(a, b, 0.0);
    }

    @Test
    void cutoffIsTheDscribeExtendedRadius() {
        Soap soap = gto().rCut(5.0).sigma(0.5).species(14).build();
        assertEquals(5.0 + 0.5 * Math.sqrt(-2 * Math.log(1e-3)), soap.cutoff(), 1e-15);
        assertEquals(5.0 + 0.5 * 3.7169221888498383, soap.cutoff(), 1e-12);
    }

    // ---------------------------------------------------------------- invariances

    static Structure transform(Structure s, double[][] rot, double[] shift) {
        double[][] p = s.positions();
        double[][] q = new double[p.length][3];
        for (int i = 0; i < p.length; i++) {
            for (int a = 0; a < 3; a++) {
                q[i][a] = shift[a];
                for (int b = 0; b < 3; b++) {
                    q[i][a] += rot[a][b] * p[i][b];
                }
            }
        }
        double[][] c = s.cell();
        double[][] cell = new double[3][3];
        for (int k = 0; k < 3; k++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    cell[k][a] += rot[a][b] * c[k][b];
                }
            }
        }
        return new Structure(q, s.atomicNumbers(), cell, s.pbc());
    }

    static double[][] randomRotation(Random rnd) {
        Vector3D axis = new Vector3D(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian());
        return new Rotation(axis, 2 * Math.PI * rnd.nextDouble(), RotationConvention.VECTOR_OPERATOR).getMatrix();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gto", "polynomial"})
    void invariantUnderRotationAndTranslationOfAMolecule(String rbf) {
        Soap soap = (rbf.equals("gto") ? gto() : polynomial()).species(1, 6, 8).build();
        Structure s = molecule();
        double[][] ref = soap.compute(s);
        Random rnd = new Random(7);
        for (int trial = 0; trial < 3; trial++) {
            double[] shift = {10 * rnd.nextDouble() - 5, 10 * rnd.nextDouble() - 5, 10 * rnd.nextDouble() - 5};
            assertRowsClose(ref, soap.compute(transform(s, randomRotation(rnd), shift)), 1e-11);
        }
    }

    @Test
    void invariantUnderRotationAtHighDegree() {
        Soap soap = Soap.builder().rCut(4.0).nMax(6).lMax(14).sigma(0.4).species(1, 6, 8).build();
        Structure s = molecule();
        double[][] ref = soap.compute(s);
        double[][] rot = randomRotation(new Random(13));
        assertRowsClose(ref, soap.compute(transform(s, rot, new double[]{1, 2, 3})), 1e-10);
    }

    @Test
    void invariantUnderRotationOfAPeriodicCell() {
        Soap soap = gto().species(3, 9).build();
        Structure s = triclinic();
        double[][] ref = soap.compute(s);
        double[][] rot = randomRotation(new Random(11));
        assertRowsClose(ref, soap.compute(transform(s, rot, new double[]{0.3, -1.2, 2.0})), 1e-11);
    }

    @Test
    void notInvariantUnderADistortion() {
        Soap soap = gto().species(1, 6, 8).build();
        Structure s = molecule();
        double[][] stretch = {{1.1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double[] a = soap.compute(s)[0];
        double[] b = soap.compute(transform(s, stretch, new double[3]))[0];
        double diff = 0.0;
        for (int k = 0; k < a.length; k++) {
            diff = Math.max(diff, Math.abs(a[k] - b[k]));
        }
        assertTrue(diff > 1e-3, "a 10 % stretch must change the spectrum, max change " + diff);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gto", "polynomial"})
    void invariantUnderPermutationOfAtoms(String rbf) {
        Soap soap = (rbf.equals("gto") ? gto() : polynomial()).species(1, 6, 8).build();
        Structure s = molecule();
        int[] perm = {4, 0, 6, 2, 5, 1, 3};
        double[][] p = s.positions();
        int[] z = s.atomicNumbers();
        double[][] q = new double[p.length][];
        int[] zq = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = p[perm[i]];
            zq[i] = z[perm[i]];
        }
        double[][] ref = soap.compute(s);
        double[][] got = soap.compute(Structure.molecule(q, zq));
        for (int i = 0; i < p.length; i++) {
            SoapReferenceTest.assertVectorClose(ref[perm[i]], got[i], 1e-13, "atom " + i);
        }
    }

    @Test
    void supercellGivesTheSamePerAtomVectors() {
        Soap soap = gto().rCut(3.0).sigma(0.4).species(3, 9).build();
        Structure s = triclinic();
        double[][] c = s.cell();
        double[][] p = s.positions();
        int n = p.length;
        double[][] q = new double[8 * n][3];
        int[] z = new int[8 * n];
        int k = 0;
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                for (int d = 0; d < 2; d++) {
                    for (int i = 0; i < n; i++) {
                        for (int x = 0; x < 3; x++) {
                            q[k][x] = p[i][x] + a * c[0][x] + b * c[1][x] + d * c[2][x];
                        }
                        z[k++] = s.atomicNumber(i);
                    }
                }
            }
        }
        double[][] big = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int x = 0; x < 3; x++) {
                big[r][x] = 2 * c[r][x];
            }
        }
        double[][] ref = soap.compute(s);
        double[][] got = soap.compute(new Structure(q, z, big, new boolean[]{true, true, true}));
        for (int i = 0; i < 8 * n; i++) {
            SoapReferenceTest.assertVectorClose(ref[i % n], got[i], 1e-12, "supercell atom " + i);
        }
    }

    @Test
    void equivalentAtomsOfPerfectDiamondHaveEqualSpectra() {
        Soap soap = gto().rCut(5.0).nMax(6).lMax(6).species(14).build();
        double[][] p = soap.compute(diamondSi(0.0, 1));
        for (int i = 1; i < p.length; i++) {
            SoapReferenceTest.assertVectorClose(p[0], p[i], 1e-12, "atom " + i);
        }
    }

    // ---------------------------------------------------------------- closed forms

    /** A lone atom: only the centre's own Gaussian, c_n00 = sum_k beta^0_nk (pi/(alpha_0k+eta))^(3/2) Y_00. */
    @Test
    void loneAtomMatchesTheClosedForm() {
        double rCut = 4.0;
        double sigma = 0.7;
        int nMax = 5;
        int lMax = 3;
        Soap soap = Soap.builder().rCut(rCut).nMax(nMax).lMax(lMax).sigma(sigma).species(26).build();
        double[] p = soap.compute(Structure.molecule(new double[][]{{1, 2, 3}}, new int[]{26}))[0];
        GtoRadialBasis basis = new GtoRadialBasis(rCut, nMax, lMax);
        double eta = 1 / (2 * sigma * sigma);
        double[] c = new double[nMax];
        for (int n = 0; n < nMax; n++) {
            for (int k = 0; k < nMax; k++) {
                double alpha = basis.alpha(0, k);
                c[n] += basis.beta(0, n, k) * Math.pow(Math.PI / (alpha + eta), 1.5) / Math.sqrt(4 * Math.PI);
            }
        }
        double largest = 0;
        for (int n = 0; n < nMax; n++) {
            largest = Math.max(largest, Math.PI * Math.sqrt(8.0) * c[n] * c[n]);
        }
        // the radial functions are tabulated to 1e-11 of their size (GtoExpansion.TABLE_TOLERANCE)
        int idx = 0;
        for (int l = 0; l <= lMax; l++) {
            for (int n = 0; n < nMax; n++) {
                for (int np = n; np < nMax; np++) {
                    double expected = l == 0 ? Math.PI * Math.sqrt(8.0) * c[n] * c[np] : 0.0;
                    assertEquals(expected, p[idx++], 1e-10 * largest);
                }
            }
        }
    }

    /**
     * c_n00 of a lone atom is the projection of its own Gaussian on g_n0, i.e. integral r^2 g_n0(r)
     * exp(-r^2/(2 sigma^2)) dr times 4 pi Y_00: here by quadrature, for both bases.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gto", "polynomial"})
    void loneAtomCoefficientIsTheRadialProjection(String rbf) {
        double sigma = 0.6;
        Soap soap = (rbf.equals("gto") ? gto() : polynomial()).sigma(sigma).species(6).build();
        LocalEnvironment lone = new LocalEnvironment(0, 6, new int[0], new int[0], new double[0][], new double[0]);
        double[][][] c = soap.coefficients(lone);
        org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator rule =
                new org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory()
                        .legendre(200, 0.0, rbf.equals("gto") ? 15.0 : soap.parameters().rCut());
        GtoRadialBasis gtoBasis = new GtoRadialBasis(soap.parameters().rCut(), soap.parameters().nMax(), soap.parameters().lMax());
        org.physml.descriptors.soap.PolynomialRadialBasis polyBasis =
                new org.physml.descriptors.soap.PolynomialRadialBasis(soap.parameters().rCut(), soap.parameters().nMax());
        for (int n = 0; n < soap.parameters().nMax(); n++) {
            final int nn = n;
            double integral = rule.integrate(r -> r * r * Math.exp(-r * r / (2 * sigma * sigma))
                    * (rbf.equals("gto") ? gtoBasis.evaluate(nn, 0, r) : polyBasis.evaluate(nn, r)));
            double expected = integral * 4 * Math.PI / Math.sqrt(4 * Math.PI);
            assertEquals(expected, c[0][n][0], 1e-10 * Math.abs(expected) + 1e-14, "n = " + n);
            for (int lm = 1; lm < c[0][n].length; lm++) {
                assertEquals(0.0, c[0][n][lm], 0.0, "l > 0 of a lone atom");
            }
        }
    }

    /** A neighbour on the z axis has only m = 0 coefficients; along x the power spectrum is the same. */
    @Test
    void axialNeighbourHasOnlyMZeroAndRotatesIntoTheSameSpectrum() {
        Soap soap = gto().species(1, 8).build();
        double d = 1.3;
        LocalEnvironment onZ = new LocalEnvironment(0, 8, new int[]{1}, new int[]{1},
                new double[][]{{0, 0, d}}, new double[]{d});
        LocalEnvironment onX = new LocalEnvironment(0, 8, new int[]{1}, new int[]{1},
                new double[][]{{d, 0, 0}}, new double[]{d});
        double[][][] c = soap.coefficients(onZ);
        for (int s = 0; s < 2; s++) {
            for (int n = 0; n < soap.parameters().nMax(); n++) {
                for (int l = 0; l <= soap.parameters().lMax(); l++) {
                    for (int m = -l; m <= l; m++) {
                        if (m != 0) {
                            assertEquals(0.0, c[s][n][l * l + l + m], 1e-15);
                        }
                    }
                }
            }
        }
        assertTrue(Math.abs(c[0][0][2]) > 1e-3, "the H neighbour has an l = 1, m = 0 component");
        double[] pz = new double[soap.featureCount()];
        double[] px = new double[soap.featureCount()];
        soap.compute(onZ, pz);
        soap.compute(onX, px);
        SoapReferenceTest.assertVectorClose(pz, px, 1e-13, "z vs x");
    }

    @Test
    void neighboursBeyondTheExtendedCutoffAreIgnoredAndThoseInsideCount() {
        Soap soap = gto().species(1, 8).build();
        double inside = soap.cutoff() - 1e-9;
        double outside = soap.cutoff() + 1e-9;
        LocalEnvironment base = new LocalEnvironment(0, 8, new int[]{1}, new int[]{1},
                new double[][]{{0, 1.0, 0}}, new double[]{1.0});
        LocalEnvironment withFar = new LocalEnvironment(0, 8, new int[]{1, 2}, new int[]{1, 1},
                new double[][]{{0, 1.0, 0}, {outside, 0, 0}}, new double[]{1.0, outside});
        LocalEnvironment withNear = new LocalEnvironment(0, 8, new int[]{1, 2}, new int[]{1, 1},
                new double[][]{{0, 1.0, 0}, {inside, 0, 0}}, new double[]{1.0, inside});
        double[] p0 = new double[soap.featureCount()];
        double[] pFar = new double[soap.featureCount()];
        double[] pNear = new double[soap.featureCount()];
        soap.compute(base, p0);
        soap.compute(withFar, pFar);
        soap.compute(withNear, pNear);
        assertArrayEquals(p0, pFar, 0.0);
        assertNotEquals(p0[0], pNear[0]);
    }

    // ---------------------------------------------------------------- averages

    @Test
    void outerAverageIsTheMeanOfThePerCentreSpectra() {
        Structure s = diamondSi(0.15, 3);
        Soap off = gto().rCut(4.0).species(14).build();
        double[][] rows = off.compute(s);
        double[] mean = new double[off.featureCount()];
        for (double[] row : rows) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += row[k] / rows.length;
            }
        }
        double[][] outer = gto().rCut(4.0).species(14).average("outer").build().computeAverage(s);
        assertEquals(1, outer.length);
        SoapReferenceTest.assertVectorClose(mean, outer[0], 1e-14, "outer");
    }

    @Test
    void innerAverageIsTheSpectrumOfTheMeanCoefficients() {
        Structure s = diamondSi(0.15, 3);
        Soap off = gto().rCut(4.0).species(14).build();
        org.physml.structure.NeighbourList nl = org.physml.structure.NeighbourList.build(s, off.cutoff());
        int nLm = (off.parameters().lMax() + 1) * (off.parameters().lMax() + 1);
        double[] meanC = new double[off.parameters().nMax() * nLm];
        for (int i = 0; i < s.size(); i++) {
            double[][][] c = off.coefficients(nl.environment(i));
            for (int n = 0; n < off.parameters().nMax(); n++) {
                for (int lm = 0; lm < nLm; lm++) {
                    meanC[n * nLm + lm] += c[0][n][lm] / s.size();
                }
            }
        }
        double[] expected = new double[off.featureCount()];
        new SoapPowerSpectrum(new int[]{14}, off.parameters().nMax(), off.parameters().lMax(), false).compute(meanC, expected);
        double[][] inner = gto().rCut(4.0).species(14).average("inner").build().computeAverage(s);
        SoapReferenceTest.assertVectorClose(expected, inner[0], 1e-13, "inner");
        double[][] outer = gto().rCut(4.0).species(14).average("outer").build().computeAverage(s);
        double diff = 0.0;
        for (int k = 0; k < expected.length; k++) {
            diff = Math.max(diff, Math.abs(inner[0][k] - outer[0][k]));
        }
        assertTrue(diff > 1e-6, "inner and outer differ for inequivalent environments: " + diff);
    }

    /**
     * The four atoms of one fcc sublattice of diamond are related by pure translations, so their coefficients
     * are identical and inner = outer = the per-atom spectrum.
     */
    @Test
    void innerEqualsOuterForTranslationEquivalentAtoms() {
        Structure s = diamondSi(0.0, 1);
        int[] sublattice = {0, 1, 2, 3};
        double[] inner = gto().rCut(4.0).species(14).average("inner").build().computeAverage(s, sublattice)[0];
        double[] outer = gto().rCut(4.0).species(14).average("outer").build().computeAverage(s, sublattice)[0];
        double[] atom = gto().rCut(4.0).species(14).build().compute(s)[3];
        SoapReferenceTest.assertVectorClose(atom, inner, 1e-12, "inner");
        SoapReferenceTest.assertVectorClose(atom, outer, 1e-12, "outer");
    }

    /**
     * The two sublattices of diamond are images of each other under inversion, which maps c_nlm to
     * (-1)^l c_nlm: averaged over all eight atoms, the odd-l coefficients cancel, so the inner average keeps
     * the per-atom even-l features and has zero odd-l features.
     */
    @Test
    void innerAverageOverBothDiamondSublatticesCancelsOddL() {
        Soap off = gto().rCut(4.0).species(14).build();
        Structure s = diamondSi(0.0, 1);
        double[] inner = gto().rCut(4.0).species(14).average("inner").build().computeAverage(s)[0];
        double[] atom = off.compute(s)[5];
        double scale = 0.0;
        for (double v : atom) {
            scale = Math.max(scale, Math.abs(v));
        }
        List<String> names = off.featureNames();
        int odd = 0;
        for (int k = 0; k < names.size(); k++) {
            int l = Integer.parseInt(names.get(k).replaceAll(".*,l=(\\d+),.*", "$1"));
            if (l % 2 == 1) {
                assertEquals(0.0, inner[k], 1e-13 * scale, names.get(k));
                if (Math.abs(atom[k]) > 1e-6 * scale) {
                    odd++;
                }
            } else {
                assertEquals(atom[k], inner[k], 1e-12 * scale, names.get(k));
            }
        }
        assertTrue(odd > 0, "single atoms do have odd-l power in diamond");
    }

    @Test
    void averageOfSelectedCentres() {
        Structure s = molecule();
        Soap outer = gto().species(1, 6, 8).average("outer").build();
        double[] one = outer.computeAverage(s, new int[]{2})[0];
        double[] direct = gto().species(1, 6, 8).build().compute(s, new int[]{2})[0];
        SoapReferenceTest.assertVectorClose(direct, one, 1e-15, "single centre");
        double[] inner = gto().species(1, 6, 8).average("inner").build().computeAverage(s, new int[]{2})[0];
        SoapReferenceTest.assertVectorClose(direct, inner, 1e-13, "single centre inner");
    }

    // ---------------------------------------------------------------- validation

    @Test
    void rejectsInvalidParametersWithClearMessages() {
        assertInvalid(() -> gto().rCut(1.0).species(1).build(), "bigger than 1 Angstrom");
        assertInvalid(() -> polynomial().rCut(0.0).species(1).build(), "r_cut");
        assertInvalid(() -> gto().rCut(Double.NaN).species(1).build(), "r_cut");
        assertInvalid(() -> gto().nMax(0).species(1).build(), "n_max = 0");
        assertInvalid(() -> gto().lMax(-1).species(1).build(), "negative");
        assertInvalid(() -> gto().lMax(21).species(1).build(), "20");
        assertInvalid(() -> gto().sigma(0.0).species(1).build(), "sigma");
        assertInvalid(() -> gto().sigma(Double.POSITIVE_INFINITY).species(1).build(), "sigma");
        assertInvalid(() -> gto().rbf("bessel").species(1).build(), "bessel");
        assertInvalid(() -> gto().average("mean").species(1).build(), "mean");
        assertInvalid(() -> gto().compression("mu2").species(1).build(), "not implemented");
        assertInvalid(() -> gto().compression("zip").species(1).build(), "zip");
        assertInvalid(() -> gto().species().build(), "at least one");
        assertInvalid(() -> gto().species(1, 8, 1).build(), "twice");
        assertInvalid(() -> gto().species(0).build(), "1..118");
        assertInvalid(() -> gto().species(119).build(), "1..118");
        assertInvalid(() -> Soap.builder().nMax(2).lMax(2).species(1).build(), "r_cut is required");
        assertInvalid(() -> Soap.builder().rCut(3).lMax(2).species(1).build(), "n_max is required");
        assertInvalid(() -> Soap.builder().rCut(3).nMax(2).species(1).build(), "l_max is required");
        assertInvalid(() -> Soap.builder().rCut(3).nMax(2).lMax(2).build(), "species is required");
    }

    @Test
    void acceptsDscribeLimits() {
        assertEquals(20, gto().lMax(20).nMax(2).species(1).build().parameters().lMax());
        assertEquals(1.0001, gto().rCut(1.0001).nMax(1).species(1).build().parameters().rCut());
        assertEquals(0.5, polynomial().rCut(0.5).nMax(2).species(1).build().parameters().rCut());
    }

    @Test
    void rejectsUnknownSpeciesAndMisuse() {
        Soap soap = gto().species(1, 8).build();
        assertInvalid(() -> soap.compute(molecule()), "atomic number 6");
        LocalEnvironment carbonCentre = new LocalEnvironment(0, 6, new int[0], new int[0], new double[0][],
                new double[0]);
        assertInvalid(() -> soap.compute(carbonCentre, new double[soap.featureCount()]), "centre atom");
        LocalEnvironment carbonNeighbour = new LocalEnvironment(0, 8, new int[]{3}, new int[]{6},
                new double[][]{{1, 0, 0}}, new double[]{1});
        assertInvalid(() -> soap.compute(carbonNeighbour, new double[soap.featureCount()]), "neighbour atom 3");
        assertInvalid(() -> soap.compute(carbonNeighbour, new double[3]), "featureCount");
        Structure water = Structure.molecule(new double[][]{{0, 0, 0}, {0.96, 0, 0}}, new int[]{8, 1});
        assertThrows(IllegalStateException.class, () -> soap.computeAverage(water));
        Soap inner = gto().species(1, 8).average("inner").build();
        assertThrows(IllegalStateException.class, () -> inner.compute(water));
        assertInvalid(() -> inner.computeAverage(water, new int[0]), "at least one centre");
        assertThrows(IndexOutOfBoundsException.class, () -> inner.computeAverage(water, new int[]{2}));
    }

    static void assertInvalid(org.junit.jupiter.api.function.Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should mention '"
                + fragment + "'");
    }
}
