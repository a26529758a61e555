package org.physml.ice.data;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.physml.ice.IcePhase;

/**
 * Reader of the run table of the ice data set ({@code tools/icedata/runs.tsv}).
 *
 * <p>Format: one run per line, fields separated by white space; blank lines and lines starting with '#' are
 * skipped. Fields: run_id, label, protocol, phase (Ih, Ic, II, III, V, VI, VII), supercell ("n1xn2xn3", with a
 * trailing "o" for the orthohexagonal cell of ice Ih), seed, T (K), P (bar), then any number of name=value LAMMPS
 * variables. The same file drives {@code tools/icedata/generate.sh}.
 */
public final class RunTable {
    private RunTable() {
    }

    /**
     * Reads a run table.
     *
     * @throws IllegalArgumentException naming the file and line on a malformed row or a repeated run id
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static List<IceRun> read(Path path) {
        List<IceRun> runs = new ArrayList<>();
        DataLines.read(path, collector(runs));
        return runs;
    }

    /**
     * Parses a run table from a character stream; {@code name} is used in error messages.
     *
     * @throws IllegalArgumentException naming the source and line on a malformed row or a repeated run id
     */
    public static List<IceRun> parse(Reader reader, String name) {
        List<IceRun> runs = new ArrayList<>();
        DataLines.parse(reader, name, collector(runs));
        return runs;
    }

    private static DataLines.Row collector(List<IceRun> runs) {
        Set<String> ids = new HashSet<>();
        return (f, text) -> {
            IceRun run = row(f);
            if (!ids.add(run.runId())) {
                throw new IllegalArgumentException("run id '" + run.runId() + "' appears twice; run ids must be unique");
            }
            runs.add(run);
        };
    }

    private static IceRun row(String[] f) {
        if (f.length < 8) {
            throw new IllegalArgumentException("expected at least 8 fields (run_id label protocol phase supercell "
                    + "seed T_K P_bar), found " + f.length);
        }
        String cell = f[4];
        boolean ortho = cell.endsWith("o");
        String[] n = (ortho ? cell.substring(0, cell.length() - 1) : cell).split("x", -1);
        if (n.length != 3) {
            throw new IllegalArgumentException("supercell must look like 4x3x3 or 4x3x3o, found '" + cell + "'");
        }
        int[] supercell = new int[3];
        for (int k = 0; k < 3; k++) {
            supercell[k] = integer(n[k], "supercell '" + cell + "'");
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 8; i < f.length; i++) {
            int eq = f[i].indexOf('=');
            if (eq <= 0 || eq == f[i].length() - 1) {
                throw new IllegalArgumentException("expected a LAMMPS variable as name=value, found '" + f[i] + "'");
            }
            if (vars.put(f[i].substring(0, eq), f[i].substring(eq + 1)) != null) {
                throw new IllegalArgumentException("variable '" + f[i].substring(0, eq) + "' is given twice");
            }
        }
        return new IceRun(f[0], f[1], f[2], IcePhase.fromLabel(f[3]), supercell, ortho,
                integer(f[5], "seed"), real(f[6], "T_K"), real(f[7], "P_bar"), vars);
    }

    private static int integer(String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an integer for " + what + ", found '" + s + "'", e);
        }
    }

    private static double real(String s, String what) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number for " + what + ", found '" + s + "'", e);
        }
    }
}
