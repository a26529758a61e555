package org.physml.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The class table grades.csv: one row per submission with columns student, assignment, score, max_score,
 * timestamp (ISO-8601, UTC, when grading started), written with Tablesaw's CSV writer.
 */
public final class GradesCsv {
    private GradesCsv() {
    }

    /**
     * The table (rows in the given order). When a submission has tests with partial credit or answers graded by
     * hand, the table also has the columns auto_score, auto_max_score and manual_pending (points not graded yet)
     * and one column per graded cell (its points, or "pending" for a manual answer not graded yet) followed, for
     * a test with groups, by one column per group named {@code <grade_id>/<group>}; score then counts the manual
     * points merged so far.
     */
    public static Table table(List<SubmissionResult> results) {
        StringColumn student = StringColumn.create("student");
        StringColumn assignment = StringColumn.create("assignment");
        DoubleColumn score = DoubleColumn.create("score");
        DoubleColumn max = DoubleColumn.create("max_score");
        StringColumn time = StringColumn.create("timestamp");
        boolean detailed = results.stream().flatMap(r -> r.tests().stream())
                .anyMatch(t -> !t.auto() || !t.groups().isEmpty());
        DoubleColumn auto = DoubleColumn.create("auto_score");
        DoubleColumn autoMax = DoubleColumn.create("auto_max_score");
        DoubleColumn pending = DoubleColumn.create("manual_pending");
        Map<String, StringColumn> cells = new LinkedHashMap<>();
        for (SubmissionResult r : results) {
            for (TestResult t : r.tests()) {
                cells.computeIfAbsent(t.name(), StringColumn::create);
                t.groups().forEach(g -> cells.computeIfAbsent(t.name() + "/" + g.name(), StringColumn::create));
            }
        }
        for (SubmissionResult r : results) {
            student.append(r.student());
            assignment.append(r.assignment());
            score.append(r.score());
            max.append(r.maxScore());
            time.append(r.timestamp().toString());
            auto.append(r.autoScore());
            autoMax.append(r.autoMaxScore());
            pending.append(r.pendingPoints());
            Map<String, String> row = new LinkedHashMap<>();
            for (TestResult t : r.tests()) {
                row.put(t.name(), t.pending() ? "pending" : points(t.score()));
                t.groups().forEach(g -> row.put(t.name() + "/" + g.name(), points(g.score())));
            }
            cells.forEach((k, c) -> c.append(row.getOrDefault(k, "")));
        }
        Table t = Table.create("grades", student, assignment, score, max, time);
        if (detailed) {
            t.addColumns(auto, autoMax, pending);
            cells.values().forEach(t::addColumns);
        }
        return t;
    }

    /**
     * Write grades.csv.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(List<SubmissionResult> results, Path file) {
        try {
            table(results).write().csv(file.toFile());
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException("cannot write " + file + ": " + io.getMessage(), io);
            }
            throw e;
        }
    }

    /**
     * Write grades.csv through a temporary file in the same folder and an atomic rename, so that a reader (or a
     * crash) never sees a half-written table.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void writeAtomically(List<SubmissionResult> results, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        write(results, tmp);
        try {
            java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Points for display: "8" for whole numbers, else up to 2 decimals. */
    static String points(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.2f", p);
    }
}
