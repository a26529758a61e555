package org.physml.ice.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.physml.ice.data.Manifest;

/**
 * Opens the ice data set of {@code data/ice} (written by {@link org.physml.ice.data.IceDataSet}): one gzip extended
 * XYZ file per class, listed with its runs in {@code manifest.json}; per-frame info keys {@code label},
 * {@code run_id} and {@code time_ps} (ps).
 */
public final class IceDataSource {
    /**
     * Display order of the nine classes: the crystals by increasing density-ish family (Ih, Ic, III, V, VI), the
     * amorphous ices from low to high density (LDA, MDA, HDA), then the liquid.
     */
    public static final List<String> CLASS_ORDER = List.of("ice_Ih", "ice_Ic", "ice_III", "ice_V", "ice_VI", "LDA",
            "MDA", "HDA", "liquid");
    /** Info keys of the data set's frames. */
    public static final String LABEL_KEY = "label", RUN_KEY = "run_id", TIME_KEY = "time_ps";

    private IceDataSource() {
    }

    /**
     * The frames of the data set in {@code dir}, classes in {@link #CLASS_ORDER} (labels not listed there follow in
     * manifest order).
     *
     * @throws IllegalArgumentException     if the manifest is missing or malformed, or a class file does not exist
     * @throws java.io.UncheckedIOException if the manifest cannot be read
     */
    public static ExtXyzFrameSource open(Path dir) {
        if (!java.nio.file.Files.isRegularFile(dir.resolve(Manifest.FILE_NAME))) {
            throw new IllegalArgumentException("no ice data set in " + dir.toAbsolutePath() + ": "
                    + Manifest.FILE_NAME + " is missing (tools/icedata/generate.sh writes it)");
        }
        Manifest m = Manifest.read(dir);
        List<String> classes = new ArrayList<>(m.classes().keySet());
        classes.sort(Comparator.comparingInt(c -> CLASS_ORDER.contains(c) ? CLASS_ORDER.indexOf(c)
                : CLASS_ORDER.size() + m.classes().keySet().stream().toList().indexOf(c)));
        List<Path> files = classes.stream().map(c -> dir.resolve(m.classes().get(c))).toList();
        return new ExtXyzFrameSource(files, classes, LABEL_KEY, RUN_KEY, TIME_KEY);
    }
}
