package org.physml.ice.analysis;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.knowm.xchart.internal.chartpart.Chart;
import org.physml.plot.Show;

/**
 * Several charts drawn into one image, row by row, so that a notebook cell can show a panel of small charts
 * (e.g. one snapshot per class) as a single output.
 */
public final class ChartGrid {
    private ChartGrid() {
    }

    /**
     * The charts in a grid of {@code columns} columns; each cell is as large as the largest chart.
     *
     * @throws IllegalArgumentException if there is no chart or columns &lt; 1
     */
    public static BufferedImage of(List<? extends Chart<?, ?>> charts, int columns) {
        if (charts.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("need at least one chart and one column, got " + charts.size()
                    + " charts and " + columns + " columns");
        }
        int w = 0, h = 0;
        for (Chart<?, ?> c : charts) {
            w = Math.max(w, c.getWidth());
            h = Math.max(h, c.getHeight());
        }
        int rows = (charts.size() + columns - 1) / columns;
        BufferedImage img = new BufferedImage(w * Math.min(columns, charts.size()), h * rows,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int k = 0; k < charts.size(); k++) {
            g.drawImage(org.physml.plot.Show.chart(charts.get(k)), (k % columns) * w, (k / columns) * h, null);
        }
        g.dispose();
        return img;
    }
}
