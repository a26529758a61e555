package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physml.grading.PartialCreditSchemaTest.groups;
import static org.physml.grading.TestNotebooks.code;
import static org.physml.grading.TestNotebooks.markdown;
import static org.physml.grading.TestNotebooks.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Scoring per assertion group in the fresh JShell, the reports, and the manual-grading round trip. */
class PartialCreditGradingTest {
    private static final Instant T0 = Instant.parse("2025-01-31T10:15:30Z");
    private static final String RUBRIC = "2: names the corner jump and both consequences; 1: one; 0: none";

    /** setup, a solution, a test with three groups (tolerance tiers and an input check), a manual answer. */
    private final Assignment a = Assignment.of("hw", notebook(
            code("c1", "import org.junit.jupiter.api.Assertions;", CellSpec.locked("setup")),
            code("c2", """
                    double root(double x) {
                        // BEGIN SOLUTION
                        if (x < 0) throw new IllegalArgumentException("x < 0");
                        return Math.sqrt(x);
                        // END SOLUTION
                    }""", CellSpec.solution("root_answer")),
            code("c3", """
                    double r2 = root(2.0);
                    // GROUP within_1e-4
                    Assertions.assertEquals(Math.sqrt(2), r2, 1e-4, "sqrt(2) to 1e-4");
                    // GROUP within_1e-8
                    Assertions.assertEquals(Math.sqrt(2), r2, 1e-8, "sqrt(2) to 1e-8");
                    // GROUP input_check
                    Assertions.assertThrows(IllegalArgumentException.class, () -> root(-1), "x < 0");""",
                    CellSpec.test("tiers", groups("within_1e-4", 1, "within_1e-8", 1, "input_check", 1))),
            markdown("m1", "Why?\n<!-- BEGIN SOLUTION -->\nBecause.\n<!-- END SOLUTION -->",
                    CellSpec.manual("q_why", 2, RUBRIC))));

    private List<TestResult> grade(String rootAnswer) {
        Notebook sub = TestNotebooks.solved(a);
        TestNotebooks.byId(sub, "root_answer").setSource(rootAnswer);
        Notebook assembled = SubmissionAssembler.assemble(a, sub).notebook();
        List<Path> cp = java.util.stream.Stream.of(org.junit.jupiter.api.Assertions.class,
                        org.opentest4j.AssertionFailedError.class, org.junit.platform.commons.util.StringUtils.class,
                        TestAgent.class)
                .map(c -> Path.of(c.getProtectionDomain().getCodeSource().getLocation().getPath())).toList();
        JsonObject job = JshellTestEvaluator.job(a, assembled, ExecutionLimits.DEFAULT.withCellTimeout(20), cp);
        TestEvaluator.Evaluation ev = JshellTestEvaluator.parse(TestRunner.of(job).run().toString());
        return Scorer.fromEvaluation(a, ev, ExecutionLimits.DEFAULT);
    }

