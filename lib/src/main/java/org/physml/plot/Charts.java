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

    /**
     * Adds a shaded vertical band over x0 &lt;= x &lt;= x1, filled from the bottom of the plot up to yTop
     * (translucent grey, no markers, no outline), e.g. to mark a training domain behind the curves.
     *
     * @throws IllegalArgumentException unless x0 &lt; x1 and yTop is finite
     */
    public static XYSeries band(XYChart c, String name, double x0, double x1, double yTop) {
        if (!(x0 < x1) || !Double.isFinite(yTop)) {
            throw new IllegalArgumentException("a band needs x0 < x1 and a finite top, got x0 = " + x0
                    + ", x1 = " + x1 + ", yTop = " + yTop);
        }
        XYSeries s = c.addSeries(name, new double[]{x0, x1}, new double[]{yTop, yTop});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(new Color(128, 128, 128, 60));
        s.setLineColor(new Color(0, 0, 0, 0));
        return s;
    }

    /**
     * One decimal pattern ({@link java.text.DecimalFormat}) for all tick labels of a linear axis that spans
     * [min, max]: a leading zero always, at least as many decimals as the tick spacing (about a tenth of the
     * span) needs and one optional more, so that 0.06 and 0.12 read "0.06" and "0.12" (XChart's own
     * formatter picks a pattern per label and mixes ".06" with "0.12"). Axes whose largest magnitude is
     * 1e5 or more, or below 1e-3, get scientific notation; an empty or non-finite span gets "0.###".
     */
    public static String tickPattern(double min, double max) {
        double span = max - min;
        double magnitude = Math.max(Math.abs(min), Math.abs(max));
        if (!(span > 0) || !Double.isFinite(span)) {
            return "0.###";
        }
        if (magnitude >= 1e5 || magnitude < 1e-3) {
            return "0.##E0";
        }
        int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(span)));
        return "0." + "0".repeat(decimals) + "#";
    }

    /**
     * Runs {@code render} with one tick pattern per linear axis of {@code c} ({@link #tickPattern} of the
     * data range, or of the axis limits the chart sets) and restores the chart's own patterns afterwards, so
     * that adding series later recomputes them. Axes with a pattern set by the caller and logarithmic axes
     * are left alone.
     */
    static <T> T withTickPatterns(XYChart c, java.util.function.Supplier<T> render) {
        var st = c.getStyler();
        String oldX = st.getXAxisDecimalPattern(), oldY = st.getYAxisDecimalPattern();
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (XYSeries s : c.getSeriesMap().values()) {
            for (double v : s.getXData()) {
                xMin = Math.min(xMin, v);
                xMax = Math.max(xMax, v);
            }
            for (double v : s.getYData()) {
                yMin = Math.min(yMin, v);
                yMax = Math.max(yMax, v);
            }
        }
        if (st.getXAxisMin() != null) xMin = st.getXAxisMin();
        if (st.getXAxisMax() != null) xMax = st.getXAxisMax();
        if (st.getYAxisMin() != null) yMin = st.getYAxisMin();
        if (st.getYAxisMax() != null) yMax = st.getYAxisMax();
        if (oldX == null && !st.isXAxisLogarithmic()) {
            st.setXAxisDecimalPattern(tickPattern(xMin, xMax));
        }
        if (oldY == null && !st.isYAxisLogarithmic()) {
            st.setYAxisDecimalPattern(tickPattern(yMin, yMax));
        }
        try {
            return render.get();
        } finally {
            st.setXAxisDecimalPattern(oldX);
            st.setYAxisDecimalPattern(oldY);
        }
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
