package org.physml.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The assertion groups of a test cell with partial credit ({@code "groups"} in its {@link CellSpec}): the cell's
 * code is split at whole comment lines {@code // GROUP <name>} (leading and trailing blanks ignored). The code
 * before the first marker is the shared setup, which the grader runs again before every group; each group then
 * passes iff setup and group run without an error, and the cell scores the points of the groups that passed.
 *
 * <p>Every group of the metadata needs exactly one marker and every marker a group of the metadata; a line that
 * looks like a marker but is not one ({@code //GROUP x}, {@code // GROUPS x}, {@code // GROUP} without a name)
 * is an error, as is a marker in a cell without groups.
 */
public final class TestGroups {
    public static final String MARKER = "// GROUP";
    private static final Pattern EXACT = Pattern.compile("// GROUP ([A-Za-z0-9_.-]+)");
    private static final Pattern LIKE = Pattern.compile("//\\s*GROUPS?([\\s:].*)?");

    private TestGroups() {
    }

    /**
     * A test cell split into its groups.
     *
     * @param setup  the code before the first marker (may be blank)
     * @param groups group name to its code (the lines after its marker up to the next marker), in cell order
     */
    public record Split(String setup, Map<String, String> groups) {
    }

    /**
     * Split a test cell's source into its groups and check them against the metadata.
     *
     * @param declared the groups of the cell's metadata (empty for an all-or-nothing test)
     * @param where    names the notebook and cell in messages, e.g. "hw02-ftcs cell 14 (tiers)"
     * @throws IllegalArgumentException naming the cell, the line and the group: a malformed or repeated marker, a
     *                                  marker without a metadata group, a metadata group without a marker, a marker
     *                                  in a cell without groups
     */
    public static Split split(String source, Map<String, Double> declared, String where) {
        StringBuilder setup = new StringBuilder();
        Map<String, StringBuilder> code = new LinkedHashMap<>();
        Map<String, Integer> markerLine = new LinkedHashMap<>();
        StringBuilder current = setup;
        String[] lines = source.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String t = lines[n].strip();
            if (!LIKE.matcher(t).matches()) {
                current.append(lines[n]).append('\n');
                continue;
            }
            Matcher m = EXACT.matcher(t);
            if (!m.matches()) {
                throw new IllegalArgumentException(where + ", line " + (n + 1) + ": malformed group marker \"" + t
                        + "\"; expected \"" + MARKER + " <name>\" with a name of letters, digits, '_', '-' and '.'");
            }
            String name = m.group(1);
            if (declared.isEmpty()) {
                throw new IllegalArgumentException(where + ", line " + (n + 1) + ": group marker \"" + t
                        + "\" in a cell without \"groups\" in its metadata");
            }
            if (!declared.containsKey(name)) {
                throw new IllegalArgumentException(where + ", line " + (n + 1) + ": group \"" + name
                        + "\" is not in the cell's metadata groups " + declared.keySet());
            }
            if (markerLine.containsKey(name)) {
                throw new IllegalArgumentException(where + ", line " + (n + 1) + ": group \"" + name
                        + "\" has a second marker (the first is on line " + markerLine.get(name) + ")");
            }
            markerLine.put(name, n + 1);
            current = new StringBuilder();
            code.put(name, current);
        }
        List<String> missing = new ArrayList<>();
        for (String name : declared.keySet()) {
            if (!code.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(where + ": group" + (missing.size() == 1 ? " " : "s ") + missing
                    + " of the metadata ha" + (missing.size() == 1 ? "s" : "ve") + " no \"" + MARKER + " <name>\" line");
        }
        Map<String, String> groups = new LinkedHashMap<>();
        code.forEach((k, v) -> groups.put(k, v.toString()));
        return new Split(setup.toString(), groups);
    }

    /** True if the source has a line that is or looks like a group marker. */
    public static boolean hasMarkers(String source) {
        return source.lines().anyMatch(l -> LIKE.matcher(l.strip()).matches());
    }
}
