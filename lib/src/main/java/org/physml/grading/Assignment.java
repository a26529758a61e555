package org.physml.grading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One assignment: the lecturer's source notebook and what is derived from it - the student version
 * (exercises/), the full solution version (solutions/), the graded tests and the locked cells the grader
 * restores.
 *
 * <p>Rules checked on load (each violation is an IllegalArgumentException naming the notebook, the cell and
 * the line): grade ids unique; at least one graded test; {@code // BEGIN SOLUTION} regions only in cells marked
 * {@code "solution": true}; {@code // BEGIN HIDDEN TESTS} only in graded test cells; markers balanced (see
 * {@link Regions}); {@code // GROUP <name>} markers exactly those of the test's metadata groups ({@link TestGroups});
 * a manually graded cell ({@code "manual": true}) has a rubric and, in markdown, a
 * {@code <!-- BEGIN SOLUTION -->} region. The student version of a manual cell carries no rubric.
 *
 * <p>Optional notebook metadata {@code metadata.physml = {"cell_timeout": s, "notebook_timeout": s}} sets
 * the assignment's time limits in seconds (see {@link ExecutionLimits}).
 */
public final class Assignment {
    private final String name;
    private final Notebook student;
    private final Notebook solution;
    private final List<GradedTest> tests;
    private final Map<String, Cell> lockedFull = new LinkedHashMap<>();
    private final Map<String, Set<String>> acceptedChecksums = new LinkedHashMap<>();
    private final List<String> gradeIds = new ArrayList<>();
    private final Integer cellTimeout;
    private final Integer notebookTimeout;
    private Set<String> gradedNames;
    private Set<String> hiddenLines;

    /**
     * A graded test.
     *
     * @param gradeId its cell's grade id
     * @param points  points awarded when the cell runs without error
     * @param hidden  true if the cell contains hidden tests (its result is shown after publication)
     * @param groups  assertion groups and their points (partial credit, {@link TestGroups}); empty: all or nothing
     * @param manual  a written answer (markdown or code) that the lecturer grades by hand; not run by the grader
     * @param rubric  the rubric of a manual answer, else null
     */
    public record GradedTest(String gradeId, double points, boolean hidden, Map<String, Double> groups,
                             boolean manual, String rubric) {
        public GradedTest {
            groups = groups == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        }

        /** An all-or-nothing test. */
        public GradedTest(String gradeId, double points, boolean hidden) {
            this(gradeId, points, hidden, Map.of(), false, null);
        }
    }

    private Assignment(String name, Notebook source) {
        this.name = name;
        this.student = source.copy();
        this.solution = source.copy();
        student.clearOutputs();
        solution.clearOutputs();
        List<GradedTest> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < source.cells().size(); i++) {
            Cell src = source.cells().get(i);
            String where = name + " cell " + i;
            CellSpec spec;
            try {
                spec = src.spec().orElse(null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            if (spec != null) {
                where += " (" + spec.gradeId() + ")";
                if (!ids.add(spec.gradeId())) {
                    throw new IllegalArgumentException(where + ": grade_id \"" + spec.gradeId() + "\" is used twice");
                }
                gradeIds.add(spec.gradeId());
                if (spec.checksum() != null) {
                    throw new IllegalArgumentException(where + ": a source cell must not carry a checksum;"
                            + " checksums are written into the student version");
                }
            }
            boolean markdown = "markdown".equals(src.type());
            String marker = markdown ? Regions.BEGIN_SOLUTION_MD : Regions.BEGIN_SOLUTION;
            Regions.Summary regions = src.isCode() ? Regions.summary(src.source(), where)
                    : markdown ? Regions.markdownSummary(src.source(), where) : new Regions.Summary(0, 0);
            boolean isSolution = spec != null && spec.solution();
            boolean isTest = spec != null && spec.autoGraded();
            boolean isManual = spec != null && spec.manual();
            if (regions.solutionRegions() > 0 && !isSolution) {
                throw new IllegalArgumentException(where + ": has " + marker
                        + " regions but is not marked as a solution cell (metadata.physml.solution = true)");
            }
            if (isSolution && regions.solutionRegions() == 0) {
                throw new IllegalArgumentException(where + ": marked as a solution cell but has no "
                        + marker + " region");
            }
            if (isManual && spec.rubric() == null) {
                throw new IllegalArgumentException(where + ": a manually graded cell needs a \"rubric\" (what earns"
                        + " which points; the lecturer sees it next to every answer)");
            }
            if (isManual && !src.isCode() && !markdown) {
                throw new IllegalArgumentException(where + ": a manually graded cell must be markdown or code");
            }
            if (src.isCode() && !isTest && TestGroups.hasMarkers(src.source())) {
                throw new IllegalArgumentException(where + ": has \"" + TestGroups.MARKER
                        + " <name>\" lines but is not a graded test cell");
            }
            Map<String, Double> groups = new LinkedHashMap<>();
            if (isTest && src.isCode()) {
                // in the order of the markers in the cell (JSON writers may sort the metadata's keys)
                TestGroups.split(src.source(), spec.groups(), where).groups().keySet()
                        .forEach(g -> groups.put(g, spec.groups().get(g)));
            }
            if (regions.hiddenRegions() > 0 && !isTest) {
                throw new IllegalArgumentException(where + ": has " + Regions.BEGIN_HIDDEN
                        + " regions but is not a graded test cell");
            }
            if (isTest && !src.isCode()) {
                throw new IllegalArgumentException(where + ": a graded test must be a code cell");
            }
            Cell stu = student.cells().get(i);
            Cell sol = solution.cells().get(i);
            if (src.isCode()) {
                stu.setSource(Regions.studentVersion(src.source(), where, spec == null ? "cell " + i : spec.gradeId()));
                sol.setSource(Regions.solutionVersion(src.source(), where));
            } else if (markdown && regions.solutionRegions() > 0) {
                stu.setSource(Regions.markdownStudentVersion(src.source(), where));
                sol.setSource(Regions.markdownSolutionVersion(src.source(), where));
            }
            if (isManual) {
                stu.setSpec(spec.withoutRubric());
            }
            if (spec != null && spec.locked()) {
                String studentSum = Checksums.of(stu.type(), spec, stu.source());
                stu.setSpec(spec.withChecksum(studentSum));
                protect(stu);
                protect(sol);
                lockedFull.put(spec.gradeId(), sol.copy());
                acceptedChecksums.put(spec.gradeId(),
                        new HashSet<>(List.of(studentSum, Checksums.of(sol.type(), spec, sol.source()))));
            }
            if (isTest || isManual) {
                found.add(new GradedTest(spec.gradeId(), spec.points(), regions.hiddenRegions() > 0, groups,
                        isManual, spec.rubric()));
            }
        }
        if (found.stream().noneMatch(t -> !t.manual())) {
            throw new IllegalArgumentException(name + ": no graded test cells (metadata.physml.grade = true)");
        }
        this.tests = Collections.unmodifiableList(found);
        JsonElement meta = source.metadata().get(Cell.METADATA_KEY);
        this.cellTimeout = positiveInt(meta, "cell_timeout", name);
        this.notebookTimeout = positiveInt(meta, "notebook_timeout", name);
    }

    /**
     * Load the source notebook {@code <name>.ipynb}; the assignment is named after the file.
     *
     * @throws IllegalArgumentException if the file is not a notebook or breaks a rule (see the class comment)
     */
    public static Assignment load(Path source) {
        String file = source.getFileName().toString();
        if (!file.endsWith(".ipynb")) {
            throw new IllegalArgumentException("an assignment source must be an .ipynb file, got " + source);
        }
        return of(file.substring(0, file.length() - ".ipynb".length()), Notebook.read(source));
    }

    /**
     * An assignment from a notebook already in memory.
     *
     * @throws IllegalArgumentException if the notebook breaks a rule (see the class comment)
     */
    public static Assignment of(String name, Notebook source) {
        return new Assignment(name, source);
    }

    /** The assignment name (file stem of the source). */
    public String name() {
        return name;
    }

    /** The student version (a fresh copy): stubs, no hidden tests, no outputs, checksums on locked cells. */
    public Notebook studentVersion() {
        return student.copy();
    }

    /** The full version (a fresh copy): solutions and hidden tests, markers removed, no outputs. */
    public Notebook solutionVersion() {
        return solution.copy();
    }

    /** The graded cells in notebook order: the tests the grader runs and the answers graded by hand. */
    public List<GradedTest> tests() {
        return tests;
    }

    /** Sum of the points of all graded cells (tests and manual answers). */
    public double maxScore() {
        return tests.stream().mapToDouble(GradedTest::points).sum();
    }

    /** The tests the grader runs (not graded by hand), in notebook order. */
    public List<GradedTest> autoTests() {
        return tests.stream().filter(t -> !t.manual()).toList();
    }

    /** The answers graded by hand, in notebook order. */
    public List<GradedTest> manualTests() {
        return tests.stream().filter(GradedTest::manual).toList();
    }

    /** Sum of the points of the tests the grader runs. */
    public double autoMaxScore() {
        return autoTests().stream().mapToDouble(GradedTest::points).sum();
    }

    /** Grade ids of all cells with grading metadata (locked, solution and test cells) in notebook order. */
    public List<String> gradeIds() {
        return List.copyOf(gradeIds);
    }

    /** Grade ids of the locked cells in notebook order. */
    public List<String> lockedIds() {
        return List.copyOf(lockedFull.keySet());
    }

    /** True if {@code gradeId} names a locked cell. */
    public boolean isLocked(String gradeId) {
        return lockedFull.containsKey(gradeId);
    }

    /**
     * The version of a locked cell the student has (hidden tests removed, checksum set), a fresh copy.
     *
     * @throws IllegalArgumentException if there is no locked cell with that id
     */
    public Cell studentCell(String gradeId) {
        if (!lockedFull.containsKey(gradeId)) {
            throw new IllegalArgumentException("assignment " + name + " has no locked cell " + gradeId);
        }
        for (Cell c : student.cells()) {
            if (gradeId.equals(c.gradeIdLenient().orElse(null))) {
                return c.copy();
            }
        }
        throw new IllegalStateException("student version lost cell " + gradeId);
    }

    /**
     * The names the solution cells declare (methods, types, variables): what the tests call in the student's
     * code. Found with JShell's source analysis (no code is run).
     */
    public synchronized Set<String> gradedNames() {
        if (gradedNames == null) {
            Set<String> names = new java.util.LinkedHashSet<>();
            try (jdk.jshell.JShell js = jdk.jshell.JShell.builder().executionEngine("local")
                    .out(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .err(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).build()) {
                var sca = js.sourceCodeAnalysis();
                for (Cell c : solution.cells()) {
                    if (c.isCode() && c.spec().map(CellSpec::solution).orElse(false)) {
                        for (String snippet : TestRunner.split(sca, c.source())) {
                            sca.sourceToSnippets(snippet).stream()
                                    .filter(sn -> sn instanceof jdk.jshell.DeclarationSnippet)
                                    .forEach(sn -> names.add(((jdk.jshell.DeclarationSnippet) sn).name()));
                        }
                    }
                }
            }
            gradedNames = Collections.unmodifiableSet(names);
        }
        return gradedNames;
    }

    /**
     * Lines of the hidden tests (stripped, at least 8 characters): text that must never reach a student.
     */
    public synchronized Set<String> hiddenLines() {
        if (hiddenLines == null) {
            Set<String> lines = new java.util.LinkedHashSet<>();
            for (GradedTest t : autoTests()) {
                Set<String> visible = new HashSet<>(studentCell(t.gradeId()).source().lines().map(String::strip).toList());
                lockedFull.get(t.gradeId()).source().lines().map(String::strip)
                        .filter(l -> l.length() >= 8 && !visible.contains(l)).forEach(lines::add);
            }
            hiddenLines = Collections.unmodifiableSet(lines);
        }
        return hiddenLines;
    }

    /**
     * The version of a locked cell the grader runs (with hidden tests), a fresh copy.
     *
     * @throws IllegalArgumentException if there is no locked cell with that id
     */
    public Cell gradingCell(String gradeId) {
        Cell c = lockedFull.get(gradeId);
        if (c == null) {
            throw new IllegalArgumentException("assignment " + name + " has no locked cell " + gradeId);
        }
        return c.copy();
    }

    /**
     * True if a submitted cell equals the student version or the full version of the locked cell
     * {@code gradeId} (by {@link Checksums}).
     */
    public boolean isUnmodified(String gradeId, Cell submitted) {
        Set<String> ok = acceptedChecksums.get(gradeId);
        return ok != null && ok.contains(Checksums.of(submitted));
    }

    /** The time limit per cell set in the source's metadata, seconds, if any. */
    public Optional<Integer> cellTimeout() {
        return Optional.ofNullable(cellTimeout);
    }

    /** The time limit per notebook set in the source's metadata, seconds, if any. */
    public Optional<Integer> notebookTimeout() {
        return Optional.ofNullable(notebookTimeout);
    }

    /** The source's kernelspec metadata (a copy), if it has one. */
    public Optional<JsonObject> kernelspec() {
        JsonElement k = solution.metadata().get("kernelspec");
        return k != null && k.isJsonObject() ? Optional.of(k.getAsJsonObject().deepCopy()) : Optional.empty();
    }

    /** Jupyter's "not editable, not deletable" cell flags (honoured by Notebook 7 and JupyterLab). */
    private static void protect(Cell c) {
        c.metadata().addProperty("editable", false);
        c.metadata().addProperty("deletable", false);
    }

    private static Integer positiveInt(JsonElement meta, String key, String name) {
        if (meta == null || !meta.isJsonObject()) {
            return null;
        }
        JsonObject o = meta.getAsJsonObject();
        if (!o.has(key)) {
            return null;
        }
        JsonElement v = o.get(key);
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber() || v.getAsDouble() < 1
                || v.getAsDouble() != Math.rint(v.getAsDouble())) {
            throw new IllegalArgumentException(name + ": metadata.physml." + key
                    + " must be a whole number of seconds >= 1, got " + v);
        }
        return v.getAsInt();
    }
}
