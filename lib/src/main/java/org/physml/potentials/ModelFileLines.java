package org.physml.potentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The non-blank lines of a model file, split into whitespace-separated words with everything right of
 * {@code #} removed, each with its 1-based line number; errors name the file and the line (the format of
 * {@code structure.io.StructureFileException}: {@code "file line 7: expected ..."}).
 */
final class ModelFileLines {
    /** One non-blank line: its number and its words. */
    record Line(int number, String[] words) {
    }

    private final String file;
    private final List<Line> lines;

    private ModelFileLines(String file, List<Line> lines) {
        this.file = file;
        this.lines = lines;
    }

    /**
     * Reads a file.
     *
     * @throws IOException if the file cannot be read (a missing file names its path)
     */
    static ModelFileLines read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new java.io.FileNotFoundException("model file not found: " + path);
        }
        List<String> raw = Files.readAllLines(path, StandardCharsets.UTF_8);
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.get(i);
            int hash = s.indexOf('#');
            if (hash >= 0) {
                s = s.substring(0, hash);
            }
            s = s.strip();
            if (!s.isEmpty()) {
                out.add(new Line(i + 1, s.split("\\s+")));
            }
        }
        return new ModelFileLines(path.getFileName().toString(), out);
    }

    String file() {
        return file;
    }

    List<Line> lines() {
        return lines;
    }

    /** An error on a line: "file line n: expected ...". */
    IllegalArgumentException error(Line line, String detail) {
        return error(line.number(), detail);
    }

    /** An error on line n (0: not tied to one line). */
    IllegalArgumentException error(int line, String detail) {
        return new IllegalArgumentException(file + (line > 0 ? " line " + line : "") + ": " + detail);
    }

    /** Word w of a line as a finite real number. */
    double real(Line line, int w, String what) {
        String word = word(line, w, what);
        try {
            double v = Double.parseDouble(word.replace('D', 'E').replace('d', 'e'));
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(line, "expected " + what + " (a finite real number) in column " + (w + 1) + ", found '"
                + word + "'");
    }

    /** Word w of a line as an integer. */
    int integer(Line line, int w, String what) {
        String word = word(line, w, what);
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw error(line, "expected " + what + " (an integer) in column " + (w + 1) + ", found '" + word
                    + "'");
        }
    }

    /** Word w of a line, or an error saying what was expected there. */
    String word(Line line, int w, String what) {
        if (w >= line.words().length) {
            throw error(line, "expected " + what + " in column " + (w + 1) + ", but the line has only "
                    + line.words().length + " columns");
        }
        return line.words()[w];
    }
}
