package org.physml.grading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the notebook the grader runs from a submission: every locked cell (setup, tests) is replaced by the
 * source's version including hidden tests; deleted locked cells are put back; duplicates of a locked cell are
 * dropped; every output is cleared (nothing the student saved counts). Cells the student wrote or completed
 * are kept in the student's order.
 *
 * <p>Student declarations that shadow names the tests use are handled where the tests run ({@link TestRunner}).
 *
 * <p>Edits are detected with {@link Checksums} and reported as findings in the feedback; they never change the
 * score by themselves - the restored test decides.
 *
 * <p>A deleted locked cell is put back after the nearest cell before it in the source (a locked or solution cell,
 * identified by grade id) that the submission still has, behind any cells the student added there; with no
 * such cell, at the top. So a deleted setup cell returns to the top and a deleted test follows the student's
 * solution of its task.
 */
public final class SubmissionAssembler {
    private SubmissionAssembler() {
    }

    /**
     * The notebook to run and what was found.
     *
     * @param notebook the notebook to execute
     * @param findings human-readable integrity findings, in notebook order (empty if nothing was changed)
     */
    public record Assembly(Notebook notebook, List<String> findings) {
    }

    /** Assemble the notebook to grade from a submitted notebook (which is not modified). */
    public static Assembly assemble(Assignment assignment, Notebook submitted) {
        Notebook nb = submitted.copy();
        List<String> findings = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Cell> out = new ArrayList<>();
        List<String> lockedOrder = new ArrayList<>();
        for (Cell cell : nb.cells()) {
            String id = cell.gradeIdLenient().orElse(null);
            if (id != null && assignment.isLocked(id)) {
                int count = seen.merge(id, 1, Integer::sum);
                if (count > 1) {
                    findings.add("locked cell '" + id + "' appears more than once; the extra copy was removed");
                    continue;
                }
                if (!assignment.isUnmodified(id, cell)) {
                    findings.add("locked cell '" + id + "' was modified; the original was restored and run");
                }
                out.add(assignment.gradingCell(id));
                lockedOrder.add(id);
            } else {
                Cell own = cell.copy();
                // A student's cell never counts as a test, whatever its metadata says; a solution cell keeps
                // its id (it locates restored cells), nothing else.
                boolean solutionCell = id != null && assignment.gradeIds().contains(id);
                own.setSpec(solutionCell ? CellSpec.solution(id) : null);
                own.clearOutputs();
                out.add(own);
            }
        }
        List<String> expectedOrder = assignment.lockedIds();
        List<String> present = expectedOrder.stream().filter(seen::containsKey).toList();
        if (!present.equals(lockedOrder)) {
            findings.add("locked cells were moved (order " + lockedOrder + ", expected " + present
                    + "); they were run where the student put them");
        }
        List<String> sourceOrder = assignment.gradeIds();
        for (String id : expectedOrder) {
            if (seen.containsKey(id)) {
                continue;
            }
            out.add(restorePosition(out, sourceOrder, id, assignment), assignment.gradingCell(id));
            seen.put(id, 1);
            findings.add("locked cell '" + id + "' was deleted; the original was restored and run");
        }
        nb.cells().clear();
        nb.cells().addAll(out);
        // The notebook runs with the source's kernel, whatever the submission's metadata says.
        assignment.kernelspec().ifPresent(k -> nb.metadata().add("kernelspec", k));
        return new Assembly(nb, findings);
    }

    /** Where to put back the deleted locked cell {@code id} (see the class comment). */
    private static int restorePosition(List<Cell> cells, List<String> sourceOrder, String id, Assignment a) {
        int k = sourceOrder.indexOf(id);
        for (int j = k - 1; j >= 0; j--) {
            int pos = indexOf(cells, sourceOrder.get(j));
            if (pos >= 0) {
                int at = pos + 1;
                while (at < cells.size() && !identified(cells.get(at), sourceOrder)) {
                    at++;   // behind the cells the student added after it
                }
                return at;
            }
        }
        return 0;
    }

    private static boolean identified(Cell c, List<String> sourceOrder) {
        return c.gradeIdLenient().map(sourceOrder::contains).orElse(false);
    }

    private static int indexOf(List<Cell> cells, String id) {
        for (int i = 0; i < cells.size(); i++) {
            if (id.equals(cells.get(i).gradeIdLenient().orElse(null))) {
                return i;
            }
        }
        return -1;
    }
}
