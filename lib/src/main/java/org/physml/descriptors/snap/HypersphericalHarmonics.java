package org.physml.descriptors.snap;

import org.apache.commons.math3.complex.Complex;

/**
 * The hyperspherical harmonics U^J_{m m'} (Wigner D-matrices of SU(2)) of one neighbour, and their
 * gradients, for all J up to twojmax/2.
 *
 * <p>A neighbour at r = (x, y, z), |r| = r, is mapped onto the 3-sphere by the angle
 * theta0 = rfac0 pi (r - rmin0)/(R - rmin0) and z0 = r / tan(theta0); its Cayley-Klein parameters are
 * a = (z0 - i z)/r0 and b = (y - i x)/r0 with r0 = sqrt(r^2 + z0^2) (Thompson et al., J. Comput. Phys. 285,
 * 316 (2015); LAMMPS compute sna/atom documentation and src/ML-SNAP/sna.cpp). Layer J is built from layer
 * J - 1/2 by the recursion of Varshalovich, Moskalev and Khersonskii (1988) Sec. 4.8.2,
 *
 * <pre>
 *   U^j(ma, mb) = sqrt((j - ma)/(j - mb)) a* U^{j-1}(ma, mb) - sqrt(ma/(j - mb)) b* U^{j-1}(ma - 1, mb)
 * </pre>
 *
 * (doubled labels, array offsets; see {@link SnaIndex}) for the rows 2 mb &lt;= j, and the remaining rows
 * follow from the symmetry U^j(j - ma, j - mb) = (-1)^(ma - mb) conj(U^j(ma, mb)) (VMK Sec. 4.4 Eq. (2); both
 * VMK references as cited in LAMMPS's sna.cpp).
 *
 * <p>Arrays: U as two double arrays (real, imaginary) of length {@link SnaIndex#uSize}; gradients as arrays
 * of length 3 uSize with the Cartesian component fastest ({@code du[3 k + c]}).
 *
 * <p>The class is public for {@link #matrix}, which returns one layer as a complex matrix so that the steps of
 * {@link Bispectrum} can be reproduced by hand (notebook 06); the array methods used by the descriptor stay
 * package-private.
 */
public final class HypersphericalHarmonics {

    private HypersphericalHarmonics() {
    }

    /**
     * The matrix U^J_{m m'} (J = twoJ / 2) of one neighbour, as {@link Bispectrum} uses it: element
     * {@code [ma][mb]} is U^J_{m m'} with ma = J + m, mb = J + m' in 0..twoJ. In terms of the angles,
     * a = cos(theta0) - i sin(theta0) z/r and b = sin(theta0) (y - i x)/r, and for twoJ = 1 the matrix is
     * [[a*, b], [-b*, a]] (rows ma); it is unitary with trace sin((twoJ + 1) theta0) / sin(theta0).
     *
     * @param twoJ   twice the angular momentum J, 0..{@link Bispectrum#MAX_TWOJMAX}
     * @param x      neighbour vector, Angstrom (LAMMPS passes centre minus neighbour)
     * @param theta0 the third polar angle rfac0 pi (r - rmin0)/(R - rmin0) of the neighbour on the 3-sphere,
     *               radians, in (0, pi)
     * @return a new (twoJ + 1) x (twoJ + 1) array
     * @throws IllegalArgumentException if twoJ is out of range, the vector has zero or non-finite length, or
     *                                  theta0 is not in (0, pi)
     */
    public static Complex[][] matrix(int twoJ, double x, double y, double z, double theta0) {
        if (twoJ < 0 || twoJ > Bispectrum.MAX_TWOJMAX) {
            throw new IllegalArgumentException("twoJ must be in 0.." + Bispectrum.MAX_TWOJMAX + ", got " + twoJ);
        }
        double r = Math.sqrt(x * x + y * y + z * z);
        if (!(r > 0) || !Double.isFinite(r)) {
            throw new IllegalArgumentException("the neighbour vector must have a positive finite length, got ("
                    + x + ", " + y + ", " + z + ")");
        }
        if (!(theta0 > 0 && theta0 < Math.PI)) {
            throw new IllegalArgumentException("theta0 must lie in (0, pi), got " + theta0);
        }
        SnaIndex idx = new SnaIndex(twoJ);
        double[] ur = new double[idx.uSize];
        double[] ui = new double[idx.uSize];
        compute(idx, x, y, z, r / Math.tan(theta0), r, ur, ui);
        int base = idx.uBlock[twoJ];
        Complex[][] u = new Complex[twoJ + 1][twoJ + 1];
        for (int ma = 0; ma <= twoJ; ma++) {
            for (int mb = 0; mb <= twoJ; mb++) {
                int k = base + (twoJ + 1) * mb + ma;
                u[ma][mb] = new Complex(ur[k], ui[k]);
            }
        }
        return u;
    }

