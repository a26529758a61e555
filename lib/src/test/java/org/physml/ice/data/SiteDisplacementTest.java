package org.physml.ice.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.physml.ice.IceBuilder;
import org.physml.ice.IcePhase;
import org.physml.structure.Structure;

class SiteDisplacementTest {
    private static final boolean[] PBC = {true, true, true};

    /**
     * Changing the cell (affine strain, as a barostat does), moving every atom by the same drift and moving single
     * atoms by lattice vectors are not displacements from the sites.
     */
    @Test
    void isZeroForStrainDriftAndLatticeTranslations() {
        Structure ice = IceBuilder.of(IcePhase.III).seed(1).build().structure();
        double[][] cell = ice.cell();
        double[][] strain = {{1.02, 0.01, 0}, {0, 0.97, 0.02}, {0, 0, 1.05}};
        double[][] newCell = multiply(cell, strain);
        double[][] r = ice.positions();
        for (int i = 0; i < r.length; i++) {
            r[i] = multiply(new double[][]{r[i]}, strain)[0];
            for (int c = 0; c < 3; c++) {
                r[i][c] += 0.37 * newCell[0][c] - 0.21 * newCell[2][c] + (i % 4 - 1) * newCell[1][c];
            }
        }
        Structure moved = new Structure(r, ice.atomicNumbers(), newCell, PBC);
        int[] all = java.util.stream.IntStream.range(0, ice.size()).toArray();
        assertEquals(0, SiteDisplacement.rms(ice, moved, all), 1e-12);
    }

    /**
     * One of N atoms displaced by d: after removing the mean displacement d/N, atom 1 moved by d (1 - 1/N) and the
     * others by -d/N, so rms = d sqrt(((N-1)^2 + (N-1)) / N^3) = d sqrt(N-1) / N.
     */
    @Test
    void oneDisplacedAtomGivesTheAnalyticValue() {
        double[][] cell = {{10, 0, 0}, {0, 10, 0}, {0, 0, 10}};
        int n = 5;
        double[][] sites = new double[n][];
        for (int i = 0; i < n; i++) {
            sites[i] = new double[]{2.0 * i, 1.0, 1.5 * i};
        }
        double[][] moved = new double[n][];
        for (int i = 0; i < n; i++) {
            moved[i] = sites[i].clone();
        }
        double d = 0.8;
        moved[2][1] += d;
        int[] z = {8, 8, 8, 8, 8};
        double rms = SiteDisplacement.rms(new Structure(sites, z, cell, PBC), new Structure(moved, z, cell, PBC),
                new int[]{0, 1, 2, 3, 4});
        assertEquals(d * Math.sqrt(n - 1) / n, rms, 1e-12);
        // only a subset: atoms 2 and 3, displacement 0.8 and 0 -> sqrt(2 (0.4)^2 / 2) = 0.4
        assertEquals(0.4, SiteDisplacement.rms(new Structure(sites, z, cell, PBC), new Structure(moved, z, cell, PBC),
                new int[]{2, 3}), 1e-12);
    }

    @Test
    void rejectsMismatchedStructures() {
        double[][] cell = {{10, 0, 0}, {0, 10, 0}, {0, 0, 10}};
        Structure a = new Structure(new double[][]{{0, 0, 0}}, new int[]{8}, cell, PBC);
        Structure b = new Structure(new double[][]{{0, 0, 0}, {1, 1, 1}}, new int[]{8, 8}, cell, PBC);
        assertThrows(IllegalArgumentException.class, () -> SiteDisplacement.rms(a, b, new int[]{0}));
        assertThrows(IllegalArgumentException.class, () -> SiteDisplacement.rms(a, a, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> SiteDisplacement.rms(a, a, new int[]{1}));
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][3];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }
}
