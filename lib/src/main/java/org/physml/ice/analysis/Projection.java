package org.physml.ice.analysis;

import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.physml.structure.Structure;

/**
 * Positions of the atoms of one element projected onto a Cartesian plane, for snapshot pictures: a slab of given
 * thickness around the middle of the cell along the viewing axis is projected along that axis.
 *
 * @param horizontal Cartesian coordinate along the picture's horizontal axis, Angstrom
 * @param vertical   Cartesian coordinate along the picture's vertical axis, Angstrom
 */
public record Projection(double[] horizontal, double[] vertical) {

    /**
     * Atoms of element {@code z} within a slab of thickness {@code slab} (Angstrom) centred on the middle of the
     * cell along Cartesian axis {@code axis} (0 = x, 1 = y, 2 = z), projected along that axis; the picture's axes
     * are the next two Cartesian axes in cyclic order. Coordinates are taken as stored (LAMMPS wraps them into
     * the box).
     *
     * @param slab thickness, Angstrom; {@code Double.POSITIVE_INFINITY} keeps every atom
     * @throws IllegalArgumentException if axis is not 0, 1 or 2 or the slab is not positive
     */
    public static Projection of(Structure s, int z, int axis, double slab) {
        if (axis < 0 || axis > 2 || !(slab > 0)) {
            throw new IllegalArgumentException("axis must be 0, 1 or 2 and the slab positive, got axis " + axis
                    + ", slab " + slab + " A");
        }
        double[][] cell = s.cell();
        double mid = 0.5 * (cell[0][axis] + cell[1][axis] + cell[2][axis]);
        int h = (axis + 1) % 3, v = (axis + 2) % 3;
        List<double[]> kept = new ArrayList<>();
        double[][] p = s.positionsView();
        for (int i = 0; i < s.size(); i++) {
            if (s.atomicNumber(i) == z && Math.abs(p[i][axis] - mid) <= slab / 2) {
                kept.add(new double[]{p[i][h], p[i][v]});
            }
        }
        return new Projection(kept.stream().mapToDouble(a -> a[0]).toArray(),
                kept.stream().mapToDouble(a -> a[1]).toArray());
    }

    /**
     * A scatter chart of the projected atoms with equal scales on both axes (Angstrom), no legend, for a small panel
     * (e.g. in a {@link ChartGrid}).
     *
     * @param title  chart title
     * @param width  pixels
     * @param height pixels
     */
    public XYChart chart(String title, int width, int height) {
        XYChart c = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("x (Angstrom)").yAxisTitle("y (Angstrom)").build();
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setChartTitleFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13));
        c.getStyler().setLegendVisible(false);
        c.getStyler().setMarkerSize(5);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        if (size() > 0) {
            double x0 = min(horizontal), y0 = min(vertical);
            double span = Math.max(max(horizontal) - x0, max(vertical) - y0);
            c.getStyler().setXAxisMin(x0).setXAxisMax(x0 + span).setYAxisMin(y0).setYAxisMax(y0 + span);
            XYSeries s = c.addSeries("O", horizontal, vertical);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return c;
    }

    private static double min(double[] a) {
        return java.util.Arrays.stream(a).min().orElse(0);
    }

    private static double max(double[] a) {
        return java.util.Arrays.stream(a).max().orElse(0);
    }

    /** Number of projected atoms. */
    public int size() {
        return horizontal.length;
    }
}
