package org.physml.descriptors.steinhardt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.physml.structure.Structure;

/** Periodic test structures: perfect lattices from orthorhombic unit cells, supercells, random cells. */
final class Crystals {
    private Crystals() {
    }

    static Structure fcc(double a, int n) {
        return lattice(new double[]{a, a, a}, new double[][]{{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}}, n, n, n);
    }

    static Structure bcc(double a, int n) {
        return lattice(new double[]{a, a, a}, new double[][]{{0, 0, 0}, {.5, .5, .5}}, n, n, n);
    }

    static Structure sc(double a, int n) {
        return lattice(new double[]{a, a, a}, new double[][]{{0, 0, 0}}, n, n, n);
    }

    /** Ideal hcp (c/a = sqrt(8/3)) in the orthorhombic a x a sqrt(3) x c cell of the LAMMPS hcp lattice. */
    static Structure hcp(double a, int n1, int n2, int n3) {
        double[] edges = {a, a * Math.sqrt(3), a * Math.sqrt(8.0 / 3.0)};
        double[][] basis = {{0, 0, 0}, {.5, .5, 0}, {.5, 5.0 / 6.0, .5}, {0, 1.0 / 3.0, .5}};
        return lattice(edges, basis, n1, n2, n3);
    }

    private static Structure lattice(double[] edges, double[][] basis, int n1, int n2, int n3) {
        List<double[]> pos = new ArrayList<>();
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                for (int k = 0; k < n3; k++) {
                    for (double[] b : basis) {
                        pos.add(new double[]{(i + b[0]) * edges[0], (j + b[1]) * edges[1], (k + b[2]) * edges[2]});
                    }
                }
            }
        }
        double[][] cell = {{n1 * edges[0], 0, 0}, {0, n2 * edges[1], 0}, {0, 0, n3 * edges[2]}};
        int[] z = new int[pos.size()];
        Arrays.fill(z, 13);
        return new Structure(pos.toArray(new double[0][]), z, cell, new boolean[]{true, true, true});
    }

    /**
     * Oxygen positions of hexagonal ice Ih in n1 x n2 x n3 orthorhombic cells a x a sqrt(3) x c (8 O each), every
     * atom displaced by a Gaussian of standard deviation sigma (A) per axis. Ice Ih: P6_3/mmc, O on Wyckoff 4f
     * (1/3, 2/3, z), a = 4.511 A, c = 7.346 A, z = 0.06226 (A. Goto, T. Hondoh and S. Mae, J. Chem. Phys. 93, 1412
     * (1990), as tabulated at http://staff.aist.go.jp/nomura-k/common/struc-coord/Ice-c.htm).
     */
    static Structure iceIh(int n1, int n2, int n3, double sigma, long seed) {
        double a = 4.511, c = 7.346, z = 0.06226;
        double[][] hex = {{1.0 / 3, 2.0 / 3, z}, {2.0 / 3, 1.0 / 3, z + 0.5}, {2.0 / 3, 1.0 / 3, -z},
                {1.0 / 3, 2.0 / 3, 0.5 - z}};
        double[] edges = {a, a * Math.sqrt(3), c};
        List<double[]> unit = new ArrayList<>();
        for (double[] f : hex) {
            // hexagonal a1 = (a, 0, 0), a2 = (-a/2, a sqrt(3)/2, 0); the orthorhombic cell holds r and r + a2
            for (int shift = 0; shift < 2; shift++) {
                double x = f[0] * a - (f[1] + shift) * a / 2, y = (f[1] + shift) * a * Math.sqrt(3) / 2, w = f[2] * c;
                double[] r = {x, y, w};
                for (int k = 0; k < 3; k++) {
                    r[k] -= Math.floor(r[k] / edges[k]) * edges[k];
                }
                unit.add(r);
            }
        }
        Random rnd = new Random(seed);
        List<double[]> pos = new ArrayList<>();
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                for (int k = 0; k < n3; k++) {
                    for (double[] u : unit) {
                        pos.add(new double[]{u[0] + i * edges[0] + sigma * rnd.nextGaussian(),
                                u[1] + j * edges[1] + sigma * rnd.nextGaussian(),
                                u[2] + k * edges[2] + sigma * rnd.nextGaussian()});
                    }
                }
            }
        }
        double[][] cell = {{n1 * edges[0], 0, 0}, {0, n2 * edges[1], 0}, {0, 0, n3 * edges[2]}};
        int[] zs = new int[pos.size()];
        Arrays.fill(zs, 8);
        return new Structure(pos.toArray(new double[0][]), zs, cell, new boolean[]{true, true, true});
    }

    /** The n1 x n2 x n3 supercell; atom i of the original is atom i of every block, blocks in (a, b, c) order. */
    static Structure supercell(Structure s, int n1, int n2, int n3) {
        double[][] c = s.cell();
        int n = s.size();
        double[][] pos = new double[n * n1 * n2 * n3][];
        int[] z = new int[pos.length];
        int p = 0;
        for (int a = 0; a < n1; a++) {
            for (int b = 0; b < n2; b++) {
                for (int d = 0; d < n3; d++) {
                    for (int i = 0; i < n; i++) {
                        double[] r = s.position(i);
                        for (int k = 0; k < 3; k++) {
                            r[k] += a * c[0][k] + b * c[1][k] + d * c[2][k];
                        }
                        pos[p] = r;
                        z[p++] = s.atomicNumber(i);
                    }
                }
            }
        }
        double[][] cell = new double[3][3];
        int[] f = {n1, n2, n3};
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 3; k++) {
                cell[r][k] = f[r] * c[r][k];
            }
        }
        return new Structure(pos, z, cell, s.pbc());
    }

    /** Random positions with a minimum image distance in a periodic cell, two species. */
    static Structure random(double[][] cell, int n, double dMin, long seed) {
        Random rnd = new Random(seed);
        List<double[]> pos = new ArrayList<>();
        while (pos.size() < n) {
            double[] f = {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
            double[] r = new double[3];
            for (int k = 0; k < 3; k++) {
                r[k] = f[0] * cell[0][k] + f[1] * cell[1][k] + f[2] * cell[2][k];
            }
            boolean ok = true;
            for (double[] q : pos) {
                if (minimumImageDistance(cell, r, q) < dMin) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                pos.add(r);
            }
        }
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            z[i] = i % 3 == 0 ? 8 : 14;
        }
        return new Structure(pos.toArray(new double[0][]), z, cell, new boolean[]{true, true, true});
    }

    private static double minimumImageDistance(double[][] cell, double[] a, double[] b) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = -1; i <= 1; i++) {
            for (int j = -1; j <= 1; j++) {
                for (int k = -1; k <= 1; k++) {
                    double d2 = 0;
                    for (int x = 0; x < 3; x++) {
                        double d = b[x] + i * cell[0][x] + j * cell[1][x] + k * cell[2][x] - a[x];
                        d2 += d * d;
                    }
                    best = Math.min(best, d2);
                }
            }
        }
        return Math.sqrt(best);
    }
}
