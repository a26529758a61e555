package org.physml.pairpotential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.physml.structure.Structure;

class InversePowerSumTest {
    private static final int[] SPECIES = {18, 36};

    private static Structure sample() {
        return LennardJonesMixture.example().randomStructures(1, 4, 0.012, 0.85, 11).get(0);
    }

    @Test
    void ewaldAgreesWithTheDirectSumAsItsRadiusGrows() {
        Structure s = sample();
        double[][] ewald = InversePowerSum.standard().sums(s, SPECIES, new int[]{4, 6, 12});
        int[] k = {4, 6, 12};
        for (int p = 0; p < k.length; p++) {
            double[] near = InversePowerSum.direct(s, SPECIES, k[p], 15.0);
            double[] far = InversePowerSum.direct(s, SPECIES, k[p], 45.0);
            for (int q = 0; q < 3; q++) {
                // the direct sum with its uniform-density tail converges to the Ewald value, 1/r^4 most slowly
                // (the neglected density fluctuations beyond R decay slowly)
                // relative to the largest pair sum of this power (a sparse pair of species can have a tiny sum
                // whose relative error does not matter for the energy)
                double e = java.util.Arrays.stream(ewald[p]).map(Math::abs).max().getAsDouble();
                assertEquals(ewald[p][q], far[q], (k[p] == 4 ? 3e-4 : k[p] == 6 ? 3e-5 : 1e-6) * e,
                        "k = " + k[p] + ", pair " + q);
                if (k[p] <= 6) {   // k = 12 is itself a direct sum (to 2 r_real) in InversePowerSum.sums
                    assertTrue(Math.abs(far[q] - ewald[p][q]) <= Math.abs(near[q] - ewald[p][q]) + 1e-15 * e,
                            "k = " + k[p] + ": the direct sum approaches the Ewald sum as R grows");
                }
            }
        }
    }

    @Test
    void ewaldDoesNotDependOnTheSplittingParameter() {
        Structure s = sample();
        double[][] a = new InversePowerSum(6.0, 1e-12).sums(s, SPECIES, new int[]{4, 6});
        double[][] b = new InversePowerSum(9.0, 1e-13).sums(s, SPECIES, new int[]{4, 6});
        for (int p = 0; p < 2; p++) {
            for (int q = 0; q < 3; q++) {
                assertEquals(a[p][q], b[p][q], 1e-10 * Math.abs(a[p][q]));
            }
        }
    }

    @Test
    void simpleCubicLatticeGivesTheKnownLatticeSum() {
        // one atom in a cube of edge 1: S^6 = 1/2 sum_{n != 0} |n|^-6 over the simple cubic lattice; compare with a
        // brute-force sum over integer triples |n| <= 40 plus its continuum tail, independent of the neighbour list
        Structure sc = new Structure(new double[][]{{0.3, 0.1, 0.7}}, new int[]{18},
                new double[][]{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new boolean[]{true, true, true});
        double brute = 0;
        int nMax = 40;
        for (int i = -nMax; i <= nMax; i++) {
            for (int j = -nMax; j <= nMax; j++) {
                for (int l = -nMax; l <= nMax; l++) {
                    double r2 = i * i + j * j + l * l;
                    if (r2 > 0 && r2 <= nMax * nMax) {
                        brute += Math.pow(r2, -3);
                    }
                }
            }
        }
        brute += 4 * Math.PI / (3.0 * Math.pow(nMax, 3));
        double ewald = new InversePowerSum(3.0, 1e-13).sums(sc, new int[]{18}, new int[]{6})[0][0];
        assertEquals(0.5 * brute, ewald, 1e-7);
        assertEquals(0.5 * (6 + 12 / 8.0 + 8 / 27.0 + 6 / 64.0), ewald, 0.3);   // first four shells dominate
    }

    @Test
    void rejectsDivergentPowersAndMoleculesAndUnknownSpecies() {
        Structure s = sample();
        assertThrows(IllegalArgumentException.class, () -> InversePowerSum.standard().sums(s, SPECIES, new int[]{3}));
        assertThrows(IllegalArgumentException.class, () -> InversePowerSum.standard().sums(s, new int[]{18},
                new int[]{6}));
        Structure mol = Structure.molecule(new double[][]{{0, 0, 0}, {1, 0, 0}}, new int[]{18, 18});
        assertThrows(IllegalArgumentException.class, () -> InversePowerSum.direct(mol, SPECIES, 6, 10));
    }

    @Test
    void pairFitRecoversTheLennardJonesCoefficients() {
        LennardJonesMixture lj = LennardJonesMixture.example();
        List<Structure> structures = lj.randomStructures(40, 5, 0.012, 0.85, 7);
        PairFeatures features = new PairFeatures(SPECIES, new int[]{6, 12}, false, InversePowerSum.standard());
        double[][] x = features.rows(structures);
        double[] y = structures.stream().mapToDouble(s -> lj.energy(s, 40.0)).toArray();
        double[] a = PairPotentialFit.fit(x, y);
        double[] exact = lj.coefficients();
        for (int c = 0; c < exact.length; c++) {
            // the reference energies are direct sums to 40 A (InversePowerSumTest above: ~1e-5 for 1/r^6)
            assertEquals(exact[c], a[c], 1e-4 * Math.abs(exact[c]), features.names().get(c));
        }
        double[] pred = PairPotentialFit.predict(x, a);
        double rmse = 0;
        for (int i = 0; i < y.length; i++) {
            rmse += (pred[i] - y[i]) * (pred[i] - y[i]) / y.length;
        }
        assertEquals(0.0, Math.sqrt(rmse) / lj.epsilon(0, 0), 1e-4);
    }
}
