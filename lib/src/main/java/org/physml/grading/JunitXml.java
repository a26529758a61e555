package org.physml.grading;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Results in the JUnit XML layout that CI servers read (Ant/Surefire style: {@code testsuites} &gt; one
 * {@code testsuite} per submission named "assignment.student" &gt; one {@code testcase} per graded test, with a
 * {@code failure} element for a failed test and an {@code error} element when the grader itself failed).
 * Score and max score are {@code property} elements of the suite and of each testcase. A test with assertion
 * groups is one testcase per group ("grade_id/group"); an answer graded by hand is {@code skipped} while pending.
 */
public final class JunitXml {
    private JunitXml() {
    }

    /** The XML document for a list of submissions. */
    public static Document toXml(String name, List<SubmissionResult> results) {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is not configured", e);
        }
        Element root = doc.createElement("testsuites");
        root.setAttribute("name", name);
        int tests = 0;
        int failures = 0;
        int errors = 0;
        double time = 0;
        int skipped = 0;
        for (SubmissionResult r : results) {
            Element suite = doc.createElement("testsuite");
            String suiteName = r.assignment() + "." + r.student();
            List<Case> cases = cases(r);
            long failed = cases.stream().filter(c -> c.failure() != null).count();
            long pending = cases.stream().filter(c -> c.pending() != null).count();
            boolean graderError = r.graderError() != null;
            suite.setAttribute("name", suiteName);
            suite.setAttribute("tests", Integer.toString(cases.size()));
            suite.setAttribute("failures", Long.toString(graderError ? 0 : failed));
            suite.setAttribute("errors", Long.toString(graderError ? failed : 0));
            suite.setAttribute("skipped", Long.toString(pending));
            suite.setAttribute("time", seconds(r.wallSeconds()));
            suite.setAttribute("timestamp", r.timestamp().toString());
            Element props = doc.createElement("properties");
            props.appendChild(property(doc, "score", GradesCsv.points(r.score())));
            props.appendChild(property(doc, "max_score", GradesCsv.points(r.maxScore())));
            if (r.hasManual()) {
                props.appendChild(property(doc, "auto_score", GradesCsv.points(r.autoScore())));
                props.appendChild(property(doc, "manual_pending", GradesCsv.points(r.pendingPoints())));
            }
            suite.appendChild(props);
            for (Case c : cases) {
                Element tc = doc.createElement("testcase");
                tc.setAttribute("classname", suiteName);
                tc.setAttribute("name", c.name());
                tc.setAttribute("time", seconds(c.seconds()));
                Element tp = doc.createElement("properties");
                tp.appendChild(property(doc, "score", c.pending() != null ? "pending" : GradesCsv.points(c.score())));
                tp.appendChild(property(doc, "max_score", GradesCsv.points(c.maxScore())));
                tc.appendChild(tp);
                if (c.pending() != null) {
                    Element sk = doc.createElement("skipped");
                    sk.setAttribute("message", c.pending());
                    tc.appendChild(sk);
                } else if (c.failure() != null) {
                    Element f = doc.createElement(graderError ? "error" : "failure");
                    String text = clean(c.failure());
                    f.setAttribute("message", text.lines().findFirst().orElse("failed"));
                    f.setAttribute("type", graderError ? "GraderError" : "TestFailure");
                    f.setTextContent(text);
                    tc.appendChild(f);
                }
                suite.appendChild(tc);
            }
            String notes = clean(GradescopeResults.summary(r));
            Element out = doc.createElement("system-out");
            out.setTextContent(notes);
            suite.appendChild(out);
            root.appendChild(suite);
            tests += cases.size();
            failures += graderError ? 0 : (int) failed;
            errors += graderError ? (int) failed : 0;
            skipped += (int) pending;
            time += r.wallSeconds();
        }
        root.setAttribute("tests", Integer.toString(tests));
        root.setAttribute("failures", Integer.toString(failures));
        root.setAttribute("errors", Integer.toString(errors));
        root.setAttribute("skipped", Integer.toString(skipped));
        root.setAttribute("time", seconds(time));
        doc.appendChild(root);
        return doc;
    }

    /**
     * One testcase: a test, one assertion group of a test with partial credit ("grade_id/group"), or a manual
     * answer (skipped while pending).
     *
     * @param failure the failure text, or null
     * @param pending the reason a manual answer is skipped, or null
     */
    private record Case(String name, double score, double maxScore, double seconds, String failure, String pending) {
    }

    private static List<Case> cases(SubmissionResult r) {
        List<Case> cases = new java.util.ArrayList<>();
        for (TestResult t : r.tests()) {
            if (!t.groups().isEmpty()) {
                for (TestResult.GroupResult g : t.groups()) {
                    cases.add(new Case(t.name() + "/" + g.name(), g.score(), g.maxScore(),
                            t.seconds() / t.groups().size(), g.passed() ? null : g.output(), null));
                }
            } else if (t.pending()) {
                cases.add(new Case(t.name(), 0, t.maxScore(), 0, null, "pending: graded by hand ("
                        + GradesCsv.points(t.maxScore()) + " points)"));
            } else {
                cases.add(new Case(t.name(), t.score(), t.maxScore(), t.seconds(), t.passed() ? null : t.output(),
                        null));
            }
        }
        return cases;
    }

    /**
     * Write the XML file (UTF-8, indented).
     *
     * @throws IllegalStateException if the file cannot be written
     */
    public static void write(String name, List<SubmissionResult> results, Path file) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            t.transform(new DOMSource(toXml(name, results)), new StreamResult(file.toFile()));
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Element property(Document doc, String name, String value) {
        Element p = doc.createElement("property");
        p.setAttribute("name", name);
        p.setAttribute("value", value);
        return p;
    }

    private static String seconds(double s) {
        return Double.isFinite(s) ? String.format(Locale.ROOT, "%.3f", s) : "0";
    }

    /** Remove characters XML 1.0 cannot carry (control characters other than tab, newline, return). */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000)
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
