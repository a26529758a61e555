package org.physml.structure;

import java.util.ArrayList;
import java.util.List;

/**
 * Neighbour lists: for every centre atom, every atom or periodic image within a cutoff radius r_cut.
 *
 * <p>{@link #bruteForce(Structure, double)} is the O(N^2 x images) reference: it enumerates every image
 * shift n_1 a_1 + n_2 a_2 + n_3 a_3 that can bring an atom within r_cut and is exact for cells of any shape
 * and size, including cells thinner than 2 r_cut.
 */
public final class NeighbourList {
    private final LocalEnvironment[] environments;
    private final double rCut;

    NeighbourList(LocalEnvironment[] environments, double rCut) {
        this.environments = environments;
        this.rCut = rCut;
    }

    /** The cutoff radius r_cut this list was built with, Angstrom. */
    public double rCut() {
        return rCut;
    }

    /** Number of centres (atoms of the structure). */
    public int size() {
        return environments.length;
    }

    /** Environment of atom i: neighbours strictly inside r_cut (distance &lt; r_cut), centre excluded. */
    public LocalEnvironment environment(int i) {
        return environments[i];
    }

    /**
     * The neighbour list of every atom within r_cut. (Currently the exhaustive search; a binned O(N)
     * search with identical results replaces it.)
     *
     * @throws IllegalArgumentException if rCut is not a positive finite number
     */
    public static NeighbourList build(Structure s, double rCut) {
        return bruteForce(s, rCut);
    }

    /**
     * Reference neighbour list by exhaustive search over atoms and image shifts.
     *
     * @param s    structure
     * @param rCut cutoff radius, Angstrom, &gt; 0
     * @throws IllegalArgumentException if rCut is not a positive finite number
     */
    public static NeighbourList bruteForce(Structure s, double rCut) {
        checkCutoff(rCut);
        int[] nImages = imageRange(s, rCut);
        double[][] cell = s.cell();
        boolean[] pbc = s.pbc();
        double[][] pos = s.positionsView();
        int n = s.size();
        LocalEnvironment[] envs = new LocalEnvironment[n];
        double rc2 = rCut * rCut;
        for (int i = 0; i < n; i++) {
            List<Integer> idx = new ArrayList<>();
            List<double[]> vec = new ArrayList<>();
            for (int a = -nImages[0]; a <= nImages[0]; a++) {
                for (int b = -nImages[1]; b <= nImages[1]; b++) {
                    for (int c = -nImages[2]; c <= nImages[2]; c++) {
                        double sx = a * cell[0][0] + b * cell[1][0] + c * cell[2][0];
                        double sy = a * cell[0][1] + b * cell[1][1] + c * cell[2][1];
                        double sz = a * cell[0][2] + b * cell[1][2] + c * cell[2][2];
                        for (int j = 0; j < n; j++) {
                            if (j == i && a == 0 && b == 0 && c == 0) {
                                continue;
                            }
                            double dx = pos[j][0] + sx - pos[i][0];
                            double dy = pos[j][1] + sy - pos[i][1];
                            double dz = pos[j][2] + sz - pos[i][2];
                            double d2 = dx * dx + dy * dy + dz * dz;
                            if (d2 < rc2) {
                                idx.add(j);
                                vec.add(new double[]{dx, dy, dz});
                            }
                        }
                    }
                }
            }
            envs[i] = environment(s, i, idx, vec);
        }
        return new NeighbourList(envs, rCut);
    }

    static LocalEnvironment environment(Structure s, int centre, List<Integer> idx, List<double[]> vec) {
        int m = idx.size();
        int[] index = new int[m];
        int[] z = new int[m];
        double[][] r = new double[m][];
        double[] d = new double[m];
        for (int k = 0; k < m; k++) {
            index[k] = idx.get(k);
            z[k] = s.atomicNumber(index[k]);
            r[k] = vec.get(k);
            d[k] = Math.sqrt(r[k][0] * r[k][0] + r[k][1] * r[k][1] + r[k][2] * r[k][2]);
        }
        return new LocalEnvironment(centre, s.atomicNumber(centre), index, z, r, d);
    }

    static void checkCutoff(double rCut) {
        if (!(rCut > 0) || !Double.isFinite(rCut)) {
            throw new IllegalArgumentException("r_cut must be a positive finite number of Angstrom, got " + rCut);
        }
    }

    /**
     * Number of image shifts needed along each lattice vector: ceil(r_cut / h_k) + 1 where h_k is the
     * distance between the lattice planes spanned by the other two vectors; 0 along non-periodic axes.
     */
    static int[] imageRange(Structure s, double rCut) {
        double[][] c = s.cell();
        boolean[] pbc = s.pbc();
        int[] n = new int[3];
        double volume = Math.abs(s.volume());
        for (int k = 0; k < 3; k++) {
            if (!pbc[k]) {
                continue;
            }
            double[] u = c[(k + 1) % 3], v = c[(k + 2) % 3];
            double cx = u[1] * v[2] - u[2] * v[1], cy = u[2] * v[0] - u[0] * v[2], cz = u[0] * v[1] - u[1] * v[0];
            double h = volume / Math.sqrt(cx * cx + cy * cy + cz * cz);
            n[k] = (int) Math.ceil(rCut / h) + 1;
        }
        return n;
    }
}
