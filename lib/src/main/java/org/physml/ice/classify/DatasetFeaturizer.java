package org.physml.ice.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * Computes descriptors for every selected centre of every frame of a data set, in one pass over the frames.
 *
 * <p>Frames are streamed from the {@link FrameSource}; for each frame the {@link CentreSelection} picks the
 * centres and each descriptor is computed for them with {@link org.physml.descriptors.Descriptor#compute(
 * org.physml.structure.Structure, int[])}, which runs in parallel over the centres. The wall time of each
 * descriptor (its neighbour list included, reading the files excluded) is summed into its
 * {@link DescriptorCost}.
 *
 * <p>When a {@link NeighbourAveraged} descriptor and its inner descriptor (the same instance) are computed together,
 * the inner descriptor is evaluated once per frame, for the centres and their shells, and serves both: the averaged
 * descriptor is charged the whole time (it needs all of it), the plain one the time of its centres only (the
 * measured time prorated by centres / atoms computed, i.e. its measured rate per environment).
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
        // a plain descriptor that is also the inner descriptor of a NeighbourAveraged spec is computed once per frame
        int[] partner = new int[m];
        java.util.Arrays.fill(partner, -1);
        for (int a = 0; a < m; a++) {
            if (specs.get(a).descriptor() instanceof NeighbourAveraged avg) {
                for (int p = 0; p < m; p++) {
                    if (specs.get(p).descriptor() == avg.inner() && partner[p] < 0) {
                        partner[p] = a;
                        partner[a] = p;
                        break;
                    }
                }
            }
        }
        source.forEachFrame(f -> {
            int[] centres = selection.select(f);
            int classId = classes.indexOf(f.label());
            int runId = runIds.computeIfAbsent(f.run(), r -> runIds.size());
            double[][][] x = new double[m][][];
            for (int d = 0; d < m; d++) {
                if (x[d] != null) {
                    continue;
                }
                var descriptor = specs.get(d).descriptor();
                if (partner[d] >= 0 && !(descriptor instanceof NeighbourAveraged)) {
                    NeighbourAveraged avg = (NeighbourAveraged) specs.get(partner[d]).descriptor();
                    long t0 = System.nanoTime();
                    NeighbourAveraged.Shells shells = avg.shells(f.structure(), centres);
                    long t1 = System.nanoTime();
                    double[][] inner = descriptor.compute(f.structure(), shells.atoms());
                    long t2 = System.nanoTime();
                    x[partner[d]] = avg.average(shells, inner);
                    long t3 = System.nanoTime();
                    x[d] = new double[centres.length][];
                    for (int k = 0; k < centres.length; k++) {
                        x[d][k] = inner[shells.centreRow()[k]];
                    }
                    // the plain descriptor is charged its per-environment rate for the centres only
                    nanos[d] += Math.round((t2 - t1) * (double) centres.length / shells.atoms().length);
                    nanos[partner[d]] += t3 - t0;
                } else {
                    long t0 = System.nanoTime();
                    x[d] = descriptor.compute(f.structure(), centres);
                    nanos[d] += System.nanoTime() - t0;
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

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
