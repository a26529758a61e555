package org.physml.grading;

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
 *   {"grade_id": "setup", "locked": true}                                       a locked (restored) cell
 *   {"grade_id": "ftcs_step_answer", "solution": true}                         a cell the student completes
 * </pre>
 *
 * @param gradeId  identifier, unique in the notebook, letters, digits, '_', '-' and '.'
 * @param grade    true for a graded test cell: it passes iff it runs without an error output
 * @param points   points of a graded cell (&gt; 0), 0 otherwise
 * @param locked   the grader replaces the cell by the source's version before running (tests, setup)
 * @param solution the cell holds {@code // BEGIN SOLUTION} regions (see {@link Regions})
 * @param checksum checksum of the student version of a locked cell ({@link Checksums}), or null
 */
public record CellSpec(String gradeId, boolean grade, double points, boolean locked, boolean solution,
                       String checksum) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<String> KEYS = Set.of("grade_id", "grade", "points", "locked", "solution", "checksum");

    /**
     * @throws IllegalArgumentException if gradeId is missing or malformed, points are negative or not finite, a
     *                                  graded cell has no points or is not locked, or a solution cell is locked or
     *                                  graded
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
        if (grade && !locked) {
            throw new IllegalArgumentException("graded cell " + gradeId + " must be locked (\"locked\": true)");
        }
        if (solution && (locked || grade)) {
            throw new IllegalArgumentException("solution cell " + gradeId + " cannot be locked or graded");
        }
    }

    /** A graded, locked test cell. */
    public static CellSpec test(String gradeId, double points) {
        return new CellSpec(gradeId, true, points, true, false, null);
    }

    /** A locked cell that is not graded (setup, instructions). */
    public static CellSpec locked(String gradeId) {
        return new CellSpec(gradeId, false, 0, true, false, null);
    }

    /** A solution cell. */
    public static CellSpec solution(String gradeId) {
        return new CellSpec(gradeId, false, 0, false, true, null);
    }

    /** This spec with a checksum (or none with null). */
    public CellSpec withChecksum(String sum) {
        return new CellSpec(gradeId, grade, points, locked, solution, sum);
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
                o.has("checksum") ? string(o, "checksum") : null);
    }

    /** The metadata object; false flags and zero points are omitted. */
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
        if (checksum != null) {
            o.addProperty("checksum", checksum);
        }
        return o;
    }

    /** Points as JSON: an integer when whole (2, not 2.0), as a lecturer types them. */
    static JsonPrimitive pointsJson(double p) {
        return p == Math.rint(p) && Math.abs(p) < 1e15 ? new JsonPrimitive((long) p) : new JsonPrimitive(p);
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
