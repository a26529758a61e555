package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physml.ice.IcePhase;
import org.physml.structure.Structure;
import org.physml.structure.io.Frame;

/**
 * The seed study on a small synthetic data set (ice Ih, ice VI, liquid; a train, a validation and a test run each):
 * the learning rate is the argmax of the validation scores, the row's mean and standard deviation are those of the
 * seeds' test scores, stored networks are reused, and a study without validation runs is refused.
 */
class SeedStudyTest {

    @Test
    void choosesOnValidationAndAveragesOverSeeds(@TempDir Path dir) throws Exception {
        List<List<Frame>> runs = new ArrayList<>();
        String[] roles = {"a", "b", "c"};
        long seed = 1;
        for (String r : roles) {
            runs.add(SyntheticIceData.crystalRun(IcePhase.IH, "ice_Ih", "Ih_" + r, 64, 3, 0.1, seed++));
            runs.add(SyntheticIceData.crystalRun(IcePhase.VI, "ice_VI", "VI_" + r, 64, 3, 0.1, seed++));
            runs.add(SyntheticIceData.liquidRun("liquid_" + r, 64, 3, seed++));
        }
        Files.createDirectories(dir.resolve("data"));
        SyntheticIceData.write(dir.resolve("data"), runs);
        Path splitFile = dir.resolve("split.tsv");
        StringBuilder split = new StringBuilder("# test split\n");
        for (String c : new String[]{"Ih", "VI", "liquid"}) {
            split.append(c).append("_a train\n").append(c).append("_b validation\n").append(c).append("_c test\n");
        }
        Files.writeString(splitFile, split.toString());
        FrameSource src = ExtXyzFrameSource.directory(dir.resolve("data"), List.of("ice_Ih", "ice_VI", "liquid"));
        IceStudy study = new IceStudy(CentreSelection.randomOxygen(16, 1), 0.25, 0,
                PhaseClassifier.Config.standard(1).withEpochs(12, 4), IceStudy.HeldOut.LAST_RUN)
                .withSplitFile(SplitFile.read(splitFile));
        DescriptorSpec spec = new DescriptorSpec("Steinhardt test", IceDescriptors.steinhardt().descriptor());
        DescriptorMatrix m = new FeatureCache(dir.resolve("cache")).computeIfAbsent(src, study.centres(),
                List.of(spec), null).get(0);
        ModelStore store = new ModelStore(List.of(dir.resolve("models")), dir.resolve("models"));
        Map<String, Structure> unknown = UnknownStructures.standard(100, 0.1, 0.25, 5);

        SeedStudy s = new SeedStudy(study, new double[]{1e-3, 1e-5}, new long[]{1, 2, 3}, 0.99);
        List<String> log = new ArrayList<>();
        SeedStudy.Outcome o = s.run(spec, m, src, store, unknown, log::add);

        // the chosen rate has the best validation score of the candidates
        double best = o.validationByRate().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertEquals(best, o.validationByRate().get(o.learningRate()), 0.0);
        assertEquals(2, o.validationByRate().size());
        // one evaluation per seed, all at the chosen rate, every one tested on the test runs only
        assertEquals(3, o.bySeed().size());
        DescriptiveStatistics ba = new DescriptiveStatistics();
        for (DescriptorEvaluation e : o.bySeed()) {
            var layer = (org.deeplearning4j.nn.conf.layers.BaseLayer) e.classifier().network()
                    .getLayerWiseConfigurations().getConf(0).getLayer();
            assertEquals(o.learningRate(), ((org.nd4j.linalg.learning.config.Adam) layer.getIUpdater())
                    .getLearningRate(), 1e-15);
            assertEquals(java.util.Set.of("Ih_c", "VI_c", "liquid_c"), e.split().testRuns());
            ba.addValue(e.balancedAccuracy());
        }
        assertEquals(ba.getMean(), o.row().balancedAccuracyMean(), 1e-12);
        assertEquals(ba.getStandardDeviation(), o.row().balancedAccuracySd(), 1e-12);
        assertEquals(3, o.row().seeds());
        assertEquals(0.0, o.row().averagingRadius());
        assertTrue(o.row().balancedAccuracyMean() > 0.8, "easy classes: " + o.row().balancedAccuracyMean());
        assertEquals(unknown.keySet(), o.row().ood().detectionRate().keySet());
        // seeds differ: the three networks are not one network stored three times
        assertTrue(o.bySeed().stream().map(e -> e.classifier().network().params().toString()).distinct()
                .count() == 3);
        // 2 rates for seed 1, then seeds 2 and 3: four stored networks, reused on a second run
        try (var files = Files.list(dir.resolve("models"))) {
            assertEquals(4, files.count());
        }
        SeedStudy.Outcome again = s.run(spec, m, src, store, unknown, null);
        assertTrue(again.bySeed().stream().noneMatch(DescriptorEvaluation::trainedNow));
        assertEquals(o.row().balancedAccuracyMean(), again.row().balancedAccuracyMean(), 0.0);
        assertEquals(o.learningRate(), again.learningRate(), 0.0);
    }

    @Test
    void refusesStudiesWithoutValidationRunsAndBadSettings(@TempDir Path dir) throws Exception {
        IceStudy noSplit = IceStudy.standard();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SeedStudy(noSplit, new double[]{1e-3}, new long[]{1}, 0.99));
        assertTrue(e.getMessage().contains("split file"), e.getMessage());
        Path f = dir.resolve("s.tsv");
        Files.writeString(f, "Ih_a train\nIh_b validation\nIh_c test\n");
        IceStudy split = IceStudy.standard().withSplitFile(SplitFile.read(f));
        assertThrows(IllegalArgumentException.class, () -> new SeedStudy(split, new double[0], new long[]{1}, 0.99));
        assertThrows(IllegalArgumentException.class,
                () -> new SeedStudy(split, new double[]{-1e-3}, new long[]{1}, 0.99));
        e = assertThrows(IllegalArgumentException.class,
                () -> new SeedStudy(split, new double[]{1e-3}, new long[]{1, 1}, 0.99));
        assertTrue(e.getMessage().contains("distinct"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SeedStudy(split, new double[]{1e-3}, new long[]{1}, 1.0));
    }
}
