package org.physml.descriptors.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

class LowdinOrthonormalizationTest {

    /** S = Q diag(4, 1, 1/4) Q^T has S^(-1/2) = Q diag(1/2, 1, 2) Q^T. */
    @Test
    void knownInverseSquareRoot() {
        double[][] q = new Rotation(new Vector3D(1, 2, 3), 0.7, RotationConvention.VECTOR_OPERATOR).getMatrix();
        double[] lambda = {4, 1, 0.25};
        double[][] s = new double[3][3];
        double[][] expected = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    s[i][j] += q[i][k] * lambda[k] * q[j][k];
                    expected[i][j] += q[i][k] / Math.sqrt(lambda[k]) * q[j][k];
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < i; j++) {
                s[i][j] = s[j][i];
            }
        }
        double[][] beta = LowdinOrthonormalization.inverseSquareRoot(s, "test");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[i][j], beta[i][j], 1e-14);
            }
        }
    }

    /**
     * The 8 x 8 Hilbert matrix (condition number 1.5e10, entries 1/(i+j+1) rounded to double): beta H beta
     * evaluated in exact arithmetic from the double entries is the identity to double precision.
     */
    @Test
    void hilbertMatrix() {
        int n = 8;
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] = 1.0 / (i + j + 1);
            }
        }
        double[][] beta = LowdinOrthonormalization.inverseSquareRoot(h, "hilbert");
        java.math.MathContext mc = new java.math.MathContext(40);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        sum = sum.add(new java.math.BigDecimal(beta[a][i]).multiply(new java.math.BigDecimal(h[i][j]), mc)
                                .multiply(new java.math.BigDecimal(beta[j][b]), mc), mc);
                    }
                }
                // beta entries reach 1e4 here, so double rounding of beta alone allows a few 1e-6
                assertEquals(a == b ? 1.0 : 0.0, sum.doubleValue(), 1e-5, "(" + a + ", " + b + ")");
            }
        }
    }

    @Test
    void rejectsMatricesWithoutARealInverseSquareRoot() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LowdinOrthonormalization.inverseSquareRoot(new double[][]{{1, 2}, {2, 1}}, "indefinite"));
        assertTrue(e.getMessage().contains("domain of real numbers"));
        assertThrows(IllegalArgumentException.class,
                () -> LowdinOrthonormalization.inverseSquareRoot(new double[][]{{1, 0.5}, {0.4, 1}}, "asymmetric"));
        assertThrows(IllegalArgumentException.class,
                () -> LowdinOrthonormalization.inverseSquareRoot(new double[][]{{1, 0}, {0, 0}}, "singular"));
    }
}
