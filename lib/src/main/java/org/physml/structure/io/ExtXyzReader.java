package org.physml.structure.io;

import java.io.Closeable;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import org.physml.structure.Elements;
import org.physml.structure.Structure;

/**
 * Streaming reader of (extended) XYZ files, frame by frame, as ASE's ase.io.extxyz reads them.
 *
 * <p>Each frame is a line with the number of atoms n, a comment line, and n atom lines. The comment line is
 * parsed as key=value pairs ({@link ExtXyzComment}); {@code Lattice="a1x a1y a1z a2x a2y a2z a3x a3y a3z"} gives the
 * cell (rows a_k, Angstrom), {@code pbc="T T F"} the periodicity (default T T T with a Lattice, F F F without),
 * and {@code Properties=name:type:ncols:...} the columns of the atom lines (default species:S:1:pos:R:3, so a
 * plain XYZ file reads as a molecule). Types: R real, I integer, S string, L logical (T/F/True/False). The
 * column {@code species} gives the elements (capitalised as ASE does, "FE" -&gt; "Fe"), {@code Z} the atomic
 * numbers (it wins over species, as in ASE, and must agree with it), {@code pos} the positions (Angstrom); all
 * other columns go to {@link Frame#arrays()} under their file names, all other comment keys to
 * {@link Frame#info()}. Blank lines between frames and at the end are skipped. Gzip files are read
 * transparently.
 *
 * <p>Only one frame is held in memory at a time. Errors throw {@link StructureFileException} naming the file and
 * line. Not thread-safe; close it (try-with-resources) when done.
 */
public final class ExtXyzReader implements Iterator<Frame>, Closeable {
    private static final String DEFAULT_PROPERTIES = "species:S:1:pos:R:3";

    private final LineSource in;

    /**
     * Opens a file (plain or gzip).
     *
     * @throws java.io.UncheckedIOException if the file cannot be opened
     */
    public ExtXyzReader(Path path) {
        this.in = LineSource.open(path);
    }

    /**
     * Reads from a character stream.
     *
     * @param reader source of the text
     * @param name   name used in error messages
     */
    public ExtXyzReader(Reader reader, String name) {
        this.in = new LineSource(reader, name);
    }

    @Override
    public boolean hasNext() {
        return in.skipBlankLines();
    }

