package org.physml.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generates the derived notebooks of every assignment: for each source {@code source/<name>.ipynb} the student
 * version {@code exercises/<name>.ipynb} and the full version {@code solutions/<name>.ipynb}. Both folders are
 * generated; {@link #check} reports any difference between them and a fresh generation (a hand edit, a stale
 * file, a missing file).
 */
public final class Generator {
    public static final String SOURCE = "source";
    public static final String EXERCISES = "exercises";
    public static final String SOLUTIONS = "solutions";

    private Generator() {
    }

    /**
     * The assignments of a course tree, by name, in file-name order.
     *
     * @throws IllegalArgumentException if a source breaks a rule (see {@link Assignment})
     */
    public static Map<String, Assignment> assignments(Path root) {
        Map<String, Assignment> all = new LinkedHashMap<>();
        for (Path p : notebooks(root.resolve(SOURCE))) {
            Assignment a = Assignment.load(p);
            all.put(a.name(), a);
        }
        return all;
    }

    /** Every generated file (relative path to content) for the sources under {@code root}. */
    public static Map<Path, String> render(Path root) {
        Map<Path, String> files = new LinkedHashMap<>();
        for (Assignment a : assignments(root).values()) {
            files.put(Path.of(EXERCISES, a.name() + ".ipynb"), a.studentVersion().toJson());
            files.put(Path.of(SOLUTIONS, a.name() + ".ipynb"), a.solutionVersion().toJson());
        }
        return files;
    }

    /**
     * Write exercises/ and solutions/ and delete generated notebooks whose source is gone.
     *
     * @return the files written or deleted, relative to root
     * @throws UncheckedIOException if a file cannot be written
     */
    public static List<String> write(Path root) {
        Map<Path, String> files = render(root);
        List<String> changed = new ArrayList<>();
        try {
            for (Map.Entry<Path, String> e : files.entrySet()) {
                Path target = root.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                if (!Files.isRegularFile(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(e.getValue())) {
                    Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
                    changed.add("wrote " + e.getKey());
                }
            }
            for (Path stale : stale(root, files)) {
                Files.delete(root.resolve(stale));
                changed.add("deleted " + stale + " (no source)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated notebooks: " + e.getMessage(), e);
        }
        return changed;
    }

    /**
     * Differences between the files on disk and a fresh generation; empty if in sync.
     *
     * @throws UncheckedIOException if a file cannot be read
     */
    public static List<String> check(Path root) {
        Map<Path, String> files = render(root);
        List<String> problems = new ArrayList<>();
        try {
            for (Map.Entry<Path, String> e : files.entrySet()) {
                Path target = root.resolve(e.getKey());
                if (!Files.isRegularFile(target)) {
                    problems.add(e.getKey() + " is missing");
                    continue;
                }
                String actual = Files.readString(target, StandardCharsets.UTF_8);
                if (!actual.equals(e.getValue())) {
                    problems.add(e.getKey() + " differs from its source at line " + firstDifference(actual, e.getValue())
                            + " (edited by hand or not regenerated)");
                }
            }
            for (Path stale : stale(root, files)) {
                problems.add(stale + " has no source in " + SOURCE + "/");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read generated notebooks: " + e.getMessage(), e);
        }
        return problems;
    }

    private static List<Path> stale(Path root, Map<Path, String> files) {
        List<Path> stale = new ArrayList<>();
        for (String dir : List.of(EXERCISES, SOLUTIONS)) {
            for (Path p : notebooks(root.resolve(dir))) {
                Path rel = root.relativize(p);
                if (!files.containsKey(rel)) {
                    stale.add(rel);
                }
            }
        }
        return stale;
    }

    private static List<Path> notebooks(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ipynb") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    static int firstDifference(String a, String b) {
        String[] la = a.split("\n", -1);
        String[] lb = b.split("\n", -1);
        int n = Math.min(la.length, lb.length);
        for (int i = 0; i < n; i++) {
            if (!la[i].equals(lb[i])) {
                return i + 1;
            }
        }
        return n + 1;
    }
}
