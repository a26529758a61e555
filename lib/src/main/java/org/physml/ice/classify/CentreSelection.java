package org.physml.ice.classify;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.physml.structure.Structure;

/**
 * Which atoms of a frame become descriptor centres: the atoms of one element (oxygen for water: one environment
 * per molecule), either all of them or a random subset of fixed size per frame.
 *
 * <p>The subset of a frame depends only on the seed, the run id and the frame's position in its run, so it is the
 * same for every descriptor and on every machine.
 *
 * @param atomicNumber element of the centres (8 for the O of water)
 * @param perFrame     number of centres per frame, or 0 for all atoms of the element
 * @param seed         seed of the random subset
 */
public record CentreSelection(int atomicNumber, int perFrame, long seed) {

    /** @throws IllegalArgumentException if the atomic number is outside 1..118 or perFrame is negative */
    public CentreSelection {
        if (atomicNumber < 1 || atomicNumber > 118) {
            throw new IllegalArgumentException("atomic number must be in 1..118, got " + atomicNumber);
        }
        if (perFrame < 0) {
            throw new IllegalArgumentException("perFrame must be >= 0 (0 = all), got " + perFrame);
        }
    }

    /** Every oxygen atom. */
    public static CentreSelection allOxygen() {
        return new CentreSelection(8, 0, 0);
    }

    /** {@code perFrame} random oxygen atoms per frame. */
    public static CentreSelection randomOxygen(int perFrame, long seed) {
        if (perFrame < 1) {
            throw new IllegalArgumentException("perFrame must be >= 1, got " + perFrame);
        }
        return new CentreSelection(8, perFrame, seed);
    }

    /**
     * The centres of one frame, ascending atom indices.
     *
     * @throws IllegalArgumentException if the frame has fewer atoms of the element than {@code perFrame}
     */
    public int[] select(LabelledFrame frame) {
        Structure s = frame.structure();
        int[] all = IntStream.range(0, s.size()).filter(i -> s.atomicNumber(i) == atomicNumber).toArray();
        if (perFrame == 0) {
            return all;
        }
        if (all.length < perFrame) {
            throw new IllegalArgumentException("frame " + frame.frameInRun() + " of run " + frame.run() + " has "
                    + all.length + " atoms with Z = " + atomicNumber + ", fewer than the " + perFrame
                    + " centres asked for");
        }
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + frame.run().hashCode() * 1_000_003L
                + frame.frameInRun());
        for (int i = 0; i < perFrame; i++) {
            int j = i + rng.nextInt(all.length - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, perFrame);
        Arrays.sort(chosen);
        return chosen;
    }

    /** A canonical description for cache keys. */
    public String fingerprint() {
        return "centres[Z=" + atomicNumber + ",perFrame=" + perFrame + ",seed=" + seed + "]";
    }
}
