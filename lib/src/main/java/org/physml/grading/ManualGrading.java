package org.physml.grading;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;

/**
 * Answers graded by hand (nbgrader's "manually graded answer", {@code "manual": true}): the lecturer's pages and
 * the merge of the lecturer's scores.
 *
 * <p>After grading, {@code <out>/manual/<grade_id>.html} collects every student's answer to one question
 * (escaped: the text is the student's and may be hostile; the page allows no scripts) with the rubric and the
 * maximum points, and {@code <out>/manual/scores-template.csv} has one row {@code student,grade_id,points,comment}
 * per student and question with the points empty. The lecturer fills in the points and merges the file with
 * {@code ./physml grade merge-manual --assignment NAME scores.csv} ({@link #merge}): rows with empty points stay
 * pending; everything else must name a graded student and a manual question, give a number in [0, max] and
 * appear once. The merge validates the whole file before it changes any report, then rewrites each student's
 * result.json, results.json, feedback.html and junit.xml and the class grades.csv and junit.xml.
 */
public final class ManualGrading {
    /** Folder of the lecturer's pages under the report folder. */
    public static final String DIR = "manual";
    /** The template the lecturer fills in. */
    public static final String TEMPLATE = "scores-template.csv";
    private static final List<String> HEADER = List.of("student", "grade_id", "points", "comment");

    private ManualGrading() {
    }

