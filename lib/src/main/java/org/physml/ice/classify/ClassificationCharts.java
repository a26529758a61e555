package org.physml.ice.classify;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.physml.plot.Charts;

/**
 * Charts of classification results: confusion matrix, feature-importance map, learning curve (XChart).
 */
public final class ClassificationCharts {
    private static final Color[] SCALE = {new Color(247, 251, 255), new Color(198, 219, 239),
            new Color(107, 174, 214), new Color(33, 113, 181), new Color(8, 48, 107)};

    private ClassificationCharts() {
    }

    /**
     * The row-normalised confusion matrix as a heat map: cell (predicted p, true t) shows 100 C[t][p] / n_t, the
     * percentage of class t's molecules predicted as p (the diagonal holds the recalls).
     */
    public static HeatMapChart confusion(ConfusionMatrix cm, String title) {
        List<String> classes = cm.classes();
        double[][] r = cm.rowNormalised();
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < classes.size(); t++) {
            for (int p = 0; p < classes.size(); p++) {
                cells.add(new Number[]{p, t, Math.round(1000 * r[t][p]) / 10.0});
            }
        }
        HeatMapChart c = new HeatMapChartBuilder().width(Charts.WIDTH + 60).height(Charts.WIDTH - 60).title(title)
                .xAxisTitle("predicted class").yAxisTitle("true class (% of its molecules, rows sum to 100)").build();
        style(c);
        c.getStyler().setShowValue(true);
        c.getStyler().setHeatMapValueDecimalPattern("0.#");
        c.getStyler().setMin(0);
        c.getStyler().setMax(100);
        c.addSeries("% of the true class", classes, classes, cells);
        return c;
    }

    /**
     * A map of feature importances: row c, column i shows importance[c][i] divided by the row's largest value, so
     * that each class's most important feature is 1.
     *
     * @param importance shape [classes.size()][features.size()], non-negative (e.g. mean |IG|)
     * @throws IllegalArgumentException on inconsistent shapes
     */
    public static HeatMapChart importance(double[][] importance, List<String> classes, List<String> features,
                                          String title) {
        if (importance.length != classes.size()) {
            throw new IllegalArgumentException(importance.length + " rows for " + classes.size() + " classes");
        }
        List<Number[]> cells = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            if (importance[c].length != features.size()) {
                throw new IllegalArgumentException("row " + c + " has " + importance[c].length + " values for "
                        + features.size() + " features");
            }
            double max = 0;
            for (double v : importance[c]) {
                max = Math.max(max, v);
            }
            for (int i = 0; i < features.size(); i++) {
                cells.add(new Number[]{i, c, max > 0 ? importance[c][i] / max : 0.0});
            }
        }
        HeatMapChart h = new HeatMapChartBuilder().width(Math.max(Charts.WIDTH, 22 * features.size() + 200))
                .height(Charts.HEIGHT + 60).title(title).xAxisTitle("feature")
                .yAxisTitle("class explained").build();
        style(h);
        h.getStyler().setXAxisLabelRotation(90);
        h.getStyler().setMin(0);
        h.getStyler().setMax(1);
        h.addSeries("mean |IG| / class maximum", features, classes, cells);
        return h;
    }

    /** Training and validation loss (mean cross-entropy) per epoch, with the kept epoch marked. */
    public static XYChart learningCurve(PhaseClassifier.History h, String title) {
        int n = h.epochs().size();
        double[] e = new double[n], train = new double[n], val = new double[n];
        for (int k = 0; k < n; k++) {
            PhaseClassifier.Epoch ep = h.epochs().get(k);
            e[k] = ep.epoch();
            train[k] = ep.trainLoss();
            val[k] = ep.validationLoss();
        }
        XYChart c = Charts.xy(title, "epoch", "mean cross-entropy (nats per molecule)");
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        Charts.line(c, "training", e, train);
        Charts.line(c, "validation", e, val);
        if (h.bestEpoch() > 0) {
            Charts.points(c, "kept (best validation)", new double[]{h.bestEpoch()},
                    new double[]{val[h.bestEpoch() - 1]});
        }
        return c;
    }

    private static void style(HeatMapChart c) {
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        c.getStyler().setRangeColors(SCALE);
        c.getStyler().setPlotContentSize(1.0);
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    }
}
