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
 * Score and max score are {@code property} elements of the suite.
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
        for (SubmissionResult r : results) {
            Element suite = doc.createElement("testsuite");
            String suiteName = r.assignment() + "." + r.student();
            long failed = r.tests().stream().filter(t -> !t.passed()).count();
            boolean graderError = r.graderError() != null;
            suite.setAttribute("name", suiteName);
            suite.setAttribute("tests", Integer.toString(r.tests().size()));
            suite.setAttribute("failures", Long.toString(graderError ? 0 : failed));
            suite.setAttribute("errors", Long.toString(graderError ? failed : 0));
            suite.setAttribute("skipped", "0");
            suite.setAttribute("time", seconds(r.wallSeconds()));
            suite.setAttribute("timestamp", r.timestamp().toString());
            Element props = doc.createElement("properties");
            props.appendChild(property(doc, "score", GradesCsv.points(r.score())));
            props.appendChild(property(doc, "max_score", GradesCsv.points(r.maxScore())));
            suite.appendChild(props);
            for (TestResult t : r.tests()) {
                Element tc = doc.createElement("testcase");
                tc.setAttribute("classname", suiteName);
                tc.setAttribute("name", t.name());
                tc.setAttribute("time", seconds(t.seconds()));
                if (!t.passed()) {
                    Element f = doc.createElement(graderError ? "error" : "failure");
                    String text = clean(t.output());
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
            tests += r.tests().size();
            failures += graderError ? 0 : (int) failed;
            errors += graderError ? (int) failed : 0;
            time += r.wallSeconds();
        }
        root.setAttribute("tests", Integer.toString(tests));
        root.setAttribute("failures", Integer.toString(failures));
        root.setAttribute("errors", Integer.toString(errors));
        root.setAttribute("time", seconds(time));
        doc.appendChild(root);
        return doc;
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
