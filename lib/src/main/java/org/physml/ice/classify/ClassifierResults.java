package org.physml.ice.classify;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The results table of the ice-phase classifier study in a form for machines: one {@link Row} per table row
 * (descriptor, with or without neighbour averaging), written as JSON (Gson, snake_case keys) for notebook 09's
 * {@code build/notebooks/ice-classifier-results.json}.
 *
 * <p>Fractions (balanced accuracy, recall, false-alarm and detection rates) are in [0, 1], not percent.
 *
 * @param dataSet the data set, e.g. "data/ice (v1)"
 * @param split   how the rows were split, e.g. "by run: tools/icedata/split-v2.tsv"
 * @param rows    the table rows, in table order
 */
public record ClassifierResults(String dataSet, String split, List<Row> rows) {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

    /** @throws IllegalArgumentException if there is no row or two rows share a descriptor name */
    public ClassifierResults {
        Objects.requireNonNull(dataSet, "dataSet");
        Objects.requireNonNull(split, "split");
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a results table needs at least one row");
        }
        if (rows.stream().map(Row::descriptor).distinct().count() != rows.size()) {
            throw new IllegalArgumentException("descriptor names of the rows must be distinct");
        }
    }

    /**
     * One row of the table.
     *
     * @param descriptor           descriptor name, e.g. "SOAP large + first-shell average"
     * @param features             number of features
     * @param averagingRadius      neighbour-averaging radius r_avg, Angstrom; 0 for the plain descriptor
     * @param seeds                number of training seeds the statistics are over, &gt;= 1
     * @param balancedAccuracyMean mean over the seeds of the balanced accuracy on the test runs, in [0, 1]
     * @param balancedAccuracySd   sample standard deviation over the seeds (0 for one seed), &gt;= 0
     * @param recall               per class the recall on the test runs, mean over the seeds, in [0, 1]
     * @param costMicroseconds     descriptor cost per environment, microseconds (wall time on the data set)
     * @param ood                  out-of-distribution figures, or null if none were measured for this row
     * @param confusion            test-run confusion counts summed over the seeds, [K][K] (rows: true class,
     *                             columns: predicted, in the order of {@code recall}), or null if not recorded
     * @param ensemble             the seeds' networks used together ({@link SeedEnsemble}) on the test runs, or
     *                             null if not measured
     */
    public record Row(String descriptor, int features, double averagingRadius, int seeds, double balancedAccuracyMean,
                      double balancedAccuracySd, Map<String, Double> recall, double costMicroseconds, Ood ood,
                      List<List<Long>> confusion, Ensemble ensemble) {
        /** @throws IllegalArgumentException for out-of-range values (the message names the field and the row) */
        public Row {
            if (descriptor == null || descriptor.isBlank()) {
                throw new IllegalArgumentException("a results row needs a descriptor name");
            }
            String at = " of row '" + descriptor + "'";
            if (features < 1 || seeds < 1) {
                throw new IllegalArgumentException("features and seeds" + at + " must be >= 1, got " + features
                        + ", " + seeds);
            }
            if (!(averagingRadius >= 0) || !Double.isFinite(averagingRadius)) {
                throw new IllegalArgumentException("averaging radius" + at + " must be >= 0 A (0: none), got "
                        + averagingRadius);
            }
            requireFraction(balancedAccuracyMean, "balanced accuracy" + at);
            if (!(balancedAccuracySd >= 0) || !Double.isFinite(balancedAccuracySd)) {
                throw new IllegalArgumentException("standard deviation" + at + " must be finite and >= 0, got "
                        + balancedAccuracySd);
            }
            recall = new LinkedHashMap<>(Objects.requireNonNull(recall, "recall"));
            recall.forEach((c, v) -> requireFraction(v == null ? Double.NaN : v, "recall of " + c + at));
            recall = Collections.unmodifiableMap(recall);
            if (!(costMicroseconds >= 0) || !Double.isFinite(costMicroseconds)) {
                throw new IllegalArgumentException("cost" + at + " must be finite and >= 0 us, got "
                        + costMicroseconds);
            }
            if (confusion != null) {
                int k = recall.size();
                if (confusion.size() != k || confusion.stream().anyMatch(r -> r == null
                        || r.size() != k || r.stream().anyMatch(v -> v == null || v < 0))) {
                    throw new IllegalArgumentException("confusion" + at + " must be " + k + " x " + k
                            + " non-negative counts (one row and column per class of recall)");
                }
                confusion = confusion.stream().map(List::copyOf).toList();
            }
        }

        /** A row without confusion counts and ensemble. */
        public Row(String descriptor, int features, double averagingRadius, int seeds, double balancedAccuracyMean,
                   double balancedAccuracySd, Map<String, Double> recall, double costMicroseconds, Ood ood) {
            this(descriptor, features, averagingRadius, seeds, balancedAccuracyMean, balancedAccuracySd, recall,
                    costMicroseconds, ood, null, null);
        }

        /** A row without ensemble. */
        public Row(String descriptor, int features, double averagingRadius, int seeds, double balancedAccuracyMean,
                   double balancedAccuracySd, Map<String, Double> recall, double costMicroseconds, Ood ood,
                   List<List<Long>> confusion) {
            this(descriptor, features, averagingRadius, seeds, balancedAccuracyMean, balancedAccuracySd, recall,
                    costMicroseconds, ood, confusion, null);
        }

        /** This row with the ensemble figures set. */
        public Row withEnsemble(Ensemble e) {
            return new Row(descriptor, features, averagingRadius, seeds, balancedAccuracyMean, balancedAccuracySd,
                    recall, costMicroseconds, ood, confusion, e);
        }

        /**
         * The test-run confusion matrix summed over the seeds.
         *
         * @throws IllegalStateException if this row has none (results written before it was recorded)
         */
        public ConfusionMatrix confusionMatrix() {
            if (confusion == null) {
                throw new IllegalStateException("row '" + descriptor + "' has no confusion counts; run the study"
                        + " again to record them");
            }
            long[][] c = new long[confusion.size()][];
            for (int t = 0; t < c.length; t++) {
                c[t] = confusion.get(t).stream().mapToLong(Long::longValue).toArray();
            }
            return ConfusionMatrix.ofCounts(List.copyOf(recall.keySet()), c);
        }

        /**
         * The row of one descriptor trained with several seeds: mean and sample standard deviation of the balanced
         * accuracy (Commons Math {@link DescriptiveStatistics}), per-class recall averaged over the seeds, cost and
         * features of the first evaluation.
         *
         * @param averagingRadius r_avg, Angstrom, 0 for none
         * @param bySeed          one evaluation per seed, same descriptor, at least one
         * @param ood             out-of-distribution figures (may be null)
         * @throws IllegalArgumentException if bySeed is empty or mixes descriptors
         */
        public static Row of(double averagingRadius, List<DescriptorEvaluation> bySeed, Ood ood) {
            if (bySeed.isEmpty()) {
                throw new IllegalArgumentException("give the evaluation of at least one seed");
            }
            DescriptorEvaluation first = bySeed.get(0);
            DescriptiveStatistics ba = new DescriptiveStatistics();
            List<String> classes = first.test().classes();
            double[] recall = new double[classes.size()];
            long[][] counts = new long[classes.size()][classes.size()];
            for (DescriptorEvaluation e : bySeed) {
                if (!e.name().equals(first.name())) {
                    throw new IllegalArgumentException("evaluations of " + first.name() + " and " + e.name()
                            + " cannot share a row");
                }
                ba.addValue(e.balancedAccuracy());
                for (int c = 0; c < recall.length; c++) {
                    recall[c] += e.test().recall(c) / bySeed.size();
                    for (int p = 0; p < recall.length; p++) {
                        counts[c][p] += e.test().count(c, p);
                    }
                }
            }
            List<List<Long>> confusion = Arrays.stream(counts)
                    .map(r -> Arrays.stream(r).boxed().toList()).toList();
            Map<String, Double> byClass = new LinkedHashMap<>();
            for (int c = 0; c < recall.length; c++) {
                byClass.put(classes.get(c), recall[c]);
            }
            return new Row(first.name(), first.features(), averagingRadius, bySeed.size(), ba.getMean(),
                    bySeed.size() > 1 ? ba.getStandardDeviation() : 0.0, byClass,
                    first.cost().microsecondsPerEnvironment(), ood, confusion);
        }
    }

    /**
     * The figures of a row's seed networks used together ({@link SeedEnsemble}) on the test runs.
     *
     * @param members          number of networks (seeds), &gt;= 1
     * @param balancedAccuracy balanced accuracy on the test runs, in [0, 1]
     * @param recall           per class the recall on the test runs, in [0, 1]
     */
    public record Ensemble(int members, double balancedAccuracy, Map<String, Double> recall) {
        /** @throws IllegalArgumentException for out-of-range values */
        public Ensemble {
            if (members < 1) {
                throw new IllegalArgumentException("an ensemble has at least one member, got " + members);
            }
            requireFraction(balancedAccuracy, "ensemble balanced accuracy");
            recall = new LinkedHashMap<>(Objects.requireNonNull(recall, "recall"));
            recall.forEach((c, v) -> requireFraction(v == null ? Double.NaN : v, "ensemble recall of " + c));
            recall = Collections.unmodifiableMap(recall);
        }

        /** The figures of a confusion matrix of an ensemble of {@code members} networks. */
        public static Ensemble of(ConfusionMatrix cm, int members) {
            Map<String, Double> r = new LinkedHashMap<>();
            for (int c = 0; c < cm.classes().size(); c++) {
                r.put(cm.classes().get(c), cm.recall(c));
            }
            return new Ensemble(members, cm.balancedAccuracy(), r);
        }
    }

    /**
     * Out-of-distribution figures of a row ({@link OodDetector}).
     *
     * @param method         how the score is made, e.g. "Mahalanobis distance in the last hidden layer"
     * @param quantile       quantile of the validation scores used as threshold, in (0, 1), e.g. 0.99
     * @param threshold      the calibrated threshold on the score
     * @param falseAlarmRate fraction of the test-run molecules (known classes) flagged, in [0, 1]
     * @param detectionRate  per unknown structure (e.g. "ice_II") the fraction of its molecules flagged, in [0, 1]
     */
    public record Ood(String method, double quantile, double threshold, double falseAlarmRate,
                      Map<String, Double> detectionRate) {
        /** @throws IllegalArgumentException for out-of-range values */
        public Ood {
            Objects.requireNonNull(method, "method");
            if (!(quantile > 0 && quantile < 1)) {
                throw new IllegalArgumentException("OOD quantile must be in (0, 1), got " + quantile);
            }
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException("OOD threshold must be finite, got " + threshold);
            }
            requireFraction(falseAlarmRate, "false-alarm rate");
            detectionRate = Collections.unmodifiableMap(new LinkedHashMap<>(
                    Objects.requireNonNull(detectionRate, "detectionRate")));
            detectionRate.forEach((s, v) -> requireFraction(v == null ? Double.NaN : v, "detection rate of " + s));
        }
    }

    private static void requireFraction(double v, String what) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be a fraction in [0, 1], got " + v);
        }
    }

    /** The row with the highest mean balanced accuracy. */
    public Row best() {
        return rows.stream().max(Comparator.comparingDouble(Row::balancedAccuracyMean)).orElseThrow();
    }

    /**
     * The rows as a table, fractions in percent: descriptor, features, r_avg (A), seeds, balanced accuracy mean and
     * sd, the recall of the amorphous classes (LDA, MDA, HDA) where present, the false-alarm rate and the detection
     * rate of each unknown structure where measured.
     */
    public Table table(String title) {
        var t = Table.create(title, StringColumn.create("descriptor"),
                IntColumn.create("features"), DoubleColumn.create("r_avg (A)"),
                IntColumn.create("seeds"),
                DoubleColumn.create("balanced accuracy (%)"),
                DoubleColumn.create("sd (%)"));
        boolean ensembles = rows.stream().anyMatch(r -> r.ensemble() != null);
        if (ensembles) {
            t.addColumns(DoubleColumn.create("ensemble (%)"));
        }
        List<String> amorphous = Stream.of("LDA", "MDA", "HDA")
                .filter(c -> rows.get(0).recall().containsKey(c)).toList();
        amorphous.forEach(c -> t.addColumns(DoubleColumn.create("recall " + c + " (%)")));
        Ood firstOod = rows.stream().map(Row::ood).filter(Objects::nonNull).findFirst().orElse(null);
        List<String> unknown = firstOod == null ? List.of() : List.copyOf(firstOod.detectionRate().keySet());
        if (firstOod != null) {
            t.addColumns(DoubleColumn.create("false alarms (%)"));
            unknown.forEach(u -> t.addColumns(DoubleColumn.create("flagged " + u + " (%)")));
        }
        for (Row r : rows) {
            t.stringColumn(0).append(r.descriptor());
            t.intColumn(1).append(r.features());
            t.doubleColumn(2).append(r.averagingRadius());
            t.intColumn(3).append(r.seeds());
            t.doubleColumn(4).append(100 * r.balancedAccuracyMean());
            t.doubleColumn(5).append(100 * r.balancedAccuracySd());
            int k = 6;
            if (ensembles) {
                t.doubleColumn(k++).append(r.ensemble() == null ? Double.NaN
                        : 100 * r.ensemble().balancedAccuracy());
            }
            for (String c : amorphous) {
                t.doubleColumn(k++).append(100 * r.recall().getOrDefault(c, Double.NaN));
            }
            if (firstOod != null) {
                t.doubleColumn(k++).append(r.ood() == null ? Double.NaN : 100 * r.ood().falseAlarmRate());
                for (String u : unknown) {
                    t.doubleColumn(k++).append(r.ood() == null ? Double.NaN
                            : 100 * r.ood().detectionRate().getOrDefault(u, Double.NaN));
                }
            }
        }
        return t;
    }

    /**
     * The rows that have ensemble figures: descriptor, members, balanced accuracy of the ensemble and of the seeds'
     * mean (%), and the ensemble's recall of every class (%).
     */
    public Table ensembleTable(String title) {
        List<Row> with = rows.stream().filter(r -> r.ensemble() != null).toList();
        var t = Table.create(title, StringColumn.create("descriptor"), IntColumn.create("networks"),
                DoubleColumn.create("ensemble (%)"), DoubleColumn.create("seeds' mean (%)"));
        List<String> classes = with.isEmpty() ? List.of() : List.copyOf(with.get(0).ensemble().recall().keySet());
        classes.forEach(c -> t.addColumns(DoubleColumn.create("recall " + c + " (%)")));
        for (Row r : with) {
            t.stringColumn(0).append(r.descriptor());
            t.intColumn(1).append(r.ensemble().members());
            t.doubleColumn(2).append(100 * r.ensemble().balancedAccuracy());
            t.doubleColumn(3).append(100 * r.balancedAccuracyMean());
            for (int c = 0; c < classes.size(); c++) {
                t.doubleColumn(4 + c).append(100 * r.ensemble().recall().getOrDefault(classes.get(c), Double.NaN));
            }
        }
        return t;
    }

    /** The JSON text. */
    public String toJson() {
        return GSON.toJson(this);
    }

    /**
     * Writes the JSON to {@code file}, creating its parent directories.
     *
     * @throws UncheckedIOException on write errors
     */
    public void write(Path file) {
        JsonFile.write(GSON, this, file, "results");
    }

    /**
     * Reads results written by {@link #write}.
     *
     * @throws IllegalArgumentException     naming the file if it is not valid results JSON (the record checks
     *                                      apply)
     * @throws UncheckedIOException         if the file cannot be read
     */
    public static ClassifierResults read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ClassifierResults res = GSON.fromJson(r, ClassifierResults.class);
            if (res == null) {
                throw new IllegalArgumentException(file + " is empty; expected classifier results JSON");
            }
            return res;
        } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(file + " is not valid classifier results JSON: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Gson wraps what a record constructor throws: report the innermost message
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new IllegalArgumentException(file + " is not valid classifier results JSON: " + root.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read results from " + file, e);
        }
    }
}
