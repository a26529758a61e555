package org.physml.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.physml.structure.Structure;

class AcsfG8Test {
    private static final double NU = 2.0, A_L = 2.6, A_R = 3.0;

    /** f_b written out independently of the class under test. */
    private static double fb(double r) {
        double ramp = Math.PI / (2 * NU);
        if (r > A_L - ramp && r < A_L) {
            return Math.pow(Math.cos(NU * (r - A_L)), 2);
        }
        if (r >= A_L && r < A_R) {
            return 1;
        }
        if (r >= A_R && r < A_R + ramp) {
            return Math.pow(Math.cos(NU * (r - A_R)), 2);
        }
        return 0;
    }

    private static AcsfG8 g8(double[][] etaAlpha) {
        return new AcsfG8(CutoffFunction.smoothWindow(NU, A_L, A_R), etaAlpha);
    }

    @Test
    void equilateralTrimerGivesOnePairAtSixtyDegrees() {
        double[][] p = {{3, Math.toRadians(109.47)}, {1.5, 0.3}};
        AcsfG8 g = g8(p);
        assertEquals(List.of("G8[eta=3,alpha=" + Math.toRadians(109.47) + "]", "G8[eta=1.5,alpha=0.3]"),
                g.featureNames());
        for (double d : new double[]{2.8, 2.3, 3.4}) {     // plateau, rising ramp, falling ramp
            double h = d * Math.sqrt(3) / 2;
            Structure trimer = Structure.molecule(new double[][]{{0, 0, 0}, {d, 0, 0}, {d / 2, h, 0}},
                    new int[]{8, 8, 8});
            double[][] x = g.compute(trimer);
            for (double[] row : x) {
                for (int t = 0; t < p.length; t++) {
                    // (1/2) sum over the two ordered pairs = the single unordered pair.
                    double expected = Math.sin(p[t][0] * (Math.PI / 3 - p[t][1])) * fb(d) * fb(d);
                    assertEquals(expected, row[t], 1e-13, "d = " + d + ", parameter row " + t);
                }
            }
        }
    }

    @Test
    void tetrahedralCentreSumsSixPairsAtTheTetrahedralAngle() {
        double d = 2.75;
        double s = d / Math.sqrt(3);
        Structure tetra = Structure.molecule(new double[][]{{0, 0, 0}, {s, s, s}, {s, -s, -s}, {-s, s, -s},
                {-s, -s, s}}, new int[]{8, 8, 8, 8, 8});
        double eta = 3, alpha = 1.0;
        double[] centre = g8(new double[][]{{eta, alpha}}).compute(tetra)[0];
        double theta = Math.acos(-1.0 / 3.0);
        assertEquals(6 * Math.sin(eta * (theta - alpha)) * fb(d) * fb(d), centre[0], 1e-13);
        // With alpha = theta_tetrahedral, the ideal tetrahedron gives 0 (the outer atoms see each other at
        // 2 d sqrt(2/3) = 4.49 A, outside the window, and see the centre only).
        assertEquals(0.0, g8(new double[][]{{eta, theta}}).compute(tetra)[0][0], 1e-14);
    }

    @Test
    void neighboursOutsideTheWindowDoNotCount() {
        double d = 2.8;
        double h = d * Math.sqrt(3) / 2;
        // A fourth atom far away (beyond a_r + pi/(2 nu)) and one too close (below a_l - pi/(2 nu)).
        Structure s = Structure.molecule(new double[][]{{0, 0, 0}, {d, 0, 0}, {d / 2, h, 0}, {0, 0, 4.0},
                {0, -1.5, 0}}, new int[]{8, 8, 8, 8, 8});
        double[] x = g8(new double[][]{{2, 0.5}}).compute(s)[0];
        assertEquals(Math.sin(2 * (Math.PI / 3 - 0.5)), x[0], 1e-13);
    }

    @Test
    void invariantUnderRotationTranslationAndPermutation() {
        AcsfG8 g = g8(new double[][]{{3, 1.9}, {1, 0.2}});
        Structure s = AcsfTestStructures.randomCluster(12, new int[]{8}, 6.0, 2.0, 5);
        double[][] x = g.compute(s);
        double[][] moved = g.compute(AcsfTestStructures.rotateAndShift(s, new double[]{0.3, 1, -1}, 2.2,
                new double[]{-4, 5, 6}));
        int[] perm = AcsfTestStructures.permutation(s.size(), 9);
        double[][] permuted = g.compute(s.select(perm));
        for (int i = 0; i < s.size(); i++) {
            for (int t = 0; t < 2; t++) {
                assertEquals(x[i][t], moved[i][t], 1e-10);
                assertEquals(x[perm[i]][t], permuted[i][t], 1e-10);
            }
        }
    }

    @Test
    void badParametersThrowClearMessages() {
        CutoffFunction w = CutoffFunction.smoothWindow(NU, A_L, A_R);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AcsfG8(w, new double[][]{{0, 1}}));
        assertTrue(e.getMessage().contains("eta"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AcsfG8(w, new double[][]{{1, Double.NaN}}));
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AcsfG8(w, new double[][]{{1, 2, 3}}));
        assertTrue(e.getMessage().contains("{eta, alpha}"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AcsfG8(w, new double[0][]));
        assertTrue(e.getMessage().contains("at least one"), e.getMessage());
    }
}
