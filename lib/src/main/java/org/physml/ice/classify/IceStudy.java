package org.physml.ice.classify;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;


/**
 * The settings of the ice-phase classification study in one place, so that the notebook and the command line that
 * prepares its shipped models do exactly the same thing.
 *
 * @param centres            which O atoms of each frame become samples
 * @param validationFraction last fraction of each training run's frames used for early stopping
 * @param perClass           training rows per class after balancing (0 = the smallest class's count)
 * @param config             network and training settings
 * @param heldOut            which run of each class is held out for testing (ignored with a split file)
 * @param splitFile          the role of every run ({@link SplitFile}: train, validation and test runs), or null for
 *                           the v1 split by {@code heldOut} and {@code validationFraction}
 */
public record IceStudy(CentreSelection centres, double validationFraction, int perClass,
                       PhaseClassifier.Config config, HeldOut heldOut, SplitFile splitFile) {

    /** The v1 study: split by {@code heldOut}, no split file. */
    public IceStudy(CentreSelection centres, double validationFraction, int perClass, PhaseClassifier.Config config,
                    HeldOut heldOut) {
        this(centres, validationFraction, perClass, config, heldOut, null);
    }

    /** Which run of each class (runs in name order) is the test run; the other runs are for training. */
    public enum HeldOut {
        /** The last run of each class, "X_b" ({@link RunSplit#lastRunOfEachClass}): the study's test runs. */
        LAST_RUN,
        /**
         * The first run of each class, "X_a" ({@link RunSplit#firstRunOfEachClass}): the reverse fold, which trains
         * on the study's test runs and scores on its training runs (for choices that must not see the test scores).
         */
        FIRST_RUN;

        /** The held-out runs of a matrix. */
        public Set<String> runs(DescriptorMatrix m) {
            return this == LAST_RUN ? RunSplit.lastRunOfEachClass(m) : RunSplit.firstRunOfEachClass(m);
        }
    }

    /** @throws NullPointerException if a component is null */
    public IceStudy {
        Objects.requireNonNull(centres, "centres");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(heldOut, "heldOut");
    }

    /**
     * 64 random O centres per frame (seed 2024), the last quarter of the frames of each training run for validation,
     * as many training rows per class as the smallest class has, the standard network
     * ({@link PhaseClassifier.Config#standard}, seed 1); the last run of each class held out.
     */
    public static IceStudy standard() {
        return new IceStudy(CentreSelection.randomOxygen(64, 2024), 0.25, 0, PhaseClassifier.Config.standard(1),
                HeldOut.LAST_RUN);
    }

    /**
     * The same study with the roles of the runs swapped: train on the last run of each class (validation = its last
     * frames), test on the first ({@link HeldOut#FIRST_RUN}). Only meaningful with two runs per class.
     */
    public IceStudy reverseFold() {
        if (splitFile != null) {
            throw new IllegalStateException("a study split by the file " + splitFile.file() + " has no reverse fold;"
                    + " choose settings on its validation runs");
        }
        return new IceStudy(centres, validationFraction, perClass, config,
                heldOut == HeldOut.LAST_RUN ? HeldOut.FIRST_RUN : HeldOut.LAST_RUN);
    }

    /** This study with the runs' roles read from a split file (the v2 data set: tools/icedata/split-v2.tsv). */
    public IceStudy withSplitFile(SplitFile split) {
        return new IceStudy(centres, validationFraction, perClass, config, heldOut, split);
    }

    /**
     * This study on other centres, e.g. {@code CentreSelection.randomOxygen(8, 2024)}: fewer environments per frame
     * for a study that must fit in a notebook.
     */
    public IceStudy withCentres(CentreSelection c) {
        return new IceStudy(c, validationFraction, perClass, config, heldOut, splitFile);
    }

    /** This study with other network and training settings. */
    public IceStudy withConfig(PhaseClassifier.Config c) {
        return new IceStudy(centres, validationFraction, perClass, c, heldOut, splitFile);
    }

    /**
     * The held-out runs: the test runs of the split file present in the data, or else for each class the last (or,
     * for the reverse fold, first) run in name order.
     */
    public Set<String> testRuns(DescriptorMatrix m) {
        if (splitFile != null) {
            Set<String> test = new java.util.TreeSet<>(splitFile.runs(SplitFile.Role.TEST));
            test.retainAll(m.runs());
            return test;
        }
        return heldOut.runs(m);
    }

    /**
     * The split of a descriptor matrix: by the split file (validation rows from the validation runs) or else by
     * {@code heldOut} (validation rows from the last frames of the training runs).
     */
    public RunSplit split(DescriptorMatrix m) {
        return splitFile != null ? splitFile.split(m) : RunSplit.of(m, testRuns(m), validationFraction);
    }

    /**
     * The key of the trained model of one descriptor ({@link ModelStore#key}); with a split file the roles of the
     * runs present in the data are part of it.
     */
    public String modelKey(DescriptorSpec spec, DescriptorMatrix m, FrameSource source) {
        String featureKey = FeatureCache.key(spec, centres, source);
        if (splitFile != null) {
            StringBuilder roles = new StringBuilder(featureKey).append("\nsplit-file:");
            splitFile.roles().forEach((run, role) -> {
                if (m.runs().contains(run)) {
                    roles.append(run).append('=').append(role).append(';');
                }
            });
            featureKey = roles.toString();
        }
        return ModelStore.key(featureKey, testRuns(m), validationFraction, perClass, config);
    }

    /**
     * The evaluation of one descriptor: with {@code train} false, a model stored under its key is used when there
     * is one; otherwise the network is trained (calling {@code listener} every epoch) and stored.
     */
    public DescriptorEvaluation evaluate(DescriptorSpec spec, DescriptorMatrix m, FrameSource source, ModelStore store,
                                         boolean train, PhaseClassifier.EpochListener listener) {
        String key = modelKey(spec, m, source);
        if (!train) {
            Optional<PhaseClassifier> stored = store.load(spec.name(), key);
            if (stored.isPresent()) {
                return DescriptorEvaluation.of(m, split(m), stored.get(), false);
            }
        }
        DescriptorEvaluation e = DescriptorEvaluation.run(m, split(m), perClass, config, listener);
        store.store(spec.name(), key, e.classifier());
        return e;
    }
}
