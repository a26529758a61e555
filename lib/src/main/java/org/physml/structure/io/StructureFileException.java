package org.physml.structure.io;

/**
 * A structure file that cannot be parsed: the message names the file, the line number and what was expected,
 * e.g. {@code water.xyz line 3: expected 4 columns for Properties=species:S:1:pos:R:3, found 3}.
 */
public class StructureFileException extends IllegalArgumentException {
    private final String file;
    private final long line;

    /**
     * @param file   name of the file (or of the source, for text that is not a file)
     * @param line   1-based line number, or 0 if the problem is not on one line (e.g. unexpected end of file)
     * @param detail what was expected and what was found
     */
    public StructureFileException(String file, long line, String detail) {
        super(file + (line > 0 ? " line " + line : "") + ": " + detail);
        this.file = file;
        this.line = line;
    }

    /** The file (or source) name. */
    public String file() {
        return file;
    }

    /** The 1-based line number, 0 if not tied to a line. */
    public long line() {
        return line;
    }
}
