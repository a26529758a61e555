package org.physml.ice.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The role of every simulation run in a study, read from a split file such as {@code tools/icedata/split-v2.tsv}:
 * one run per line, {@code run_id role} separated by whitespace (tabs or spaces), role one of {@code train},
 * {@code validation}, {@code test}; {@code #} starts a comment, blank lines are skipped. The split is fixed before
 * any result is seen, so that neither hyper-parameters nor early stopping ever look at the test runs.
 *
 * <p>With {@link #split(DescriptorMatrix)} the rows of a {@link DescriptorMatrix} become a {@link RunSplit}: train rows
 * from the train runs, validation rows (early stopping, threshold calibration, hyper-parameter choice) from the
 * validation runs, test rows from the test runs.
 *
 * @param file  the file the roles were read from (for messages)
 * @param roles role of each run id, in file order
 */
public record SplitFile(Path file, Map<String, Role> roles) {

    /** What a run is used for. */
    public enum Role {
        /** Fits the network and the standardisation. */
        TRAIN,
        /** Early stopping, hyper-parameters, calibration of the out-of-distribution threshold. */
        VALIDATION,
        /** Scored once, for the reported numbers. */
        TEST;

        static Role parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "train" -> TRAIN;
                case "validation" -> VALIDATION;
                case "test" -> TEST;
                default -> null;
            };
        }
    }

    /** @throws IllegalArgumentException if there are no roles */
    public SplitFile {
        roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("split file " + file + " names no run");
        }
    }

    /**
     * Reads a split file.
     *
     * @throws IllegalArgumentException     naming the file and 1-based line for a line that is not
     *                                      {@code run_id role}, an unknown role or a run listed twice
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static SplitFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read split file " + file, e);
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            int hash = text.indexOf('#');
            String body = (hash >= 0 ? text.substring(0, hash) : text).strip();
            if (body.isEmpty()) {
                continue;
            }
            String where = file + ", line " + (i + 1);
            String[] cols = body.split("\\s+");
            if (cols.length != 2) {
                throw new IllegalArgumentException(where + ": expected two columns 'run_id role', got " + cols.length
                        + ": '" + body + "'");
            }
            Role role = Role.parse(cols[1]);
            if (role == null) {
                throw new IllegalArgumentException(where + ": unknown role '" + cols[1] + "' of run " + cols[0]
                        + "; expected train, validation or test");
            }
            if (roles.containsKey(cols[0])) {
                throw new IllegalArgumentException(where + ": run " + cols[0] + " is listed a second time (first on"
                        + " line " + lineOf.get(cols[0]) + ")");
            }
            roles.put(cols[0], role);
            lineOf.put(cols[0], i + 1);
        }
        return new SplitFile(file, roles);
    }

    /** The runs of one role, in file order. */
    public List<String> runs(Role role) {
        List<String> out = new ArrayList<>();
        roles.forEach((run, r) -> {
            if (r == role) {
                out.add(run);
            }
        });
        return out;
    }

    /**
     * Splits the rows of a matrix by the role of their run. Runs of the file that are absent from the data are
     * ignored (a data set generated over several sessions may not hold them yet); see {@link #missingRuns}.
     *
     * @throws IllegalArgumentException if a run of the data has no role in the file (naming the run and the file),
     *                                  a run holds two classes, or a class has no train, validation or test row
     */
    public RunSplit split(DescriptorMatrix m) {
        int k = m.classes().size();
        int[][] counts = new int[3][k];
        List<List<Integer>> rows = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Role[] roleOfRun = new Role[m.runs().size()];
        for (int r = 0; r < roleOfRun.length; r++) {
            roleOfRun[r] = roles.get(m.runs().get(r));
            if (roleOfRun[r] == null) {
                throw new IllegalArgumentException("run " + m.runs().get(r) + " of the data has no role in the split "
                        + "file " + file + "; add a line '" + m.runs().get(r) + " train|validation|test'");
            }
        }
        RunSplit.requireOneClassPerRun(m);
        for (int i = 0; i < m.size(); i++) {
            int role = roleOfRun[m.run()[i]].ordinal();
            rows.get(role).add(i);
            counts[role][m.label()[i]]++;
        }
        for (int c = 0; c < k; c++) {
            for (Role role : Role.values()) {
                if (counts[role.ordinal()][c] == 0) {
                    throw new IllegalArgumentException("class " + m.classes().get(c) + " has no " + role.name()
                            .toLowerCase(Locale.ROOT) + " row under the split file " + file + "; every class needs a"
                            + " train, a validation and a test run");
                }
            }
        }
        Set<String> trainingRuns = new TreeSet<>(), testRuns = new TreeSet<>();
        for (int r = 0; r < roleOfRun.length; r++) {
            (roleOfRun[r] == Role.TEST ? testRuns : trainingRuns).add(m.runs().get(r));
        }
        RunSplit split = new RunSplit(toArray(rows.get(0)), toArray(rows.get(1)), toArray(rows.get(2)), trainingRuns,
                testRuns);
        RunSplit.requireSeparateRuns(m, split);
        return split;
    }

    /** Runs named in the file that the matrix does not hold (e.g. not generated yet), in file order. */
    public List<String> missingRuns(DescriptorMatrix m) {
        return roles.keySet().stream().filter(r -> !m.runs().contains(r)).toList();
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
