package org.physml.ice.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Trained classifiers on disk, found by a key that fixes everything the training depends on: the descriptor
 * matrix (its {@link FeatureCache#key cache key}: descriptor parameters, centres, data), the held-out runs, the
 * validation fraction, the balancing and the network settings.
 *
 * <p>Entries are looked up in several directories in order (e.g. models shipped with the course first, then a
 * local cache) and written to one of them. A file is {@code <descriptor>-<key>.zip} ({@link PhaseClassifier#save}).
 */
public final class ModelStore {
    private final List<Path> readDirs;
    private final Path writeDir;

    /**
     * @param readDirs directories searched in order
     * @param writeDir directory new entries are written to (created when needed)
     */
    public ModelStore(List<Path> readDirs, Path writeDir) {
        this.readDirs = List.copyOf(readDirs);
        this.writeDir = writeDir;
    }

    /**
     * The key of a training setup, 16 hex digits.
     *
     * @param featureKey         {@link FeatureCache#key} of the descriptor matrix
     * @param testRuns           held-out runs
     * @param validationFraction see {@link RunSplit#of}
     * @param perClass           see {@link DescriptorEvaluation#run}
     * @param config             network settings
     */
    public static String key(String featureKey, java.util.Set<String> testRuns, double validationFraction,
                             int perClass, PhaseClassifier.Config config) {
        String text = String.join("\n", "ice-model-v1", featureKey, new TreeSet<>(testRuns).toString(),
                Double.toString(validationFraction), Integer.toString(perClass),
                java.util.Arrays.toString(config.hidden()), Double.toString(config.learningRate()),
                Integer.toString(config.batchSize()), Integer.toString(config.maxEpochs()),
                Integer.toString(config.patience()), Double.toString(config.minDelta()), Long.toString(config.seed()));
        return DescriptorSpec.sha256(text).substring(0, 16);
    }

    static String fileName(String descriptorName, String key) {
        String slug = descriptorName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug + "-" + key + ".zip";
    }

    /** The stored classifier, or empty if no directory holds the key. */
    public Optional<PhaseClassifier> load(String descriptorName, String key) {
        for (Path d : readDirs) {
            Path f = d.resolve(fileName(descriptorName, key));
            if (Files.isRegularFile(f)) {
                return Optional.of(PhaseClassifier.load(f));
            }
        }
        return Optional.empty();
    }

    /**
     * Stores a classifier in the write directory; returns the file.
     *
     * @throws UncheckedIOException on write errors
     */
    public Path store(String descriptorName, String key, PhaseClassifier classifier) {
        try {
            Files.createDirectories(writeDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + writeDir, e);
        }
        Path f = writeDir.resolve(fileName(descriptorName, key));
        classifier.save(f);
        return f;
    }
}
