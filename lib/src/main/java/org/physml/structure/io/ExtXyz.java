package org.physml.structure.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Entry points for (extended) XYZ files: {@link #read(Path)} for small files, {@link #stream(Path)} to
 * process large trajectories one frame at a time, {@link #write(Path, Iterable)} to write. See
 * {@link ExtXyzReader} and {@link ExtXyzWriter} for the format.
 */
public final class ExtXyz {
    private ExtXyz() {
    }

    /**
     * All frames of a file (plain or gzip).
     *
     * @throws StructureFileException        if the file is malformed
     * @throws java.io.UncheckedIOException  if it cannot be read
     */
    public static List<Frame> read(Path path) {
        try (ExtXyzReader r = new ExtXyzReader(path)) {
            List<Frame> frames = new ArrayList<>();
            r.forEachRemaining(frames::add);
            return frames;
        }
    }

    /**
     * The frames of a file as a lazy, sequential stream: only one frame is held in memory at a time. Close the
     * stream (try-with-resources) to close the file.
     *
     * @throws java.io.UncheckedIOException if the file cannot be opened
     */
    public static Stream<Frame> stream(Path path) {
        ExtXyzReader r = new ExtXyzReader(path);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(r, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(r::close);
    }

    /**
     * Writes frames to a file (gzip-compressed if its name ends with ".gz").
     *
     * @throws IllegalArgumentException     if a frame cannot be written (see {@link ExtXyzWriter#write(Frame)})
     * @throws java.io.UncheckedIOException on write errors
     */
    public static void write(Path path, Iterable<Frame> frames) {
        try (ExtXyzWriter w = new ExtXyzWriter(path)) {
            for (Frame f : frames) {
                w.write(f);
            }
        }
    }
}
