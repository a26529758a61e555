package org.physml.descriptors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.physml.structure.LocalEnvironment;

/**
 * Several local descriptors side by side: the features of part 1, then those of part 2, and so on. Each part sees only the
 * neighbours within its own {@link Descriptor#cutoff()} and, if given, of its neighbour species, so that e.g. Behler
 * functions on all O and H neighbours and a G8 on the O-O bonds of water make one feature vector:
 * <pre>
 *   new ConcatenatedDescriptor(List.of(Part.all(acsf), Part.of(g8, 8)))
 * </pre>
 * Feature names are those of the parts; a part restricted to neighbour species appends {@code "|Z=8"} (the atomic
 * numbers) to its names. Immutable and thread-safe if the parts are.
 */
public final class ConcatenatedDescriptor extends ParameterisedDescriptor<ConcatenationParameters>
        implements LocalDescriptor {

    /**
     * One part.
     *
     * @param descriptor the descriptor
     * @param neighbourZ atomic numbers of the neighbours it sees; empty for all
     */
    public record Part(LocalDescriptor descriptor, int[] neighbourZ) {
        /** @throws IllegalArgumentException if an atomic number is outside 1..118 */
        public Part {
            Objects.requireNonNull(descriptor, "descriptor");
            neighbourZ = neighbourZ == null || neighbourZ.length == 0 ? new int[0]
                    : org.physml.structure.Elements.sortedSpecies(neighbourZ);
        }

        /** A part that sees every neighbour. */
        public static Part all(LocalDescriptor d) {
            return new Part(d, new int[0]);
        }

        /** A part that sees only neighbours of the given elements. */
        public static Part of(LocalDescriptor d, int... neighbourZ) {
            return new Part(d, neighbourZ);
        }

        @Override
        public int[] neighbourZ() {
            return neighbourZ.clone();
        }

        boolean sees(int z) {
            if (neighbourZ.length == 0) {
                return true;
            }
            for (int s : neighbourZ) {
                if (s == z) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return descriptor + (neighbourZ.length == 0 ? "" : "|neighbourZ=" + Arrays.toString(neighbourZ));
        }
    }

    private final List<Part> parts;
    private final List<String> names;
    private final double cutoff;
    private final int featureCount;

    /** @throws IllegalArgumentException if no part is given */
    public ConcatenatedDescriptor(List<Part> parts) {
        super(parameters(parts));
        this.parts = List.copyOf(parts);
        List<String> n = new ArrayList<>();
        double rc = 0;
        for (Part p : this.parts) {
            String suffix = p.neighbourZ.length == 0 ? "" : "|Z=" + Arrays.toString(p.neighbourZ)
                    .replaceAll("[\\[\\] ]", "");
            p.descriptor().featureNames().forEach(s -> n.add(s + suffix));
            rc = Math.max(rc, p.descriptor().cutoff());
        }
        this.names = Collections.unmodifiableList(n);
        this.cutoff = rc;
        this.featureCount = n.size();
    }

    private static ConcatenationParameters parameters(List<Part> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("a concatenated descriptor needs at least one part");
        }
        return new ConcatenationParameters(parts.stream().map(p -> new ConcatenationParameters.Part(
                p.descriptor().parameters(), Arrays.stream(p.neighbourZ).boxed().toList())).toList());
    }

    /** The parts, in feature order. */
    public List<Part> parts() {
        return parts;
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    /** The largest cutoff of the parts, Angstrom. */
    @Override
    public double cutoff() {
        return cutoff;
    }

    /** @throws IllegalArgumentException if out does not have {@link #featureCount()} entries */
    @Override
    public void compute(LocalEnvironment env, double[] out) {
        if (out.length != featureCount) {
            throw new IllegalArgumentException("output array has length " + out.length + ", expected " + featureCount);
        }
        int offset = 0;
        for (Part p : parts) {
            LocalDescriptor d = p.descriptor();
            double[] block = new double[d.featureCount()];
            d.compute(restrict(env, p, d.cutoff()), block);
            System.arraycopy(block, 0, out, offset, block.length);
            offset += block.length;
        }
    }

    private static LocalEnvironment restrict(LocalEnvironment env, Part p, double rc) {
        int m = env.size();
        int[] keep = new int[m];
        int k = 0;
        for (int q = 0; q < m; q++) {
            if (env.distance()[q] <= rc && p.sees(env.neighbourZ()[q])) {
                keep[k++] = q;
            }
        }
        if (k == m) {
            return env;
        }
        int[] idx = new int[k], z = new int[k];
        double[][] r = new double[k][];
        double[] d = new double[k];
        for (int t = 0; t < k; t++) {
            int q = keep[t];
            idx[t] = env.neighbourIndex()[q];
            z[t] = env.neighbourZ()[q];
            r[t] = env.r()[q];
            d[t] = env.distance()[q];
        }
        return new LocalEnvironment(env.centre(), env.centreZ(), idx, z, r, d);
    }
}
