package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physml.descriptors.Soap;
import org.physml.ice.IcePhase;
import org.physml.structure.io.Frame;

import tech.tablesaw.api.Table;

class ShellRadiusSelectionTest {

    /** The chosen radius is the argmax of the mean over descriptors, not of any single descriptor. */
    @Test
    void selectsTheArgmaxOfTheMean() {
        double[] radii = {3.5, 5.0, 6.5};
        double[][] ba = {{0.70, 0.80, 0.90}, {0.60, 0.95, 0.70}};   // means 0.65, 0.875, 0.80
        ShellRadiusSelection s = new ShellRadiusSelection(radii, List.of("a", "b"), ba);
        assertArrayEquals(new double[]{0.65, 0.875, 0.80}, s.meanBalancedAccuracy(), 1e-12);
        assertEquals(5.0, s.selectedRadius());
        // permuting the candidates does not change the choice
        ShellRadiusSelection p = new ShellRadiusSelection(new double[]{6.5, 3.5, 5.0}, List.of("a", "b"),
                new double[][]{{0.90, 0.70, 0.80}, {0.70, 0.60, 0.95}});
        assertEquals(5.0, p.selectedRadius());
        // a tie goes to the smaller (cheaper) radius, whatever the order
        assertEquals(3.0, new ShellRadiusSelection(new double[]{4.0, 3.0}, List.of("a"),
                new double[][]{{0.5, 0.5}}).selectedRadius());
        // the table: one row per descriptor, then the mean, in percent
        Table t = s.table("scan");
        assertEquals(3, t.rowCount());
        assertEquals(4, t.columnCount());
        assertEquals("mean", t.stringColumn(0).get(2));
        assertEquals(87.5, t.doubleColumn(2).get(2), 1e-9);
        assertEquals(95.0, t.doubleColumn(2).get(1), 1e-9);
        // inputs are copied
        ba[0][0] = 0.99;
        assertEquals(0.70, s.balancedAccuracy()[0][0]);
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        List<String> one = List.of("a");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ShellRadiusSelection(new double[0], one, new double[][]{{}}));
        assertTrue(e.getMessage().contains("at least one candidate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ShellRadiusSelection(new double[]{5.0, 0.0}, one, new double[][]{{0.5, 0.5}}));
        assertTrue(e.getMessage().contains("positive") && e.getMessage().contains("0.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ShellRadiusSelection(new double[]{-3.5}, one, new double[][]{{0.5}}));
        assertThrows(IllegalArgumentException.class,
                () -> new ShellRadiusSelection(new double[]{Double.NaN}, one, new double[][]{{0.5}}));
        e = assertThrows(IllegalArgumentException.class,
                () -> new ShellRadiusSelection(new double[]{5.0, 5.0}, one, new double[][]{{0.5, 0.5}}));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ShellRadiusSelection(new double[]{5.0}, List.of(), new double[0][]));
        assertTrue(e.getMessage().contains("descriptor"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ShellRadiusSelection(new double[]{3.5, 5.0}, one, new double[][]{{0.5}}));
        assertTrue(e.getMessage().contains("1 scores for 2 radii"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ShellRadiusSelection(new double[]{5.0}, one, new double[][]{{92.4}}));
        assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
    }

    /**
     * The scan on a small synthetic data set (ice Ih, ice VI, liquid; two runs each): it fails fast on bad input,
     * stores one reverse-fold network per (descriptor, radius) under a key that differs from the normal fold's, and
     * reads them back instead of training again. The two crystals and the liquid are easy to separate, so every
     * balanced accuracy must beat chance (1/3) by far.
     */
    @Test
    void scanTrainsOnTheLastRunsAndStoresItsNetworks(@TempDir Path dir) throws Exception {
        List<List<Frame>> runs = List.of(
                SyntheticIceData.crystalRun(IcePhase.IH, "ice_Ih", "Ih_a", 64, 4, 0.1, 1),
                SyntheticIceData.crystalRun(IcePhase.IH, "ice_Ih", "Ih_b", 64, 4, 0.1, 2),
                SyntheticIceData.crystalRun(IcePhase.VI, "ice_VI", "VI_a", 64, 4, 0.1, 3),
                SyntheticIceData.crystalRun(IcePhase.VI, "ice_VI", "VI_b", 64, 4, 0.1, 4),
                SyntheticIceData.liquidRun("liquid_a", 64, 4, 5),
                SyntheticIceData.liquidRun("liquid_b", 64, 4, 6));
        Files.createDirectories(dir.resolve("data"));
        SyntheticIceData.write(dir.resolve("data"), runs);
        FrameSource src = ExtXyzFrameSource.directory(dir.resolve("data"), List.of("ice_Ih", "ice_VI", "liquid"));
        IceStudy study = new IceStudy(CentreSelection.randomOxygen(16, 1), 0.25, 0,
                PhaseClassifier.Config.standard(1).withEpochs(15, 5), IceStudy.HeldOut.LAST_RUN);
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        ModelStore store = new ModelStore(List.of(dir.resolve("models")), dir.resolve("models"));
        List<DescriptorSpec> plain = List.of(new DescriptorSpec("soap", Soap.builder().rCut(4.0).sigma(0.5).nMax(2)
                .lMax(3).species(1, 8).build()));

        assertThrows(IllegalArgumentException.class,
                () -> ShellRadiusSelection.scan(study, plain, new double[0], src, cache, store, false, null));
        assertThrows(IllegalArgumentException.class,
                () -> ShellRadiusSelection.scan(study, plain, new double[]{0.0}, src, cache, store, false, null));
        assertThrows(IllegalArgumentException.class,
                () -> ShellRadiusSelection.scan(study, List.of(), new double[]{3.5}, src, cache, store, false, null));

        List<DescriptorEvaluation> seen = new ArrayList<>();
        double[] radii = {3.5, 5.0};
        ShellRadiusSelection s = ShellRadiusSelection.scan(study, plain, radii, src, cache, store, false,
                (r, e) -> seen.add(e));
        assertEquals(2, seen.size());
        for (DescriptorEvaluation e : seen) {
            assertTrue(e.trainedNow());
            assertTrue(e.split().testRuns().equals(java.util.Set.of("Ih_a", "VI_a", "liquid_a")), e.split().toString());
            assertTrue(e.balancedAccuracy() > 0.6, e.name() + ": " + e.balancedAccuracy());
        }
        assertTrue(s.selectedRadius() == 3.5 || s.selectedRadius() == 5.0);
        try (var files = Files.list(dir.resolve("models"))) {
            assertEquals(2, files.count());
        }
        // the reverse-fold key differs from the normal fold's for the same features
        DescriptorSpec avg = IceDescriptors.shellAverage(plain.get(0), 5.0);
        DescriptorMatrix m = cache.load(avg, study.centres(), src).orElseThrow();
        assertTrue(!study.modelKey(avg, m, src).equals(study.reverseFold().modelKey(avg, m, src)));
        // a second scan reads the stored networks and gets the same numbers
        List<DescriptorEvaluation> again = new ArrayList<>();
        ShellRadiusSelection t = ShellRadiusSelection.scan(study, plain, radii, src, cache, store, false,
                (r, e) -> again.add(e));
        assertTrue(again.stream().noneMatch(DescriptorEvaluation::trainedNow));
        assertArrayEquals(s.balancedAccuracy()[0], t.balancedAccuracy()[0], 0.0);
    }
}
