package org.physml.ice;

/**
 * Places the two H of every water molecule on the bonds its O donates, with the exact geometry of a rigid
 * water model.
 *
 * <p>For O with donated bond unit vectors u_1, u_2 (towards the acceptors) let b = (u_1 + u_2)/|u_1 + u_2| be
 * their bisector and p = (u_1 - u_2)/|u_1 - u_2| the in-plane perpendicular. Then
 * H_1,2 = O + r_OH (cos(theta/2) b +- sin(theta/2) p): both O-H have length r_OH, the angle is exactly theta,
 * the molecule lies in the plane of its two bonds, and each O-H is rotated symmetrically (by half the
 * difference between the O...O...O angle and theta) away from its bond. H_1 lies on the first donated bond.
 */
public final class HydrogenPlacement {
    private HydrogenPlacement() {
    }

    /**
     * @param oxygen  Cartesian O positions, shape [N][3], Angstrom
     * @param protons the ice-rule arrangement of the bonds between those O
     * @param model   geometry (r_OH, theta)
     * @return positions of the molecules' atoms O, H1, H2 per molecule, shape [3N][3], Angstrom
     */
    public static double[][] place(double[][] oxygen, ProtonArrangement protons, WaterModel model) {
        int n = oxygen.length;
        double half = Math.toRadians(model.angleHOH() / 2);
        double cb = model.rOH() * Math.cos(half), sp = model.rOH() * Math.sin(half);
        double[][] out = new double[3 * n][];
        for (int i = 0; i < n; i++) {
            int[] donated = protons.donated(i);
            double[] u1 = protons.donorToAcceptorUnit(donated[0]);
            double[] u2 = protons.donorToAcceptorUnit(donated[1]);
            double[] b = unit(new double[]{u1[0] + u2[0], u1[1] + u2[1], u1[2] + u2[2]});
            double[] p = unit(new double[]{u1[0] - u2[0], u1[1] - u2[1], u1[2] - u2[2]});
            double[] o = oxygen[i];
            out[3 * i] = o.clone();
            out[3 * i + 1] = new double[]{o[0] + cb * b[0] + sp * p[0], o[1] + cb * b[1] + sp * p[1],
                    o[2] + cb * b[2] + sp * p[2]};
            out[3 * i + 2] = new double[]{o[0] + cb * b[0] - sp * p[0], o[1] + cb * b[1] - sp * p[1],
                    o[2] + cb * b[2] - sp * p[2]};
        }
        return out;
    }

    private static double[] unit(double[] a) {
        double len = HydrogenBondNetwork.norm(a);
        return new double[]{a[0] / len, a[1] / len, a[2] / len};
    }
}