    /**
     * The rows 2 mb &lt;= j of U^j of one neighbour, for every layer j (the rows the density accumulates; the
     * others follow by symmetry). Other rows are left undefined except those the recursion reads.
     *
     * @param idx     index tables
     * @param x       Cartesian components of the neighbour vector, Angstrom (any sign convention; the
     *                bispectrum is invariant under r -&gt; -r)
     * @param z0      r / tan(theta0), Angstrom
     * @param r       |(x, y, z)|, Angstrom
     * @param ur      receives Re U, length uSize
     * @param ui      receives Im U
     */
    static void computeRows(SnaIndex idx, double x, double y, double z, double z0, double r, double[] ur,
                            double[] ui) {
        double r0inv = 1.0 / Math.sqrt(r * r + z0 * z0);
        double aR = r0inv * z0;
        double aI = -r0inv * z;
        double bR = r0inv * y;
        double bI = -r0inv * x;
        double[][] rootPq = idx.rootPq;
        ur[0] = 1.0;
        ui[0] = 0.0;
        for (int j = 1; j <= idx.twojmax; j++) {
            int base = idx.uBlock[j];
            int prevBase = idx.uBlock[j - 1];
            for (int mb = 0; 2 * mb <= j; mb++) {
                int row = base + (j + 1) * mb;
                int prev = prevBase + j * mb;
                double[] root = rootPq[j - mb];
                ur[row] = 0.0;
                ui[row] = 0.0;
                for (int ma = 0; ma < j; ma++) {
                    double pr = ur[prev + ma];
                    double pi = ui[prev + ma];
                    // conj(a) * U^{j-1}(ma, mb) into (ma, mb)
                    double ra = root[j - ma];
                    ur[row + ma] += ra * (aR * pr + aI * pi);
                    ui[row + ma] += ra * (aR * pi - aI * pr);
                    // -conj(b) * U^{j-1}(ma, mb) into (ma + 1, mb)
                    double rb = root[ma + 1];
                    ur[row + ma + 1] = -rb * (bR * pr + bI * pi);
                    ui[row + ma + 1] = -rb * (bR * pi - bI * pr);
                }
            }
            if (j % 2 == 1 && j < idx.twojmax) {
                // layer j + 1 also reads row (j + 1)/2 of this layer: the mirror image of row (j - 1)/2
                mirrorRow(j, base, (j - 1) / 2, ur, ui);
            }
        }
    }

    /** All rows of every layer: {@link #computeRows} completed by {@link #mirror}. */
    static void compute(SnaIndex idx, double x, double y, double z, double z0, double r, double[] ur, double[] ui) {
        computeRows(idx, x, y, z, z0, r, ur, ui);
        for (int j = 1; j <= idx.twojmax; j++) {
            mirror(j, idx.uBlock[j], false, ur, ui);
        }
    }

