package org.physml.ice.classify;

import java.util.List;
import java.util.function.Consumer;

/** Frames held in memory (tests only); the fingerprint is given by the caller. */
record ListFrameSource(List<String> classes, List<LabelledFrame> frames, String fingerprint) implements FrameSource {
    @Override
    public void forEachFrame(Consumer<LabelledFrame> action) {
        frames.forEach(action);
    }

    /** Frames from synthetic runs (lists of extended-XYZ frames with label/run info). */
    static ListFrameSource of(List<String> classes, List<List<org.physml.structure.io.Frame>> runs) {
        List<LabelledFrame> out = new java.util.ArrayList<>();
        for (var run : runs) {
            for (int f = 0; f < run.size(); f++) {
                var fr = run.get(f);
                out.add(new LabelledFrame(fr.structure(), fr.info().get("label").toString(),
                        fr.info().get("run").toString(), f, f));
            }
        }
        return new ListFrameSource(classes, out, "in-memory-" + out.size());
    }
}
