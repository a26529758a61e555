package org.physml.ice.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.physml.structure.io.ExtXyz;
import org.physml.structure.io.Frame;

/**
 * Labelled frames from extended XYZ files (plain or gzip), streamed one frame at a time.
 *
 * <p>Each frame's comment line must carry its class under {@code labelKey} and its run id under {@code runKey};
 * the simulation time in ps is read from {@code timeKey} when present (else the frame's position in its run is
 * used). Files are read in the order given; frames of a run are numbered 0, 1, ... in reading order.
 *
 * <p>The fingerprint is the SHA-256 of the file names and contents, so any change of the data changes it.
 */
public final class ExtXyzFrameSource implements FrameSource {
    /** Default info keys: label, run, time. */
    public static final String LABEL = "label", RUN = "run", TIME = "time";

    private final List<Path> files;
    private final List<String> classes;
    private final String labelKey, runKey, timeKey;
    private String fingerprint;

    /**
     * @param files    the files, read in this order; at least one, each must exist
     * @param classes  the class labels in class-id order; every frame's label must be one of them
     * @param labelKey info key of the class label
     * @param runKey   info key of the run id
     * @param timeKey  info key of the time in ps (optional in the files)
     * @throws IllegalArgumentException if there is no file, a file does not exist, or classes are empty or repeated
     */
    public ExtXyzFrameSource(List<Path> files, List<String> classes, String labelKey, String runKey, String timeKey) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("need at least one extended XYZ file");
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("data file not found: " + f.toAbsolutePath());
            }
        }
        if (classes.isEmpty() || classes.stream().distinct().count() != classes.size()) {
            throw new IllegalArgumentException("class labels must be non-empty and distinct, got " + classes);
        }
        this.files = List.copyOf(files);
        this.classes = List.copyOf(classes);
        this.labelKey = labelKey;
        this.runKey = runKey;
        this.timeKey = timeKey;
    }

    /** The files with the default keys label, run and time. */
    public ExtXyzFrameSource(List<Path> files, List<String> classes) {
        this(files, classes, LABEL, RUN, TIME);
    }

    /**
     * All files of a directory whose names end with ".extxyz" or ".extxyz.gz", in name order, with the default keys.
     *
     * @throws IllegalArgumentException if the directory holds no such file
     * @throws UncheckedIOException     if the directory cannot be listed
     */
    public static ExtXyzFrameSource directory(Path dir, List<String> classes) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".extxyz")
                    || p.getFileName().toString().endsWith(".extxyz.gz")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no *.extxyz or *.extxyz.gz file in " + dir.toAbsolutePath());
        }
        return new ExtXyzFrameSource(files, classes);
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    /** The files, in reading order. */
    public List<Path> files() {
        return files;
    }

    @Override
    public synchronized String fingerprint() {
        if (fingerprint == null) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[1 << 16];
                for (Path f : files) {
                    md.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    try (InputStream in = Files.newInputStream(f)) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            md.update(buffer, 0, n);
                        }
                    }
                }
                fingerprint = HexFormat.of().formatHex(md.digest());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the data files for their fingerprint", e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        }
        return fingerprint;
    }

    /**
     * @throws IllegalArgumentException if a frame has no label or run, or a label is not one of {@link #classes()}
     *                                  (the message names the file and frame)
     */
    @Override
    public void forEachFrame(Consumer<LabelledFrame> action) {
        Map<String, Integer> perRun = new HashMap<>();
        for (Path f : files) {
            int[] index = {0};
            try (Stream<Frame> frames = ExtXyz.stream(f)) {
                frames.forEach(frame -> {
                    String where = f.getFileName() + ", frame " + index[0]++;
                    String label = text(frame, labelKey, where);
                    if (!classes.contains(label)) {
                        throw new IllegalArgumentException(where + ": label '" + label + "' is not one of " + classes);
                    }
                    String run = text(frame, runKey, where);
                    int k = perRun.merge(run, 1, Integer::sum) - 1;
                    Object t = frame.info().get(timeKey);
                    double time = t instanceof Number n ? n.doubleValue() : k;
                    action.accept(new LabelledFrame(frame.structure(), label, run, k, time));
                });
            }
        }
    }

    private static String text(Frame frame, String key, String where) {
        Object v = frame.info().get(key);
        if (v == null) {
            throw new IllegalArgumentException(where + ": no '" + key + "' in the comment line; keys present: "
                    + frame.info().keySet());
        }
        return v.toString();
    }

    @Override
    public String toString() {
        return "ExtXyzFrameSource[" + files.size() + " files, classes " + classes + "]";
    }
}
