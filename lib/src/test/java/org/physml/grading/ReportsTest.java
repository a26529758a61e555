package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

class ReportsTest {
    private static final Instant T0 = Instant.parse("2025-01-31T10:15:30Z");

    static SubmissionResult result(String student, String graderError) {
        return new SubmissionResult(student, "hw02", List.of(
                new TestResult("step", 1, 1, true, "", false, 0.5),
                new TestResult("stability", 0, 2, false, "AssertionFailedError: r = 1/2 <must> be accepted\n"
                        + "   at .(#11:5)\u0007", true, 1.25)),
                List.of("locked cell 'stability' was modified; the original was restored and run"),
                List.of("the kernel was restarted 1 time"), 12.6, T0, graderError);
    }

    @Test
    void gradescopeResultsFollowTheAutograderSpecification() {
        JsonObject o = GradescopeResults.toJson(result("alice", null));
        assertEquals(1.0, o.get("score").getAsDouble());
        assertEquals(13, o.get("execution_time").getAsInt());
        assertEquals("visible", o.get("visibility").getAsString());
        assertTrue(o.get("output").getAsString().contains("integrity: locked cell 'stability' was modified"));
        var tests = o.getAsJsonArray("tests");
        assertEquals(2, tests.size());
        JsonObject pass = tests.get(0).getAsJsonObject();
        assertEquals("step", pass.get("name").getAsString());
        assertEquals(1.0, pass.get("score").getAsDouble());
        assertEquals(1.0, pass.get("max_score").getAsDouble());
        assertEquals("passed", pass.get("status").getAsString());
        assertEquals("visible", pass.get("visibility").getAsString());
        JsonObject fail = tests.get(1).getAsJsonObject();
        assertEquals(0.0, fail.get("score").getAsDouble());
        assertEquals(2.0, fail.get("max_score").getAsDouble());
        assertEquals("failed", fail.get("status").getAsString());
        assertEquals("after_published", fail.get("visibility").getAsString(), "tests with hidden parts");
        assertTrue(fail.get("output").getAsString().startsWith("AssertionFailedError: r = 1/2"));
        assertEquals("alice", o.getAsJsonObject("extra_data").get("student").getAsString());
    }

    @Test
    void gradescopeFileIsValidJson(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("results.json");
        GradescopeResults.write(result("bob", "kernel did not start"), f);
        JsonObject back = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
        assertEquals("kernel did not start", back.getAsJsonObject("extra_data").get("grader_error").getAsString());
        assertTrue(back.get("output").getAsString().contains("GRADER ERROR"));
    }

    @Test
    void junitXmlCountsFailuresAndCarriesMessages(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("junit.xml");
        JunitXml.write("hw02", List.of(result("alice", null), result("bob", "kernel did not start")), f);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("4", root.getAttribute("tests"));
        assertEquals("1", root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("errors"));
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals("hw02.alice", ((Element) suites.item(0)).getAttribute("name"));
        NodeList failures = ((Element) suites.item(0)).getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        Element failure = (Element) failures.item(0);
        assertEquals("AssertionFailedError: r = 1/2 <must> be accepted", failure.getAttribute("message"));
        assertFalse(failure.getTextContent().contains("\u0007"), "control characters are removed");
        assertEquals(1, ((Element) suites.item(1)).getElementsByTagName("error").getLength());
        assertEquals("1", ((Element) ((Element) suites.item(0)).getElementsByTagName("property").item(0))
                .getAttribute("value"));
    }

    @Test
    void gradesCsvHasOneRowPerSubmission(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("grades.csv");
        GradesCsv.write(List.of(result("alice", null), result("bob, jr.", null)), f);
        Table t = Table.read().csv(CsvReadOptions.builder(f.toFile())
                .columnTypes(new ColumnType[]{ColumnType.STRING, ColumnType.STRING, ColumnType.DOUBLE,
                        ColumnType.DOUBLE, ColumnType.STRING}).build());
        assertEquals(List.of("student", "assignment", "score", "max_score", "timestamp"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals("bob, jr.", t.stringColumn("student").get(1));
        assertEquals(1.0, t.doubleColumn("score").get(0));
        assertEquals(3.0, t.doubleColumn("max_score").get(0));
        assertEquals("2025-01-31T10:15:30Z", t.stringColumn("timestamp").get(0));
    }

    @Test
    void feedbackPageEscapesEverythingTheStudentControls() {
        SubmissionResult r = new SubmissionResult("<script>alert(1)</script>", "hw02",
                List.of(new TestResult("t", 0, 1, false, "expected: <1.0> but was: <2.0> & \"x\"", false, 0.1)),
                List.of(), List.of(), 1, T0, null);
        String html = FeedbackHtml.render(r);
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("expected: &lt;1.0&gt; but was: &lt;2.0&gt; &amp; &quot;x&quot;"));
        assertTrue(html.contains("Score: 0 / 1"));
    }

    @Test
    void pointsPrintWholeNumbersWithoutDecimals() {
        assertEquals("8", GradesCsv.points(8.0));
        assertEquals("2.50", GradesCsv.points(2.5));
    }
}
