/**
 * Graded homework for the course's Java notebooks, in the manner of nbgrader / Otter-Grader / Gradescope.
 *
 * <p>One source notebook per assignment ({@code source/<name>.ipynb}) with marked regions ({@link
 * org.physml.grading.Regions}) and grading metadata on cells ({@link org.physml.grading.CellSpec}); from it
 * the student version ({@code exercises/}) and the full version ({@code solutions/}) are generated
 * ({@link org.physml.grading.Generator}). Submissions are graded by restoring the locked cells
 * ({@link org.physml.grading.SubmissionAssembler}), running the notebook in a fresh kernel with limits
 * ({@link org.physml.grading.NbclientExecutor}), scoring the test cells ({@link org.physml.grading.Scorer}) and
 * writing Gradescope results.json, HTML feedback, JUnit XML and grades.csv. {@link org.physml.grading.GradeCli}
 * is the command line; {@link org.physml.grading.CourseCheck} the self-check. See grading/README.md.
 */
package org.physml.grading;
