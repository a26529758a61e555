package org.physml.potentials;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.physml.plot.Charts;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Learning curves of {@link ActiveLearning} over several seeds, per strategy: at each training-set size the mean
 * and sample standard deviation over the seeds of the test energy MAE (meV/atom) and force MAE (eV/Angstrom).
 *
 * @param bySeed per strategy, the curve of each seed (all curves of the same length and sizes)
 */
public record ActiveLearningCurves(Map<ActiveLearning.Strategy, List<List<ActiveLearning.Point>>> bySeed) {

    /** @throws IllegalArgumentException if a strategy has no curve or the curves have different sizes */
    public ActiveLearningCurves {
        bySeed = new LinkedHashMap<>(bySeed);
        List<Integer> sizes = null;
        for (var e : bySeed.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new IllegalArgumentException("strategy " + e.getKey() + " has no curve");
            }
            for (List<ActiveLearning.Point> c : e.getValue()) {
                List<Integer> s = c.stream().map(ActiveLearning.Point::trainingStructures).toList();
                if (sizes != null && !sizes.equals(s)) {
                    throw new IllegalArgumentException("curves of different training-set sizes: " + sizes + " and "
                            + s);
                }
                sizes = s;
            }
        }
    }

    /** Runs {@code al} for every strategy and seed. */
    public static ActiveLearningCurves run(ActiveLearning al, List<LabelledStructure> pool,
                                           List<SnapFeatures> poolFeatures, List<LabelledStructure> test,
                                           List<SnapFeatures> testFeatures, long... seeds) {
        Map<ActiveLearning.Strategy, List<List<ActiveLearning.Point>>> out = new LinkedHashMap<>();
        for (ActiveLearning.Strategy st : ActiveLearning.Strategy.values()) {
            List<List<ActiveLearning.Point>> curves = new ArrayList<>();
            for (long seed : seeds) {
                curves.add(al.run(pool, poolFeatures, test, testFeatures, st, seed));
            }
            out.put(st, curves);
        }
        return new ActiveLearningCurves(out);
    }

    /** The training-set sizes of the points. */
    public int[] sizes() {
        return bySeed.values().iterator().next().get(0).stream()
                .mapToInt(ActiveLearning.Point::trainingStructures).toArray();
    }

    /** Mean over the seeds of a metric at each point. */
    public double[] mean(ActiveLearning.Strategy st, ToDoubleFunction<ErrorMetrics> metric) {
        return stats(st, metric, DescriptiveStatistics::getMean);
    }

    /** Sample standard deviation over the seeds (0 for one seed). */
    public double[] sd(ActiveLearning.Strategy st, ToDoubleFunction<ErrorMetrics> metric) {
        return stats(st, metric, s -> s.getN() > 1 ? s.getStandardDeviation() : 0.0);
    }

    private double[] stats(ActiveLearning.Strategy st, ToDoubleFunction<ErrorMetrics> metric,
                           ToDoubleFunction<DescriptiveStatistics> f) {
        List<List<ActiveLearning.Point>> curves = bySeed.get(st);
        double[] out = new double[curves.get(0).size()];
        for (int p = 0; p < out.length; p++) {
            DescriptiveStatistics s = new DescriptiveStatistics();
            for (List<ActiveLearning.Point> c : curves) {
                s.addValue(metric.applyAsDouble(c.get(p).test()));
            }
            out[p] = f.applyAsDouble(s);
        }
        return out;
    }

    /** Test force MAE (or energy MAE) against the training-set size, one series per strategy with error bars. */
    public XYChart chart(boolean forces) {
        ToDoubleFunction<ErrorMetrics> m = forces ? ErrorMetrics::forceMae : ErrorMetrics::energyMae;
        XYChart c = Charts.xy("Active learning vs random additions (mean and sd over " + seeds() + " seeds)",
                "training structures", forces ? "test force MAE (eV/A)" : "test energy MAE (meV/atom)");
        double[] x = java.util.Arrays.stream(sizes()).asDoubleStream().toArray();
        for (ActiveLearning.Strategy st : bySeed.keySet()) {
            XYSeries s = c.addSeries(st.name().toLowerCase(java.util.Locale.ROOT), x, mean(st, m), sd(st, m));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        return c;
    }

    /** Number of seeds per strategy. */
    public int seeds() {
        return bySeed.values().iterator().next().size();
    }

    /** The curves as a table: size, then per strategy the mean +- sd of the energy and force MAE. */
    public Table table(String title) {
        Table t = Table.create(title, IntColumn.create("training structures", sizes()));
        for (ActiveLearning.Strategy st : bySeed.keySet()) {
            String n = st.name().toLowerCase(java.util.Locale.ROOT);
            t.addColumns(DoubleColumn.create(n + ": E MAE (meV/atom)", mean(st, ErrorMetrics::energyMae)),
                    DoubleColumn.create(n + ": sd E", sd(st, ErrorMetrics::energyMae)),
                    DoubleColumn.create(n + ": F MAE (eV/A)", mean(st, ErrorMetrics::forceMae)),
                    DoubleColumn.create(n + ": sd F", sd(st, ErrorMetrics::forceMae)));
        }
        return t;
    }

    /** Per group of the pool: how many structures each strategy added over all rounds and seeds. */
    public Table addedByGroup(String title, List<LabelledStructure> pool) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<ActiveLearning.Strategy> sts = List.copyOf(bySeed.keySet());
        for (int k = 0; k < sts.size(); k++) {
            for (List<ActiveLearning.Point> c : bySeed.get(sts.get(k))) {
                for (ActiveLearning.Point p : c) {
                    for (int i : p.added()) {
                        counts.computeIfAbsent(pool.get(i).group(), g -> new int[sts.size()])[k]++;
                    }
                }
            }
        }
        Table t = Table.create(title, StringColumn.create("group", counts.keySet()));
        for (int k = 0; k < sts.size(); k++) {
            final int kk = k;
            t.addColumns(IntColumn.create(sts.get(k).name().toLowerCase(java.util.Locale.ROOT),
                    counts.values().stream().mapToInt(v -> v[kk]).toArray()));
        }
        return t;
    }
}
