package org.physml.ice.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.physml.structure.Structure;

class RadialDistributionTest {

    /** Simple cubic lattice, a = 3 A: shells of 6, 12 and 8 neighbours at a, sqrt(2) a and sqrt(3) a. */
    @Test
    void simpleCubicShells() {
        Structure sc = new Structure(new double[][]{{0, 0, 0}}, new int[]{8},
                new double[][]{{3, 0, 0}, {0, 3, 0}, {0, 0, 3}}, new boolean[]{true, true, true}).repeat(4, 4, 4);
        RadialDistribution rdf = new RadialDistribution(8, 8, 6.0, 600);
        rdf.add(sc);
        assertEquals(0.0, rdf.coordinationWithin(2.9), 0.0);
        assertEquals(6.0, rdf.coordinationWithin(3.1), 0.0);
        assertEquals(18.0, rdf.coordinationWithin(4.3), 0.0);
        assertEquals(26.0, rdf.coordinationWithin(5.3), 0.0);
        assertEquals(64, rdf.centres());
        // the first peak holds the 6 neighbours: integral of 4 pi r^2 rho g dr over it is 6
        double[] g = rdf.g(), r = rdf.r();
        double rho = 63.0 / sc.volume(), dr = 0.01, n = 0;
        for (int k = 0; k < 305; k++) {
            double lo = k * dr, hi = lo + dr;
            n += rho * g[k] * 4.0 / 3.0 * Math.PI * (hi * hi * hi - lo * lo * lo);
        }
        assertEquals(6.0, n, 1e-9);
        assertEquals(0.005, r[0], 1e-12);
        // the first shell: the peak in the bin [3.00, 3.01) (or just below), zero g after it, 6 neighbours
        RadialDistribution.FirstShell shell = rdf.firstShell(3.5, 1.0);
        assertEquals(3.0, shell.rPeak(), 0.011);
        assertEquals(0.0, shell.gMin(), 0.0);
        assertEquals(6.0, shell.coordination(), 0.0);
    }

    /** Uniformly random points (an ideal gas): g(r) = 1 within the counting noise. */
    @Test
    void idealGasIsFlat() {
        SplittableRandom rng = new SplittableRandom(1);
        RadialDistribution rdf = new RadialDistribution(8, 8, 6.0, 12);
        double edge = 15;
        for (int f = 0; f < 20; f++) {
            double[][] p = new double[300][];
            for (int i = 0; i < p.length; i++) {
                p[i] = new double[]{edge * rng.nextDouble(), edge * rng.nextDouble(), edge * rng.nextDouble()};
            }
            rdf.add(new Structure(p, filled(300, 8), new double[][]{{edge, 0, 0}, {0, edge, 0}, {0, 0, edge}},
                    new boolean[]{true, true, true}));
        }
        double[] g = rdf.g();
        for (int k = 4; k < g.length; k++) {   // r > 2 A: thousands of pairs per bin, relative noise < 3%
            assertEquals(1.0, g[k], 0.05, "bin " + k);
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new RadialDistribution(8, 8, 0, 10));
        RadialDistribution rdf = new RadialDistribution(8, 1, 5, 10);
        assertThrows(IllegalStateException.class, rdf::g);
        assertThrows(IllegalArgumentException.class,
                () -> rdf.add(Structure.molecule(new double[][]{{0, 0, 0}, {1, 0, 0}}, new int[]{8, 1})));
        assertThrows(IllegalArgumentException.class, () -> rdf.add(new Structure(new double[][]{{0, 0, 0}},
                new int[]{8}, new double[][]{{5, 0, 0}, {0, 5, 0}, {0, 0, 5}}, new boolean[]{true, true, true})));
    }

    private static int[] filled(int n, int z) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, z);
        return a;
    }
}
