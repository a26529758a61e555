package org.physml.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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

    /** The table (rows in the given order). */
    public static Table table(List<SubmissionResult> results) {
        StringColumn student = StringColumn.create("student");
        StringColumn assignment = StringColumn.create("assignment");
        DoubleColumn score = DoubleColumn.create("score");
        DoubleColumn max = DoubleColumn.create("max_score");
        StringColumn time = StringColumn.create("timestamp");
        for (SubmissionResult r : results) {
            student.append(r.student());
            assignment.append(r.assignment());
            score.append(r.score());
            max.append(r.maxScore());
            time.append(r.timestamp().toString());
        }
        return Table.create("grades", student, assignment, score, max, time);
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
