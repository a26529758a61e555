package org.physml.ice;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An orientation of every hydrogen bond of a {@link HydrogenBondNetwork}: which O of the bond donates the H.
 * The ice rules (Bernal-Fowler) hold when every O donates exactly two bonds and accepts two.
 *
 * <p><b>Random arrangement</b> ({@link #random}): the edges are split into random closed walks (a random walk
 * that never reuses an edge closes a cycle whenever it returns to a vertex already on its path; in a graph where
 * every vertex has even degree such a walk can always continue), and each cycle is oriented one way round at
 * random. Every vertex gains one incoming and one outgoing bond from each cycle through it, so in = out = 2
 * everywhere: the ice rules hold by construction. This is the "tiling of an even graph with cycles" that GenIce2
 * uses (vitroid/TileCycles README; M. Matsumoto, T. Yagasaki and H. Tanaka, "Novel algorithm to generate
 * hydrogen-disordered ice structures", J. Chem. Inf. Model. (2021), doi:10.1021/acs.jcim.1c00440; GenIce itself:
 * J. Comput. Chem. 39, 61-64 (2018), doi:10.1002/jcc.25077); the code here is our own.
 *
 * <p><b>Depolarisation</b> ({@link #depolarize}): reversing a directed cycle keeps the ice rules. A random
 * arrangement of a periodic crystal carries a net dipole because cycles that wind around the periodic cell add
 * up a dipole that local cycles cannot cancel. Depolarisation repeatedly finds a random directed cycle (follow
 * randomly chosen outgoing bonds until the walk meets itself; cycles that wind around the cell are found this
 * way too) and reverses it when that lowers |M| (a greedy random search, not GenIce's optimiser), with
 * M = sum over molecules of the unit vector along the bisector of the two donated bonds (the direction of a
 * rigid water molecule's dipole when its H sit on those bonds).
 */
public final class ProtonArrangement {
    private final HydrogenBondNetwork net;
    /** forward[e]: O u(e) donates to O v(e); otherwise v(e) donates to u(e). */
    private final boolean[] forward;

    private ProtonArrangement(HydrogenBondNetwork net, boolean[] forward) {
        this.net = net;
        this.forward = forward;
    }

    /**
     * A random arrangement obeying the ice rules (random cycle decomposition, see the class comment).
     *
     * @param net the hydrogen-bond graph (4 bonds per O)
     * @param rng random source; the same seed gives the same arrangement
     */
    public static ProtonArrangement random(HydrogenBondNetwork net, SplittableRandom rng) {
        int n = net.vertexCount(), m = net.edgeCount();
        boolean[] forward = new boolean[m];
        boolean[] used = new boolean[m];
        int[] remaining = new int[n];
        for (int i = 0; i < n; i++) {
            remaining[i] = net.incidentView(i).length;
        }
        int[] pos = new int[n];
        Arrays.fill(pos, -1);
        int[] pathVertex = new int[m + 1];
        int[] pathEdge = new int[m + 1];
        int[] order = permutation(n, rng);
        for (int start : order) {
            while (remaining[start] > 0) {
                int len = 0;
                pathVertex[len++] = start;
                pos[start] = 0;
                int cur = start;
                while (remaining[cur] > 0) {
                    int e = randomUnused(net.incidentView(cur), used, rng);
                    used[e] = true;
                    remaining[net.u(e)]--;
                    remaining[net.v(e)]--;
                    int next;
                    if (net.u(e) == net.v(e)) {
                        next = cur; // bond to the atom's own periodic image
                        forward[e] = rng.nextBoolean();
                    } else {
                        next = net.u(e) == cur ? net.v(e) : net.u(e);
                        forward[e] = net.u(e) == cur;
                    }
                    pathVertex[len] = next;
                    pathEdge[len] = e;
                    len++;
                    if (pos[next] >= 0) {
                        int k = pos[next];
                        if (rng.nextBoolean()) { // orient the closed cycle the other way round
                            for (int idx = k + 1; idx < len; idx++) {
                                forward[pathEdge[idx]] = !forward[pathEdge[idx]];
                            }
                        }
                        for (int idx = k + 1; idx < len; idx++) {
                            if (pos[pathVertex[idx]] == idx) {
                                pos[pathVertex[idx]] = -1;
                            }
                        }
                        len = k + 1;
                    } else {
                        pos[next] = len - 1;
                    }
                    cur = next;
                }
                pos[start] = -1;
            }
        }
        ProtonArrangement a = new ProtonArrangement(net, forward);
        a.checkIceRules();
        return a;
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static int randomUnused(int[] edges, boolean[] used, SplittableRandom rng) {
        int count = 0;
        for (int e : edges) {
            if (!used[e]) {
                count++;
            }
        }
        int pick = rng.nextInt(count);
        for (int e : edges) {
            if (!used[e] && pick-- == 0) {
                return e;
            }
        }
        throw new IllegalStateException("no unused edge");
    }

    /**
     * Reverses directed cycles that lower |M| (see the class comment) until |M| &lt;= tolerance or
     * {@code maxFailures} consecutive cycles in a row did not lower it.
     *
     * @param rng         random source
     * @param tolerance   stop when |M| is at most this, in units of one molecule's dipole, &gt;= 0
     * @param maxFailures consecutive rejected cycles after which to stop, &gt; 0
     * @return the final |M| in units of one molecule's dipole
     * @throws IllegalArgumentException on a negative tolerance or non-positive maxFailures
     */
    public double depolarize(SplittableRandom rng, double tolerance, int maxFailures) {
        if (!(tolerance >= 0) || maxFailures < 1) {
            throw new IllegalArgumentException("need tolerance >= 0 and maxFailures >= 1, got " + tolerance + ", "
                    + maxFailures);
        }
        int n = net.vertexCount();
        double[][] dip = new double[n][];
        double[] total = new double[3];
        for (int i = 0; i < n; i++) {
            dip[i] = bisector(i);
            add(total, dip[i], 1);
        }
        int[] pos = new int[n];
        Arrays.fill(pos, -1);
        int[] pathVertex = new int[n + 1];
        int[] pathEdge = new int[n + 1];
        int failures = 0;
        while (HydrogenBondNetwork.norm(total) > tolerance && failures < maxFailures) {
            // random directed walk until it meets itself
            int len = 0;
            int cur = rng.nextInt(n);
            while (pos[cur] < 0) {
                pos[cur] = len;
                pathVertex[len] = cur;
                int[] out = donated(cur);
                int e = out[rng.nextInt(2)];
                pathEdge[len] = e;
                len++;
                cur = acceptor(e);
            }
            int k = pos[cur];
            for (int idx = 0; idx < len; idx++) {
                pos[pathVertex[idx]] = -1;
            }
            // the cycle is pathEdge[k..len-1] through vertices pathVertex[k..len-1]
            for (int idx = k; idx < len; idx++) {
                forward[pathEdge[idx]] = !forward[pathEdge[idx]];
            }
            double[] trial = total.clone();
            double[][] updated = new double[len - k][];
            for (int idx = k; idx < len; idx++) {
                int x = pathVertex[idx];
                updated[idx - k] = bisector(x);
                add(trial, dip[x], -1);
                add(trial, updated[idx - k], 1);
            }
            if (HydrogenBondNetwork.norm(trial) < HydrogenBondNetwork.norm(total) - 1e-12) {
                total = trial;
                for (int idx = k; idx < len; idx++) {
                    dip[pathVertex[idx]] = updated[idx - k];
                }
                failures = 0;
            } else {
                for (int idx = k; idx < len; idx++) {
                    forward[pathEdge[idx]] = !forward[pathEdge[idx]];
                }
                failures++;
            }
        }
        checkIceRules();
        return HydrogenBondNetwork.norm(total);
    }

    /**
     * Sum over all O of the unit bisector of its two donated bonds: the net dipole in units of one molecule's
     * dipole moment (for molecules placed by {@link HydrogenPlacement}).
     */
    public double[] bisectorSum() {
        double[] total = new double[3];
        for (int i = 0; i < net.vertexCount(); i++) {
            add(total, bisector(i), 1);
        }
        return total;
    }

    private static void add(double[] acc, double[] x, double s) {
        acc[0] += s * x[0];
        acc[1] += s * x[1];
        acc[2] += s * x[2];
    }

    /** The hydrogen-bond graph this arrangement orients. */
    public HydrogenBondNetwork network() {
        return net;
    }

    /** The O that donates the H of bond e. */
    public int donor(int e) {
        return forward[e] ? net.u(e) : net.v(e);
    }

    /** The O that accepts the H of bond e. */
    public int acceptor(int e) {
        return forward[e] ? net.v(e) : net.u(e);
    }

    /**
     * Unit vector of bond e from its donor O towards its acceptor O (image included).
     */
    public double[] donorToAcceptorUnit(int e) {
        double[] r = net.vectorView(e);
        double s = (forward[e] ? 1 : -1) / HydrogenBondNetwork.norm(r);
        return new double[]{s * r[0], s * r[1], s * r[2]};
    }

    /**
     * The two bonds O i donates, in the order of its incident edges.
     *
     * @throws IllegalStateException if O i does not donate exactly two bonds
     */
    public int[] donated(int i) {
        int[] out = new int[2];
        int c = 0;
        int[] edges = net.incidentView(i);
        for (int k = 0; k < edges.length; k++) {
            int e = edges[k];
            if (net.u(e) == net.v(e)) {
                // a bond to the atom's own image is listed twice at i, donated once and accepted once
                if (k > 0 && edges[k - 1] == e) {
                    continue;
                }
                if (c < 2) {
                    out[c] = e;
                }
                c++;
            } else if (donor(e) == i) {
                if (c < 2) {
                    out[c] = e;
                }
                c++;
            }
        }
        if (c != 2) {
            throw new IllegalStateException("O " + i + " donates " + c + " hydrogen bonds; the ice rules need 2");
        }
        return out;
    }

    /** Unit vector along the bisector of the two bonds O i donates (direction of its molecular dipole). */
    public double[] bisector(int i) {
        int[] out = donated(i);
        double[] a = donorToAcceptorUnit(out[0]), b = donorToAcceptorUnit(out[1]);
        double[] s = {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
        double len = HydrogenBondNetwork.norm(s);
        return new double[]{s[0] / len, s[1] / len, s[2] / len};
    }

    /**
     * Checks in = out = 2 at every O.
     *
     * @throws IllegalStateException naming the first O that violates the ice rules
     */
    public void checkIceRules() {
        int n = net.vertexCount();
        int[] in = new int[n], out = new int[n];
        for (int e = 0; e < net.edgeCount(); e++) {
            out[donor(e)]++;
            in[acceptor(e)]++;
        }
        for (int i = 0; i < n; i++) {
            if (in[i] != 2 || out[i] != 2) {
                throw new IllegalStateException("O " + i + " donates " + out[i] + " and accepts " + in[i]
                        + " hydrogen bonds; the ice rules need 2 and 2");
            }
        }
    }
}
