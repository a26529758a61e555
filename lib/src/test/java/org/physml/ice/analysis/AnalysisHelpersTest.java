package org.physml.ice.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.physml.plot.Charts;
import org.physml.structure.Structure;

class AnalysisHelpersTest {
    /** Simple cubic, a = 2 A, 5 x 5 x 5: a slab of 2.5 A around z = 5 A holds the layers z = 4 and 6 (50 atoms). */
    @Test
    void projectionKeepsTheSlab() {
        Structure sc = new Structure(new double[][]{{0, 0, 0}}, new int[]{8},
                new double[][]{{2, 0, 0}, {0, 2, 0}, {0, 0, 2}}, new boolean[]{true, true, true}).repeat(5, 5, 5);
        Projection slab = Projection.of(sc, 8, 2, 2.5);
        assertEquals(50, slab.size());
        assertEquals(125, Projection.of(sc, 8, 2, Double.POSITIVE_INFINITY).size());
        assertEquals(0, Projection.of(sc, 1, 2, 100).size());
        // along x the picture shows (y, z)
        Projection alongX = Projection.of(sc, 8, 0, 0.5);
        assertEquals(0, alongX.size());   // the middle x = 5 A falls between the layers x = 4 and 6
        assertThrows(IllegalArgumentException.class, () -> Projection.of(sc, 8, 3, 1));
    }

    @Test
    void gridPlacesChartsRowByRow() {
        XYChart a = Charts.xy("a", "x (A)", "y (A)"), b = Charts.xy("b", "x (A)", "y (A)");
        Charts.line(a, "a", new double[]{0, 1}, new double[]{0, 1});
        Charts.line(b, "b", new double[]{0, 1}, new double[]{1, 0});
        var img = ChartGrid.of(List.of(a, b, a), 2);
        assertEquals(2 * Charts.WIDTH, img.getWidth());
        assertEquals(2 * Charts.HEIGHT, img.getHeight());
        assertThrows(IllegalArgumentException.class, () -> ChartGrid.of(List.of(), 2));
    }
}
