package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {
    @Test
    void generatesChecksAndNoticesHandEditsAndStaleFiles(@TempDir Path root) throws IOException {
        TestNotebooks.smallSource().write(root.resolve("source/hw1.ipynb"));
        assertEquals(List.of("exercises/hw1.ipynb is missing", "solutions/hw1.ipynb is missing"), Generator.check(root));
        assertEquals(List.of("wrote exercises/hw1.ipynb", "wrote solutions/hw1.ipynb"), Generator.write(root));
        assertEquals(List.of(), Generator.check(root));
        assertEquals(List.of(), Generator.write(root), "a second run changes nothing");

        Path ex = root.resolve("exercises/hw1.ipynb");
        Files.writeString(ex, Files.readString(ex).replace("not implemented", "TODO"));
        List<String> problems = Generator.check(root);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("exercises/hw1.ipynb differs from its source at line "), problems.get(0));

        Files.copy(ex, root.resolve("solutions/old.ipynb"));
        assertTrue(Generator.check(root).contains("solutions/old.ipynb has no source in source/"));
        assertEquals(List.of("wrote exercises/hw1.ipynb", "deleted solutions/old.ipynb (no source)"),
                Generator.write(root));
        assertEquals(List.of(), Generator.check(root));
    }

    @Test
    void theCommittedExercisesAndSolutionsAreInSync() {
        // the same check as ./physml grade generate --check, on the course itself
        assertEquals(List.of(), Generator.check(NotebookTest.ROOT));
    }

    @Test
    void firstDifferenceCountsLinesFromOne() {
        assertEquals(2, Generator.firstDifference("a\nb\nc", "a\nx\nc"));
        assertEquals(3, Generator.firstDifference("a\nb", "a\nb\nc"));
    }
}
