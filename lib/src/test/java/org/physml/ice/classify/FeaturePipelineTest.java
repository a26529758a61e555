package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physml.descriptors.NeighbourAveraged;
import org.physml.descriptors.Soap;
import org.physml.ice.IcePhase;
import org.physml.structure.io.ExtXyz;
import org.physml.structure.io.Frame;

/** Reading labelled frames, featurising them and caching the matrices. */
class FeaturePipelineTest {
    static final List<String> CLASSES = List.of("ice_Ih", "ice_VI", "liquid");
    @TempDir
    static Path dir;
    static List<Path> files;

    @BeforeAll
    static void writeData() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        List<List<Frame>> runs = List.of(
                SyntheticIceData.crystalRun(IcePhase.IH, "ice_Ih", "Ih_a", 64, 3, 0.1, 1),
                SyntheticIceData.crystalRun(IcePhase.IH, "ice_Ih", "Ih_b", 64, 3, 0.1, 2),
                SyntheticIceData.crystalRun(IcePhase.VI, "ice_VI", "VI_a", 64, 3, 0.1, 3),
                SyntheticIceData.crystalRun(IcePhase.VI, "ice_VI", "VI_b", 64, 3, 0.1, 4),
                SyntheticIceData.liquidRun("liquid_a", 64, 3, 5),
                SyntheticIceData.liquidRun("liquid_b", 64, 3, 6));
        files = SyntheticIceData.write(dir.resolve("data"), runs);
    }

    static Soap soap(double sigma) {
        return Soap.builder().rCut(4.0).sigma(sigma).nMax(2).lMax(3).species(1, 8).build();
    }

    @Test
    void framesCarryLabelsRunsAndPositions() {
        ExtXyzFrameSource src = ExtXyzFrameSource.directory(dir.resolve("data"), CLASSES);
        List<LabelledFrame> frames = new ArrayList<>();
        src.forEachFrame(frames::add);
        assertEquals(18, frames.size());
        LabelledFrame f = frames.get(4);   // files in name order: Ih_a, Ih_b, ...; second frame of Ih_b
        assertEquals("Ih_b", f.run());
        assertEquals("ice_Ih", f.label());
        assertEquals(1, f.frameInRun());
        assertEquals(1.0, f.time());
        Frame written = ExtXyz.read(files.get(1)).get(1);
        assertArrayEquals(written.structure().position(5), f.structure().position(5), 0.0);
    }

    @Test
    void unknownLabelOrMissingKeyNamesTheFile() {
        ExtXyzFrameSource wrongClasses = new ExtXyzFrameSource(files, List.of("ice_Ih", "liquid"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> wrongClasses.forEachFrame(f -> { }));
        assertTrue(e.getMessage().contains("VI_a.extxyz.gz") && e.getMessage().contains("ice_VI"), e.getMessage());
        ExtXyzFrameSource noRunKey = new ExtXyzFrameSource(files, CLASSES, "label", "run_id", "time");
        e = assertThrows(IllegalArgumentException.class, () -> noRunKey.forEachFrame(f -> { }));
        assertTrue(e.getMessage().contains("run_id"), e.getMessage());
    }

    /** Rows = frames x centres; each row equals the descriptor computed directly on that centre. */
    @Test
    void featurizerMatchesDirectComputation() {
        ExtXyzFrameSource src = ExtXyzFrameSource.directory(dir.resolve("data"), CLASSES);
        CentreSelection sel = CentreSelection.randomOxygen(10, 3);
        DescriptorSpec spec = new DescriptorSpec("soap", soap(0.5));
        DescriptorMatrix m = DatasetFeaturizer.compute(src, sel, List.of(spec), null).get(0);
        assertEquals(18 * 10, m.size());
        assertEquals(List.of("Ih_a", "Ih_b", "VI_a", "VI_b", "liquid_a", "liquid_b"), m.runs());
        assertArrayEquals(new int[]{60, 60, 60}, m.classCounts());
        assertEquals(180, m.cost().environments());
        List<LabelledFrame> frames = new ArrayList<>();
        src.forEachFrame(frames::add);
        int row = 7 * 10 + 4;   // frame 7 (VI_a, frame 1), fifth centre
        LabelledFrame f = frames.get(7);
        int[] centres = sel.select(f);
        assertArrayEquals(centres, sel.select(f), "selection is reproducible");
        assertEquals(centres[4], m.centre()[row]);
        assertEquals(8, f.structure().atomicNumber(centres[4]));
        double[][] direct = spec.descriptor().compute(f.structure(), centres);
        for (int k = 0; k < spec.featureCount(); k++) {
            assertEquals((float) direct[4][k], m.features()[row][k], 0.0f);
        }
        assertEquals("ice_VI", m.classes().get(m.label()[row]));
        assertEquals(1, m.frame()[row]);
    }

    /** Computing a descriptor and its neighbour average in one pass (shared inner features) changes no number. */
    @Test
    void sharedInnerComputationGivesTheSameNumbers() {
        ExtXyzFrameSource src = ExtXyzFrameSource.directory(dir.resolve("data"), CLASSES);
        CentreSelection sel = CentreSelection.randomOxygen(6, 9);
        DescriptorSpec plain = new DescriptorSpec("soap", soap(0.5));
        DescriptorSpec avg = IceDescriptors.firstShellAverage(plain);
        List<DescriptorMatrix> together = DatasetFeaturizer.compute(src, sel, List.of(plain, avg), null);
        DescriptorMatrix alonePlain = DatasetFeaturizer.compute(src, sel, List.of(plain), null).get(0);
        DescriptorMatrix aloneAvg = DatasetFeaturizer.compute(src, sel, List.of(avg), null).get(0);
        for (int i = 0; i < alonePlain.size(); i++) {
            assertArrayEquals(alonePlain.features()[i], together.get(0).features()[i], 0.0f);
            assertArrayEquals(aloneAvg.features()[i], together.get(1).features()[i], 0.0f);
        }
        assertEquals("soap + first-shell average", together.get(1).name());
        assertTrue(together.get(1).cost().seconds() >= together.get(0).cost().seconds());
    }

    /**
     * Shell averages at several radii computed with their plain descriptor in one pass (inner features of the
     * largest radius's shells shared) give the numbers each gives alone; a smaller radius averages over fewer
     * neighbours, so its features differ.
     */
    @Test
    void severalRadiiShareTheInnerFeatures() {
        ExtXyzFrameSource src = ExtXyzFrameSource.directory(dir.resolve("data"), CLASSES);
        CentreSelection sel = CentreSelection.randomOxygen(5, 4);
        DescriptorSpec plain = new DescriptorSpec("soap", soap(0.5));
        DescriptorSpec r35 = IceDescriptors.firstShellAverage(plain, 3.5);
        DescriptorSpec r65 = IceDescriptors.firstShellAverage(plain, IceDescriptors.FIRST_SHELL_RADIUS);
        assertEquals("soap + first-shell average r_avg=3.5 A", r35.name());
        assertEquals("soap + first-shell average", r65.name());
        assertEquals(3.5, ((NeighbourAveraged) r35.descriptor()).averagingRadius());
        List<DescriptorMatrix> together = DatasetFeaturizer.compute(src, sel, List.of(r35, plain, r65), null);
        List<DescriptorSpec> specs = List.of(r35, plain, r65);
        boolean differ = false;
        for (int k = 0; k < 3; k++) {
            DescriptorMatrix alone = DatasetFeaturizer.compute(src, sel, List.of(specs.get(k)), null).get(0);
            for (int i = 0; i < alone.size(); i++) {
                assertArrayEquals(alone.features()[i], together.get(k).features()[i], 0.0f, specs.get(k).name());
            }
        }
        for (int i = 0; i < together.get(0).size(); i++) {
            differ |= !java.util.Arrays.equals(together.get(0).features()[i], together.get(2).features()[i]);
        }
        assertTrue(differ, "3.5 A and 5 A averages should differ");
        assertThrows(IllegalArgumentException.class, () -> IceDescriptors.firstShellAverage(plain, 0.0));
        assertThrows(IllegalArgumentException.class, () -> IceDescriptors.firstShellAverage(plain, -1.0));
        assertThrows(IllegalArgumentException.class, () -> IceDescriptors.firstShellAverage(plain, 6.5));
    }

    @Test
    void cacheHitIsIdenticalAndChangesMiss() throws Exception {
        ExtXyzFrameSource src = ExtXyzFrameSource.directory(dir.resolve("data"), CLASSES);
        CentreSelection sel = CentreSelection.randomOxygen(8, 1);
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        DescriptorSpec spec = new DescriptorSpec("SOAP test", soap(0.5));
        assertTrue(cache.load(spec, sel, src).isEmpty());
        DescriptorMatrix first = cache.computeIfAbsent(src, sel, List.of(spec), null).get(0);
        assertTrue(Files.isRegularFile(cache.featuresFile(spec, sel, src)));
        DescriptorMatrix again = cache.load(spec, sel, src).orElseThrow();
        assertEquals(first.size(), again.size());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.features()[i], again.features()[i], 0.0f);
        }
        assertArrayEquals(first.label(), again.label());
        assertArrayEquals(first.run(), again.run());
        assertArrayEquals(first.frame(), again.frame());
        assertArrayEquals(first.centre(), again.centre());
        assertEquals(first.runs(), again.runs());
        assertEquals(first.featureNames(), again.featureNames());
        assertEquals(first.cost(), again.cost());
        // a changed parameter, centre selection or data set is a miss
        DescriptorSpec otherSigma = new DescriptorSpec("SOAP test", soap(0.4));
        assertNotEquals(FeatureCache.key(spec, sel, src), FeatureCache.key(otherSigma, sel, src));
        assertTrue(cache.load(otherSigma, sel, src).isEmpty());
        assertTrue(cache.load(spec, CentreSelection.randomOxygen(8, 2), src).isEmpty());
        ExtXyzFrameSource fewerFiles = new ExtXyzFrameSource(files.subList(0, 5), CLASSES);
        assertTrue(cache.load(spec, sel, fewerFiles).isEmpty());
        // the same data under another path hits
        Path copy = Files.createDirectories(dir.resolve("copy"));
        for (Path f : files) {
            Files.copy(f, copy.resolve(f.getFileName()));
        }
        Optional<DescriptorMatrix> hit = cache.load(spec, sel, ExtXyzFrameSource.directory(copy, CLASSES));
        assertTrue(hit.isPresent());
    }

    @Test
    void specParametersSeeEveryParameter() {
        var bis1 = org.physml.descriptors.snap.Bispectrum.builder().rcutfac(1).rfac0(0.99).twojmax(2)
                .species(8, 2.5, 1.0).species(1, 2.5, 0.5).build();
        var bis2 = org.physml.descriptors.snap.Bispectrum.builder().rcutfac(1).rfac0(0.99).twojmax(2)
                .species(8, 2.5, 1.0).species(1, 2.5, 0.7).build();
        assertNotEquals(bis1.toString(), bis2.toString());
        assertNotEquals(new DescriptorSpec("b", bis1).parameters(), new DescriptorSpec("b", bis2).parameters());
        var nep1 = org.physml.descriptors.nep.NepParameters.builder("H", "O").randomCoefficients(1).build();
        var nep2 = org.physml.descriptors.nep.NepParameters.builder("H", "O").randomCoefficients(2).build();
        assertNotEquals(new DescriptorSpec("n", new org.physml.descriptors.nep.NepDescriptor(nep1)).parameters(),
                new DescriptorSpec("n", new org.physml.descriptors.nep.NepDescriptor(nep2)).parameters());
    }
}
