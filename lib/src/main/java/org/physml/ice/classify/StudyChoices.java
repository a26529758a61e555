package org.physml.ice.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;

/**
 * The choices a {@link SeedStudy} made on the validation runs, per descriptor name: the chosen Adam learning rate
 * and the validation balanced accuracy (first seed) of every candidate rate. Stored as {@code choices.json} next to
 * the networks, so that a stored network can be found again by its key ({@link MoleculeLabeller#open}).
 *
 * @param byDescriptor the choice of each descriptor, by descriptor name, in study order
 */
public record StudyChoices(Map<String, Choice> byDescriptor) {

    /** File name of the choices next to the networks. */
    public static final String FILE = "choices.json";

    private static final Object LOCK = new Object();
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

    /**
     * One descriptor's choice.
     *
     * @param learningRate                           the chosen Adam step size, &gt; 0
     * @param validationBalancedAccuracyByLearningRate validation balanced accuracy in [0, 1] per candidate rate
     */
    public record Choice(double learningRate, Map<Double, Double> validationBalancedAccuracyByLearningRate) {
        /** @throws IllegalArgumentException if the rate is not finite and positive, or the scores are missing */
        public Choice {
            if (validationBalancedAccuracyByLearningRate == null) {
                throw new IllegalArgumentException("a choice needs validation_balanced_accuracy_by_learning_rate");
            }
            if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
                throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
            }
            validationBalancedAccuracyByLearningRate = Collections.unmodifiableMap(
                    new LinkedHashMap<>(validationBalancedAccuracyByLearningRate));
        }
    }

    /** A copy that keeps the insertion order. */
    public StudyChoices {
        byDescriptor = Collections.unmodifiableMap(new LinkedHashMap<>(byDescriptor));
    }

    /** The chosen learning rate of a descriptor, if the study has one. */
    public Optional<Double> learningRate(String descriptor) {
        Choice c = byDescriptor.get(descriptor);
        return c == null ? Optional.empty() : Optional.of(c.learningRate());
    }

    /** These choices with one more (or a replaced) descriptor, appended in order. */
    public StudyChoices with(String descriptor, Choice choice) {
        Map<String, Choice> m = new LinkedHashMap<>(byDescriptor);
        m.put(descriptor, choice);
        return new StudyChoices(m);
    }

    /** Writes the choices as JSON (stable key order: one diff line per changed value). */
    public void write(Path file) {
        JsonFile.write(GSON, byDescriptor, file, "study choices");
    }

    /**
     * Reads a choices file.
     *
     * @throws UncheckedIOException     if the file cannot be read
     * @throws IllegalArgumentException naming the file if it is not a choices JSON object or a rate is invalid
     */
    public static StudyChoices read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read study choices " + file, e);
        }
        try {
            Map<String, Choice> m = GSON.fromJson(text, new TypeToken<LinkedHashMap<String, Choice>>() { }.getType());
            if (m == null) {
                throw new IllegalArgumentException("empty study choices file");
            }
            return new StudyChoices(m);
        } catch (RuntimeException e) {   // Gson wraps what a Choice constructor throws
            Throwable cause = e instanceof IllegalArgumentException ? e : e.getCause();
            if (cause instanceof IllegalArgumentException) {
                throw new IllegalArgumentException(file + ": " + cause.getMessage(), e);
            }
            throw new IllegalArgumentException(file + ": not a study choices JSON object (descriptor name -> "
                    + "{learning_rate, validation_balanced_accuracy_by_learning_rate}): " + e.getMessage(), e);
        }
    }

    /**
     * Adds (or replaces) one descriptor's choice in the {@link #FILE} of a folder, keeping every other entry that
     * is in the file at that moment, so that several study processes sharing a models folder (each training its
     * own descriptors) all end up in it. The read-merge-write runs under a lock held by this JVM and, across
     * processes, an exclusive file lock (on a lock file in the temporary directory, named after the folder); the
     * new file replaces the old one by an atomic move, so a reader never sees half of it.
     *
     * @param folder the models folder (created if missing)
     * @return the choices now in the file
     * @throws UncheckedIOException     if the folder, the lock or the file cannot be written
     * @throws IllegalArgumentException if the existing file is not a choices file (as {@link #read})
     */
    public static StudyChoices record(Path folder, String descriptor, Choice choice) {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(choice, "choice");
        Path dir = folder.toAbsolutePath().normalize();
        synchronized (LOCK) {
            try {
                Files.createDirectories(dir);
                Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "physml-choices-"
                        + DescriptorSpec.sha256(dir.toString()).substring(0, 16) + ".lock");
                try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = ch.lock()) {
                    StudyChoices merged = inFolder(dir).with(descriptor, choice);
                    Path tmp = Files.createTempFile(dir, FILE, ".tmp");
                    try {
                        merged.write(tmp);
                        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.ATOMIC_MOVE);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                    return merged;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record the study choice of " + descriptor + " in " + dir, e);
            }
        }
    }

    /** The choices stored in a model folder ({@link #FILE}), or none if the folder has no such file. */
    public static StudyChoices inFolder(Path models) {
        Path f = models.resolve(FILE);
        return Files.isRegularFile(f) ? read(f) : new StudyChoices(Map.of());
    }
}
