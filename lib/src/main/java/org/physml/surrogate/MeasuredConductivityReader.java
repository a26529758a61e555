package org.physml.surrogate;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads the measured-conductivity file {@code data/thermal/si_film_in_plane_k.csv}.
 *
 * <p>Format: UTF-8 text; lines starting with {@code #} are comments and blank lines are ignored; the first
 * other line is the header {@code thickness_nm,T_K,k_W_mK,source}; every further line is one measurement
 * with exactly four comma-separated, unquoted fields:
 * <ul>
 *   <li>thickness_nm - film thickness, nm, &gt; 0, or {@code inf} for bulk silicon (read as +infinity);</li>
 *   <li>T_K - temperature, K, &gt; 0;</li>
 *   <li>k_W_mK - measured in-plane thermal conductivity, W/(m K), &gt; 0;</li>
 *   <li>source - short citation key (letters, digits, underscore) explained in data/thermal/SOURCES.md.</li>
 * </ul>
 * The file is parsed with Tablesaw (all columns as text) and then validated row by row; any malformed row
 * raises an {@link IllegalArgumentException} whose message starts with {@code <file>:<line>:} and says
 * what was expected.
 */
public final class MeasuredConductivityReader {
    /** Column name of the film thickness, nm (+infinity for bulk). */
    public static final String THICKNESS = "thickness_nm";
    /** Column name of the temperature, K. */
    public static final String TEMPERATURE = "T_K";
    /** Column name of the measured conductivity, W/(m K). */
    public static final String CONDUCTIVITY = "k_W_mK";
    /** Column name of the source key. */
    public static final String SOURCE = "source";

    private static final String[] HEADER = {THICKNESS, TEMPERATURE, CONDUCTIVITY, SOURCE};
    private static final Pattern SOURCE_KEY = Pattern.compile("[A-Za-z0-9_]+");

    private MeasuredConductivityReader() {
    }

    /**
     * Reads and validates the file.
     *
     * @param file path of the CSV file
     * @return table with DoubleColumns thickness_nm, T_K, k_W_mK and StringColumn source, one row per line
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the file is empty, the header is wrong or a row is malformed
     *                                  (message: file:line: what was found and what was expected)
     */
    public static Table read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Integer> lineOf = dataLines(name, text);
        if (lineOf.isEmpty()) {
            throw new IllegalArgumentException(name + ": no header line; expected " + String.join(",", HEADER));
        }
        String header = text.lines().skip(lineOf.get(0) - 1L).findFirst().orElseThrow();
        if (!header.strip().equals(String.join(",", HEADER))) {
            throw new IllegalArgumentException(name + ":" + lineOf.get(0) + ": header is '" + header.strip()
                    + "', expected '" + String.join(",", HEADER) + "'");
        }
        Table raw = Table.read().csv(CsvReadOptions.builder(new StringReader(text))
                .header(true)
                .commentPrefix('#')
                .separator(',')
                .missingValueIndicator("\u0000")
                .columnTypes(new ColumnType[] {ColumnType.STRING, ColumnType.STRING, ColumnType.STRING,
                    ColumnType.STRING})
                .tableName(name)
                .build());
        if (raw.rowCount() != lineOf.size() - 1) {
            throw new IllegalStateException(name + ": Tablesaw read " + raw.rowCount() + " rows but the file has "
                    + (lineOf.size() - 1) + " data lines");
        }
        int n = raw.rowCount();
        DoubleColumn d = DoubleColumn.create(THICKNESS, n);
        DoubleColumn t = DoubleColumn.create(TEMPERATURE, n);
        DoubleColumn k = DoubleColumn.create(CONDUCTIVITY, n);
        StringColumn src = StringColumn.create(SOURCE, n);
        for (int i = 0; i < n; i++) {
            String where = name + ":" + lineOf.get(i + 1) + ": ";
            String dText = raw.stringColumn(0).get(i).strip();
            d.set(i, dText.equals("inf") ? Double.POSITIVE_INFINITY
                    : positive(where, THICKNESS, dText, "a thickness in nm > 0 or 'inf' for bulk"));
            t.set(i, positive(where, TEMPERATURE, raw.stringColumn(1).get(i).strip(), "a temperature in K > 0"));
            k.set(i, positive(where, CONDUCTIVITY, raw.stringColumn(2).get(i).strip(),
                    "a thermal conductivity in W/(m K) > 0"));
            String key = raw.stringColumn(3).get(i).strip();
            if (!SOURCE_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException(where + SOURCE + " is '" + key
                        + "', expected a citation key of letters, digits or '_'");
            }
            src.set(i, key);
        }
        return Table.create(name, d, t, k, src);
    }

    /** Physical (1-based) line numbers of the non-comment, non-blank lines; checks field count and quotes. */
    private static List<Integer> dataLines(String name, String text) {
        List<Integer> out = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int lineNo = i + 1;
            if (line.indexOf('"') >= 0) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": quoted fields are not supported, got '"
                        + line + "'");
            }
            int fields = line.split(",", -1).length;
            if (fields != HEADER.length) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": found " + fields + " comma-separated "
                        + "fields, expected " + HEADER.length + " (" + String.join(",", HEADER) + "): '" + line
                        + "'");
            }
            out.add(lineNo);
        }
        return out;
    }

    private static double positive(String where, String column, String text, String expected) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + column + " is '" + text + "', expected " + expected, e);
        }
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(where + column + " is " + text + ", expected " + expected);
        }
        return v;
    }
}
