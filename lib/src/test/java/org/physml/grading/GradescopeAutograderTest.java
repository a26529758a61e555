package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradescopeAutograderTest {
    @TempDir
    Path tmp;

    private Path notebook(String relative) throws IOException {
        Path p = tmp.resolve("submission").resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "{}");
        return p;
    }

    @Test
    void theOnlyNotebookAnywhereInTheSubmissionIsGradedUnderItsName() throws IOException {
        Path nb = notebook("repo/homework/my work.ipynb");
        notebook(".ipynb_checkpoints/my work-checkpoint.ipynb");
        notebook("repo/.hidden/other.ipynb");
        Submission s = GradescopeAutograder.find(tmp.resolve("submission"), "hw02-ftcs");
        assertEquals(nb, s.file());
        assertEquals("my_work", s.student());
        assertNull(s.problem());
    }

    @Test
    void amongSeveralNotebooksTheOneNamedAfterTheAssignment() throws IOException {
        notebook("scratch.ipynb");
        Path nb = notebook("hw02-ftcs.ipynb");
        assertEquals(nb, GradescopeAutograder.find(tmp.resolve("submission"), "hw02-ftcs").file());
    }

    @Test
    void noneOrAmbiguousOrLinkedNotebooksAreNotGradedAndSayWhy() throws IOException {
        Path dir = tmp.resolve("submission");
        Files.createDirectories(dir);
        Submission none = GradescopeAutograder.find(dir, "hw02-ftcs");
        assertNull(none.file());
        assertTrue(none.problem().contains("no notebook") && none.problem().contains("hw02-ftcs.ipynb"), none.problem());
        notebook("a.ipynb");
        notebook("b.ipynb");
        Submission two = GradescopeAutograder.find(dir, "hw02-ftcs");
        assertNull(two.file());
        assertTrue(two.problem().contains("[a.ipynb, b.ipynb]"), two.problem());
        Files.delete(dir.resolve("a.ipynb"));
        Files.delete(dir.resolve("b.ipynb"));
        Files.createSymbolicLink(dir.resolve("hw02-ftcs.ipynb"), NotebookTest.ROOT.resolve("solutions/hw02-ftcs.ipynb"));
        Submission link = GradescopeAutograder.find(dir, "hw02-ftcs");
        assertNull(link.file());
        assertTrue(link.problem().contains("symbolic link"), link.problem());
        assertNull(GradescopeAutograder.find(tmp.resolve("nothing-here"), "hw02-ftcs").file());
    }

    private static Assignment ftcs() {
        return Assignment.load(NotebookTest.ROOT.resolve("source/hw02-ftcs.ipynb"));
    }

    @Test
    void aGraderThatCannotStartStillWritesResultsJsonWithTheGraderError() throws IOException {
        Files.createDirectories(tmp.resolve("submission"));
        Files.copy(NotebookTest.ROOT.resolve("solutions/hw02-ftcs.ipynb"), tmp.resolve("submission/hw02-ftcs.ipynb"));
        Assignment a = ftcs();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int status = GradescopeAutograder.run(a, tmp, () -> {
            throw new IllegalArgumentException("no sandbox: bubblewrap cannot create its namespaces here");
        }, ExecutionLimits.DEFAULT, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        JsonObject r = JsonParser.parseString(Files.readString(tmp.resolve("results/results.json"))).getAsJsonObject();
        assertEquals(0.0, r.get("score").getAsDouble());
        // one entry per test, per assertion group of a test with groups (partial credit)
        int entries = a.tests().stream().mapToInt(t -> Math.max(1, t.groups().size())).sum();
        assertEquals(entries, r.getAsJsonArray("tests").size());
        assertTrue(r.getAsJsonObject("extra_data").get("grader_error").getAsString().contains("no sandbox"), r.toString());
        assertTrue(r.get("output").getAsString().contains("GRADER ERROR"), r.toString());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("cannot run here"));
    }

    @Test
    void aSubmissionWithoutANotebookScoresZeroWithoutRunningAnything() throws IOException {
        Files.createDirectories(tmp.resolve("submission"));
        Files.writeString(tmp.resolve("submission/answers.txt"), "42");
        NotebookExecutor never = (in, name, out, limits, logDir, slot) -> {
            throw new AssertionError("nothing to run");
        };
        int status = GradescopeAutograder.run(ftcs(), tmp, () -> new Grader(ftcs(), never), ExecutionLimits.DEFAULT,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        JsonObject r = JsonParser.parseString(Files.readString(tmp.resolve("results/results.json"))).getAsJsonObject();
        assertEquals(0.0, r.get("score").getAsDouble());
        assertTrue(r.get("output").getAsString().contains("no notebook"), r.toString());
        assertTrue(!r.getAsJsonObject("extra_data").has("grader_error"));
    }
}
