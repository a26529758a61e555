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
        source.forEachFrame(f -> {
            int[] centres = selection.select(f);
            int classId = classes.indexOf(f.label());
            int runId = runIds.computeIfAbsent(f.run(), r -> runIds.size());
            for (int d = 0; d < m; d++) {
                long t0 = System.nanoTime();
                double[][] x = specs.get(d).descriptor().compute(f.structure(), centres);
                nanos[d] += System.nanoTime() - t0;
                for (double[] row : x) {
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
