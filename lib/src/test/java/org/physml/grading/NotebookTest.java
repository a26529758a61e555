package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookTest {
    /** The course root (lib/ is the working directory of the tests). */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void writesJupytersOwnLayoutByteForByte() throws IOException {
        // source/ notebooks are written by Jupyter (nbformat); reading and writing one must not change a byte.
        try (var sources = Files.list(ROOT.resolve("source"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".ipynb")).toList()) {
                String text = Files.readString(source, StandardCharsets.UTF_8);
                assertEquals(text, Notebook.read(source).toJson(), source.toString());
            }
        }
    }

    @Test
    void sourceIsStoredAsLinesAndReadBackJoined(@TempDir Path tmp) {
        Notebook nb = TestNotebooks.notebook(TestNotebooks.code("a", "int x = 1;\nint y = 2;\n"));
        Path f = tmp.resolve("sub/n.ipynb");
        nb.write(f);
        Notebook back = Notebook.read(f);
        assertEquals("int x = 1;\nint y = 2;\n", back.cells().get(0).source());
        assertTrue(back.toJson().contains("\"source\": [\n    \"int x = 1;\\n\",\n    \"int y = 2;\\n\"\n   ]"),
                back.toJson());
    }

    @Test
    void unknownFieldsSurviveARoundTrip() {
        String json = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"custom\": {\"k\": [1, 2.5]}},"
                + " \"cells\": [{\"cell_type\": \"raw\", \"id\": \"r\", \"metadata\": {\"x\": true}, \"source\": \"<b>\"}]}";
        Notebook nb = Notebook.parse(json, "n");
        Notebook again = Notebook.parse(nb.toJson(), "n2");
        assertEquals(nb.toJson(), again.toJson());
        assertTrue(nb.toJson().contains("\"k\": [\n    1,\n    2.5\n   ]"), nb.toJson());
        assertTrue(nb.toJson().contains("\"<b>\""), "HTML characters are written as they are");
    }

    @Test
    void copiesAreIndependent() {
        Notebook nb = TestNotebooks.notebook(TestNotebooks.code("a", "int x = 1;"));
        Notebook copy = nb.copy();
        copy.cells().get(0).setSource("changed");
        copy.cells().remove(0);
        assertEquals("int x = 1;", nb.cells().get(0).source());
        assertEquals(1, nb.cells().size());
    }

    @Test
    void refusesWhatIsNotAnNbformat4Notebook(@TempDir Path tmp) throws IOException {
        assertRefused("this is not json {", "not a notebook: invalid JSON");
        assertRefused("[1, 2]", "expected a JSON object");
        assertRefused("{\"nbformat\": 3, \"cells\": []}", "not an nbformat 4 notebook");
        assertRefused("{\"nbformat\": 4}", "no \"cells\" array");
        assertRefused("{\"nbformat\": 4, \"cells\": [{\"source\": \"x\"}]}", "cell 0: cell_type must be");
        assertRefused("{\"nbformat\": 4, \"cells\": [7]}", "cell 0 is not a JSON object");
        String code = "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], ";
        assertRefused(code + "\"source\": {\"a\": 1}}]}", "cell 0: \"source\" must be a string or a list of strings,"
                + " got an object");
        assertRefused(code + "\"source\": null}]}", "\"source\" must be a string or a list of strings, got null");
        assertRefused(code + "\"source\": [\"x\", 3]}]}", "got a list with other values");
        assertRefused("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"outputs\": 5}]}",
                "\"outputs\" must be a list of objects");
        Path missing = tmp.resolve("missing.ipynb");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Notebook.read(missing));
        assertTrue(e.getMessage().contains("cannot read notebook " + missing), e.getMessage());
    }

    private static void assertRefused(String json, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Notebook.parse(json, "sub.ipynb"));
        assertTrue(e.getMessage().startsWith("sub.ipynb") && e.getMessage().contains(fragment), e.getMessage());
    }
}
