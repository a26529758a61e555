package org.physml.descriptors.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Writes a descriptor matrix, one row per centre: whitespace-separated text with full double precision
 * (the shortest decimal that reads back to the same double), or NumPy .npy (float64) through ND4J.
 */
final class MatrixWriter {
    private MatrixWriter() {
    }

    /**
     * @param rows       the matrix, [n_rows][n_features]
     * @param index      if not null, [n_rows][2] {frame, atom} written as two leading integer columns (text only)
     * @param names      feature names, written as a comment header line (text only)
     * @param out        a .npy file, or null for text on {@code text}
     */
    static void write(List<double[]> rows, List<int[]> index, List<String> names, Path out, PrintWriter text)
            throws IOException {
        if (out != null && out.getFileName().toString().endsWith(".npy")) {
            double[][] m = rows.toArray(new double[0][]);
            var array = m.length == 0 ? Nd4j.create(DataType.DOUBLE, 0, names.size())
                    : Nd4j.create(m).castTo(DataType.DOUBLE);
            Nd4j.writeAsNumpy(array, out.toFile());
            return;
        }
        StringBuilder header = new StringBuilder("#");
        if (index != null) {
            header.append(" frame atom");
        }
        for (String n : names) {
            header.append(' ').append(n.replace(' ', '_'));
        }
        text.println(header);
        StringBuilder line = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            line.setLength(0);
            if (index != null) {
                line.append(index.get(r)[0]).append(' ').append(index.get(r)[1]);
            }
            for (double v : rows.get(r)) {
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(v);
            }
            text.println(line);
        }
        text.flush();
    }
}
