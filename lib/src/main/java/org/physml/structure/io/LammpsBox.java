package org.physml.structure.io;

import java.util.Arrays;

/**
 * A LAMMPS simulation box: an orthogonal or restricted triclinic parallelepiped with origin (xlo, ylo, zlo) and
 * edge vectors a = (xhi - xlo, 0, 0), b = (xy, yhi - ylo, 0), c = (xz, yz, zhi - zlo) (LAMMPS documentation,
 * "Triclinic (non-orthogonal) simulation boxes", Howto_triclinic), all in Angstrom for metal/real units.
 *
 * @param lo   (xlo, ylo, zlo)
 * @param hi   (xhi, yhi, zhi)
 * @param tilt (xy, xz, yz); all zero for an orthogonal box
 */
public record LammpsBox(double[] lo, double[] hi, double[] tilt) {

    /**
     * @throws IllegalArgumentException unless every hi &gt; lo and all values are finite
     */
    public LammpsBox {
        lo = lo.clone();
        hi = hi.clone();
        tilt = tilt.clone();
        for (int k = 0; k < 3; k++) {
            if (!(hi[k] > lo[k]) || !Double.isFinite(hi[k] - lo[k]) || !Double.isFinite(tilt[k])) {
                throw new IllegalArgumentException("LAMMPS box needs finite lo < hi and finite tilts, got lo "
                        + Arrays.toString(lo) + " hi " + Arrays.toString(hi) + " tilt " + Arrays.toString(tilt));
            }
        }
    }

    /** The edge vectors a, b, c as rows, shape [3][3]. */
    public double[][] cell() {
        return new double[][]{
                {hi[0] - lo[0], 0, 0},
                {tilt[0], hi[1] - lo[1], 0},
                {tilt[1], tilt[2], hi[2] - lo[2]}};
    }

    /** Whether any tilt factor is non-zero. */
    public boolean isTriclinic() {
        return tilt[0] != 0 || tilt[1] != 0 || tilt[2] != 0;
    }

    /**
     * The box of a dump file's BOX BOUNDS: for a triclinic box the file holds the bounding box
     * xlo_bound = xlo + min(0, xy, xz, xy + xz), xhi_bound = xhi + max(0, xy, xz, xy + xz),
     * ylo_bound = ylo + min(0, yz), yhi_bound = yhi + max(0, yz), zlo_bound = zlo, zhi_bound = zhi
     * (Howto_triclinic), inverted here.
     *
     * @param bounds {xlo_bound, xhi_bound}, {ylo_bound, yhi_bound}, {zlo_bound, zhi_bound}
     * @param tilt   (xy, xz, yz), zeros for an orthogonal box
     */
    public static LammpsBox fromBounds(double[][] bounds, double[] tilt) {
        double xy = tilt[0], xz = tilt[1], yz = tilt[2];
        double[] lo = {bounds[0][0] - min(0, xy, xz, xy + xz), bounds[1][0] - Math.min(0, yz), bounds[2][0]};
        double[] hi = {bounds[0][1] - max(0, xy, xz, xy + xz), bounds[1][1] - Math.max(0, yz), bounds[2][1]};
        return new LammpsBox(lo, hi, tilt);
    }

    /** The dump-file bounding box of this box, inverse of {@link #fromBounds}, shape [3][2]. */
    public double[][] bounds() {
        double xy = tilt[0], xz = tilt[1], yz = tilt[2];
        return new double[][]{
                {lo[0] + min(0, xy, xz, xy + xz), hi[0] + max(0, xy, xz, xy + xz)},
                {lo[1] + Math.min(0, yz), hi[1] + Math.max(0, yz)},
                {lo[2], hi[2]}};
    }

    /**
     * Cartesian position of scaled (fractional) coordinates s: r = lo + s_1 a + s_2 b + s_3 c, i.e.
     * x = xlo + s_1 lx + s_2 xy + s_3 xz, y = ylo + s_2 ly + s_3 yz, z = zlo + s_3 lz.
     */
    public double[] toCartesian(double s1, double s2, double s3) {
        return new double[]{
                lo[0] + s1 * (hi[0] - lo[0]) + s2 * tilt[0] + s3 * tilt[1],
                lo[1] + s2 * (hi[1] - lo[1]) + s3 * tilt[2],
                lo[2] + s3 * (hi[2] - lo[2])};
    }

    private static double min(double a, double b, double c, double d) {
        return Math.min(Math.min(a, b), Math.min(c, d));
    }

    private static double max(double a, double b, double c, double d) {
        return Math.max(Math.max(a, b), Math.max(c, d));
    }
}
