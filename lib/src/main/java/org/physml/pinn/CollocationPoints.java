package org.physml.pinn;

/**
 * Training points of a PINN for a Dirichlet heat problem on [0, L] x [0, t_max], with the values the
 * network must match.
 *
 * @param xPde   collocation points, x (length N_pde)
 * @param tPde   collocation points, t
 * @param xBc    boundary points, x (0 or L; length N_bc)
 * @param tBc    boundary points, t
 * @param tempBc boundary values T_bc at (t_bc, x_bc)
 * @param xIc    initial points, x (t = 0; length N_ic)
 * @param tempIc initial values T_ic at x_ic
 */
public record CollocationPoints(double[] xPde, double[] tPde, double[] xBc, double[] tBc, double[] tempBc,
                                double[] xIc, double[] tempIc) {
    /**
     * @throws IllegalArgumentException if paired arrays differ in length or a set is empty
     */
    public CollocationPoints {
        same("collocation x/t", xPde, tPde);
        same("boundary x/t", xBc, tBc);
        same("boundary x/T_bc", xBc, tempBc);
        same("initial x/T_ic", xIc, tempIc);
    }

    private static void same(String what, double[] u, double[] v) {
        if (u == null || v == null || u.length != v.length || u.length == 0) {
            throw new IllegalArgumentException(what + " arrays must have the same non-zero length, got "
                    + (u == null ? "null" : u.length) + " and " + (v == null ? "null" : v.length));
        }
    }

    /** Total number of points N_pde + N_bc + N_ic. */
    public int size() {
        return xPde.length + xBc.length + xIc.length;
    }
}
