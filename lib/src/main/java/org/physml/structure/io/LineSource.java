package org.physml.structure.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Line-by-line reading of a text file with line numbers, one line of look-ahead, and transparent
 * decompression of gzip files (recognised by their magic bytes 0x1f 0x8b, whatever the file name).
 */
final class LineSource implements Closeable {
    private final BufferedReader reader;
    private final String name;
    private long lineNumber;
    private String peeked;
    private boolean hasPeeked;

    LineSource(Reader reader, String name) {
        this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        this.name = name;
    }

    /**
     * Opens a file, gunzipping it if it starts with the gzip magic bytes.
     *
     * @throws UncheckedIOException if the file cannot be opened
     */
    static LineSource open(Path path) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            in.mark(2);
            int b0 = in.read(), b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return new LineSource(new InputStreamReader(in, StandardCharsets.UTF_8), path.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
    }

    /** Name used in error messages. */
    String name() {
        return name;
    }

    /** Number of the line last returned by {@link #next()} (1-based), 0 before the first. */
    long lineNumber() {
        return lineNumber;
    }

    /** The next line without consuming it, or null at end of file. */
    String peek() {
        if (!hasPeeked) {
            peeked = read();
            hasPeeked = true;
        }
        return peeked;
    }

    /**
     * Skips blank lines; true if a non-blank line follows (then {@link #peek()} returns it), false at end of file.
     * Frames and snapshots may be separated by blank lines.
     */
    boolean skipBlankLines() {
        while (peek() != null && peek().isBlank()) {
            next();
        }
        return peek() != null;
    }

    /** The next line (without its terminator), or null at end of file. */
    String next() {
        String line = hasPeeked ? peeked : read();
        hasPeeked = false;
        peeked = null;
        if (line != null) {
            lineNumber++;
        }
        return line;
    }

    /**
     * The next line, which must exist.
     *
     * @param expected what the line should contain, for the error message
     * @throws StructureFileException at end of file
     */
    String require(String expected) {
        String line = next();
        if (line == null) {
            throw new StructureFileException(name, lineNumber + 1, "unexpected end of file; expected " + expected);
        }
        return line;
    }

    /** An exception about the line last returned by {@link #next()}. */
    StructureFileException error(String detail) {
        return new StructureFileException(name, lineNumber, detail);
    }

    private String read() {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " after line " + lineNumber, e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + name, e);
        }
    }
}
