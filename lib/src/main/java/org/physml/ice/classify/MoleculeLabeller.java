package org.physml.ice.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Labels every water molecule of a structure: the descriptor of its O, the trained network's most probable class
 * and its probability, and the out-of-distribution score and flag ({@link OodDetector}).
 *
 * @param spec       the descriptor the network was trained on
 * @param classifier the network
 * @param detector   the calibrated out-of-distribution detector of that network
 */
public record MoleculeLabeller(DescriptorSpec spec, PhaseClassifier classifier, OodDetector detector) {

    /**
     * The labels of the molecules of one structure.
     *
     * @param classes     class names, index = class id
     * @param oxygens     O atom index of each molecule, length N
     * @param classId     most probable class of each molecule
     * @param probability its probability, in [0, 1]
     * @param oodScore    out-of-distribution score M(x) ({@link OodDetector#scores})
     * @param ood         whether the score exceeds the calibrated threshold
     */
    public record Labels(List<String> classes, int[] oxygens, int[] classId, double[] probability, double[] oodScore,
                         boolean[] ood) {
        /** Number of molecules N. */
        public int size() {
            return oxygens.length;
        }

        /** Per class the fraction of the molecules assigned to it (most probable class), in class order. */
        public Map<String, Double> fractions() {
            double[] f = new double[classes.size()];
            for (int c : classId) {
                f[c] += 1.0 / classId.length;
            }
            Map<String, Double> out = new LinkedHashMap<>();
            for (int c = 0; c < f.length; c++) {
                out.put(classes.get(c), f[c]);
            }
            return out;
        }

        /** Fraction of the molecules flagged as out of distribution. */
        public double oodFraction() {
            int n = 0;
            for (boolean b : ood) {
                n += b ? 1 : 0;
            }
            return (double) n / ood.length;
        }
    }

    /**
     * Labels the molecules whose O atoms are given.
     *
     * @param oxygens O atom indices (e.g. {@link WaterMolecules#oxygens()}), at least one
     * @throws IllegalArgumentException if there is no O, or the descriptor does not fit the network
     */
    public Labels label(org.physml.structure.Structure s, int[] oxygens) {
        if (oxygens.length == 0) {
            throw new IllegalArgumentException("no water molecule to label");
        }
        StructureClassifier.requireMatchingInput(spec, classifier);
        INDArray x = Nd4j.create(spec.descriptor().compute(s, oxygens));
        double[][] p = classifier.probabilities(x).castTo(DataType.DOUBLE).toDoubleMatrix();
        int[] cls = new int[p.length];
        double[] prob = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            for (int c = 1; c < p[i].length; c++) {
                cls[i] = p[i][c] > p[i][cls[i]] ? c : cls[i];
            }
            prob[i] = p[i][cls[i]];
        }
        double[] score = detector.scores(classifier, x);
        return new Labels(classifier.classes(), oxygens.clone(), cls, prob, score, detector.flags(score));
    }

    /** The descriptor specs a labeller can be opened for: those of the v2 study ({@link IceDescriptors#study()}). */
    public static Map<String, DescriptorSpec> knownDescriptors() {
        Map<String, DescriptorSpec> out = new LinkedHashMap<>();
        for (DescriptorSpec s : IceDescriptors.study()) {
            out.put(s.name(), s);
        }
        return out;
    }

    /**
     * The labeller of a stored network of the study ({@link IceStudy}): the descriptor is computed on the data set
     * (or read from the descriptor cache), the model key is {@link IceStudy#modelKey} (with the learning rate that
     * the folder's {@link StudyChoices} give for the descriptor, if any, and seed 1) and the network is read from
     * {@code models}; the OOD detector is fitted on the training rows and calibrated on the validation
     * rows of the split, and cached as {@code ood-<descriptor>-<key>-q<quantile>.json} in {@code cache}.
     *
     * @param data       the data set the network was trained on (e.g. data/ice-v2)
     * @param models     folder of the stored networks (e.g. notebooks/data/ice-models-v2)
     * @param cache      descriptor and detector cache (e.g. build/cache/ice)
     * @param descriptor descriptor name, one of {@link #knownDescriptors()}
     * @param splitFile  split file of the data set ({@link SplitFile}), or null for the study's default split (the
     *                   last run of each class held out, the last quarter of the other runs' frames for validation)
     * @param quantile   OOD threshold quantile of the validation scores, in (0, 1)
     * @param log        progress messages (may be null)
     * @throws IllegalArgumentException if the descriptor is unknown, a folder is missing, or no network with the
     *                                  key is stored (the message names descriptor, key and folder)
     */
    public static MoleculeLabeller open(Path data, Path models, Path cache, String descriptor, Path splitFile,
                                        double quantile, Consumer<String> log) {
        DescriptorSpec spec = knownDescriptors().get(descriptor);
        if (spec == null) {
            throw new IllegalArgumentException("unknown descriptor '" + descriptor + "'; expected one of "
                    + knownDescriptors().keySet());
        }
        if (!Files.isDirectory(models)) {
            throw new IllegalArgumentException("model folder " + models + " does not exist");
        }
        Consumer<String> say = log == null ? s -> { } : log;
        IceStudy study = splitFile == null ? IceStudy.standard()
                : IceStudy.standard().withSplitFile(SplitFile.read(splitFile));
        Optional<Double> lr = StudyChoices.inFolder(models).learningRate(spec.name());
        if (lr.isPresent()) {   // a network of a seed study: its chosen learning rate, first seed (1)
            study = study.withConfig(study.config().withLearningRate(lr.get(), study.config().seed()));
        }
        FrameSource source = IceDataSource.open(data);
        say.accept("descriptor " + spec.name() + " of the data set " + data + " (cache " + cache + ")");
        DescriptorMatrix m = new FeatureCache(cache).computeIfAbsent(source, study.centres(), List.of(spec), null)
                .get(0);
        RunSplit split = study.split(m);
        String key = study.modelKey(spec, m, source);
        Optional<PhaseClassifier> clf = new ModelStore(List.of(models), models).load(spec.name(), key);
        if (clf.isEmpty()) {
            throw new IllegalArgumentException("no network for descriptor '" + spec.name() + "' with key " + key
                    + " in " + models + " (file " + ModelStore.fileName(spec.name(), key) + "); train it with"
                    + " org.physml.ice.classify.IceStudy on " + data);
        }
        String stem = ModelStore.fileName(spec.name(), key).replace(".zip", "");
        Path oodFile = cache.resolve(String.format(Locale.ROOT, "ood-%s-q%.4f.json", stem, quantile));
        OodDetector det;
        if (Files.isRegularFile(oodFile)) {
            det = OodDetector.load(oodFile);
        } else {
            say.accept("calibrating the out-of-distribution threshold on " + split.validation().length
                    + " validation rows");
            det = OodDetector.fit(clf.get(), m.featuresOf(split.train()), m.labelsOf(split.train()))
                    .calibrate(clf.get(), m.featuresOf(split.validation()), quantile);
            det.save(oodFile);
        }
        return new MoleculeLabeller(spec, clf.get(), det);
    }

    /** Names of the classes, for headers. */
    public List<String> classes() {
        return new ArrayList<>(classifier.classes());
    }
}