    /**
     * Write the answer page of each manual question and the scores template (nothing if the assignment has no
     * manual questions).
     *
     * @throws UncheckedIOException if a file cannot be written
     */
    public static void writePages(Assignment a, List<SubmissionResult> results, Path out) {
        if (a.manualTests().isEmpty()) {
            return;
        }
        Path dir = out.resolve(DIR);
        try {
            Files.createDirectories(dir);
            for (Assignment.GradedTest q : a.manualTests()) {
                Files.writeString(dir.resolve(q.gradeId() + ".html"), answerPage(a, q, results), StandardCharsets.UTF_8);
            }
            Files.writeString(dir.resolve(TEMPLATE), template(a, results), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manual-grading pages in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The page of one question: rubric, max points, and every student's answer with its current points. */
    static String answerPage(Assignment a, Assignment.GradedTest q, List<SubmissionResult> results) {
        StringBuilder h = new StringBuilder();
        String title = a.name() + ": " + q.gradeId() + " (" + GradesCsv.points(q.points()) + " points, graded by hand)";
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'\">\n<title>").append(FeedbackHtml.esc(title)).append("</title>\n")
                .append("<style>\nbody{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em}\n")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3em .6em;")
                .append("text-align:left;vertical-align:top}\npre{white-space:pre-wrap;margin:0}\n")
                .append(".rubric{background:#f4f6f8;padding:.6em}\n</style>\n</head>\n<body>\n");
        h.append("<h1>").append(FeedbackHtml.esc(title)).append("</h1>\n");
        h.append("<h2>Rubric</h2>\n<pre class=\"rubric\">").append(FeedbackHtml.esc(q.rubric())).append("</pre>\n");
        h.append("<p>Maximum: ").append(GradesCsv.points(q.points())).append(" points. Enter the points in ")
                .append(FeedbackHtml.esc(TEMPLATE)).append(" (columns student, grade_id, points, comment) and run ")
                .append("<code>./physml grade merge-manual --assignment ").append(FeedbackHtml.esc(a.name()))
                .append(" scores.csv</code>.</p>\n");
        h.append("<table>\n<tr><th>Student</th><th>Answer (as submitted, not rendered)</th><th>Points</th></tr>\n");
        for (SubmissionResult r : results) {
            TestResult t = r.tests().stream().filter(x -> x.name().equals(q.gradeId())).findFirst().orElse(null);
            String answer = r.answers().getOrDefault(q.gradeId(), "(no readable submission)");
            h.append("<tr><td>").append(FeedbackHtml.esc(r.student())).append("</td><td><pre>")
                    .append(FeedbackHtml.esc(answer)).append("</pre></td><td>")
                    .append(t == null || t.pending() ? "pending" : GradesCsv.points(t.score()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The template: header and one row per student and manual question, points and comment empty. */
    static String template(Assignment a, List<SubmissionResult> results) {
        StringWriter sw = new StringWriter();
        CsvWriter w = new CsvWriter(sw, new CsvWriterSettings());
        w.writeHeaders(HEADER);
        for (SubmissionResult r : results) {
            for (Assignment.GradedTest q : a.manualTests()) {
                w.writeRow(r.student(), q.gradeId(), "", "");
            }
        }
        w.close();
        return sw.toString();
    }

    /**
     * One score of the lecturer's file.
     *
     * @param line the line of the CSV file it starts on (1 = header)
     */
    public record Score(String student, String gradeId, double points, String comment, long line) {
    }

    /**
     * Read and validate the lecturer's scores.
     *
     * @param students  the graded students
     * @param maxPoints the manual questions and their maximum points
     * @return the scores given (rows with empty points are left out: they stay pending)
     * @throws IllegalArgumentException listing every problem with the file name and line: not UTF-8, a header
     *                                  other than student,grade_id,points,comment, a row with the wrong number of
     *                                  fields, an unknown student or grade_id, points that are not a number or
     *                                  outside [0, max], a student and question given twice
     */
    public static List<Score> readScores(Path csv, Set<String> students, Map<String, Double> maxPoints) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(csv))).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(csv + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);   // a byte-order mark, as spreadsheet programs write
        }
        CsvParserSettings settings = new CsvParserSettings();
        settings.setHeaderExtractionEnabled(false);
        settings.setSkipEmptyLines(true);
        settings.setIgnoreLeadingWhitespaces(true);
        settings.setIgnoreTrailingWhitespaces(true);
        settings.setNullValue("");
        settings.setEmptyValue("");
        settings.setMaxCharsPerColumn(100_000);
        settings.getFormat().setLineSeparator("\n");
        settings.setLineSeparatorDetectionEnabled(true);
        List<String> problems = new ArrayList<>();
        List<Score> scores = new ArrayList<>();
        Map<String, Long> seen = new LinkedHashMap<>();
        CsvParser parser = new CsvParser(settings);
        try (Reader in = new java.io.StringReader(text)) {
            parser.beginParsing(in);
            String[] row;
            boolean header = true;
            while ((row = parser.parseNext()) != null) {
                long line = parser.getContext().currentLine();
                String where = csv.getFileName() + " line " + line;
                if (header) {
                    header = false;
                    if (!List.of(row).equals(HEADER)) {
                        throw new IllegalArgumentException(where + ": the header must be "
                                + String.join(",", HEADER) + ", got " + String.join(",", row));
                    }
                    continue;
                }
                if (row.length < 3 || row.length > 4) {
                    problems.add(where + ": expected 4 fields (student,grade_id,points,comment), got " + row.length);
                    continue;
                }
                String student = row[0];
                String id = row[1];
                String p = row[2];
                String comment = row.length == 4 ? row[3] : "";
                boolean ok = true;
                if (!students.contains(student)) {
                    problems.add(where + ": unknown student \"" + student + "\" (graded: " + students + ")");
                    ok = false;
                }
                Double max = maxPoints.get(id);
                if (max == null) {
                    problems.add(where + ": unknown grade_id \"" + id + "\"; the questions graded by hand are "
                            + maxPoints.keySet());
                    ok = false;
                }
                if (p.isEmpty()) {
                    continue;   // not graded yet: stays pending
                }
                double points;
                try {
                    points = Double.parseDouble(p);
                } catch (NumberFormatException e) {
                    problems.add(where + ": points \"" + p + "\" is not a number");
                    continue;
                }
                if (!Double.isFinite(points) || p.chars().anyMatch(Character::isLetter)) {
                    problems.add(where + ": points \"" + p + "\" is not a number");
                    continue;
                }
                if (max != null && (points < 0 || points > max)) {
                    problems.add(where + ": points " + p + " for " + id + " are outside [0, "
                            + GradesCsv.points(max) + "]");
                    ok = false;
                }
                Long first = seen.putIfAbsent(student + "\u0000" + id, line);
                if (first != null) {
                    problems.add(where + ": " + student + " / " + id + " is given twice (first on line " + first + ")");
                    ok = false;
                }
                if (ok) {
                    scores.add(new Score(student, id, points, comment, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.univocity.parsers.common.TextParsingException e) {
            throw new IllegalArgumentException(csv.getFileName() + " line " + e.getLineIndex()
                    + ": not readable as CSV (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        } finally {
            parser.stopParsing();
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(csv + " has " + problems.size() + (problems.size() == 1 ? " problem"
                    : " problems") + "; nothing was merged:\n  " + String.join("\n  ", problems));
        }
        return scores;
    }

    /**
     * What a merge did.
     *
     * @param merged  scores merged
     * @param pending manual answers still without points (over all students)
     */
    public record Merge(int merged, int pending) {
    }

    /**
     * Merge the lecturer's scores into the reports of a graded batch in {@code out} (see the class comment). A
     * later merge replaces the points of the answers it names.
     *
     * @throws IllegalArgumentException if the CSV is invalid (nothing is changed then), the assignment has no
     *                                  manual questions, or {@code out} holds no graded submissions of it
     */
    public static Merge merge(Assignment a, Path out, Path csv) {
        if (a.manualTests().isEmpty()) {
            throw new IllegalArgumentException("assignment " + a.name() + " has no answers graded by hand");
        }
        List<SubmissionResult> results = records(out, a);
        Map<String, Double> max = new LinkedHashMap<>();
        a.manualTests().forEach(q -> max.put(q.gradeId(), q.points()));
        Set<String> students = new LinkedHashSet<>();
        results.forEach(r -> students.add(r.student()));
        Map<String, Score> byKey = new LinkedHashMap<>();
        for (Score s : readScores(csv, students, max)) {
            byKey.put(s.student() + "\u0000" + s.gradeId(), s);
        }
        List<SubmissionResult> merged = new ArrayList<>();
        int pending = 0;
        for (SubmissionResult r : results) {
            List<TestResult> tests = new ArrayList<>();
            for (TestResult t : r.tests()) {
                Score s = t.auto() ? null : byKey.get(r.student() + "\u0000" + t.name());
                TestResult u = s == null ? t : t.graded(s.points(), s.comment());
                pending += u.pending() ? 1 : 0;
                tests.add(u);
            }
            merged.add(r.withTests(tests));
        }
        for (SubmissionResult r : merged) {
            Grader.writeReports(r, out.resolve(r.student()));
        }
        GradesCsv.writeAtomically(merged, out.resolve("grades.csv"));
        JunitXml.write(a.name(), merged, out.resolve("junit.xml"));
        writePages(a, merged, out);
        return new Merge(byKey.size(), pending);
    }

    /**
     * The grading records of a batch: every {@code <out>/<student>/result.json} of the assignment, in the order
     * of grades.csv (students not in it last, by name).
     *
     * @throws IllegalArgumentException if there are none or one is unreadable
     */
    static List<SubmissionResult> records(Path out, Assignment a) {
        if (!Files.isDirectory(out)) {
            throw new IllegalArgumentException("no report folder " + out + " (grade the submissions first with"
                    + " ./physml grade submit, or give --out)");
        }
        List<String> order = new ArrayList<>();
        Path grades = out.resolve("grades.csv");
        if (Files.isRegularFile(grades)) {
            CsvParserSettings settings = new CsvParserSettings();
            settings.setHeaderExtractionEnabled(true);
            new CsvParser(settings).parseAll(grades.toFile(), StandardCharsets.UTF_8)
                    .forEach(row -> order.add(row[0]));
        }
        List<SubmissionResult> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(out)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path rec = d.resolve(ResultRecord.FILE);
                if (Files.isRegularFile(rec, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    SubmissionResult r = ResultRecord.read(rec);
                    if (!a.name().equals(r.assignment())) {
                        throw new IllegalArgumentException(rec + " is a record of " + r.assignment() + ", not "
                                + a.name());
                    }
                    found.add(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + out + ": " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no graded submissions (<student>/" + ResultRecord.FILE + ") in " + out);
        }
        found.sort(java.util.Comparator.comparingInt((SubmissionResult r) -> {
            int i = order.indexOf(r.student());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        return found;
    }
}
