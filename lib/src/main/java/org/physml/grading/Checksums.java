package org.physml.grading;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checksums that detect edits of locked cells (nbgrader's idea, here SHA-256).
 *
 * <p>The checksum covers the cell type, the grading metadata that matters for grading (grade_id, grade, points,
 * locked) and the source after normalisation: line endings unified to "\n", trailing blanks of each line and
 * trailing empty lines removed. So a notebook saved on Windows or by an editor that trims whitespace still
 * matches; any change to code, points or identity does not.
 */
public final class Checksums {
    private Checksums() {
    }

    /**
     * Checksum of a cell as it stands (its {@code metadata.physml} read leniently: a malformed one counts as absent).
     */
    public static String of(Cell cell) {
        CellSpec spec;
        try {
            spec = cell.spec().orElse(null);
        } catch (IllegalArgumentException e) {
            spec = null;
        }
        return of(cell.type(), spec, cell.source());
    }

    /** Checksum of a cell given its type, grading metadata (or null) and source. */
    public static String of(String type, CellSpec spec, String source) {
        StringBuilder sb = new StringBuilder();
        sb.append("type=").append(type).append('\n');
        if (spec != null) {
            sb.append("grade_id=").append(spec.gradeId()).append('\n');
            sb.append("grade=").append(spec.grade()).append('\n');
            sb.append("points=").append(CellSpec.pointsJson(spec.points())).append('\n');
            sb.append("locked=").append(spec.locked()).append('\n');
        }
        sb.append("source=\n").append(normalise(source));
        return sha256(sb.toString());
    }

    /** Unified line endings, no trailing blanks per line, no trailing empty lines. */
    static String normalise(String source) {
        String[] lines = source.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder sb = new StringBuilder();
        int last = lines.length - 1;
        while (last >= 0 && lines[last].isBlank()) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            sb.append(lines[i].stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of a string. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
