package org.physml.descriptors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * Any descriptor averaged over a centre and its neighbours of the same element within a short radius:
 * <pre>
 *   xbar(i) = ( x(i) + sum_{j in N(i)} x(j) ) / (|N(i)| + 1),    N(i) = atoms of element Z within r_avg of i
 * </pre>
 * the construction of W. Lechner and C. Dellago, J. Chem. Phys. 129, 114707 (2008), Eq. (6), for Steinhardt's
 * q_lm, applied here to whole feature vectors. Averaging over the first coordination shell (for water O-O
 * r_avg = 3.3 A, the first minimum of g_OO) suppresses the thermal noise of single environments and adds
 * second-shell information, at the price of computing the inner descriptor for the neighbours too. A periodic
 * image of an atom within r_avg counts once per image.
 *
 * <p>A whole-structure {@link Descriptor} (the average needs the neighbours' own features), not a
 * {@link LocalDescriptor}. Immutable and thread-safe if the inner descriptor is.
 */
public final class NeighbourAveraged extends ParameterisedDescriptor<NeighbourAverageParameters>
        implements Descriptor {
    private final Descriptor inner;
    private final int z;
    private final double rAverage;
    private final List<String> names;

    /**
     * @param inner    the descriptor averaged
     * @param z        element of the centres and of the neighbours averaged over (8 for the O of water)
     * @param rAverage averaging radius r_avg, Angstrom, &gt; 0
     * @throws IllegalArgumentException if r_avg is not positive or z is outside 1..118
     */
    public NeighbourAveraged(Descriptor inner, int z, double rAverage) {
        super(new NeighbourAverageParameters(inner.parameters(), z, rAverage));
        this.inner = inner;
        this.z = z;
        this.rAverage = rAverage;
        List<String> n = new ArrayList<>();
        for (String s : inner.featureNames()) {
            n.add("avg " + s);
        }
        this.names = Collections.unmodifiableList(n);
    }

    /** The averaged descriptor. */
    public Descriptor inner() {
        return inner;
    }

    /** Averaging radius r_avg, Angstrom. */
    public double averagingRadius() {
        return rAverage;
    }

    /** Element of the centres and of the averaged neighbours. */
    public int element() {
        return z;
    }

    /** The inner names prefixed with "avg ". */
    @Override
    public List<String> featureNames() {
        return names;
    }

    /** Inner cutoff plus r_avg: the features of a centre depend on atoms that far away, Angstrom. */
    @Override
    public double cutoff() {
        return inner.cutoff() + rAverage;
    }

    /**
     * Averaged features of the given centres, shape [centres.length][featureCount()]: the inner descriptor on
     * {@link #requiredAtoms}, then {@link #average}.
     *
     * @throws IllegalArgumentException  if a centre is not of element Z
     * @throws IndexOutOfBoundsException if a centre is not an atom index of {@code s}
     */
    @Override
    public double[][] compute(Structure s, int[] centres) {
        Shells shells = shells(s, centres);
        return average(shells, inner.compute(s, shells.atoms()));
    }

    /**
     * The centres and their first-shell neighbours: the atoms whose inner features the average needs.
     *
     * @param atoms     ascending atom indices: every centre and every atom of element Z within r_avg of one
     * @param centreRow row of each centre in {@code atoms}
     * @param shellRows rows (in {@code atoms}) of each centre's neighbours, one entry per periodic image
     */
    public record Shells(int[] atoms, int[] centreRow, int[][] shellRows) {
    }

    /**
     * The atoms the average of {@code centres} needs (see {@link Shells}).
     *
     * @throws IllegalArgumentException  if a centre is not of element Z
     * @throws IndexOutOfBoundsException if a centre is not an atom index of {@code s}
     */
    public Shells shells(Structure s, int[] centres) {
        int[] ofZ = IntStream.range(0, s.size()).filter(i -> s.atomicNumber(i) == z).toArray();
        int[] subIndex = new int[s.size()];
        Arrays.fill(subIndex, -1);
        for (int k = 0; k < ofZ.length; k++) {
            subIndex[ofZ[k]] = k;
        }
        for (int c : centres) {
            if (c < 0 || c >= s.size()) {
                throw new IndexOutOfBoundsException("centre " + c + " is not an atom of a structure with " + s.size()
                        + " atoms");
            }
            if (subIndex[c] < 0) {
                throw new IllegalArgumentException("centre " + c + " has Z = " + s.atomicNumber(c) + ", expected " + z);
            }
        }
        NeighbourList nl = NeighbourList.build(s.select(ofZ), rAverage);
        boolean[] needed = new boolean[ofZ.length];
        int[][] shellSub = new int[centres.length][];
        for (int k = 0; k < centres.length; k++) {
            shellSub[k] = nl.environment(subIndex[centres[k]]).neighbourIndex();
            needed[subIndex[centres[k]]] = true;
            for (int j : shellSub[k]) {
                needed[j] = true;
            }
        }
        int[] neededSub = IntStream.range(0, ofZ.length).filter(j -> needed[j]).toArray();
        int[] row = new int[ofZ.length];
        for (int k = 0; k < neededSub.length; k++) {
            row[neededSub[k]] = k;
        }
        int[] centreRow = new int[centres.length];
        int[][] shellRows = new int[centres.length][];
        for (int k = 0; k < centres.length; k++) {
            centreRow[k] = row[subIndex[centres[k]]];
            shellRows[k] = Arrays.stream(shellSub[k]).map(j -> row[j]).toArray();
        }
        return new Shells(Arrays.stream(neededSub).map(j -> ofZ[j]).toArray(), centreRow, shellRows);
    }

    /**
     * The averages from the inner features of {@link Shells#atoms()}, shape [centres][featureCount()].
     *
     * @param inner inner features of the shells' atoms, in their order, shape [atoms.length][featureCount()]
     * @throws IllegalArgumentException if the shapes do not match
     */
    public double[][] average(Shells shells, double[][] inner) {
        if (inner.length != shells.atoms().length) {
            throw new IllegalArgumentException(inner.length + " rows of inner features for " + shells.atoms().length
                    + " atoms");
        }
        int d = featureCount();
        double[][] out = new double[shells.centreRow().length][d];
        for (int k = 0; k < out.length; k++) {
            double[] own = inner[shells.centreRow()[k]];
            if (own.length != d) {
                throw new IllegalArgumentException("inner features have " + own.length + " columns, expected " + d);
            }
            System.arraycopy(own, 0, out[k], 0, d);
            for (int j : shells.shellRows()[k]) {
                double[] nb = inner[j];
                for (int f = 0; f < d; f++) {
                    out[k][f] += nb[f];
                }
            }
            double inv = 1.0 / (shells.shellRows()[k].length + 1);
            for (int f = 0; f < d; f++) {
                out[k][f] *= inv;
            }
        }
        return out;
    }
}
