package org.physml.ice.classify;

import java.util.List;
import java.util.function.Consumer;

/**
 * A labelled data set read frame by frame, so that it never has to fit in memory at once.
 *
 * <p>Implementations deliver the frames in a fixed order (the same on every call) and give a fingerprint that
 * changes whenever the data change, so that descriptors computed from them can be cached
 * ({@link FeatureCache}).
 */
public interface FrameSource {

    /** Class labels present, in the order that defines the class ids 0..K-1. */
    List<String> classes();

    /** A digest of the data (e.g. SHA-256 of the files), hex; equal for equal data. */
    String fingerprint();

    /**
     * Calls {@code action} for every frame, in the source's fixed order.
     *
     * @throws java.io.UncheckedIOException if the data cannot be read
     */
    void forEachFrame(Consumer<LabelledFrame> action);
}
