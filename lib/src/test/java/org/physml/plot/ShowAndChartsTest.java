package org.physml.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ShowAndChartsTest {

    @Test
    void chartWithoutAxisLabelsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.xy("t", "", "y (K)"));
        assertTrue(e.getMessage().contains("axis labels"), e.getMessage());
    }

    @Test
    void chartRendersAtItsSize() {
        var c = Charts.xy("t", "x (m)", "T (K)");
        Charts.line(c, "line", new double[]{0, 1}, new double[]{1, 2});
        BufferedImage img = Show.chart(c);
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
    }

    @Test
    void tickLabelsOfOneAxisShareOneFormat() {
        var f = new java.text.DecimalFormat(Charts.tickPattern(0, 0.12),
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        assertEquals("0.06", f.format(0.06));
        assertEquals("0.12", f.format(0.12));
        assertEquals("0.025", f.format(0.025));
        var big = new java.text.DecimalFormat(Charts.tickPattern(0, 160),
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        assertEquals("20", big.format(20));
        assertEquals("2.5", big.format(2.5));
        assertEquals("0.##E0", Charts.tickPattern(0, 2e5));
        assertEquals("0.##E0", Charts.tickPattern(-3e-4, 5e-4));
        assertEquals("0.###", Charts.tickPattern(1, 1));
    }

    @Test
    void showSetsTickPatternsOnlyWhileRenderingAndKeepsTheCallersOwn() {
        var c = Charts.xy("t", "x (m)", "T (K)");
        Charts.line(c, "line", new double[]{0, 0.12}, new double[]{1, 2});
        c.getStyler().setYAxisDecimalPattern("0.0000");
        String[] during = new String[2];
        Charts.withTickPatterns(c, () -> {
            during[0] = c.getStyler().getXAxisDecimalPattern();
            during[1] = c.getStyler().getYAxisDecimalPattern();
            return null;
        });
        assertEquals(Charts.tickPattern(0, 0.12), during[0]);
        assertEquals("0.0000", during[1]);
        assertEquals(null, c.getStyler().getXAxisDecimalPattern());
        assertEquals("0.0000", c.getStyler().getYAxisDecimalPattern());
    }

    @Test
    void bandIsAnAreaBetweenItsEdges() {
        var c = Charts.xy("t", "x (m)", "T (K)");
        var s = Charts.band(c, "domain", 10, 100, 5);
        assertEquals(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Area, s.getXYSeriesRenderStyle());
        assertEquals(10, s.getXMin());
        assertEquals(100, s.getXMax());
        assertThrows(IllegalArgumentException.class, () -> Charts.band(c, "empty", 3, 3, 1));
    }

    @Test
    void heatMapChecksShapes() {
        double[] x = {0, 1, 2};
        double[] y = {0, 1};
        assertThrows(IllegalArgumentException.class,
                () -> Charts.heatMap("h", "x (m)", "t (s)", x, y, new double[2][2], "T"));
        assertThrows(IllegalArgumentException.class,
                () -> Charts.heatMap("h", "x (m)", "t (s)", x, y, new double[3][3], "T"));
        BufferedImage img = Show.chart(Charts.heatMap("h", "x (m)", "t (s)", x, y, new double[][]{{0, 1}, {2, 3}, {4, 5}}, "T"));
        assertEquals(Charts.WIDTH, img.getWidth());
    }

    @Test
    void tableHtmlHasEveryCellWithFourSignificantDigitsAndLeavesTheTableAlone() {
        Table t = Table.create("t", DoubleColumn.create("k", 1.23456789, 0.000123456), StringColumn.create("s", "a", "b"));
        String html = Show.html(t);
        assertTrue(html.contains("<table"), html);
        assertTrue(html.contains("<th>k</th>") && html.contains("<th>s</th>"), html);
        assertTrue(html.contains("1.235"), html);
        assertTrue(html.contains("0.0001235"), html);
        assertFalse(html.contains("1.23456789"), html);
        assertEquals(1.23456789, t.doubleColumn("k").get(0));
        assertEquals("1.23456789", t.doubleColumn("k").getString(0));
    }

    @Test
    void outsideANotebookProgressPrintsAndRemembersTheLastText() {
        assertFalse(NotebookDisplay.inNotebook());
        LiveProgress p = LiveProgress.start("job", 0);
        p.update("1/2");
        p.done("done");
        assertEquals("done", p.lastText());
        assertThrows(IllegalArgumentException.class, () -> LiveProgress.start("job", -1));
    }
}
