package org.physml.ice.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.physml.descriptors.NeighbourAveraged;
import org.physml.structure.Structure;

/**
 * One row of the v2 results table, made honestly: the learning rate is chosen on the validation runs, then the
 * network is trained with several seeds and scored once on the held-out runs; the out-of-distribution figures come
 * from the first seed's network.
 *
 * <p>Procedure for a descriptor matrix split by a {@link SplitFile} (train, validation and test runs):
 * <ol>
 *   <li>for every candidate learning rate, train with the first seed; keep the rate with the highest balanced
 *       accuracy on the <b>validation</b> runs (test rows are never looked at);</li>
 *   <li>train with every seed at that rate (the first seed's network is reused);</li>
 *   <li>mean and sample standard deviation of the balanced accuracy on the <b>test</b> runs over the seeds
 *       ({@link ClassifierResults.Row#of});</li>
 *   <li>the first seed's network: {@link OodDetector} fitted on the training rows, threshold at the
 *       {@code quantile} of the validation scores, false-alarm rate on the test rows and detection rate on each
 *       unknown structure;</li>
 *   <li>with more than one seed, the seeds' networks together ({@link SeedEnsemble}: mean probabilities) on the
 *       test runs.</li>
 * </ol>
 *
 * @param study         the study settings (centres, balancing, base network); must have a split file
 * @param learningRates candidate Adam step sizes, at least one, each &gt; 0
 * @param seeds         training seeds, at least one, distinct
 * @param quantile      OOD threshold quantile of the validation scores, in (0, 1)
 */
public record SeedStudy(IceStudy study, double[] learningRates, long[] seeds, double quantile) {

    /**
     * The choice made on the validation runs and the networks behind a row.
     *
     * @param row                  the results row
     * @param learningRate         the chosen learning rate
     * @param validationByRate     validation balanced accuracy (first seed) per candidate learning rate, in [0, 1]
     * @param bySeed               the evaluation of each seed, in seed order
     */
    public record Outcome(ClassifierResults.Row row, double learningRate, Map<Double, Double> validationByRate,
                          List<DescriptorEvaluation> bySeed) {
    }

    /**
     * @throws IllegalArgumentException if the study has no split file, no learning rate or seed is given, a rate is
     *                                  not positive, seeds repeat, or the quantile is outside (0, 1)
     */
    public SeedStudy {
        Objects.requireNonNull(study, "study");
        if (study.splitFile() == null) {
            throw new IllegalArgumentException("a seed study needs validation runs: give the study a split file");
        }
        if (learningRates == null || learningRates.length == 0 || seeds == null || seeds.length == 0) {
            throw new IllegalArgumentException("give at least one learning rate and one seed");
        }
        for (double lr : learningRates) {
            if (!(lr > 0) || !Double.isFinite(lr)) {
                throw new IllegalArgumentException("learning rates must be finite and > 0, got " + lr);
            }
        }
        if (java.util.Arrays.stream(seeds).distinct().count() != seeds.length) {
            throw new IllegalArgumentException("seeds must be distinct, got " + java.util.Arrays.toString(seeds));
        }
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("OOD quantile must be in (0, 1), got " + quantile);
        }
        learningRates = learningRates.clone();
        seeds = seeds.clone();
    }

    /**
     * Runs the procedure for one descriptor.
     *
     * @param spec     the descriptor
     * @param m        its matrix on the data set
     * @param source   the data set (part of the model keys)
     * @param store    where trained networks are read from and written to (a stored network is reused)
     * @param unknown  the structures of no training class, by name (e.g. {@link UnknownStructures#standard})
     * @param progress messages (may be null)
     */
    public Outcome run(DescriptorSpec spec, DescriptorMatrix m, FrameSource source, ModelStore store,
                       Map<String, Structure> unknown, Consumer<String> progress) {
        Consumer<String> say = progress == null ? s -> { } : progress;
        RunSplit split = study.split(m);
        Map<Double, Double> byRate = new LinkedHashMap<>();
        Map<Double, DescriptorEvaluation> firstSeed = new LinkedHashMap<>();
        double bestRate = learningRates[0];
        double bestValidation = -1;
        for (double lr : learningRates) {
            DescriptorEvaluation e = evaluate(spec, m, source, store, lr, seeds[0]);
            double val = e.classifier().evaluate(m.featuresOf(split.validation()), m.labelsOf(split.validation()))
                    .balancedAccuracy();
            byRate.put(lr, val);
            firstSeed.put(lr, e);
            say.accept(String.format(java.util.Locale.ROOT, "%s: learning rate %.0e, validation balanced accuracy"
                    + " %.2f %%", spec.name(), lr, 100 * val));
            if (val > bestValidation) {
                bestValidation = val;
                bestRate = lr;
            }
        }
        List<DescriptorEvaluation> bySeed = new ArrayList<>();
        bySeed.add(firstSeed.get(bestRate));
        for (int k = 1; k < seeds.length; k++) {
            DescriptorEvaluation e = evaluate(spec, m, source, store, bestRate, seeds[k]);
            say.accept(String.format(java.util.Locale.ROOT, "%s: seed %d, test balanced accuracy %.2f %%",
                    spec.name(), seeds[k], 100 * e.balancedAccuracy()));
            bySeed.add(e);
        }
        Map<String, INDArray> unknownRows = new LinkedHashMap<>();
        unknown.forEach((name, s) -> unknownRows.put(name, Nd4j.create(spec.descriptor().compute(s,
                WaterMolecules.assemble(s, i -> name + ": atom " + i).oxygens()))));
        ClassifierResults.Ood ood = OodDetector.evaluate(bySeed.get(0).classifier(), m, split, unknownRows,
                quantile);
        double rAvg = spec.descriptor() instanceof NeighbourAveraged a ? a.averagingRadius() : 0.0;
        ClassifierResults.Row row = ClassifierResults.Row.of(rAvg, bySeed, ood);
        if (bySeed.size() > 1) {
            row = row.withEnsemble(SeedEnsemble.score(m, bySeed));
        }
        return new Outcome(row, bestRate, byRate, bySeed);
    }

    private DescriptorEvaluation evaluate(DescriptorSpec spec, DescriptorMatrix m, FrameSource source,
                                          ModelStore store, double lr, long seed) {
        PhaseClassifier.Config c = study.config().withLearningRate(lr, seed);
        return study.withConfig(c).evaluate(spec, m, source, store, false, null);
    }

    /** The seeds, a copy. */
    @Override
    public long[] seeds() {
        return seeds.clone();
    }

    /** The candidate learning rates, a copy. */
    @Override
    public double[] learningRates() {
        return learningRates.clone();
    }
}
