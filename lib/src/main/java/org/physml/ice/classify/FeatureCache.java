package org.physml.ice.classify;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Descriptor matrices cached on disk, so that a notebook computes each descriptor of a data set only once.
 *
 * <p>A matrix is stored as {@code <name>-<key>.npy} (the features, float32, shape [n][d], written with
 * {@link Nd4j#writeAsNumpy}) and {@code <name>-<key>.json} (feature names, classes, runs, the class, run, frame and
 * centre of each row, and the cost measured when it was computed). The key is the first 16 hex digits of the
 * SHA-256 of the descriptor's parameter text ({@link DescriptorSpec#parameters()}), the centre selection, the data
 * fingerprint ({@link FrameSource#fingerprint()}) and {@link #FORMAT}: any change of these is a cache miss.
 */
public final class FeatureCache {
    /** Version of the file layout and of the featurisation code; bump it to invalidate old entries. */
    public static final String FORMAT = "ice-features-v1";

    private static final Gson GSON = new GsonBuilder().create();
    private final Path dir;

    /** A cache in {@code dir} (created on the first store). */
    public FeatureCache(Path dir) {
        this.dir = dir;
    }

    /** The cache directory. */
    public Path directory() {
        return dir;
    }

    /** The cache key of a descriptor on a data set with a centre selection, 16 hex digits. */
    public static String key(DescriptorSpec spec, CentreSelection selection, FrameSource source) {
        return DescriptorSpec.sha256(FORMAT + "\n" + spec.parameters() + "\n" + selection.fingerprint() + "\n"
                + source.fingerprint()).substring(0, 16);
    }

    /** The features file of an entry (it exists only after {@link #store}). */
    public Path featuresFile(DescriptorSpec spec, CentreSelection selection, FrameSource source) {
        return dir.resolve(stem(spec, selection, source) + ".npy");
    }

    private static String stem(DescriptorSpec spec, CentreSelection selection, FrameSource source) {
        String slug = spec.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug + "-" + key(spec, selection, source);
    }

    /**
     * The cached matrix, or empty on a miss.
     *
     * @throws UncheckedIOException if an entry exists but cannot be read
     */
    public Optional<DescriptorMatrix> load(DescriptorSpec spec, CentreSelection selection, FrameSource source) {
        Path npy = featuresFile(spec, selection, source);
        Path json = npy.resolveSibling(npy.getFileName().toString().replace(".npy", ".json"));
        if (!Files.isRegularFile(npy) || !Files.isRegularFile(json)) {
            return Optional.empty();
        }
        Meta meta;
        try (Reader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            meta = GSON.fromJson(r, Meta.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cache entry " + json, e);
        }
        INDArray x = Nd4j.createFromNpyFile(npy.toFile()).castTo(DataType.FLOAT);
        if (x.rank() != 2 || x.rows() != meta.label.length || x.columns() != meta.features.size()) {
            throw new IllegalStateException("cache entry " + npy + " has shape " + java.util.Arrays.toString(x.shape())
                    + " but its metadata describe " + meta.label.length + " x " + meta.features.size()
                    + "; delete the directory " + dir + " to rebuild it");
        }
        float[][] rows = x.toFloatMatrix();
        return Optional.of(new DescriptorMatrix(spec.name(), meta.features, meta.classes, meta.runs, rows, meta.label,
                meta.run, meta.frame, meta.centre, new DescriptorCost(meta.seconds, meta.environments, meta.threads)));
    }

    /**
     * Writes an entry (atomically: temporary files, then renames).
     *
     * @throws UncheckedIOException on write errors
     */
    public void store(DescriptorSpec spec, CentreSelection selection, FrameSource source, DescriptorMatrix m) {
        Path npy = featuresFile(spec, selection, source);
        Path json = npy.resolveSibling(npy.getFileName().toString().replace(".npy", ".json"));
        try {
            Files.createDirectories(dir);
            Path tmpNpy = Files.createTempFile(dir, "features", ".npy.tmp");
            Path tmpJson = Files.createTempFile(dir, "features", ".json.tmp");
            Nd4j.writeAsNumpy(Nd4j.create(m.features()).castTo(DataType.FLOAT), tmpNpy.toFile());
            Meta meta = new Meta();
            meta.parameters = spec.parameters();
            meta.features = m.featureNames();
            meta.classes = m.classes();
            meta.runs = m.runs();
            meta.label = m.label();
            meta.run = m.run();
            meta.frame = m.frame();
            meta.centre = m.centre();
            meta.seconds = m.cost().seconds();
            meta.environments = m.cost().environments();
            meta.threads = m.cost().threads();
            try (Writer w = Files.newBufferedWriter(tmpJson, StandardCharsets.UTF_8)) {
                GSON.toJson(meta, w);
            }
            Files.move(tmpNpy, npy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmpJson, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cache entry " + npy, e);
        }
    }

    /**
     * The matrices of all {@code specs}: cached ones are loaded, the others computed in one pass over the data
     * ({@link DatasetFeaturizer}) and stored.
     *
     * @param progress called after each frame while computing (may be null)
     * @return one matrix per spec, in order
     */
    public List<DescriptorMatrix> computeIfAbsent(FrameSource source, CentreSelection selection,
                                                  List<DescriptorSpec> specs, DatasetFeaturizer.Progress progress) {
        List<DescriptorMatrix> out = new ArrayList<>();
        List<DescriptorSpec> missing = new ArrayList<>();
        for (DescriptorSpec s : specs) {
            Optional<DescriptorMatrix> m = load(s, selection, source);
            out.add(m.orElse(null));
            if (m.isEmpty()) {
                missing.add(s);
            }
        }
        if (!missing.isEmpty()) {
            List<DescriptorMatrix> computed = DatasetFeaturizer.compute(source, selection, missing, progress);
            for (int k = 0; k < missing.size(); k++) {
                store(missing.get(k), selection, source, computed.get(k));
                out.set(specs.indexOf(missing.get(k)), computed.get(k));
            }
        }
        return out;
    }

    /** JSON layout of an entry's metadata. */
    private static final class Meta {
        String parameters;
        List<String> features, classes, runs;
        int[] label, run, frame, centre;
        double seconds;
        long environments;
        int threads;
    }
}
