package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physml.grading.TestNotebooks.byId;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class SubmissionAssemblerTest {
    private final Assignment a = Assignment.of("hw", TestNotebooks.smallSource());

    private static List<String> ids(Notebook nb) {
        return nb.cells().stream().map(c -> c.gradeIdLenient().orElse(c.id())).toList();
    }

    @Test
    void anUntouchedSubmissionHasNoFindingsAndRunsTheHiddenTests() {
        Notebook sub = TestNotebooks.solved(a);
        SubmissionAssembler.Assembly asm = SubmissionAssembler.assemble(a, sub);
        assertEquals(List.of(), asm.findings());
        assertEquals(ids(sub), ids(asm.notebook()));
        assertEquals(a.gradingCell("square_hidden").source(), byId(asm.notebook(), "square_hidden").source());
        assertEquals("double square(double x) {\n    return x * x;\n}",
                byId(asm.notebook(), "square_answer").source());
        assertEquals(List.of(), SubmissionAssembler.assemble(a, a.solutionVersion()).findings());
    }

    @Test
    void anEditedTestIsRestoredAndReported() {
        Notebook sub = TestNotebooks.solved(a);
        byId(sub, "square_visible").setSource("// nothing to see");
        byId(sub, "square_hidden").metadata().getAsJsonObject("physml").addProperty("points", 20);
        SubmissionAssembler.Assembly asm = SubmissionAssembler.assemble(a, sub);
        assertEquals(List.of("locked cell 'square_visible' was modified; the original was restored and run",
                "locked cell 'square_hidden' was modified; the original was restored and run"), asm.findings());
        assertEquals("Assertions.assertEquals(4.0, square(2.0), 0.0);", byId(asm.notebook(), "square_visible").source());
        assertEquals(2.0, byId(asm.notebook(), "square_hidden").spec().orElseThrow().points());
    }

    @Test
    void deletedCellsComeBackWhereTheyBelong() {
        Notebook sub = TestNotebooks.solved(a);
        sub.cells().remove(byId(sub, "setup"));
        sub.cells().remove(byId(sub, "square_visible"));
        // a helper cell the student added after the solution
        sub.cells().add(2, TestNotebooks.code("helper", "double cube(double x) { return x * x * x; }"));
        SubmissionAssembler.Assembly asm = SubmissionAssembler.assemble(a, sub);
        assertEquals(List.of("setup", "m0", "square_answer", "helper", "square_visible", "square_hidden"),
                ids(asm.notebook()));
        assertEquals(List.of("locked cell 'setup' was deleted; the original was restored and run",
                "locked cell 'square_visible' was deleted; the original was restored and run"), asm.findings());
    }

    @Test
    void aSubmissionWithNothingLeftGetsEveryLockedCellBackInSourceOrder() {
        Notebook sub = TestNotebooks.notebook(TestNotebooks.code("x", "int x = 1;"));
        SubmissionAssembler.Assembly asm = SubmissionAssembler.assemble(a, sub);
        assertEquals(List.of("setup", "x", "square_visible", "square_hidden"), ids(asm.notebook()));
        assertEquals(3, asm.findings().size());
    }

    @Test
    void duplicatesAreDroppedAndMovesReported() {
        Notebook sub = TestNotebooks.solved(a);
        Cell visible = byId(sub, "square_visible");
        sub.cells().add(visible.copy());
        sub.cells().remove(visible);
        sub.cells().add(1, visible.copy());
        SubmissionAssembler.Assembly asm = SubmissionAssembler.assemble(a, sub);
        assertEquals(List.of("m0", "square_visible", "setup", "square_answer", "square_hidden"), ids(asm.notebook()));
        assertEquals(List.of("locked cell 'square_visible' appears more than once; the extra copy was removed",
                "locked cells were moved (order [square_visible, setup, square_hidden], expected [setup,"
                        + " square_visible, square_hidden]); they were run where the student put them"),
                asm.findings());
    }

    @Test
    void savedOutputsAndForeignTestMetadataDoNotCount() {
        Notebook sub = TestNotebooks.solved(a);
        JsonObject fake = new JsonObject();
        fake.addProperty("output_type", "stream");
        fake.addProperty("name", "stdout");
        fake.addProperty("text", "all tests passed");
        JsonArray outs = new JsonArray();
        outs.add(fake);
        byId(sub, "square_answer").json().add("outputs", outs);
        Cell mine = TestNotebooks.code("mine", "int z = 0;", CellSpec.test("bonus", 100));
        sub.cells().add(mine);
        sub.metadata().getAsJsonObject("kernelspec").addProperty("name", "python3");
        Notebook nb = SubmissionAssembler.assemble(a, sub).notebook();
        assertTrue(nb.cells().stream().allMatch(c -> c.outputs().isEmpty()));
        assertTrue(nb.cells().get(nb.cells().size() - 1).spec().isEmpty(), "the student's 'test' is a plain cell");
        assertEquals("physml-java", nb.metadata().getAsJsonObject("kernelspec").get("name").getAsString());
        assertEquals(CellSpec.solution("square_answer"), byId(nb, "square_answer").spec().orElseThrow());
    }

    @Test
    void theSubmittedNotebookIsNotModified() {
        Notebook sub = TestNotebooks.solved(a);
        byId(sub, "square_visible").setSource("// edited");
        String before = sub.toJson();
        SubmissionAssembler.assemble(a, sub);
        assertEquals(before, sub.toJson());
    }
}