    /**
     * U^j and its gradient with respect to the neighbour vector (x, y, z), for all layers.
     *
     * @param dz0dr d z0 / d r along the radial direction, dimensionless
     * @param dur   receives d Re U / d(x, y, z), length 3 uSize, 1/Angstrom
     * @param dui   receives d Im U / d(x, y, z)
     * @see #compute
     */
    static void computeWithGradient(SnaIndex idx, double x, double y, double z, double z0, double r, double dz0dr,
                                    double[] ur, double[] ui, double[] dur, double[] dui) {
        double rinv = 1.0 / r;
        double[] u = {x * rinv, y * rinv, z * rinv};
        double r0inv = 1.0 / Math.sqrt(r * r + z0 * z0);
        double aR = z0 * r0inv;
        double aI = -z * r0inv;
        double bR = y * r0inv;
        double bI = -x * r0inv;
        // d r0inv / dr along r_hat, with z0 = z0(r)
        double dr0invdr = -r0inv * r0inv * r0inv * (r + z0 * dz0dr);
        double[] daR = new double[3];
        double[] daI = new double[3];
        double[] dbR = new double[3];
        double[] dbI = new double[3];
        for (int k = 0; k < 3; k++) {
            double dr0inv = dr0invdr * u[k];
            daR[k] = dz0dr * u[k] * r0inv + z0 * dr0inv;
            daI[k] = -z * dr0inv;
            dbR[k] = y * dr0inv;
            dbI[k] = -x * dr0inv;
        }
        daI[2] -= r0inv;
        dbR[1] += r0inv;
        dbI[0] -= r0inv;

        double[][] rootPq = idx.rootPq;
        ur[0] = 1.0;
        ui[0] = 0.0;
        for (int k = 0; k < 3; k++) {
            dur[k] = 0.0;
            dui[k] = 0.0;
        }
        for (int j = 1; j <= idx.twojmax; j++) {
            int base = idx.uBlock[j];
            int prevBase = idx.uBlock[j - 1];
            for (int mb = 0; 2 * mb <= j; mb++) {
                int row = base + (j + 1) * mb;
                int prev = prevBase + j * mb;
                ur[row] = 0.0;
                ui[row] = 0.0;
                for (int k = 0; k < 3; k++) {
                    dur[3 * row + k] = 0.0;
                    dui[3 * row + k] = 0.0;
                }
                for (int ma = 0; ma < j; ma++) {
                    int p = prev + ma;
                    int q = row + ma;
                    double pr = ur[p];
                    double pi = ui[p];
                    double ra = rootPq[j - mb][j - ma];
                    double rb = rootPq[j - mb][ma + 1];
                    ur[q] += ra * (aR * pr + aI * pi);
                    ui[q] += ra * (aR * pi - aI * pr);
                    ur[q + 1] = -rb * (bR * pr + bI * pi);
                    ui[q + 1] = -rb * (bR * pi - bI * pr);
                    for (int k = 0; k < 3; k++) {
                        double dpr = dur[3 * p + k];
                        double dpi = dui[3 * p + k];
                        dur[3 * q + k] += ra * (daR[k] * pr + daI[k] * pi + aR * dpr + aI * dpi);
                        dui[3 * q + k] += ra * (daR[k] * pi - daI[k] * pr + aR * dpi - aI * dpr);
                        dur[3 * (q + 1) + k] = -rb * (dbR[k] * pr + dbI[k] * pi + bR * dpr + bI * dpi);
                        dui[3 * (q + 1) + k] = -rb * (dbR[k] * pi - dbI[k] * pr + bR * dpi - bI * dpr);
                    }
                }
            }
            mirror(j, base, false, ur, ui);
            mirrorGradient(j, base, dur, dui);
        }
    }

    /** Row j - mb of layer j from row mb by the symmetry of U (see {@link #mirror}). */
    private static void mirrorRow(int j, int base, int mb, double[] ur, double[] ui) {
        int src = base + (j + 1) * mb;
        int dst = base + (j + 1) * (j - mb) + j;
        boolean even = (mb % 2 == 0);
        for (int ma = 0; ma <= j; ma++) {
            ur[dst] = even ? ur[src] : -ur[src];
            ui[dst] = even ? -ui[src] : ui[src];
            even = !even;
            src++;
            dst--;
        }
    }

    /**
     * Fills rows mb &gt; j/2 of layer j from rows 2 mb &lt;= j by U(j - ma, j - mb) = (-1)^(ma - mb) conj U(ma, mb),
     * in place and in increasing (mb, ma) order (so for even j the middle row is rewritten from its own left half).
     *
     * @param strictRowsOnly if true, only the rows 2 mb &lt; j are mirrored (the middle row of an even layer is
     *                       left as it is)
     */
    static void mirror(int j, int base, boolean strictRowsOnly, double[] ur, double[] ui) {
        int last = base + (j + 1) * (j + 1) - 1;
        for (int mb = 0; strictRowsOnly ? 2 * mb < j : 2 * mb <= j; mb++) {
            int src = base + (j + 1) * mb;
            int dst = last - (j + 1) * mb;
            boolean even = (mb % 2 == 0);
            for (int ma = 0; ma <= j; ma++) {
                if (even) {
                    ur[dst] = ur[src];
                    ui[dst] = -ui[src];
                } else {
                    ur[dst] = -ur[src];
                    ui[dst] = ui[src];
                }
                even = !even;
                src++;
                dst--;
            }
        }
    }

    private static void mirrorGradient(int j, int base, double[] dur, double[] dui) {
        int last = base + (j + 1) * (j + 1) - 1;
        for (int mb = 0; 2 * mb <= j; mb++) {
            int src = base + (j + 1) * mb;
            int dst = last - (j + 1) * mb;
            boolean even = (mb % 2 == 0);
            for (int ma = 0; ma <= j; ma++) {
                for (int k = 0; k < 3; k++) {
                    if (even) {
                        dur[3 * dst + k] = dur[3 * src + k];
                        dui[3 * dst + k] = -dui[3 * src + k];
                    } else {
                        dur[3 * dst + k] = -dur[3 * src + k];
                        dui[3 * dst + k] = dui[3 * src + k];
                    }
                }
                even = !even;
                src++;
                dst--;
            }
        }
    }
}
