package org.physml.plot;

import java.awt.Color;
import java.awt.Font;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.XYSeries;

/**
 * XChart charts in the course's style. Every chart has a title and axis labels; give units in the
 * labels, e.g. {@code "x (m)"}, {@code "k (W/(m K))"}.
 */
public final class Charts {
    /** Default size of a chart, pixels. */
    public static final int WIDTH = 640, HEIGHT = 420;

    private Charts() {
    }

    /** An empty XY chart with labelled axes. */
    public static XYChart xy(String title, String xLabel, String yLabel) {
        requireLabels(xLabel, yLabel);
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setMarkerSize(5);
        return c;
    }

    /** An XY chart with logarithmic axes as requested. */
    public static XYChart xy(String title, String xLabel, String yLabel, boolean logX, boolean logY) {
        XYChart c = xy(title, xLabel, yLabel);
        c.getStyler().setXAxisLogarithmic(logX);
        c.getStyler().setYAxisLogarithmic(logY);
        return c;
    }

    /** Adds a line without markers. */
    public static XYSeries line(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return s;
    }

    /** Adds points without a connecting line. */
    public static XYSeries points(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        return s;
    }

    /**
     * A heat map of {@code z[i][j]} at (x[i], y[j]) with a colour bar.
     *
     * @param z values, shape [x.length][y.length]
     * @throws IllegalArgumentException on inconsistent shapes
     */
    public static HeatMapChart heatMap(String title, String xLabel, String yLabel, double[] x, double[] y,
                                       double[][] z, String seriesName) {
        requireLabels(xLabel, yLabel);
        if (z.length != x.length) {
            throw new IllegalArgumentException("z has " + z.length + " rows, expected x.length = " + x.length);
        }
        double[][] xyz = new double[x.length * y.length][];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (z[i].length != y.length) {
                throw new IllegalArgumentException("z[" + i + "] has " + z[i].length + " entries, expected y.length = " + y.length);
            }
            for (int j = 0; j < y.length; j++) {
                xyz[k++] = new double[]{i, j, z[i][j]};
            }
        }
        HeatMapChart c = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        style(c.getStyler());
        c.getStyler().setPlotContentSize(1.0);
        c.getStyler().setShowValue(false);
        c.getStyler().setRangeColors(new Color[]{new Color(48, 18, 59), new Color(40, 151, 235),
                new Color(164, 252, 60), new Color(251, 128, 34), new Color(122, 4, 3)});
        c.getStyler().setXAxisDecimalPattern("0.##");
        c.getStyler().setYAxisDecimalPattern("0.##");
        java.util.List<Double> xs = new java.util.ArrayList<>(), ys = new java.util.ArrayList<>();
        for (double v : x) {
            xs.add(round(v));
        }
        for (double v : y) {
            ys.add(round(v));
        }
        java.util.List<Number[]> data = new java.util.ArrayList<>();
        for (double[] p : xyz) {
            data.add(new Number[]{(int) p[0], (int) p[1], p[2]});
        }
        c.addSeries(seriesName, xs, ys, data);
        // Category axes label every column: turn crowded labels sideways.
        c.getStyler().setXAxisLabelRotation(x.length > 16 ? 90 : 0);
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, x.length > 30 || y.length > 30 ? 9 : 11));
        return c;
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setAntiAlias(true);
    }

    private static void requireLabels(String xLabel, String yLabel) {
        if (xLabel == null || xLabel.isBlank() || yLabel == null || yLabel.isBlank()) {
            throw new IllegalArgumentException("every chart needs axis labels with units, got x='" + xLabel
                    + "', y='" + yLabel + "'");
        }
    }
}
