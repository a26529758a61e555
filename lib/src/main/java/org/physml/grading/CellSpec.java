package org.physml.grading;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Grading metadata of a cell, stored as {@code metadata.physml} (the role nbgrader's {@code metadata.nbgrader}
 * plays in Python notebooks):
 *
 * <pre>
 *   {"grade_id": "ftcs_step_hand", "grade": true, "points": 1, "locked": true}   a graded test cell
 *   {"grade_id": "loss", "grade": true, "points": 3, "locked": true,
 *    "groups": {"value": 2, "input_check": 1}}                                   a test with partial credit
 *   {"grade_id": "setup", "locked": true}                                       a locked (restored) cell
 *   {"grade_id": "ftcs_step_answer", "solution": true}                         a cell the student completes
 *   {"grade_id": "q_corner", "grade": true, "solution": true, "manual": true,
 *    "points": 2, "rubric": "2: ...; 1: ...; 0: ..."}                          an answer graded by hand
 * </pre>
 *
 * @param gradeId  identifier, unique in the notebook, letters, digits, '_', '-' and '.'
 * @param grade    true for a graded cell: a test (passes iff it runs without an error) or a manual answer
 * @param points   points of a graded cell (&gt; 0), 0 otherwise
 * @param locked   the grader replaces the cell by the source's version before running (tests, setup)
 * @param solution the cell holds solution regions ({@code // BEGIN SOLUTION} in code, {@code <!-- BEGIN SOLUTION -->}
 *                 in markdown; see {@link Regions})
 * @param checksum checksum of the student version of a locked cell ({@link Checksums}), or null
 * @param groups   assertion groups of a test cell and their points, in the order given (empty: all or nothing);
 *                 the cell's code is split by {@code // GROUP <name>} lines ({@link TestGroups}); an
 *                 unmodifiable map, never null
 * @param manual   a graded solution cell that the lecturer grades by hand (never locked, no groups)
 * @param rubric   the grading rubric of a manual cell (source and solution versions only), or null
 */
public record CellSpec(String gradeId, boolean grade, double points, boolean locked, boolean solution,
                       String checksum, Map<String, Double> groups, boolean manual, String rubric) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<String> KEYS = Set.of("grade_id", "grade", "points", "locked", "solution", "checksum",
            "groups", "manual", "rubric");

    /**
     * @throws IllegalArgumentException if gradeId is missing or malformed, points are negative or not finite, a
     *                                  graded cell has no points or is neither locked nor manual, a solution cell
     *                                  is locked or graded without being manual, a manual cell is not a graded,
     *                                  unlocked solution cell, a rubric is given outside a manual cell or is
     *                                  blank, or the groups are malformed (a name that is not a grade-id-like
     *                                  word, points not finite and &gt; 0, a sum other than {@code points}, on a
     *                                  cell that is not a test)
     */
    public CellSpec {
        if (gradeId == null || !ID.matcher(gradeId).matches()) {
            throw new IllegalArgumentException("grade_id must be non-empty and use only letters, digits, '_', '-'"
                    + " and '.', got " + (gradeId == null ? "none" : "\"" + gradeId + "\""));
        }
        if (!(points >= 0) || !Double.isFinite(points)) {
            throw new IllegalArgumentException("points of cell " + gradeId + " must be finite and >= 0, got " + points);
        }
        if (grade && !(points > 0)) {
            throw new IllegalArgumentException("graded cell " + gradeId + " needs points > 0");
        }
        if (!grade && points != 0) {
            throw new IllegalArgumentException("cell " + gradeId + " has points = " + points
                    + " but is not graded (set \"grade\": true)");
        }
        if (manual && (!grade || !solution || locked)) {
            throw new IllegalArgumentException("manually graded cell " + gradeId + " must have \"grade\": true and"
                    + " \"solution\": true and must not be locked");
        }
        if (grade && !locked && !manual) {
            throw new IllegalArgumentException("graded cell " + gradeId + " must be locked (\"locked\": true) or"
                    + " graded by hand (\"manual\": true with \"solution\": true)");
        }
        if (solution && (locked || (grade && !manual))) {
            throw new IllegalArgumentException("solution cell " + gradeId + " cannot be locked or graded"
                    + " (unless graded by hand: \"manual\": true)");
        }
        if (rubric != null && (!manual || rubric.isBlank())) {
            throw new IllegalArgumentException("cell " + gradeId + ": a \"rubric\" belongs to a manually graded cell"
                    + " (\"manual\": true) and must not be blank");
        }
        groups = checkedGroups(gradeId, grade && locked, points, groups);
    }

    private static Map<String, Double> checkedGroups(String gradeId, boolean test, double points,
                                                     Map<String, Double> groups) {
        if (groups == null || groups.isEmpty()) {
            return Map.of();
        }
        if (!test) {
            throw new IllegalArgumentException("cell " + gradeId + ": \"groups\" (partial credit) belong to a graded,"
                    + " locked test cell");
        }
        double sum = 0;
        for (Map.Entry<String, Double> g : groups.entrySet()) {
            if (g.getKey() == null || !ID.matcher(g.getKey()).matches()) {
                throw new IllegalArgumentException("test cell " + gradeId + ": group name \"" + g.getKey()
                        + "\" must use only letters, digits, '_', '-' and '.'");
            }
            Double p = g.getValue();
            if (p == null || !(p > 0) || !Double.isFinite(p)) {
                throw new IllegalArgumentException("test cell " + gradeId + ", group " + g.getKey()
                        + ": points must be finite and > 0, got " + p);
            }
            sum += p;
        }
        if (Math.abs(sum - points) > 1e-9 * Math.max(1, points)) {
            throw new IllegalArgumentException("test cell " + gradeId + ": the groups' points " + groups.values()
                    + " sum to " + GradesCsv.points(sum) + ", but the cell has " + GradesCsv.points(points)
                    + " points");
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }

    /** A cell spec without groups, manual grading or rubric (the form before partial credit). */
    public CellSpec(String gradeId, boolean grade, double points, boolean locked, boolean solution, String checksum) {
        this(gradeId, grade, points, locked, solution, checksum, Map.of(), false, null);
    }

    /** A graded, locked test cell. */
    public static CellSpec test(String gradeId, double points) {
        return new CellSpec(gradeId, true, points, true, false, null);
    }

    /**
     * A graded, locked test cell with partial credit.
     *
     * @param groups group names to points, in order; they must sum to the cell's points
     */
    public static CellSpec test(String gradeId, Map<String, Double> groups) {
        double sum = groups.values().stream().mapToDouble(Double::doubleValue).sum();
        return new CellSpec(gradeId, true, sum, true, false, null, groups, false, null);
    }

    /** A locked cell that is not graded (setup, instructions). */
    public static CellSpec locked(String gradeId) {
        return new CellSpec(gradeId, false, 0, true, false, null);
    }

    /** A solution cell. */
    public static CellSpec solution(String gradeId) {
        return new CellSpec(gradeId, false, 0, false, true, null);
    }

    /** A manually graded answer cell (rubric may be null, as in the student version). */
    public static CellSpec manual(String gradeId, double points, String rubric) {
        return new CellSpec(gradeId, true, points, false, true, null, Map.of(), true, rubric);
    }

    /** This spec with a checksum (or none with null). */
    public CellSpec withChecksum(String sum) {
        return new CellSpec(gradeId, grade, points, locked, solution, sum, groups, manual, rubric);
    }

    /** This spec without its rubric (what the student version carries). */
    public CellSpec withoutRubric() {
        return new CellSpec(gradeId, grade, points, locked, solution, checksum, groups, manual, null);
    }

    /** True for a graded test cell that the grader runs (not a manual answer). */
    public boolean autoGraded() {
        return grade && !manual;
    }

    /**
     * Parse {@code metadata.physml}.
     *
     * @throws IllegalArgumentException if it is not an object, has unknown keys or values of the wrong type, or
     *                                  violates the rules of the constructor
     */
    public static CellSpec fromJson(JsonElement e) {
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("metadata.physml must be an object, got " + e);
        }
        JsonObject o = e.getAsJsonObject();
        for (String k : o.keySet()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown key \"" + k + "\" in metadata.physml " + o
                        + "; allowed: " + KEYS);
            }
        }
        String id = o.has("grade_id") ? string(o, "grade_id") : null;
        return new CellSpec(id, bool(o, "grade"), number(o, "points"), bool(o, "locked"), bool(o, "solution"),
                o.has("checksum") ? string(o, "checksum") : null, groups(o), bool(o, "manual"),
                o.has("rubric") ? string(o, "rubric") : null);
    }

    /** The metadata object; false flags, zero points, no groups and no rubric are omitted. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("grade_id", gradeId);
        if (grade) {
            o.addProperty("grade", true);
            o.add("points", pointsJson(points));
        }
        if (locked) {
            o.addProperty("locked", true);
        }
        if (solution) {
            o.addProperty("solution", true);
        }
        if (manual) {
            o.addProperty("manual", true);
        }
        if (!groups.isEmpty()) {
            JsonObject g = new JsonObject();
            groups.forEach((k, v) -> g.add(k, pointsJson(v)));
            o.add("groups", g);
        }
        if (rubric != null) {
            o.addProperty("rubric", rubric);
        }
        if (checksum != null) {
            o.addProperty("checksum", checksum);
        }
        return o;
    }

    /** Points as JSON: an integer when whole (2, not 2.0), as a lecturer types them. */
    static JsonPrimitive pointsJson(double p) {
        return p == Math.rint(p) && Math.abs(p) < 1e15 ? new JsonPrimitive((long) p) : new JsonPrimitive(p);
    }

    private static Map<String, Double> groups(JsonObject o) {
        JsonElement v = o.get("groups");
        if (v == null) {
            return null;
        }
        if (!v.isJsonObject()) {
            throw new IllegalArgumentException("metadata.physml.groups must be an object of group name to points,"
                    + " got " + v);
        }
        if (v.getAsJsonObject().size() == 0) {
            throw new IllegalArgumentException("metadata.physml.groups is empty; leave it out for all-or-nothing"
                    + " scoring");
        }
        Map<String, Double> groups = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> g : v.getAsJsonObject().entrySet()) {
            JsonElement p = g.getValue();
            if (!p.isJsonPrimitive() || !p.getAsJsonPrimitive().isNumber()) {
                throw new IllegalArgumentException("metadata.physml.groups." + g.getKey() + " must be a number of"
                        + " points, got " + p);
            }
            groups.put(g.getKey(), p.getAsDouble());
        }
        return groups;
    }

    private static String string(JsonObject o, String k) {
        JsonElement v = o.get(k);
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("metadata.physml." + k + " must be a string, got " + v);
        }
        return v.getAsString();
    }

    private static boolean bool(JsonObject o, String k) {
        JsonElement v = o.get(k);
        if (v == null) {
            return false;
        }
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException("metadata.physml." + k + " must be true or false, got " + v);
        }
        return v.getAsBoolean();
    }

    private static double number(JsonObject o, String k) {
        JsonElement v = o.get(k);
        if (v == null) {
            return 0;
        }
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("metadata.physml." + k + " must be a number, got " + v);
        }
        return v.getAsDouble();
    }
}
