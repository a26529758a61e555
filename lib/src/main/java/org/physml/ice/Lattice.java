package org.physml.ice;

/** 3x3 lattice arithmetic on cells whose rows are the lattice vectors. */
final class Lattice {
    private Lattice() {
    }

    static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
            }
        }
        return c;
    }

    static double[][] inverse(double[][] m) {
        double d = det(m);
        double[][] inv = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int i1 = (j + 1) % 3, i2 = (j + 2) % 3, j1 = (i + 1) % 3, j2 = (i + 2) % 3;
                inv[i][j] = (m[i1][j1] * m[i2][j2] - m[i1][j2] * m[i2][j1]) / d;
            }
        }
        return inv;
    }

    /** Fractional coordinates wrapped into [0, 1); values within 1e-12 of 1 become 0. */
    static double[] wrap(double[] f) {
        double[] w = new double[3];
        for (int k = 0; k < 3; k++) {
            double x = f[k] - Math.floor(f[k]);
            w[k] = x >= 1 - 1e-12 ? 0 : x;
        }
        return w;
    }

    static double[] toCartesian(double[][] cell, double[] f) {
        return new double[]{
                f[0] * cell[0][0] + f[1] * cell[1][0] + f[2] * cell[2][0],
                f[0] * cell[0][1] + f[1] * cell[1][1] + f[2] * cell[2][1],
                f[0] * cell[0][2] + f[1] * cell[1][2] + f[2] * cell[2][2]};
    }

    /**
     * Shortest distance between fractional positions f and g over the images g + n (n integer, |n_k| &lt;= 1),
     * Angstrom; exact for the nearly-coincident positions it is used for.
     */
    static double minimumImageDistance(double[][] cell, double[] f, double[] g) {
        double best = Double.POSITIVE_INFINITY;
        double[] d0 = {g[0] - f[0], g[1] - f[1], g[2] - f[2]};
        for (int k = 0; k < 3; k++) {
            d0[k] -= Math.rint(d0[k]);
        }
        for (int a = -1; a <= 1; a++) {
            for (int b = -1; b <= 1; b++) {
                for (int c = -1; c <= 1; c++) {
                    double[] r = toCartesian(cell, new double[]{d0[0] + a, d0[1] + b, d0[2] + c});
                    best = Math.min(best, Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]));
                }
            }
        }
        return best;
    }
}
