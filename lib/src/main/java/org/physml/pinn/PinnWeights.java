package org.physml.pinn;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * Saves and loads the weights of a {@link ForwardDerivativeMlp} in a small, documented text format
 * (UTF-8, '#' starts a comment line):
 * <pre>
 *   physml-pinn 1
 *   hidden 32 32 32          (hidden layer widths)
 *   length 1.0               (L of the input scaling)
 *   tmax 1.0                 (t_max of the input scaling)
 *   dtype FLOAT              (FLOAT or DOUBLE)
 *   param W1 2 32            (name and shape; then one line per row of values)
 *   -0.123 0.456 ...
 *   param b1 32              (a vector: one line of values)
 *   ...
 * </pre>
 * Parameters appear in {@link ForwardDerivativeMlp#parameterNames()} order; values are written with
 * {@link Double#toString(double)}, so a save/load round trip is exact.
 */
public final class PinnWeights {
    private static final String MAGIC = "physml-pinn";
    private static final int VERSION = 1;

    private PinnWeights() {
    }

    /**
     * Write the network's weights and scaling to {@code file} (parent directories are created).
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void save(ForwardDerivativeMlp net, Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("# weights of an org.physml.pinn.ForwardDerivativeMlp (format: see PinnWeights)\n");
                w.write(MAGIC + " " + VERSION + "\n");
                w.write("hidden " + String.join(" ", Arrays.stream(net.hiddenWidths()).mapToObj(Integer::toString)
                        .toList()) + "\n");
                w.write("length " + net.length() + "\n");
                w.write("tmax " + net.tMax() + "\n");
                w.write("dtype " + net.dataType() + "\n");
                double[] theta = net.parameters();
                int p = 0;
                for (String name : net.parameterNames()) {
                    long[] shape = net.parameterShape(name);
                    int rows = shape.length == 2 ? (int) shape[0] : 1;
                    int cols = (int) shape[shape.length - 1];
                    w.write("param " + name + (shape.length == 2 ? " " + rows + " " + cols : " " + cols) + "\n");
                    for (int r = 0; r < rows; r++) {
                        StringBuilder sb = new StringBuilder();
                        for (int c = 0; c < cols; c++) {
                            sb.append(c == 0 ? "" : " ").append(theta[p++]);
                        }
                        w.write(sb.append('\n').toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PINN weights to " + file, e);
        }
    }

    /**
     * Read a network written by {@link #save}.
     *
     * @throws IllegalArgumentException if the file is malformed (message: file, line number, what was expected)
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static ForwardDerivativeMlp load(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Reader in = new Reader(r, file);
            String[] magic = in.fields();
            if (magic.length != 2 || !magic[0].equals(MAGIC)) {
                throw in.error("expected '" + MAGIC + " " + VERSION + "'");
            }
            if (!magic[1].equals(Integer.toString(VERSION))) {
                throw in.error("unsupported format version " + magic[1] + " (this reader knows " + VERSION + ")");
            }
            String[] hidden = in.keyword("hidden");
            int[] widths = new int[hidden.length - 1];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = in.parseInt(hidden[i + 1], "hidden layer width");
            }
            double length = in.parseDouble(in.single("length"), "L");
            double tMax = in.parseDouble(in.single("tmax"), "t_max");
            String dt = in.single("dtype");
            DataType dataType;
            if (dt.equals("FLOAT")) {
                dataType = DataType.FLOAT;
            } else if (dt.equals("DOUBLE")) {
                dataType = DataType.DOUBLE;
            } else {
                throw in.error("expected dtype FLOAT or DOUBLE, got " + dt);
            }
            ForwardDerivativeMlp net;
            try {
                net = new ForwardDerivativeMlp(widths, length, tMax, dataType, 0);
            } catch (IllegalArgumentException e) {
                throw in.error(e.getMessage());
            }
            double[] theta = new double[net.parameterCount()];
            int p = 0;
            for (String name : net.parameterNames()) {
                long[] shape = net.parameterShape(name);
                String[] head = in.keyword("param");
                String expected = "param " + name + " " + String.join(" ", Arrays.stream(shape)
                        .mapToObj(Long::toString).toList());
                if (!String.join(" ", head).equals(expected)) {
                    throw in.error("expected '" + expected + "', got '" + String.join(" ", head) + "'");
                }
                int rows = shape.length == 2 ? (int) shape[0] : 1;
                int cols = (int) shape[shape.length - 1];
                for (int row = 0; row < rows; row++) {
                    String[] vals = in.fields();
                    if (vals.length != cols) {
                        throw in.error("expected " + cols + " values of " + name + " (row " + row + "), got "
                                + vals.length);
                    }
                    for (String v : vals) {
                        theta[p++] = in.parseDouble(v, name + " value");
                    }
                }
            }
            if (in.next() != null) {
                throw in.error("unexpected content after the last parameter");
            }
            net.setParameters(theta);
            return net;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PINN weights from " + file, e);
        }
    }

    /** Line reader that skips comments and blank lines and knows the line number. */
    private static final class Reader {
        private final BufferedReader r;
        private final Path file;
        private int lineNo;

        Reader(BufferedReader r, Path file) {
            this.r = r;
            this.file = file;
        }

        String next() throws IOException {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String s = line.trim();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    return s;
                }
            }
            return null;
        }

        String[] fields() throws IOException {
            String s = next();
            if (s == null) {
                lineNo++;
                throw error("unexpected end of file");
            }
            return s.split("\\s+");
        }

        String[] keyword(String key) throws IOException {
            String[] f = fields();
            if (!f[0].equals(key)) {
                throw error("expected a '" + key + "' line, got '" + f[0] + "'");
            }
            return f;
        }

        String single(String key) throws IOException {
            String[] f = keyword(key);
            if (f.length != 2) {
                throw error("expected '" + key + " <value>'");
            }
            return f[1];
        }

        int parseInt(String s, String what) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw error("expected an integer " + what + ", got '" + s + "'");
            }
        }

        double parseDouble(String s, String what) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw error("expected a number (" + what + "), got '" + s + "'");
            }
        }

        IllegalArgumentException error(String msg) {
            return new IllegalArgumentException(String.format(Locale.ROOT, "%s, line %d: %s", file, lineNo, msg));
        }
    }
}