    /**
     * The next frame.
     *
     * @throws NoSuchElementException  at end of file
     * @throws StructureFileException  if the frame is malformed
     */
    @Override
    public Frame next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more frames in " + in.name());
        }
        String header = in.next().strip();
        if (!Tokens.isInteger(header) || header.startsWith("-")) {
            throw in.error("expected the number of atoms (a non-negative integer) at the start of a frame, found \""
                    + header + "\"");
        }
        int n;
        try {
            n = Integer.parseInt(header);
        } catch (NumberFormatException e) {
            throw in.error("number of atoms " + header + " is too large");
        }
        long headerLine = in.lineNumber();
        String comment = in.require("the comment line of a frame of " + n + " atoms (line " + headerLine + ")");
        Map<String, Object> info;
        try {
            info = ExtXyzComment.parse(comment);
        } catch (IllegalArgumentException e) {
            throw in.error(e.getMessage());
        }
        double[][] cell = cell(info.remove("Lattice"));
        boolean[] pbc = pbc(info.remove("pbc"), cell != null);
        Object propertiesValue = info.remove("Properties");
        String properties = propertiesValue == null ? DEFAULT_PROPERTIES : propertiesValue.toString();
        List<Column> columns = columns(properties);
        int width = columns.stream().mapToInt(c -> c.cols).sum();

        String[][][] raw = new String[columns.size()][n][];
        for (int i = 0; i < n; i++) {
            String line = in.require("atom " + (i + 1) + " of " + n + " (frame starting at line " + headerLine + ")");
            String[] words = Tokens.split(line);
            if (words.length != width) {
                throw in.error("expected " + width + " columns for Properties=" + properties + ", found " + words.length);
            }
            int w = 0;
            for (int c = 0; c < columns.size(); c++) {
                raw[c][i] = Arrays.copyOfRange(words, w, w + columns.get(c).cols);
                w += columns.get(c).cols;
            }
        }
        return assemble(columns, raw, n, headerLine, cell, pbc, info, properties);
    }

    private Frame assemble(List<Column> columns, String[][][] raw, int n, long headerLine, double[][] cell,
                           boolean[] pbc, Map<String, Object> info, String properties) {
        double[][] positions = null;
        int[] fromSpecies = null, fromZ = null;
        Map<String, AtomArray> arrays = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            AtomArray values = convert(col, raw[c], headerLine);
            switch (col.name) {
                case "pos" -> positions = ((AtomArray.Reals) require(values, col, 'R', 3, properties, headerLine)).values();
                case "species" -> fromSpecies = species(((AtomArray.Strings) require(values, col, 'S', 1, properties, headerLine))
                        .values(), headerLine);
                case "Z" -> fromZ = atomicNumbers(((AtomArray.Integers) require(values, col, 'I', 1, properties, headerLine))
                        .values(), headerLine);
                default -> {
                    if (arrays.put(col.name, values) != null) {
                        throw new StructureFileException(in.name(), headerLine + 1, "Properties=" + properties
                                + " names the column '" + col.name + "' twice");
                    }
                }
            }
        }
        if (positions == null) {
            throw new StructureFileException(in.name(), headerLine + 1, "Properties=" + properties
                    + " has no pos:R:3 column; expected atomic positions");
        }
        if (fromSpecies == null && fromZ == null) {
            throw new StructureFileException(in.name(), headerLine + 1, "Properties=" + properties
                    + " has neither species:S:1 nor Z:I:1; expected the elements");
        }
        if (fromSpecies != null && fromZ != null && !Arrays.equals(fromSpecies, fromZ)) {
            throw new StructureFileException(in.name(), headerLine + 1, "columns species and Z disagree");
        }
        int[] z = fromZ != null ? fromZ : fromSpecies;
        try {
            Structure s = new Structure(positions, z, cell == null ? new double[3][3] : cell, pbc);
            return new Frame(s, info, arrays);
        } catch (IllegalArgumentException e) {
            throw new StructureFileException(in.name(), headerLine + 1, e.getMessage());
        }
    }

    private AtomArray require(AtomArray values, Column col, char type, int cols, String properties, long headerLine) {
        if (values.type() != type || col.cols != cols) {
            throw new StructureFileException(in.name(), headerLine + 1, "Properties=" + properties + ": column " + col.name
                    + " must be " + col.name + ":" + type + ":" + cols + ", found " + col.name + ":" + col.type + ":" + col.cols);
        }
        return values;
    }

    /** Converts the words of one property; errors name the atom line. */
    private AtomArray convert(Column col, String[][] words, long headerLine) {
        int n = words.length;
        switch (col.type) {
            case 'R' -> {
                double[][] v = new double[n][col.cols];
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < col.cols; k++) {
                        v[i][k] = parse(words, i, k, col, headerLine, Tokens::parseReal, "a real number");
                    }
                }
                return new AtomArray.Reals(v);
            }
            case 'I' -> {
                long[][] v = new long[n][col.cols];
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < col.cols; k++) {
                        v[i][k] = parse(words, i, k, col, headerLine, Long::parseLong, "an integer");
                    }
                }
                return new AtomArray.Integers(v);
            }
            case 'L' -> {
                boolean[][] v = new boolean[n][col.cols];
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < col.cols; k++) {
                        v[i][k] = parse(words, i, k, col, headerLine, ExtXyzReader::parseLogical, "T or F");
                    }
                }
                return new AtomArray.Logicals(v);
            }
            default -> {
                return new AtomArray.Strings(words);
            }
        }
    }

    private <T> T parse(String[][] words, int atom, int k, Column col, long headerLine,
                        java.util.function.Function<String, T> parser, String expected) {
        try {
            return parser.apply(words[atom][k]);
        } catch (NumberFormatException e) {
            throw new StructureFileException(in.name(), headerLine + 2 + atom, "expected " + expected + " for column "
                    + (k + 1) + " of property " + col.name + ":" + col.type + ":" + col.cols + ", found \"" + words[atom][k] + "\"");
        }
    }

    private static boolean parseLogical(String w) {
        return switch (w) {
            case "T", "True" -> true;
            case "F", "False" -> false;
            default -> throw new NumberFormatException(w);
        };
    }

    private int[] species(String[][] symbols, long headerLine) {
        int[] z = new int[symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            String s = symbols[i][0];
            String capitalised = s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
            if (!Elements.isSymbol(capitalised)) {
                throw new StructureFileException(in.name(), headerLine + 2 + i, "expected a chemical symbol in the "
                        + "species column, found \"" + s + "\"");
            }
            z[i] = Elements.atomicNumber(capitalised);
        }
        return z;
    }

    private int[] atomicNumbers(long[][] values, long headerLine) {
        int[] z = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            long v = values[i][0];
            if (v < 1 || v > Elements.MAX_Z) {
                throw new StructureFileException(in.name(), headerLine + 2 + i, "expected an atomic number 1.."
                        + Elements.MAX_Z + " in column Z, found " + v);
            }
            z[i] = (int) v;
        }
        return z;
    }

    private double[][] cell(Object lattice) {
        if (lattice == null) {
            return null;
        }
        // ExtXyzComment reshaped the 9 numbers in Fortran order, M[i][j] = v[i + 3j]; a_k = column k of M
        double[][] m = (double[][]) lattice;
        double[][] cell = new double[3][3];
        for (int k = 0; k < 3; k++) {
            for (int c = 0; c < 3; c++) {
                cell[k][c] = m[c][k];
            }
        }
        return cell;
    }

    private boolean[] pbc(Object value, boolean hasLattice) {
        if (value == null) {
            return new boolean[]{hasLattice, hasLattice, hasLattice};
        }
        if (value instanceof Boolean b) {
            return new boolean[]{b, b, b};
        }
        if (value instanceof boolean[] b && b.length == 3) {
            return b;
        }
        throw in.error("expected pbc=\"T T T\" (three of T/F), found pbc=" + value);
    }

    private record Column(String name, char type, int cols) {
    }

    private List<Column> columns(String properties) {
        String[] f = properties.split(":", -1);
        if (f.length % 3 != 0) {
            throw in.error("Properties=" + properties + " must be name:type:ncols triplets");
        }
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < f.length; i += 3) {
            String type = f[i + 1];
            if (!(type.equals("R") || type.equals("I") || type.equals("S") || type.equals("L"))) {
                throw in.error("Properties=" + properties + ": type of " + f[i] + " must be R, I, S or L, found \"" + type + "\"");
            }
            int cols;
            try {
                cols = Integer.parseInt(f[i + 2]);
            } catch (NumberFormatException e) {
                cols = 0;
            }
            if (cols < 1 || f[i].isEmpty()) {
                throw in.error("Properties=" + properties + ": expected name:type:ncols with ncols >= 1, found \""
                        + f[i] + ":" + type + ":" + f[i + 2] + "\"");
            }
            out.add(new Column(f[i], type.charAt(0), cols));
        }
        return out;
    }

    @Override
    public void close() {
        in.close();
    }
}
