package org.physml.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** Builds small notebooks in memory for the tests. */
final class TestNotebooks {
    private TestNotebooks() {
    }

    static Cell code(String id, String source, CellSpec spec) {
        Cell c = Cell.create("code", id, source);
        c.setSpec(spec);
        return c;
    }

    static Cell code(String id, String source) {
        return code(id, source, null);
    }

    static Cell markdown(String id, String source) {
        return Cell.create("markdown", id, source);
    }

    static Cell markdown(String id, String source, CellSpec spec) {
        Cell c = Cell.create("markdown", id, source);
        c.setSpec(spec);
        return c;
    }

    static Notebook notebook(Cell... cells) {
        JsonObject root = new JsonObject();
        root.addProperty("nbformat", 4);
        root.addProperty("nbformat_minor", 5);
        JsonObject meta = new JsonObject();
        JsonObject ks = new JsonObject();
        ks.addProperty("name", "physml-java");
        ks.addProperty("display_name", "Java 17 (physml)");
        ks.addProperty("language", "java");
        meta.add("kernelspec", ks);
        root.add("metadata", meta);
        JsonArray arr = new JsonArray();
        for (Cell c : cells) {
            arr.add(c.json());
        }
        root.add("cells", arr);
        return Notebook.parse(root.toString(), "test notebook");
    }

    /**
     * A small assignment: setup (locked), a solution cell with a method-body region, a visible test (1 point),
     * a test with a hidden part (2 points), and a markdown cell.
     */
    static Notebook smallSource() {
        return notebook(
                markdown("m0", "# Homework"),
                code("c1", "import org.junit.jupiter.api.Assertions;", CellSpec.locked("setup")),
                code("c2", """
                        double square(double x) {
                            // BEGIN SOLUTION
                            return x * x;
                            // END SOLUTION
                        }""", CellSpec.solution("square_answer")),
                code("c3", "Assertions.assertEquals(4.0, square(2.0), 0.0);", CellSpec.test("square_visible", 1)),
                code("c4", """
                        // hidden tests follow
                        // BEGIN HIDDEN TESTS
                        Assertions.assertEquals(9.0, square(-3.0), 0.0);
                        // END HIDDEN TESTS""", CellSpec.test("square_hidden", 2)));
    }

    /** Fill the student version's solution cells with the source's solution code, as a student would. */
    static Notebook solved(Assignment a) {
        Notebook student = a.studentVersion();
        Notebook solution = a.solutionVersion();
        for (int i = 0; i < student.cells().size(); i++) {
            Cell c = student.cells().get(i);
            if (c.spec().map(CellSpec::solution).orElse(false)) {
                c.setSource(solution.cells().get(i).source());
            }
        }
        return student;
    }

    static Cell byId(Notebook nb, String gradeId) {
        return nb.cells().stream().filter(c -> gradeId.equals(c.gradeIdLenient().orElse(null))).findFirst()
                .orElseThrow(() -> new AssertionError("no cell " + gradeId));
    }
}
