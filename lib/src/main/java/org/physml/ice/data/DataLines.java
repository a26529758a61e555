package org.physml.ice.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data lines of a whitespace-separated text table (the run table, LAMMPS' frames.dat): blank lines and lines
 * starting with '#' are skipped, every other line is split at white space and handed to a {@link Row} with its
 * line number. An {@link IllegalArgumentException} thrown by the row is rethrown with the source name and line
 * number in front ("frames.dat, line 2: ...").
 */
final class DataLines {
    private DataLines() {
    }

    /** Receives one data line. */
    interface Row {
        /**
         * @param fields the line split at white space
         * @param text   the stripped line
         * @throws IllegalArgumentException on a malformed line (without the source and line number)
         */
        void accept(String[] fields, String text);
    }

    /** Reads the data lines of a file (UTF-8). */
    static void read(Path path, Row row) {
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            parse(r, path.toString(), row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Reads the data lines of a character stream; {@code name} is used in error messages. */
    static void parse(Reader reader, String name, Row row) {
        BufferedReader in = new BufferedReader(reader);
        int lineNo = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                try {
                    row.accept(t.split("\\s+"), t);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + ", line " + lineNo + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
