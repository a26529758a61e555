package org.physml.plot;

import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.Destination;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

/**
 * One-line display of charts and tables in a notebook cell.
 *
 * <p>A cell that ends with {@code Show.chart(c)} shows the chart as a PNG (the kernels render a
 * {@link BufferedImage} result as an image). {@code Show.table(t)} displays a Tablesaw table as an HTML
 * table (plain text outside a notebook).
 */
public final class Show {
    private Show() {
    }

    /**
     * The chart rendered to an image at its own width and height (pixels). The linear axes of an XY chart
     * get one number format each ({@link Charts#tickPattern}) unless the chart sets its own.
     */
    public static BufferedImage chart(Chart<?, ?> chart) {
        if (chart instanceof org.knowm.xchart.XYChart xy) {
            return Charts.withTickPatterns(xy, () -> BitmapEncoder.getBufferedImage(xy));
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Displays every row of {@code table} as an HTML table. */
    public static void table(Table table) {
        NotebookDisplay.html(html(table), table.printAll());
    }

    /** Displays at most {@code maxRows} rows (first rows) of {@code table} as an HTML table. */
    public static void table(Table table, int maxRows) {
        Table shown = table.rowCount() > maxRows ? table.first(maxRows) : table;
        String note = table.rowCount() > maxRows
                ? String.format(Locale.ROOT, "<p>%d of %d rows</p>", maxRows, table.rowCount()) : "";
        NotebookDisplay.html(html(shown) + note, shown.printAll());
    }

    /**
     * The HTML of a Tablesaw table (Tablesaw's own HTML writer). Floating-point columns are shown with
     * 4 significant digits; the table itself is not changed.
     */
    public static String html(Table table) {
        Table shown = table.copy();
        for (var c : shown.columns()) {
            if (c instanceof DoubleColumn d) {
                d.setPrintFormatter(new NumberColumnFormatter(SIGNIFICANT_4));
            }
        }
        StringWriter out = new StringWriter();
        new HtmlWriter().write(shown, HtmlWriteOptions.builder(new Destination(out)).build());
        return out.toString();
    }

    /** %.4g for doubles: 4 significant digits, plain or scientific notation as the magnitude requires. */
    private static final NumberFormat SIGNIFICANT_4 = new NumberFormat() {
        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(String.format(Locale.ROOT, "%.4g", number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(number);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("display-only format");
        }
    };

    /** Displays a small HTML fragment (e.g. a formatted result line). */
    public static void html(String html) {
        NotebookDisplay.html(html, html.replaceAll("<[^>]+>", ""));
    }
}
