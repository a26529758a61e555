package org.physml.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The marked regions of a source cell and the two versions made from them.
 *
 * <p>Markers are whole lines (leading and trailing blanks ignored), in the style of nbgrader's
 * {@code ### BEGIN SOLUTION} for Python:
 * <pre>
 *   // BEGIN SOLUTION          ...  // END SOLUTION         the reference code a student writes
 *   // STUB: &lt;java line&gt;                                    inside a solution region: the student's stub
 *   // BEGIN HIDDEN TESTS      ...  // END HIDDEN TESTS     test code the student never sees
 * </pre>
 *
 * <p>Student version: a solution region becomes, at the indentation of its BEGIN line,
 * {@code // YOUR CODE HERE} followed by the region's {@code // STUB:} lines (marker removed) or, if it has none,
 * {@code throw new UnsupportedOperationException("not implemented: <label>");}. So a region that is a method
 * body yields a method that compiles and throws; a region elsewhere (a field initialiser, a top-level
 * statement) needs an explicit stub such as {@code // STUB: double p = Double.NaN;}. A hidden-test region
 * disappears with its markers.
 *
 * <p>Solution version: the marker and stub lines are removed, everything else is kept.
 *
 * <p>Regions cannot nest or overlap; every BEGIN needs its END.
 *
 * <p>Markdown cells (a written answer, e.g. one graded by hand) mark their model answer with whole lines
 * {@code <!-- BEGIN SOLUTION -->} and {@code <!-- END SOLUTION -->}: the student version has
 * {@code YOUR ANSWER HERE} instead of each region, the solution version the answer without the markers.
 */
public final class Regions {
    public static final String BEGIN_SOLUTION = "// BEGIN SOLUTION";
    public static final String END_SOLUTION = "// END SOLUTION";
    public static final String BEGIN_HIDDEN = "// BEGIN HIDDEN TESTS";
    public static final String END_HIDDEN = "// END HIDDEN TESTS";
    public static final String STUB = "// STUB:";
    public static final String YOUR_CODE_HERE = "// YOUR CODE HERE";

    public static final String BEGIN_SOLUTION_MD = "<!-- BEGIN SOLUTION -->";
    public static final String END_SOLUTION_MD = "<!-- END SOLUTION -->";
    public static final String YOUR_ANSWER_HERE = "YOUR ANSWER HERE";
    private static final Pattern MARKER_LIKE_MD = Pattern.compile("<!--\\s*(BEGIN|END)\\s+[A-Z][A-Z ]*-->");

    /** Upper-case BEGIN/END comments that are not one of the markers: most likely a typo. */
    private static final Pattern MARKER_LIKE = Pattern.compile("//\\s*(BEGIN|END)\\s+[A-Z][A-Z ]*");

    private Regions() {
    }

    /** What a source contains. */
    public record Summary(int solutionRegions, int hiddenRegions) {
    }

    private enum Mode { NORMAL, SOLUTION, HIDDEN }

    /**
     * Count the regions of a source.
     *
     * @param where names the cell in error messages, e.g. "hw02.ipynb cell 3 (ftcs_step_answer)"
     * @throws IllegalArgumentException on unbalanced, nested or stray markers (message gives the line number)
     */
    public static Summary summary(String source, String where) {
        int[] counts = new int[2];
        process(source, where, "unused", counts, false);
        return new Summary(counts[0], counts[1]);
    }

    /**
     * The student version: solution regions replaced by stubs, hidden tests removed.
     *
     * @param label names the task in the default stub's message
     * @throws IllegalArgumentException on malformed regions
     */
    public static String studentVersion(String source, String where, String label) {
        return process(source, where, label, new int[2], true);
    }

    /**
     * The solution version: marker and stub lines removed.
     *
     * @throws IllegalArgumentException on malformed regions
     */
    public static String solutionVersion(String source, String where) {
        return process(source, where, "unused", new int[2], false);
    }

    private static String process(String source, String where, String label, int[] counts, boolean student) {
        List<String> out = new ArrayList<>();
        List<String> stubs = new ArrayList<>();
        Mode mode = Mode.NORMAL;
        int beginLine = 0;
        String indent = "";
        String[] lines = source.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String t = line.strip();
            int lineNo = n + 1;
            if (t.equals(BEGIN_SOLUTION) || t.equals(BEGIN_HIDDEN)) {
                if (mode != Mode.NORMAL) {
                    throw error(where, lineNo, "\"" + t + "\" inside the region opened on line " + beginLine);
                }
                mode = t.equals(BEGIN_SOLUTION) ? Mode.SOLUTION : Mode.HIDDEN;
                counts[mode == Mode.SOLUTION ? 0 : 1]++;
                beginLine = lineNo;
                indent = line.substring(0, line.indexOf('/'));
                stubs.clear();
            } else if (t.equals(END_SOLUTION) || t.equals(END_HIDDEN)) {
                Mode closes = t.equals(END_SOLUTION) ? Mode.SOLUTION : Mode.HIDDEN;
                if (mode != closes) {
                    throw error(where, lineNo, "\"" + t + "\" without a matching BEGIN"
                            + (mode == Mode.NORMAL ? "" : " (open region from line " + beginLine + ")"));
                }
                if (student && mode == Mode.SOLUTION) {
                    out.add(indent + YOUR_CODE_HERE);
                    if (stubs.isEmpty()) {
                        out.add(indent + "throw new UnsupportedOperationException(\"not implemented: " + label + "\");");
                    } else {
                        for (String s : stubs) {
                            out.add(indent + s);
                        }
                    }
                }
                mode = Mode.NORMAL;
            } else if (t.startsWith(STUB)) {
                if (mode != Mode.SOLUTION) {
                    throw error(where, lineNo, "\"" + STUB + "\" outside a solution region");
                }
                String stub = t.substring(STUB.length()).strip();
                if (stub.isEmpty()) {
                    throw error(where, lineNo, "empty \"" + STUB + "\" line; give the Java line the student starts from");
                }
                stubs.add(stub);
            } else if (MARKER_LIKE.matcher(t).matches()) {
                throw error(where, lineNo, "unknown marker \"" + t + "\"; expected one of \"" + BEGIN_SOLUTION
                        + "\", \"" + END_SOLUTION + "\", \"" + BEGIN_HIDDEN + "\", \"" + END_HIDDEN + "\"");
            } else if (mode == Mode.NORMAL || !student) {
                out.add(line);
            }
        }
        if (mode != Mode.NORMAL) {
            throw error(where, beginLine, "region opened here is never closed");
        }
        return String.join("\n", out);
    }

    /**
     * Count the solution regions of a markdown cell.
     *
     * @throws IllegalArgumentException on unbalanced, nested or misspelled markers (message gives the line)
     */
    public static Summary markdownSummary(String source, String where) {
        int[] count = new int[1];
        processMarkdown(source, where, count, false);
        return new Summary(count[0], 0);
    }

    /**
     * The student version of a markdown cell: each solution region replaced by {@code YOUR ANSWER HERE}.
     *
     * @throws IllegalArgumentException on malformed regions
     */
    public static String markdownStudentVersion(String source, String where) {
        return processMarkdown(source, where, new int[1], true);
    }

    /**
     * The solution version of a markdown cell: the marker lines removed, the model answer kept.
     *
     * @throws IllegalArgumentException on malformed regions
     */
    public static String markdownSolutionVersion(String source, String where) {
        return processMarkdown(source, where, new int[1], false);
    }

    private static String processMarkdown(String source, String where, int[] count, boolean student) {
        List<String> out = new ArrayList<>();
        boolean open = false;
        int beginLine = 0;
        String[] lines = source.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String t = lines[n].strip();
            int lineNo = n + 1;
            if (t.equals(BEGIN_SOLUTION_MD)) {
                if (open) {
                    throw error(where, lineNo, "\"" + t + "\" inside the region opened on line " + beginLine);
                }
                open = true;
                beginLine = lineNo;
                count[0]++;
            } else if (t.equals(END_SOLUTION_MD)) {
                if (!open) {
                    throw error(where, lineNo, "\"" + t + "\" without a matching " + BEGIN_SOLUTION_MD);
                }
                open = false;
                if (student) {
                    out.add(YOUR_ANSWER_HERE);
                }
            } else if (MARKER_LIKE_MD.matcher(t).matches()) {
                throw error(where, lineNo, "unknown marker \"" + t + "\"; expected \"" + BEGIN_SOLUTION_MD
                        + "\" or \"" + END_SOLUTION_MD + "\"");
            } else if (!open || !student) {
                out.add(lines[n]);
            }
        }
        if (open) {
            throw error(where, beginLine, "region opened here is never closed");
        }
        return String.join("\n", out);
    }

    private static IllegalArgumentException error(String where, int line, String what) {
        return new IllegalArgumentException(where + ", line " + line + ": " + what);
    }
}
