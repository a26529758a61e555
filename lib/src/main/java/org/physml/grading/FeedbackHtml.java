package org.physml.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The feedback page for one student: total, a table of tests with points and the failure messages (a test
 * with partial credit has one row per assertion group under it; an answer graded by hand shows "pending" or the
 * lecturer's points and comment), integrity findings and execution notes. Self-contained HTML (no scripts, inline style), all text escaped.
 */
public final class FeedbackHtml {
    private FeedbackHtml() {
    }

    /** The page. */
    public static String render(SubmissionResult r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(r.assignment() + " - " + r.student())).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}\n")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3em .6em;")
                .append("text-align:left;vertical-align:top}\n.pass{color:#1a7f37}.fail{color:#b42318}.pending{color:#8a6d00}\n")
                .append("tr.group td:first-child{padding-left:1.5em}\n")
                .append("pre{white-space:pre-wrap;margin:0;font-size:.9em}\n.warn{background:#fff4e5;padding:.5em}\n")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(r.assignment())).append(": ").append(esc(r.student())).append("</h1>\n");
        h.append("<p><b>Score: ").append(esc(r.totalText())).append("</b> &middot; graded ")
                .append(esc(r.timestamp().toString())).append(" in ")
                .append(String.format(Locale.ROOT, "%.1f", r.wallSeconds())).append(" s</p>\n");
        if (r.graderError() != null) {
            h.append("<p class=\"warn\"><b>Grader error</b> (not your fault; this submission will be graded again): ")
                    .append(esc(r.graderError())).append("</p>\n");
        }
        h.append("<table>\n<tr><th>Test</th><th>Points</th><th>Result</th></tr>\n");
        for (TestResult t : r.tests()) {
            h.append("<tr><td>").append(esc(t.name())).append(t.hidden() ? " <small>(hidden tests)</small>" : "")
                    .append(t.auto() ? "" : " <small>(graded by hand)</small>").append("</td><td>")
                    .append(t.pending() ? "pending" : GradesCsv.points(t.score())).append(" / ")
                    .append(GradesCsv.points(t.maxScore())).append("</td><td>");
            if (t.pending()) {
                h.append("<span class=\"pending\">pending: the lecturer grades this answer by hand</span>");
            } else if (!t.auto()) {
                h.append("<span class=\"pass\">graded</span>");
                if (!t.output().isBlank()) {
                    h.append("<pre>").append(esc(t.output())).append("</pre>");
                }
            } else if (!t.groups().isEmpty()) {
                h.append(t.passed() ? "<span class=\"pass\">passed</span>" : "<span class=\"fail\">partly passed</span>");
            } else if (t.passed()) {
                h.append("<span class=\"pass\">passed</span>");
            } else {
                h.append("<span class=\"fail\">failed</span><pre>").append(esc(t.output())).append("</pre>");
            }
            h.append("</td></tr>\n");
            for (TestResult.GroupResult g : t.groups()) {
                h.append("<tr class=\"group\"><td>&#8627; ").append(esc(g.name())).append("</td><td>")
                        .append(GradesCsv.points(g.score())).append(" / ").append(GradesCsv.points(g.maxScore()))
                        .append("</td><td>").append(g.passed() ? "<span class=\"pass\">passed</span>"
                                : "<span class=\"fail\">failed</span><pre>" + esc(g.output()) + "</pre>")
                        .append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
        if (!r.findings().isEmpty()) {
            h.append("<h2>Changes to locked cells</h2>\n<ul>\n");
            r.findings().forEach(f -> h.append("<li>").append(esc(f)).append("</li>\n"));
            h.append("</ul>\n");
        }
        if (!r.notes().isEmpty()) {
            h.append("<h2>Notes</h2>\n<ul>\n");
            r.notes().forEach(f -> h.append("<li>").append(esc(f)).append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /**
     * Write the page.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(SubmissionResult r, Path file) {
        try {
            Files.writeString(file, render(r), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** HTML-escape text (&amp;, &lt;, &gt;, quotes). */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
