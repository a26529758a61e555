package org.physml.structure.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.physml.structure.Elements;
import org.physml.structure.Structure;

/**
 * Writes frames in extended XYZ as ASE's ase.io.extxyz writes them (ASE 3.22), so that ASE and this
 * library's {@link ExtXyzReader} read them back:
 * <pre>
 * 2
 * Lattice="4.0 0.0 0.0 0.0 4.0 0.0 0.0 0.0 4.0" Properties=species:S:1:pos:R:3:forces:R:3 energy=-1.5 pbc="T T T"
 * Cu  0.0 0.0 0.0  0.1 0.0 0.0
 * Cu  2.0 2.0 0.0 -0.1 0.0 0.0
 * </pre>
 * Lattice is written when any cell component is non-zero; then Properties (species, pos, then the frame's
 * arrays in order), the frame's info in order, and pbc last. Unlike ASE (which writes 8 decimals) reals are
 * written with full double precision (the shortest text that reads back to the same double), so a round trip
 * is exact. A path ending in ".gz" is written gzip-compressed.
 *
 * <p>Not thread-safe; close it (try-with-resources) when done.
 */
public final class ExtXyzWriter implements Closeable {
    private final Writer out;

    /**
     * Creates (or overwrites) a file; gzip-compressed if the name ends with ".gz".
     *
     * @throws UncheckedIOException if the file cannot be created
     */
    public ExtXyzWriter(Path path) {
        try {
            OutputStream os = Files.newOutputStream(path);
            if (path.getFileName().toString().endsWith(".gz")) {
                os = new GZIPOutputStream(os, 1 << 16);
            }
            this.out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path, e);
        }
    }

    /** Writes to a character stream (closed by {@link #close()}). */
    public ExtXyzWriter(Writer writer) {
        this.out = writer;
    }

    /** Writes a structure with no info and no per-atom arrays. */
    public void write(Structure s) {
        write(Frame.of(s));
    }

    /**
     * Writes one frame.
     *
     * @throws IllegalArgumentException if an array is named species, pos or Z, a string value contains white
     *                                  space (it would split the atom line), or an info value has a type extended
     *                                  XYZ cannot hold (see {@link Frame})
     * @throws UncheckedIOException     on write errors
     */
    public void write(Frame frame) {
        Structure s = frame.structure();
        int n = s.size();
        for (String reserved : new String[]{"species", "pos", "Z"}) {
            if (frame.arrays().containsKey(reserved)) {
                throw new IllegalArgumentException("per-atom array '" + reserved + "' clashes with the column written "
                        + "from the structure");
            }
        }
        StringBuilder comment = new StringBuilder();
        double[][] cell = s.cell();
        if (anyNonZero(cell)) {
            comment.append("Lattice=\"");
            for (int k = 0; k < 3; k++) {
                for (int c = 0; c < 3; c++) {
                    comment.append(k + c > 0 ? " " : "").append(Tokens.formatReal(cell[k][c]));
                }
            }
            comment.append("\" ");
        }
        comment.append("Properties=species:S:1:pos:R:3");
        for (Map.Entry<String, AtomArray> e : frame.arrays().entrySet()) {
            checkName(e.getKey());
            comment.append(':').append(e.getKey()).append(':').append(e.getValue().type()).append(':')
                    .append(e.getValue().columns());
        }
        Map<String, Object> info = new LinkedHashMap<>(frame.info());
        for (String key : new String[]{"Lattice", "Properties", "pbc"}) {
            if (info.containsKey(key)) {
                throw new IllegalArgumentException("info key '" + key + "' is written from the structure; remove it");
            }
        }
        for (Map.Entry<String, Object> e : info.entrySet()) {
            if ("".equals(e.getValue())) {
                throw new IllegalArgumentException("info '" + e.getKey() + "' is an empty string, which ASE cannot "
                        + "read back; drop it or give it a value");
            }
        }
        info.put("pbc", s.pbc());
        String rest = ExtXyzComment.format(info);
        comment.append(' ').append(rest);

        StringBuilder sb = new StringBuilder();
        sb.append(n).append('\n').append(comment).append('\n');
        double[][] pos = s.positionsView();
        for (int i = 0; i < n; i++) {
            String symbol = Elements.symbol(s.atomicNumber(i));
            sb.append(symbol);
            if (symbol.length() == 1) {
                sb.append(' ');
            }
            for (int c = 0; c < 3; c++) {
                appendReal(sb, pos[i][c]);
            }
            for (Map.Entry<String, AtomArray> e : frame.arrays().entrySet()) {
                appendRow(sb, e.getKey(), e.getValue(), i);
            }
            sb.append('\n');
            if (sb.length() > 1 << 16) {
                flush(sb);
            }
        }
        flush(sb);
    }

    private static void appendReal(StringBuilder sb, double v) {
        String t = Tokens.formatReal(v);
        sb.append(' ');
        for (int pad = t.length(); pad < 24; pad++) {
            sb.append(' ');
        }
        sb.append(t);
    }

    private static void appendRow(StringBuilder sb, String name, AtomArray a, int i) {
        if (a instanceof AtomArray.Reals r) {
            for (double v : r.values()[i]) {
                appendReal(sb, v);
            }
        } else if (a instanceof AtomArray.Integers r) {
            for (long v : r.values()[i]) {
                sb.append(' ').append(String.format("%8d", v));
            }
        } else if (a instanceof AtomArray.Logicals r) {
            for (boolean v : r.values()[i]) {
                sb.append(' ').append(v ? 'T' : 'F');
            }
        } else if (a instanceof AtomArray.Strings r) {
            for (String v : r.values()[i]) {
                if (v.isEmpty() || v.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("string '" + v + "' of per-atom array '" + name + "' (atom "
                            + i + ") is empty or contains white space");
                }
                sb.append(' ').append(v);
            }
        }
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.contains(":") || name.chars().anyMatch(Character::isWhitespace)
                || name.chars().anyMatch(c -> "\"'{}[]=\\".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("per-atom array name '" + name + "' cannot appear in Properties "
                    + "(no ':', quotes, brackets, '=' or white space)");
        }
    }

    private static boolean anyNonZero(double[][] m) {
        for (double[] row : m) {
            for (double v : row) {
                if (v != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private void flush(StringBuilder sb) {
        try {
            out.write(sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write extended XYZ", e);
        }
        sb.setLength(0);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close extended XYZ output", e);
        }
    }
}
