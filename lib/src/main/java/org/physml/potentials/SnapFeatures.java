package org.physml.potentials;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.physml.descriptors.snap.Bispectrum;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * The rows of the linear SNAP model for one structure: the energy row and the force rows, such that the energy
 * is {@code energyRow . c} and the force component (j, a) is {@code forceRows[3 j + a] . c} for the coefficient
 * vector c (Thompson et al., J. Comput. Phys. 285, 316 (2015), Eqs. 14-16 and the linear system of Sec. 3).
 *
 * <p>Column layout, for the model's species t = 0..T-1 in the given order and K bispectrum components: column
 * t (K + 1) holds the species' constant beta_0^t (energy row: number of atoms of species t; force rows: 0),
 * columns t (K + 1) + 1 + l hold beta_l^t (energy row: sum over atoms i of species t of B_l^i; force rows:
 * -sum_i dB_l^i/dr_j,a over atoms i of species t). The gradient of B^i with respect to a neighbour entry k
 * comes from {@link Bispectrum#computeWithGradient}; the gradient with respect to the centre itself is minus the
 * sum over its neighbour entries, and periodic images of one atom add up.
 */
public final class SnapFeatures {
    private final double[] energyRow;
    private final double[][] forceRows;

    private SnapFeatures(double[] energyRow, double[][] forceRows) {
        this.energyRow = energyRow;
        this.forceRows = forceRows;
    }

    /** Number of columns T (K + 1) for T species and K bispectrum components. */
    public static int columnCount(Bispectrum b, int[] species) {
        return species.length * (b.featureCount() + 1);
    }

    /**
     * Computes the rows of a structure (centres in parallel).
     *
     * @param b       the bispectrum descriptor (its cutoff sets the neighbour search radius)
     * @param species the model's atomic numbers, in column order
     * @param s       the structure
     * @throws IllegalArgumentException if an atom's species is not in {@code species} or not configured in b
     */
    public static SnapFeatures compute(Bispectrum b, int[] species, Structure s) {
        int k = b.featureCount();
        int cols = columnCount(b, species);
        int n = s.size();
        int[] block = new int[n];
        for (int i = 0; i < n; i++) {
            block[i] = blockOf(species, s.atomicNumber(i), i) * (k + 1);
        }
        NeighbourList nl = NeighbourList.build(s, b.cutoff());
        double[][] bi = new double[n][k];
        double[][][][] grads = new double[n][][][];
        IntStream.range(0, n).parallel().forEach(i -> {
            LocalEnvironment env = nl.environment(i);
            double[][][] g = new double[env.size()][k][3];
            b.computeWithGradient(env, bi[i], g);
            grads[i] = g;
        });
        double[] energyRow = new double[cols];
        double[][] forceRows = new double[3 * n][cols];
        for (int i = 0; i < n; i++) {
            int o = block[i];
            energyRow[o] += 1.0;
            for (int l = 0; l < k; l++) {
                energyRow[o + 1 + l] += bi[i][l];
            }
            int[] nbr = nl.environment(i).neighbourIndex();
            double[][][] g = grads[i];
            for (int e = 0; e < nbr.length; e++) {
                int j = nbr[e];
                for (int a = 0; a < 3; a++) {
                    double[] rowJ = forceRows[3 * j + a];
                    double[] rowI = forceRows[3 * i + a];
                    for (int l = 0; l < k; l++) {
                        double d = g[e][l][a];
                        rowJ[o + 1 + l] -= d;   // F_j = -dE/dr_j: neighbour entry
                        rowI[o + 1 + l] += d;   // centre: dB_i/dr_i = -sum_k dB_i/dr_k
                    }
                }
            }
        }
        return new SnapFeatures(energyRow, forceRows);
    }

    static int blockOf(int[] species, int z, int atom) {
        for (int t = 0; t < species.length; t++) {
            if (species[t] == z) {
                return t;
            }
        }
        throw new IllegalArgumentException("atom " + atom + " has atomic number " + z + ", which is not one of the "
                + "model's species " + Arrays.toString(species));
    }

    /** Energy row, length T (K + 1) (a copy). */
    public double[] energyRow() {
        return energyRow.clone();
    }

    /** Force rows, shape [3 n][T (K + 1)], row 3 j + a for force component a of atom j (a copy). */
    public double[][] forceRows() {
        double[][] c = new double[forceRows.length][];
        for (int r = 0; r < forceRows.length; r++) {
            c[r] = forceRows[r].clone();
        }
        return c;
    }

    /** Energy c . energyRow, eV, for coefficients c. */
    double energy(double[] c) {
        return dot(energyRow, c);
    }

    /** Forces, shape [n][3], for coefficients c. */
    double[][] forces(double[] c) {
        int n = forceRows.length / 3;
        double[][] f = new double[n][3];
        for (int j = 0; j < n; j++) {
            for (int a = 0; a < 3; a++) {
                f[j][a] = dot(forceRows[3 * j + a], c);
            }
        }
        return f;
    }

    /** Direct access for the fitter (no copy). */
    double[] energyRowView() {
        return energyRow;
    }

    double[][] forceRowsView() {
        return forceRows;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
