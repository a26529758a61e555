package org.physml.ice.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.physml.descriptors.NeighbourAveraged;

/**
 * Computes descriptors for every selected centre of every frame of a data set, in one pass over the frames.
 *
 * <p>Frames are streamed from the {@link FrameSource}; for each frame the {@link CentreSelection} picks the
 * centres and each descriptor is computed for them with {@link org.physml.descriptors.Descriptor#compute(
 * org.physml.structure.Structure, int[])}, which runs in parallel over the centres. The wall time of each
 * descriptor (its neighbour list included, reading the files excluded) is summed into its
 * {@link DescriptorCost}.
 *
 * <p>When {@link NeighbourAveraged} descriptors (of any radii r_avg) and their inner descriptor (the same instance)
 * are computed together, the inner descriptor is evaluated once per frame, for the centres and the shells of the
 * largest r_avg, and serves all of them. Each averaged descriptor is charged what it would cost alone (its shells,
 * its average, and the inner time prorated to the atoms its own shells need), the plain one the time of its centres
 * only (the measured time prorated by centres / atoms computed, i.e. its measured rate per environment).
 */
public final class DatasetFeaturizer {

    /** Called after each frame. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param frames       frames done so far
         * @param environments environments (rows) done so far, per descriptor
         */
        void frameDone(int frames, long environments);
    }

    private DatasetFeaturizer() {
    }

    /**
     * One matrix per descriptor, in the order of {@code specs}.
     *
     * @param source    the frames
     * @param selection the centres of each frame
     * @param specs     the descriptors, at least one, distinct names
     * @param progress  called after each frame (may be null)
     * @throws IllegalArgumentException if specs is empty or has repeated names, or a frame is invalid
     */
    public static List<DescriptorMatrix> compute(FrameSource source, CentreSelection selection,
                                                 List<DescriptorSpec> specs, Progress progress) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("give at least one descriptor");
        }
        if (specs.stream().map(DescriptorSpec::name).distinct().count() != specs.size()) {
            throw new IllegalArgumentException("descriptor names must be distinct, got " + specs);
        }
        int m = specs.size();
        List<List<float[]>> rows = new ArrayList<>();
        for (int d = 0; d < m; d++) {
            rows.add(new ArrayList<>());
        }
        long[] nanos = new long[m];
        Map<String, Integer> runIds = new LinkedHashMap<>();
        List<Integer> label = new ArrayList<>(), run = new ArrayList<>(), frame = new ArrayList<>(),
                centre = new ArrayList<>();
        List<String> classes = source.classes();
        int[] frames = {0};
        List<int[]> groups = sharedInnerGroups(specs);
        source.forEachFrame(f -> {
            int[] centres = selection.select(f);
            int classId = classes.indexOf(f.label());
            int runId = runIds.computeIfAbsent(f.run(), r -> runIds.size());
            double[][][] x = new double[m][][];
            for (int[] group : groups) {
                if (group.length == 1) {
                    int d = group[0];
                    long t0 = System.nanoTime();
                    x[d] = specs.get(d).descriptor().compute(f.structure(), centres);
                    nanos[d] += System.nanoTime() - t0;
                } else {
                    computeGroup(specs, group, f.structure(), centres, x, nanos);
                }
            }
            for (int d = 0; d < m; d++) {
                for (double[] row : x[d]) {
                    float[] r = new float[row.length];
                    for (int k = 0; k < row.length; k++) {
                        r[k] = (float) row[k];
                        if (!Float.isFinite(r[k])) {
                            throw new IllegalStateException(specs.get(d).name() + " gave a non-finite feature "
                                    + specs.get(d).descriptor().featureNames().get(k) + " = " + row[k] + " in frame "
                                    + f.frameInRun() + " of run " + f.run());
                        }
                    }
                    rows.get(d).add(r);
                }
            }
            for (int c : centres) {
                label.add(classId);
                run.add(runId);
                frame.add(f.frameInRun());
                centre.add(c);
            }
            frames[0]++;
            if (progress != null) {
                progress.frameDone(frames[0], label.size());
            }
        });
        int threads = ForkJoinPool.commonPool().getParallelism() + 1;
        List<String> runs = new ArrayList<>(runIds.keySet());
        List<DescriptorMatrix> out = new ArrayList<>();
        for (int d = 0; d < m; d++) {
            DescriptorSpec s = specs.get(d);
            out.add(new DescriptorMatrix(s.name(), s.descriptor().featureNames(), classes, runs,
                    rows.get(d).toArray(new float[0][]), toArray(label), toArray(run), toArray(frame), toArray(centre),
                    new DescriptorCost(nanos[d] * 1e-9, label.size(), threads)));
        }
        return out;
    }

    /**
     * Groups the specs by the descriptor instance they evaluate: a plain spec and every {@link NeighbourAveraged}
     * spec around the same instance (and element) share one group, whose inner descriptor is computed once per
     * frame; every other spec is a group of its own. Groups are lists of spec indices, averaged specs in
     * descending r_avg.
     */
    private static List<int[]> sharedInnerGroups(List<DescriptorSpec> specs) {
        Map<Object, List<Integer>> byInner = new LinkedHashMap<>();
        List<int[]> out = new ArrayList<>();
        for (int d = 0; d < specs.size(); d++) {
            var descriptor = specs.get(d).descriptor();
            Object inner = descriptor instanceof NeighbourAveraged avg ? avg.inner() : descriptor;
            List<Integer> g = byInner.get(new Identity(inner));
            boolean plain = !(descriptor instanceof NeighbourAveraged);
            if (g != null && plain && g.stream().anyMatch(k -> !(specs.get(k).descriptor() instanceof NeighbourAveraged))) {
                out.add(new int[]{d});   // a second plain spec of the same instance: computed on its own
                continue;
            }
            if (g != null && !plain && g.stream().map(k -> specs.get(k).descriptor())
                    .filter(NeighbourAveraged.class::isInstance)
                    .anyMatch(o -> ((NeighbourAveraged) o).element() != ((NeighbourAveraged) descriptor).element())) {
                out.add(new int[]{d});   // averaged over another element: computed on its own
                continue;
            }
            byInner.computeIfAbsent(new Identity(inner), k -> new ArrayList<>()).add(d);
        }
        for (List<Integer> g : byInner.values()) {
            g.sort(java.util.Comparator.comparingDouble((Integer k) -> specs.get(k).descriptor()
                    instanceof NeighbourAveraged avg ? -avg.averagingRadius() : 0.0));
            boolean anyAveraged = g.stream().anyMatch(k -> specs.get(k).descriptor() instanceof NeighbourAveraged);
            if (anyAveraged) {
                out.add(g.stream().mapToInt(Integer::intValue).toArray());
            } else {
                g.forEach(k -> out.add(new int[]{k}));
            }
        }
        return out;
    }

    /** Identity-based map key (descriptors need not implement equals). */
    private record Identity(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity i && i.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    /**
     * One frame of a group of {@link #sharedInnerGroups}: the inner descriptor is evaluated for the shells of the
     * largest r_avg (which contain those of every smaller r_avg, for the same centres) and serves every member.
     * Timing: an averaged spec is charged its own shells and average plus the inner time prorated to the atoms its
     * own shells need; the plain spec the inner time prorated to the centres (its rate per environment).
     */
    private static void computeGroup(List<DescriptorSpec> specs, int[] group, org.physml.structure.Structure s,
                                     int[] centres, double[][][] x, long[] nanos) {
        int largest = -1, plain = -1;
        for (int d : group) {
            if (specs.get(d).descriptor() instanceof NeighbourAveraged) {
                largest = largest < 0 ? d : largest;   // descending r_avg: the first one
            } else {
                plain = d;
            }
        }
        NeighbourAveraged big = (NeighbourAveraged) specs.get(largest).descriptor();
        long t0 = System.nanoTime();
        NeighbourAveraged.Shells bigShells = big.shells(s, centres);
        long t1 = System.nanoTime();
        double[][] inner = big.inner().compute(s, bigShells.atoms());
        long t2 = System.nanoTime();
        double innerNanosPerAtom = (t2 - t1) / (double) bigShells.atoms().length;
        for (int d : group) {
            if (d == plain) {
                x[d] = new double[centres.length][];
                for (int k = 0; k < centres.length; k++) {
                    x[d][k] = inner[bigShells.centreRow()[k]];
                }
                nanos[d] += Math.round(innerNanosPerAtom * centres.length);
                continue;
            }
            NeighbourAveraged avg = (NeighbourAveraged) specs.get(d).descriptor();
            long a0 = System.nanoTime();
            NeighbourAveraged.Shells shells = d == largest ? bigShells : avg.shells(s, centres);
            double[][] rows = inner;
            if (d != largest) {
                rows = new double[shells.atoms().length][];
                for (int k = 0; k < rows.length; k++) {
                    rows[k] = inner[java.util.Arrays.binarySearch(bigShells.atoms(), shells.atoms()[k])];
                }
            }
            x[d] = avg.average(shells, rows);
            long a1 = System.nanoTime();
            nanos[d] += (a1 - a0) + (d == largest ? t1 - t0 : 0)
                    + Math.round(innerNanosPerAtom * shells.atoms().length);
        }
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
