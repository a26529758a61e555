package org.physml.ice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;

/**
 * The undirected hydrogen-bond graph of a periodic oxygen lattice: edge e joins O u(e) and O v(e) and carries
 * the bond vector r(e) = r_v + image shift - r_u (Angstrom), so that two bonds between the same pair through
 * different periodic images (possible in small cells) are different edges.
 *
 * <p>Every O of an ice phase has exactly four hydrogen-bonded neighbours; {@link #build} checks it.
 */
public final class HydrogenBondNetwork {
    private final int n;
    private final int[] u;
    private final int[] v;
    private final double[][] r;
    private final int[][] incident;

    private HydrogenBondNetwork(int n, int[] u, int[] v, double[][] r) {
        this.n = n;
        this.u = u;
        this.v = v;
        this.r = r;
        int[] deg = new int[n];
        for (int e = 0; e < u.length; e++) {
            deg[u[e]]++;
            deg[v[e]]++;
        }
        incident = new int[n][];
        for (int i = 0; i < n; i++) {
            incident[i] = new int[deg[i]];
        }
        int[] fill = new int[n];
        for (int e = 0; e < u.length; e++) {
            incident[u[e]][fill[u[e]]++] = e;
            incident[v[e]][fill[v[e]]++] = e;
        }
    }

    /**
     * Finds the hydrogen bonds of a lattice of a phase with the phase's rule (vector rules are given in fractional
     * coordinates of the phase's crystallographic cell).
     *
     * @throws IllegalStateException if an O does not end up with exactly 4 hydrogen-bonded neighbours
     */
    public static HydrogenBondNetwork build(OxygenLattice lattice, IceCrystal crystal) {
        return build(lattice, crystal.bondRule(), crystal.cell().matrix());
    }

    /**
     * Finds the hydrogen bonds of a lattice with a rule.
     *
     * @param lattice  the O sites
     * @param rule     bond rule
     * @param ruleCell the cell (rows = lattice vectors, Angstrom) in whose fractional coordinates the vectors of an
     *                 {@link HydrogenBondRule.AlongVectors} rule are given; ignored for distance rules
     * @throws IllegalStateException if an O does not end up with exactly 4 hydrogen-bonded neighbours (the rule does
     *                               not fit the lattice)
     */
    public static HydrogenBondNetwork build(OxygenLattice lattice, HydrogenBondRule rule, double[][] ruleCell) {
        double[][] cell = ruleCell;
        List<int[]> pairs = new ArrayList<>();
        List<double[]> vectors = new ArrayList<>();
        if (rule instanceof HydrogenBondRule.WithinDistance d) {
            NeighbourList nl = NeighbourList.build(lattice.structure(), d.rMax());
            for (int i = 0; i < lattice.size(); i++) {
                LocalEnvironment env = nl.environment(i);
                for (int k = 0; k < env.neighbourIndex().length; k++) {
                    int j = env.neighbourIndex()[k];
                    double[] rij = env.r()[k];
                    // each bond appears from both ends; keep it once
                    if (i < j || (i == j && isPositive(rij))) {
                        pairs.add(new int[]{i, j});
                        vectors.add(rij.clone());
                    }
                }
            }
        } else if (rule instanceof HydrogenBondRule.AlongVectors a) {
            double[][] cart = new double[a.vectors().length][];
            double longest = 0;
            for (int m = 0; m < cart.length; m++) {
                cart[m] = Lattice.toCartesian(cell, a.vectors()[m]);
                longest = Math.max(longest, norm(cart[m]));
            }
            NeighbourList nl = NeighbourList.build(lattice.structure(), longest + 0.1);
            for (int i = 0; i < lattice.size(); i++) {
                if (!lattice.isBondStart(i)) {
                    continue;
                }
                LocalEnvironment env = nl.environment(i);
                for (int k = 0; k < env.neighbourIndex().length; k++) {
                    for (double[] want : cart) {
                        double[] rij = env.r()[k];
                        double dx = rij[0] - want[0], dy = rij[1] - want[1], dz = rij[2] - want[2];
                        if (Math.sqrt(dx * dx + dy * dy + dz * dz) < 1e-3) {
                            pairs.add(new int[]{i, env.neighbourIndex()[k]});
                            vectors.add(rij.clone());
                        }
                    }
                }
            }
        }
        int m = pairs.size();
        int[] u = new int[m], v = new int[m];
        double[][] r = new double[m][];
        for (int e = 0; e < m; e++) {
            u[e] = pairs.get(e)[0];
            v[e] = pairs.get(e)[1];
            r[e] = vectors.get(e);
        }
        HydrogenBondNetwork net = new HydrogenBondNetwork(lattice.size(), u, v, r);
        for (int i = 0; i < net.n; i++) {
            if (net.incident[i].length != 4) {
                throw new IllegalStateException("O " + i + " has " + net.incident[i].length + " hydrogen-bonded "
                        + "neighbours with rule " + describe(rule) + "; every O of ice needs exactly 4");
            }
        }
        return net;
    }

    private static String describe(HydrogenBondRule rule) {
        if (rule instanceof HydrogenBondRule.WithinDistance d) {
            return "r < " + d.rMax() + " A";
        }
        return "bond vectors " + Arrays.deepToString(((HydrogenBondRule.AlongVectors) rule).vectors());
    }

    private static boolean isPositive(double[] r) {
        for (double x : r) {
            if (x != 0) {
                return x > 0;
            }
        }
        return false;
    }

    static double norm(double[] a) {
        return Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    }

    /** Number of O (vertices). */
    public int vertexCount() {
        return n;
    }

    /** Number of hydrogen bonds (edges), 2 per O. */
    public int edgeCount() {
        return u.length;
    }

    /** First O of edge e. */
    public int u(int e) {
        return u[e];
    }

    /** Second O of edge e. */
    public int v(int e) {
        return v[e];
    }

    /** Copy of the bond vector of edge e from O u(e) to O v(e) (image included), Angstrom. */
    public double[] vector(int e) {
        return r[e].clone();
    }

    /** Length of edge e, Angstrom. */
    public double length(int e) {
        return norm(r[e]);
    }

    /** Copy of the ids of the 4 edges at O i. */
    public int[] incident(int i) {
        return incident[i].clone();
    }

    int[] incidentView(int i) {
        return incident[i];
    }

    double[] vectorView(int e) {
        return r[e];
    }

    /**
     * Connected components: component id per O, ids 0, 1, ... in order of the lowest O index.
     */
    public int[] components() {
        int[] comp = new int[n];
        Arrays.fill(comp, -1);
        int next = 0;
        int[] stack = new int[n];
        for (int s = 0; s < n; s++) {
            if (comp[s] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = s;
            comp[s] = next;
            while (top > 0) {
                int x = stack[--top];
                for (int e : incident[x]) {
                    int y = u[e] == x ? v[e] : u[e];
                    if (comp[y] < 0) {
                        comp[y] = next;
                        stack[top++] = y;
                    }
                }
            }
            next++;
        }
        return comp;
    }
}
