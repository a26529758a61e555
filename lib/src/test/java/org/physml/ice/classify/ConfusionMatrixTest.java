package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    private static final List<String> ABC = List.of("A", "B", "C");

    /** 4 A, 2 B, 6 C; counts worked out by hand: A -> [3 1 0], B -> [0 1 1], C -> [2 0 4]. */
    @Test
    void handMadeExample() {
        int[] truth = {0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 2};
        int[] pred = {0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 0, 0};
        ConfusionMatrix cm = ConfusionMatrix.of(ABC, truth, pred);
        assertArrayEquals(new long[]{3, 1, 0}, cm.counts()[0]);
        assertArrayEquals(new long[]{0, 1, 1}, cm.counts()[1]);
        assertArrayEquals(new long[]{2, 0, 4}, cm.counts()[2]);
        assertEquals(12, cm.total());
        assertEquals(8.0 / 12, cm.accuracy(), 1e-15);
        assertEquals(3.0 / 4, cm.recall(0), 1e-15);
        assertEquals(1.0 / 2, cm.recall(1), 1e-15);
        assertEquals(4.0 / 6, cm.recall(2), 1e-15);
        assertEquals((3.0 / 4 + 1.0 / 2 + 4.0 / 6) / 3, cm.balancedAccuracy(), 1e-15);
        assertEquals(3.0 / 5, cm.precision(0), 1e-15);
        assertEquals(1.0 / 2, cm.precision(1), 1e-15);
        assertEquals(4.0 / 5, cm.precision(2), 1e-15);
        double[][] r = cm.rowNormalised();
        for (double[] row : r) {
            assertEquals(1.0, row[0] + row[1] + row[2], 1e-15);
        }
    }

    /** Always predicting the majority class: accuracy = its share, balanced accuracy = 1/K. */
    @Test
    void majorityVoteIsExposedByBalancedAccuracy() {
        int[] truth = new int[100];
        for (int i = 90; i < 95; i++) {
            truth[i] = 1;
        }
        for (int i = 95; i < 100; i++) {
            truth[i] = 2;
        }
        ConfusionMatrix cm = ConfusionMatrix.of(ABC, truth, new int[100]);
        assertEquals(0.9, cm.accuracy(), 1e-15);
        assertEquals(1.0 / 3, cm.balancedAccuracy(), 1e-15);
        assertEquals(Double.NaN, cm.precision(1));
    }

    /** A class without samples is left out of the balanced accuracy (its recall is NaN). */
    @Test
    void absentClassIsSkipped() {
        ConfusionMatrix cm = ConfusionMatrix.of(ABC, new int[]{0, 0, 2}, new int[]{0, 1, 2});
        assertTrue(Double.isNaN(cm.recall(1)));
        assertEquals((0.5 + 1.0) / 2, cm.balancedAccuracy(), 1e-15);
    }

    @Test
    void tableHasCountsAndRecall() {
        ConfusionMatrix cm = ConfusionMatrix.ofCounts(ABC, new long[][]{{3, 1, 0}, {0, 1, 1}, {2, 0, 4}});
        var t = cm.table("cm");
        assertEquals(5, t.columnCount());
        assertEquals(2, t.intColumn("A").getInt(2));
        assertEquals(75.0, t.doubleColumn("recall (%)").getDouble(0), 1e-12);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(ABC, new int[]{0}, new int[]{0, 1}));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(ABC, new int[]{3}, new int[]{0}));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(ABC, new int[]{0}, new int[]{-1}));
        assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.ofCounts(ABC, new long[][]{{1, 0, 0}, {0, -1, 0}, {0, 0, 1}}));
    }
}
