package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * Every solution cell of every course assignment compiles in JShell (the engine of the course kernel) both as
 * the student's stub and as the solution, after the notebook's setup cells. Catches a stub convention that does
 * not fit a region (e.g. a region that is not a method body without a // STUB line) before any kernel runs.
 */
class StudentVersionCompilesTest {
    @Test
    void stubsAndSolutionsCompile() {
        var assignments = Generator.assignments(NotebookTest.ROOT);
        assertFalse(assignments.isEmpty());
        // One shell for everything (a class path of ~80 jars is slow to add): a solution's method replaces its stub.
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            for (Assignment a : assignments.values()) {
                for (Notebook nb : List.of(a.studentVersion(), a.solutionVersion())) {
                    for (Cell c : nb.cells()) {
                        CellSpec spec = c.spec().orElse(null);
                        boolean setup = spec != null && spec.locked() && !spec.grade();
                        if (c.isCode() && spec != null && (setup || spec.solution())) {
                            assertEquals(List.of(), rejected(shell, c.source()), a.name() + " " + spec.gradeId());
                        }
                    }
                }
            }
        }
    }

    /** Evaluate declarations snippet by snippet (without running statements); the diagnostics of those that fail. */
    private static List<String> rejected(JShell shell, String source) {
        List<String> problems = new ArrayList<>();
        SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(source);
        while (info.completeness().isComplete()) {
            for (SnippetEvent e : shell.eval(info.source())) {
                if (e.status() == Snippet.Status.REJECTED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    shell.diagnostics(e.snippet()).forEach(d -> problems.add(d.getMessage(null) + " in: "
                            + e.snippet().source().lines().findFirst().orElse("")));
                }
            }
            info = shell.sourceCodeAnalysis().analyzeCompletion(info.remaining());
        }
        return problems;
    }
}
