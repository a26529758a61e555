package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Feature groups: dropping columns for an ablation, and a group's share of the integrated-gradients importance. */
class FeatureGroupTest {
    private static DescriptorMatrix matrix() {
        float[][] x = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
        return new DescriptorMatrix("acsf", List.of("G2[eta=1]", "G8[eta=1,alpha=1.9]", "G4[x]",
                "G8[eta=3,alpha=1.9]"), List.of("a", "b"), List.of("a_1", "b_1"), x, new int[]{0, 1, 1},
                new int[]{0, 1, 1}, new int[]{0, 0, 1}, new int[]{3, 4, 5}, new DescriptorCost(1.0, 3, 1));
    }

    @Test
    void selectFeaturesKeepsRowsAndTheChosenColumnsInOrder() {
        DescriptorMatrix m = matrix();
        DescriptorMatrix noG8 = m.selectFeatures(n -> !n.startsWith("G8["), "acsf without G8");
        assertEquals(List.of("G2[eta=1]", "G4[x]"), noG8.featureNames());
        assertArrayEquals(new float[]{5, 7}, noG8.features()[1]);
        assertArrayEquals(m.label(), noG8.label());
        assertArrayEquals(m.run(), noG8.run());
        assertArrayEquals(m.centre(), noG8.centre());
        assertEquals("acsf without G8", noG8.name());
        // the source is not changed
        assertEquals(4, m.featureCount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.selectFeatures(n -> false, "none"));
        assertTrue(e.getMessage().contains("keeps 0 of 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.selectFeatures(n -> true, "all"));
    }

    @Test
    void shareIsTheGroupsFractionOfTheClassTotal() {
        ClassImportance imp = new ClassImportance(List.of("a", "b"), matrix().featureNames(),
                new double[][]{{1, 1, 1, 1}, {0.5, 3, 0.5, 1}}, 10, 50, 0.0);
        assertEquals(0.5, imp.share(0, n -> n.startsWith("G8[")), 1e-15);
        assertEquals(0.8, imp.share(1, n -> n.startsWith("G8[")), 1e-15);
        assertEquals(0.0, imp.share(1, n -> n.startsWith("G3[")), 0.0);
        assertEquals(1.0, imp.share(1, n -> true), 1e-15);
    }

    @Test
    void groupSharesPerClassRoundTripAndTabulate(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ClassImportance imp = new ClassImportance(List.of("a", "b"), matrix().featureNames(),
                new double[][]{{1, 1, 1, 1}, {0.5, 3, 0.5, 1}}, 10, 50, 0.0);
        FeatureGroupShare s = FeatureGroupShare.of("acsf", imp, "G8", n -> n.startsWith("G8["));
        assertEquals(2, s.groupFeatures());
        assertEquals(0.5, s.featureShare(), 0.0);
        assertEquals(0.5, s.igShare().get("a"), 1e-15);
        assertEquals(0.8, s.igShare().get("b"), 1e-15);
        java.nio.file.Path f = dir.resolve("groups.json");
        FeatureGroupShare.write(f, List.of(s));
        assertEquals(List.of(s), FeatureGroupShare.read(f));
        var t = FeatureGroupShare.table("t", List.of(s));
        assertEquals(3, t.rowCount());
        assertEquals(80.0, t.doubleColumn(1).get(1), 1e-9);
        assertEquals(50.0, t.doubleColumn(1).get(2), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> FeatureGroupShare.of("acsf", imp, "G5",
                n -> n.startsWith("G5[")));
    }
}
