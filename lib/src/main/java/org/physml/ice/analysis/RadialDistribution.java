package org.physml.ice.analysis;

import java.util.Arrays;

import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * The radial distribution function g_AB(r) of species B around species A, accumulated over frames, and the running
 * coordination number.
 *
 * <p>For frames f with N_A^f centres of species A, N_B^f atoms of species B and volume V^f, the histogram of the
 * A-B distances in the shell [r_k, r_k + dr) is normalised by the count an ideal gas of the same density would give:
 * <pre>
 *   g_AB(r_k) = sum_f n_k^f / sum_f (N_A^f rho_B^f V_k),    rho_B^f = N_B^f / V^f (minus one if A = B),
 *   V_k = (4 pi / 3) ((r_k + dr)^3 - r_k^3)
 * </pre>
 * so that g -&gt; 1 at large r in a fluid (M. P. Allen and D. J. Tildesley, Computer Simulation of Liquids, 2nd ed.
 * (2017), Sec. 8.2). The running coordination number is n_AB(r) = (sum_f n^f(r' &lt; r)) / (sum_f N_A^f): the mean
 * number of B atoms within r of an A atom. Distances come from {@link NeighbourList} (all periodic images within
 * r_max), so r_max may exceed half the box.
 */
public final class RadialDistribution {
    private final int zA, zB;
    private final double rMax, dr;
    private final long[] histogram;
    private double idealPerShellUnit;   // sum_f N_A^f rho_B^f
    private long centres;

    /**
     * @param zA   atomic number of the centres
     * @param zB   atomic number of the neighbours
     * @param rMax largest distance, Angstrom, &gt; 0
     * @param bins number of bins of width r_max / bins, &gt;= 1
     * @throws IllegalArgumentException on a non-positive r_max or bin count
     */
    public RadialDistribution(int zA, int zB, double rMax, int bins) {
        if (!(rMax > 0) || !Double.isFinite(rMax) || bins < 1) {
            throw new IllegalArgumentException("need r_max > 0 and at least one bin, got r_max = " + rMax
                    + " A and " + bins + " bins");
        }
        this.zA = zA;
        this.zB = zB;
        this.rMax = rMax;
        this.dr = rMax / bins;
        this.histogram = new long[bins];
    }

    /**
     * Adds the distances of one periodic frame.
     *
     * @throws IllegalArgumentException if the frame is not periodic along all three axes or has no atom of A or B
     */
    public void add(Structure s) {
        boolean[] pbc = s.pbc();
        if (!(pbc[0] && pbc[1] && pbc[2])) {
            throw new IllegalArgumentException("g(r) needs a structure periodic along all three axes, got pbc "
                    + Arrays.toString(pbc));
        }
        int nA = 0, nB = 0;
        for (int i = 0; i < s.size(); i++) {
            nA += s.atomicNumber(i) == zA ? 1 : 0;
            nB += s.atomicNumber(i) == zB ? 1 : 0;
        }
        if (nA == 0 || nB == 0) {
            throw new IllegalArgumentException("frame has " + nA + " atoms with Z = " + zA + " and " + nB
                    + " with Z = " + zB + "; need at least one of each");
        }
        // only the atoms of A and B take part: a smaller neighbour list
        int[] ab = java.util.stream.IntStream.range(0, s.size())
                .filter(i -> s.atomicNumber(i) == zA || s.atomicNumber(i) == zB).toArray();
        Structure sub = s.select(ab);
        NeighbourList nl = NeighbourList.build(sub, rMax);
        for (int i = 0; i < sub.size(); i++) {
            if (sub.atomicNumber(i) != zA) {
                continue;
            }
            LocalEnvironment env = nl.environment(i);
            for (int k = 0; k < env.size(); k++) {
                if (env.neighbourZ()[k] == zB) {
                    int bin = (int) (env.distance()[k] / dr);
                    if (bin < histogram.length) {
                        histogram[bin]++;
                    }
                }
            }
        }
        double volume = Math.abs(s.volume());
        idealPerShellUnit += nA * (zA == zB ? nB - 1 : nB) / volume;
        centres += nA;
    }

    /** Bin centres r_k + dr/2, Angstrom. */
    public double[] r() {
        double[] r = new double[histogram.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = (k + 0.5) * dr;
        }
        return r;
    }

    /**
     * g_AB at the bin centres.
     *
     * @throws IllegalStateException before the first frame
     */
    public double[] g() {
        requireFrames();
        double[] g = new double[histogram.length];
        for (int k = 0; k < g.length; k++) {
            double lo = k * dr, hi = lo + dr;
            double shell = 4.0 / 3.0 * Math.PI * (hi * hi * hi - lo * lo * lo);
            g[k] = histogram[k] / (idealPerShellUnit * shell);
        }
        return g;
    }

    /**
     * Running coordination number at the upper edge of each bin: mean number of B atoms closer than r_k + dr to an
     * A atom.
     *
     * @throws IllegalStateException before the first frame
     */
    public double[] coordination() {
        requireFrames();
        double[] n = new double[histogram.length];
        long sum = 0;
        for (int k = 0; k < n.length; k++) {
            sum += histogram[k];
            n[k] = (double) sum / centres;
        }
        return n;
    }

    /** Mean number of B atoms closer than r to an A atom (r rounded down to a bin edge), r in (0, r_max]. */
    public double coordinationWithin(double r) {
        if (!(r > 0 && r <= rMax)) {
            throw new IllegalArgumentException("r must be in (0, " + rMax + "] A, got " + r);
        }
        int bins = (int) Math.floor(r / dr + 1e-9);
        return bins == 0 ? 0.0 : coordination()[bins - 1];
    }

    /**
     * The first coordination shell: the highest g below a given distance (for water's O-O g(r) below 3.2 A: the
     * hydrogen-bond peak near 2.8 A), the lowest point of g within a window after it, and the running coordination
     * number there.
     *
     * @param rPeak       position of the highest g below the search limit, Angstrom (bin centre)
     * @param gPeak       its height
     * @param rMin        position of the lowest g in (rPeak, rPeak + window], Angstrom (bin centre)
     * @param gMin        g there
     * @param coordination mean number of B atoms closer than the upper edge of the rMin bin
     */
    public record FirstShell(double rPeak, double gPeak, double rMin, double gMin, double coordination) {
    }

    /**
     * The first shell of the accumulated g (see {@link FirstShell}).
     *
     * @param peakBelow the peak is searched for r below this, Angstrom, &gt; 0
     * @param window    distance after the peak searched for the minimum, Angstrom, &gt; 0
     * @throws IllegalStateException    before the first frame
     * @throws IllegalArgumentException if a distance is not positive
     */
    public FirstShell firstShell(double peakBelow, double window) {
        if (!(peakBelow > 0) || !(window > 0)) {
            throw new IllegalArgumentException("need positive distances, got peakBelow = " + peakBelow
                    + " A, window = " + window + " A");
        }
        double[] g = g(), n = coordination();
        int peak = 0;
        int limit = Math.min(g.length, (int) Math.ceil(peakBelow / dr));
        for (int k = 1; k < limit; k++) {
            peak = g[k] > g[peak] ? k : peak;
        }
        int last = Math.min(g.length - 1, peak + (int) Math.round(window / dr));
        int min = Math.min(peak + 1, g.length - 1);
        for (int k = min; k <= last; k++) {
            min = g[k] < g[min] ? k : min;
        }
        double[] r = r();
        return new FirstShell(r[peak], g[peak], r[min], g[min], n[min]);
    }

    /** Number of A centres accumulated over all frames. */
    public long centres() {
        return centres;
    }

    private void requireFrames() {
        if (centres == 0) {
            throw new IllegalStateException("no frame added yet");
        }
    }
}
