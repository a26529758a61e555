package org.physml.ice;

/**
 * Lattice parameters of a crystal: lengths a, b, c (Angstrom) and angles alpha, beta, gamma (degrees;
 * alpha between b and c, beta between a and c, gamma between a and b).
 *
 * @param a     length of a_1, Angstrom, &gt; 0
 * @param b     length of a_2, Angstrom, &gt; 0
 * @param c     length of a_3, Angstrom, &gt; 0
 * @param alpha angle between a_2 and a_3, degrees, in (0, 180)
 * @param beta  angle between a_1 and a_3, degrees, in (0, 180)
 * @param gamma angle between a_1 and a_2, degrees, in (0, 180)
 */
public record CellParameters(double a, double b, double c, double alpha, double beta, double gamma) {

    /**
     * @throws IllegalArgumentException if a length is not positive, an angle is outside (0, 180) degrees, or
     *                                  the angles cannot form a cell (non-positive volume)
     */
    public CellParameters {
        for (double len : new double[]{a, b, c}) {
            if (!(len > 0) || !Double.isFinite(len)) {
                throw new IllegalArgumentException("cell lengths must be positive finite Angstrom, got a=" + a + ", b=" + b
                        + ", c=" + c);
            }
        }
        for (double angle : new double[]{alpha, beta, gamma}) {
            if (!(angle > 0 && angle < 180)) {
                throw new IllegalArgumentException("cell angles must lie in (0, 180) degrees, got alpha=" + alpha
                        + ", beta=" + beta + ", gamma=" + gamma);
            }
        }
        double ca = cosDeg(alpha), cb = cosDeg(beta), cg = cosDeg(gamma);
        double v2 = 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg;
        if (!(v2 > 1e-12)) {
            throw new IllegalArgumentException("angles alpha=" + alpha + ", beta=" + beta + ", gamma=" + gamma
                    + " do not form a cell of positive volume");
        }
    }

    /**
     * The lattice vectors as rows in the orientation LAMMPS requires for a (restricted) triclinic box and ASE's
     * cellpar_to_cell uses: a_1 = (a, 0, 0), a_2 = (b cos gamma, b sin gamma, 0) in the xy plane and a_3 with
     * positive z; shape [3][3], Angstrom.
     */
    public double[][] matrix() {
        double cg = cosDeg(gamma), sg = Math.sin(Math.toRadians(gamma));
        double cb = cosDeg(beta), ca = cosDeg(alpha);
        double cx = c * cb;
        double cy = c * (ca - cb * cg) / sg;
        double cz = Math.sqrt(Math.max(0, c * c - cx * cx - cy * cy));
        double bx = b * cg, by = b * sg;
        return new double[][]{{a, 0, 0}, {clean(bx), by, 0}, {clean(cx), clean(cy), cz}};
    }

    /** Cell volume a b c sqrt(1 - cos^2 alpha - cos^2 beta - cos^2 gamma + 2 cos alpha cos beta cos gamma), A^3. */
    public double volume() {
        double ca = cosDeg(alpha), cb = cosDeg(beta), cg = cosDeg(gamma);
        return a * b * c * Math.sqrt(1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg);
    }

    private static double cosDeg(double deg) {
        // exact zero for right angles so that orthogonal cells have no 1e-16 tilt
        return deg == 90 ? 0 : Math.cos(Math.toRadians(deg));
    }

    private static double clean(double x) {
        return Math.abs(x) < 1e-12 ? 0 : x;
    }
}