    private static Map<String, Double> groupScores(TestResult t) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        t.groups().forEach(g -> m.put(g.name(), g.score()));
        return m;
    }

    @Test
    void eachGroupScoresOnItsOwnInAFreshJShell() {
        List<TestResult> right = grade("double root(double x) {\n    if (x < 0) throw new IllegalArgumentException();\n"
                + "    return Math.sqrt(x);\n}");
        assertEquals(groups("within_1e-4", 1, "within_1e-8", 1, "input_check", 1), groupScores(right.get(0)));
        assertTrue(right.get(0).passed());
        assertTrue(right.get(1).pending(), "the manual answer is left open");

        // a value right to 1e-5 earns the coarse tier only; no input check
        TestResult rough = grade("double root(double x) { return 1.41422; }").get(0);
        assertEquals(groups("within_1e-4", 1, "within_1e-8", 0, "input_check", 0), groupScores(rough));
        assertEquals(1, rough.score());
        assertEquals(3, rough.maxScore());
        assertFalse(rough.passed());
        assertTrue(rough.groups().get(1).output().contains("sqrt(2) to 1e-8 ==> expected: <1.4142135623730951>"
                + " but was: <1.41422>"), rough.groups().get(1).output());
        assertTrue(rough.groups().get(2).output().contains("Expected java.lang.IllegalArgumentException"),
                rough.groups().get(2).output());

        // a group that ends the JVM costs that group only: the next group runs in a new agent
        TestResult exits = grade("double root(double x) {\n    if (x < 0) System.exit(1);\n    return Math.sqrt(x);\n}")
                .get(0);
        assertEquals(groups("within_1e-4", 1, "within_1e-8", 1, "input_check", 0), groupScores(exits));
        assertTrue(exits.groups().get(2).output().contains("died"), exits.groups().get(2).output());

        // the shared setup fails: every group fails with its message
        TestResult stub = grade("double root(double x) { throw new UnsupportedOperationException(\"todo\"); }").get(0);
        assertEquals(0, stub.score());
        stub.groups().forEach(g -> assertTrue(g.output().contains("UnsupportedOperationException"), g.output()));
    }

    private SubmissionResult result(String student, double tier8, String answer) {
        List<TestResult.GroupResult> g = List.of(new TestResult.GroupResult("within_1e-4", 1, 1, true, ""),
                tier8 > 0 ? new TestResult.GroupResult("within_1e-8", 1, 1, true, "")
                        : new TestResult.GroupResult("within_1e-8", 0, 1, false, "expected: <1.41> but was: <1.42>"),
                new TestResult.GroupResult("input_check", 1, 1, true, ""));
        return new SubmissionResult(student, "hw", List.of(TestResult.ofGroups("tiers", g, false, 0.5),
                TestResult.pending("q_why", 2)), List.of(), List.of(), 3.0, T0, null, Map.of("q_why", answer));
    }

    @Test
    void reportsShowPointsPerGroupAndPendingManualPoints() {
        SubmissionResult r = result("alice", 0, "x");
        assertEquals("auto 2/3, manual pending 2", r.totalText());
        JsonArray tests = GradescopeResults.toJson(r).getAsJsonArray("tests");
        assertEquals(4, tests.size(), "one entry per group and one for the manual answer");
        JsonObject tier8 = tests.get(1).getAsJsonObject();
        assertEquals("tiers / within_1e-8", tier8.get("name").getAsString());
        assertEquals("1.2", tier8.get("number").getAsString());
        assertEquals(0.0, tier8.get("score").getAsDouble());
        assertEquals("failed", tier8.get("status").getAsString());
        JsonObject manual = tests.get(3).getAsJsonObject();
        assertFalse(manual.has("score"), "a pending answer has no score yet");
        assertTrue(manual.get("output").getAsString().startsWith("pending: graded by hand (2 points)"));
        assertEquals(2.0, GradescopeResults.toJson(r).get("score").getAsDouble());
        assertEquals(2.0, GradescopeResults.toJson(r).getAsJsonObject("extra_data").get("manual_pending")
                .getAsDouble());

        String html = FeedbackHtml.render(r);
        assertTrue(html.contains("Score: auto 2/3, manual pending 2"), html);
        assertTrue(html.contains("&#8627; within_1e-8</td><td>0 / 1"), html);
        assertTrue(html.contains("pending / 2"), html);

        var table = GradesCsv.table(List.of(r));
        assertEquals(List.of("student", "assignment", "score", "max_score", "timestamp", "auto_score",
                "auto_max_score", "manual_pending", "tiers", "tiers/within_1e-4", "tiers/within_1e-8",
                "tiers/input_check", "q_why"), table.columnNames());
        assertEquals("0", table.stringColumn("tiers/within_1e-8").get(0));
        assertEquals("pending", table.stringColumn("q_why").get(0));
    }

    @Test
    void junitHasATestcasePerGroupAndSkipsPendingAnswers(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("junit.xml");
        JunitXml.write("hw", List.of(result("alice", 0, "x")), f);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("4", root.getAttribute("tests"));
        assertEquals("1", root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("skipped"));
        var cases = root.getElementsByTagName("testcase");
        assertEquals("tiers/within_1e-8", ((Element) cases.item(1)).getAttribute("name"));
        assertEquals(1, ((Element) cases.item(1)).getElementsByTagName("failure").getLength());
        assertEquals(1, ((Element) cases.item(3)).getElementsByTagName("skipped").getLength());
    }

    @Test
    void theRecordRoundTripsWithGroupsManualStateAndNaNSeconds() {
        SubmissionResult r = result("alice", 1, "<script>x</script>");
        SubmissionResult pending = new SubmissionResult("bob", "hw", List.of(TestResult.pending("q_why", 2)),
                List.of("f"), List.of("n"), 1.5, T0, "boom", Map.of());
        assertEquals(r, ResultRecord.fromJson(ResultRecord.toJson(r), "r"));
        assertEquals(pending, ResultRecord.fromJson(ResultRecord.toJson(pending), "r"));
        assertThrows(IllegalArgumentException.class, () -> ResultRecord.fromJson("{\"student\": 3", "x.json"));
    }

    private Path graded(Path tmp) {
        Path out = tmp.resolve("out");
        List<SubmissionResult> results = List.of(result("alice", 1, "The jump at x = L."),
                result("mallory", 0, "<script>alert(document.cookie)</script></pre><img src=x onerror=alert(1)>"));
        for (SubmissionResult r : results) {
            try {
                Files.createDirectories(out.resolve(r.student()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Grader.writeReports(r, out.resolve(r.student()));
        }
        GradesCsv.write(results, out.resolve("grades.csv"));
        ManualGrading.writePages(a, results, out);
        return out;
    }

    @Test
    void theAnswerPageEscapesHostileAnswersAndShowsTheRubric(@TempDir Path tmp) throws IOException {
        Path out = graded(tmp);
        String page = Files.readString(out.resolve("manual/q_why.html"));
        assertFalse(page.toLowerCase(java.util.Locale.ROOT).contains("<script"), page);
        assertFalse(page.contains("<img"), page);
        assertTrue(page.contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;&lt;/pre&gt;&lt;img"), page);
        assertTrue(page.contains("default-src 'none'"), "a Content-Security-Policy forbids scripts");
        assertTrue(page.contains(FeedbackHtml.esc(RUBRIC)));
        assertTrue(page.contains("(2 points, graded by hand)"));
        assertEquals(List.of("student,grade_id,points,comment", "alice,q_why,,", "mallory,q_why,,"),
                Files.readAllLines(out.resolve("manual/scores-template.csv")));
    }

    @Test
    void aMalformedLecturerCsvIsRefusedWithItsLinesAndChangesNothing(@TempDir Path tmp) throws IOException {
        Path out = graded(tmp);
        String before = Files.readString(out.resolve("grades.csv")) + Files.readString(out.resolve("alice/results.json"));
        Path csv = tmp.resolve("scores.csv");
        Files.writeString(csv, """
                student,grade_id,points,comment
                eve,q_why,1,
                alice,q_who,1,
                alice,q_why,2.5,
                alice,q_why,two,
                mallory,q_why,1,"fine, mostly"
                mallory,q_why,0,
                mallory,q_why,Infinity,
                alice,q_why,1
                "alice",q_why,1,a,b
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ManualGrading.merge(a, out, csv));
        for (String want : List.of("scores.csv line 2: unknown student \"eve\"", "line 3: unknown grade_id \"q_who\"",
                "line 4: points 2.5 for q_why are outside [0, 2]", "line 5: points \"two\" is not a number",
                "line 7: mallory / q_why is given twice (first on line 6)", "line 8: points \"Infinity\" is not a number",
                "line 10: expected 4 fields", "nothing was merged")) {
            assertTrue(e.getMessage().contains(want), want + " in " + e.getMessage());
        }
        assertEquals(before, Files.readString(out.resolve("grades.csv")) + Files.readString(out.resolve("alice/results.json")));
        Files.writeString(csv, "student,points\nalice,1\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ManualGrading.merge(a, out, csv)).getMessage()
                .contains("scores.csv line 1: the header must be student,grade_id,points,comment"));
    }

    @Test
    void theLecturersScoresAreMergedIntoEveryReport(@TempDir Path tmp) throws IOException {
        Path out = graded(tmp);
        Path csv = tmp.resolve("scores.csv");
        Files.writeString(csv, "\uFEFFstudent,grade_id,points,comment\nalice,q_why,1.5,\"good, <b>but</b> brief\"\n"
                + "mallory,q_why,,\n");
        assertEquals(new ManualGrading.Merge(1, 1), ManualGrading.merge(a, out, csv));
        SubmissionResult alice = ResultRecord.read(out.resolve("alice/result.json"));
        assertEquals(4.5, alice.score());
        assertEquals("4.50 / 5 (auto 3/3, manual 1.50/2)", alice.totalText());
        JsonObject gs = JsonParser.parseString(Files.readString(out.resolve("alice/results.json"))).getAsJsonObject();
        assertEquals(4.5, gs.get("score").getAsDouble());
        String feedback = Files.readString(out.resolve("alice/feedback.html"));
        assertTrue(feedback.contains("good, &lt;b&gt;but&lt;/b&gt; brief"), feedback);
        assertTrue(feedback.contains("1.50 / 2"), feedback);
        List<String> grades = Files.readAllLines(out.resolve("grades.csv"));
        assertTrue(grades.get(1).startsWith("alice,hw,4.5,5.0,"), grades.get(1));
        assertTrue(grades.get(1).endsWith(",1.50"), grades.get(1));
        assertTrue(grades.get(2).startsWith("mallory,hw,2.0,5.0,"), grades.get(2));
        assertTrue(grades.get(2).endsWith(",pending"), grades.get(2));
        assertTrue(Files.readString(out.resolve("alice/junit.xml")).contains("name=\"score\" value=\"4.50\""));
        assertTrue(Files.readString(out.resolve("junit.xml")).contains("skipped=\"1\""));
        assertTrue(Files.readString(out.resolve("manual/q_why.html")).contains("<td>1.50</td>"));
    }
}
