package org.physml.descriptors.nep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.physml.structure.Elements;

/**
 * Reads and writes GPUMD's NEP model file nep.txt (the layout NEP_CPU's {@code NEP::init_from_file} reads,
 * src/nep.cpp of brucefan1983/NEP_CPU):
 * <pre>
 *   line 1        &lt;keyword&gt; &lt;T&gt; &lt;symbol_1&gt; ... &lt;symbol_T&gt;        e.g. "nep4 2 Te Pb"
 *   (*_zbl only)  zbl &lt;rc_inner&gt; &lt;rc_outer&gt; [&lt;typewise factor&gt;]
 *                 cutoff &lt;rc_R&gt; &lt;rc_A&gt; [&lt;MN_R&gt; &lt;MN_A&gt;]                  one cutoff pair for all species, or
 *                 cutoff &lt;rc_R,1&gt; &lt;rc_A,1&gt; ... &lt;rc_R,T&gt; &lt;rc_A,T&gt; &lt;MN_R&gt; &lt;MN_A&gt;  per-species cutoffs
 *                 n_max &lt;n_max_R&gt; &lt;n_max_A&gt;
 *                 basis_size &lt;N_bas_R&gt; &lt;N_bas_A&gt;
 *                 l_max &lt;l_max_3b&gt; &lt;l_max_4b&gt; &lt;l_max_5b&gt;
 *                 ANN &lt;neurons&gt; 0
 *   then one number per line:
 *     the neural-network parameters ({@link NepModel#annParameterCount}),
 *     the descriptor coefficients c, T^2 [(n_max_R+1)(N_bas_R+1) + (n_max_A+1)(N_bas_A+1)] of them
 *       (radial block then angular block; index (n (N_bas+1) + k) T^2 + t_i T + t_j within a block),
 *     q_scaler, one per descriptor component (dimension (n_max_R+1) + (n_max_A+1)(l_max_3b + [4b] + [5b])),
 *     for a flexible ZBL (rc_inner = rc_outer = 0) 10 T (T+1)/2 ZBL parameters.
 * </pre>
 * MN_R and MN_A are neighbour-count hints; older files omit them. A cutoff line with 8 entries (covalent-radius
 * typewise cutoff factors) and l_max lines with further non-zero descriptor flags are rejected as unsupported.
 *
 * <p>Errors are {@link IllegalArgumentException}s whose message starts with "file:line:" and says what was
 * expected there.
 */
public final class NepModelFile {
    private NepModelFile() {
    }

    /**
     * Reads a nep.txt file (UTF-8/ASCII).
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException on a format error (message names file, line and expectation)
     */
    public static NepModel read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        }
    }

    /**
     * Parses nep.txt content.
     *
     * @param reader   the content
     * @param fileName the name used in error messages
     * @throws IOException              if reading fails
     * @throws IllegalArgumentException on a format error (message names file, line and expectation)
     */
    public static NepModel parse(Reader reader, String fileName) throws IOException {
        Lines in = new Lines(reader instanceof BufferedReader b ? b : new BufferedReader(reader), fileName);

        String[] t = in.next("the model line '<keyword> <number of species> <symbols...>'");
        if (t.length < 3) {
            throw in.error("the model line '<keyword> <number of species> <symbols...>' with at least 3 entries");
        }
        String keyword = t[0];
        try {
            NepModel.version(keyword);
        } catch (IllegalArgumentException e) {
            throw in.error("a supported model keyword: " + e.getMessage());
        }
        int types = in.integer(t[1], "the number of species (an integer >= 1)");
        if (types < 1) {
            throw in.error("the number of species (an integer >= 1), got " + types);
        }
        if (t.length != 2 + types) {
            throw in.error(types + " element symbols after the number of species, got " + (t.length - 2));
        }
        String[] symbols = new String[types];
        for (int i = 0; i < types; i++) {
            symbols[i] = t[2 + i];
            if (!Elements.isSymbol(symbols[i])) {
                throw in.error("an element symbol, got '" + symbols[i] + "'");
            }
        }
        NepParameters.Builder b;
        try {
            b = NepParameters.builder(symbols);
        } catch (IllegalArgumentException e) {
            throw in.error("a valid species list: " + e.getMessage());
        }

        double[] zbl = null;
        if (keyword.contains("_zbl")) {
            t = in.next("the ZBL line 'zbl <rc_inner> <rc_outer> [<factor>]'");
            if (!t[0].equals("zbl") || (t.length != 3 && t.length != 4)) {
                throw in.error("the ZBL line 'zbl <rc_inner> <rc_outer> [<factor>]'");
            }
            zbl = new double[t.length - 1];
            for (int i = 1; i < t.length; i++) {
                zbl[i - 1] = in.real(t[i], "a ZBL cutoff or factor in Angstrom");
            }
        }

        t = in.next("the cutoff line");
        if (!t[0].equals("cutoff")) {
            throw in.error("the cutoff line 'cutoff <rc_R> <rc_A> <MN_R> <MN_A>'");
        }
        int mnRadial = NepModel.DEFAULT_MN_RADIAL;
        int mnAngular = NepModel.DEFAULT_MN_ANGULAR;
        if (t.length == 3 || t.length == 5) {
            b.cutoff(in.real(t[1], "the radial cutoff in Angstrom"), in.real(t[2], "the angular cutoff in Angstrom"));
        } else if (t.length == 2 * types + 3) {
            double[] rcR = new double[types];
            double[] rcA = new double[types];
            for (int i = 0; i < types; i++) {
                rcR[i] = in.real(t[1 + 2 * i], "the radial cutoff of " + symbols[i] + " in Angstrom");
                rcA[i] = in.real(t[2 + 2 * i], "the angular cutoff of " + symbols[i] + " in Angstrom");
            }
            b.cutoffs(rcR, rcA);
        } else if (t.length == 8) {
            throw in.error("a cutoff line without covalent-radius typewise factors (8 entries: not supported)");
        } else {
            throw in.error("'cutoff <rc_R> <rc_A> <MN_R> <MN_A>' or 'cutoff' followed by " + types
                    + " radial/angular pairs and <MN_R> <MN_A>, got " + (t.length - 1) + " numbers");
        }
        if (t.length > 3) {
            mnRadial = in.integer(t[t.length - 2], "the radial neighbour-count hint MN_R (integer)");
            mnAngular = in.integer(t[t.length - 1], "the angular neighbour-count hint MN_A (integer)");
        }

        t = in.next("the line 'n_max <n_max_R> <n_max_A>'");
        if (!t[0].equals("n_max") || t.length != 3) {
            throw in.error("the line 'n_max <n_max_R> <n_max_A>'");
        }
        b.nMax(in.integer(t[1], "n_max_R (integer)"), in.integer(t[2], "n_max_A (integer)"));

        t = in.next("the line 'basis_size <N_bas_R> <N_bas_A>'");
        if (!t[0].equals("basis_size") || t.length != 3) {
            throw in.error("the line 'basis_size <N_bas_R> <N_bas_A>'");
        }
        b.basisSize(in.integer(t[1], "basis_size_R (integer)"), in.integer(t[2], "basis_size_A (integer)"));

        t = in.next("the line 'l_max <l_max_3b> <l_max_4b> <l_max_5b>'");
        if (!t[0].equals("l_max") || t.length < 2) {
            throw in.error("the line 'l_max <l_max_3b> <l_max_4b> <l_max_5b>'");
        }
        int l3 = in.integer(t[1], "l_max_3b (integer)");
        int l4 = t.length > 2 ? in.integer(t[2], "l_max_4b (0 or 2)") : 0;
        int l5 = t.length > 3 ? in.integer(t[3], "l_max_5b (0 or 1)") : 0;
        for (int i = 4; i < t.length; i++) {
            if (in.integer(t[i], "a descriptor flag (integer)") != 0) {
                throw in.error("no further descriptor flags after l_max_5b (extended higher-body terms are not "
                        + "supported), got '" + t[i] + "' as entry " + i);
            }
        }
        b.lMax(l3, l4, l5);

        t = in.next("the line 'ANN <neurons> 0'");
        if (!t[0].equals("ANN") || t.length != 3) {
            throw in.error("the line 'ANN <neurons> 0'");
        }
        int neurons = in.integer(t[1], "the number of neurons (integer >= 1)");
        if (neurons < 1) {
            throw in.error("the number of neurons (integer >= 1), got " + neurons);
        }
        if (in.integer(t[2], "0 (a single hidden layer)") != 0) {
            throw in.error("0 as the last entry of the ANN line (a second hidden layer is not supported)");
        }
        int headerLine = in.lineNumber();

        int dim;
        int cCount;
        int annCount;
        try {
            NepParameters shape = b.randomCoefficients(0).build();
            dim = shape.dimension();
            cCount = shape.coefficientCount();
            annCount = NepModel.annParameterCount(keyword, dim, neurons, types);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(fileName + ":" + headerLine + ": header values out of range: "
                    + e.getMessage(), e);
        }
        double[] ann = in.numbers(annCount, "neural-network parameter");
        double[] c = in.numbers(cCount, "descriptor coefficient c");
        double[] qScaler = in.numbers(dim, "q_scaler");
        double[] flex = new double[0];
        if (zbl != null && zbl[0] == 0.0 && zbl[1] == 0.0) {
            flex = in.numbers(NepModel.flexibleZblCount(types), "flexible-ZBL parameter");
        }
        String rest;
        while ((rest = in.raw()) != null) {
            if (!rest.isBlank()) {
                throw in.error("the end of the file after " + (annCount + cCount + dim + flex.length)
                        + " parameters, got '" + rest.strip() + "'");
            }
        }
        NepParameters parameters = b.coefficients(c).qScaler(qScaler).build();
        return new NepModel(keyword, parameters, neurons, ann, zbl, flex, mnRadial, mnAngular);
    }

    /** Writes a model to a nep.txt file (UTF-8), overwriting it. */
    public static void write(NepModel model, Path file) throws IOException {
        Files.writeString(file, format(model), StandardCharsets.UTF_8);
    }

    /** The nep.txt text of a model; numbers are written with 17 significant digits (exact round trip). */
    public static String format(NepModel model) {
        NepParameters p = model.descriptor();
        StringBuilder sb = new StringBuilder();
        sb.append(model.keyword()).append(' ').append(p.speciesCount());
        for (String s : p.species()) {
            sb.append(' ').append(s);
        }
        sb.append('\n');
        double[] zbl = model.zbl();
        if (zbl != null) {
            sb.append("zbl");
            for (double v : zbl) {
                sb.append(' ').append(compact(v));
            }
            sb.append('\n');
        }
        sb.append("cutoff");
        if (p.hasGlobalCutoffs()) {
            sb.append(' ').append(compact(p.rcRadial(0))).append(' ').append(compact(p.rcAngular(0)));
        } else {
            for (int t = 0; t < p.speciesCount(); t++) {
                sb.append(' ').append(compact(p.rcRadial(t))).append(' ').append(compact(p.rcAngular(t)));
            }
        }
        sb.append(' ').append(model.mnRadial()).append(' ').append(model.mnAngular()).append('\n');
        sb.append("n_max ").append(p.nMaxRadial()).append(' ').append(p.nMaxAngular()).append('\n');
        sb.append("basis_size ").append(p.basisSizeRadial()).append(' ').append(p.basisSizeAngular()).append('\n');
        sb.append("l_max ").append(p.lMax()).append(' ').append(p.lMax4Body()).append(' ').append(p.lMax5Body())
                .append('\n');
        sb.append("ANN ").append(model.neurons()).append(" 0\n");
        appendColumn(sb, model.annParameters());
        appendColumn(sb, p.coefficients());
        appendColumn(sb, p.qScaler());
        appendColumn(sb, model.flexibleZbl());
        return sb.toString();
    }

    private static void appendColumn(StringBuilder sb, double[] values) {
        for (double v : values) {
            sb.append(String.format(Locale.ROOT, "%24.16e", v)).append('\n');
        }
    }

    private static String compact(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Line reader that knows the current line number and builds "file:line: expected ..." errors. */
    private static final class Lines {
        private final BufferedReader reader;
        private final String fileName;
        private int line;
        private String text;

        Lines(BufferedReader reader, String fileName) {
            this.reader = reader;
            this.fileName = fileName;
        }

        int lineNumber() {
            return line;
        }

        /** The next raw line or null at the end. */
        String raw() throws IOException {
            String s = reader.readLine();
            if (s != null) {
                line++;
                text = s;
            }
            return s;
        }

        /** Tokens of the next line; an error naming the expectation at the end of the file or on a blank line. */
        String[] next(String expectation) throws IOException {
            String s = raw();
            if (s == null) {
                throw new IllegalArgumentException(fileName + ":" + (line + 1) + ": expected " + expectation
                        + ", got the end of the file");
            }
            String trimmed = s.strip();
            if (trimmed.isEmpty()) {
                throw error(expectation + ", got an empty line");
            }
            return trimmed.split("\\s+");
        }

        /** {@code count} numbers, one per line. */
        double[] numbers(int count, String what) throws IOException {
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                String expectation = what + " " + (i + 1) + " of " + count + " (one number per line)";
                String[] t = next(expectation);
                if (t.length != 1) {
                    throw error(expectation + ", got " + t.length + " entries");
                }
                v[i] = real(t[0], expectation);
            }
            return v;
        }

        int integer(String token, String expectation) {
            try {
                return Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw error(expectation + ", got '" + token + "'");
            }
        }

        double real(String token, String expectation) {
            double v;
            try {
                v = Double.parseDouble(token);
            } catch (NumberFormatException e) {
                throw error(expectation + ", got '" + token + "'");
            }
            if (!Double.isFinite(v)) {
                throw error(expectation + " (finite), got '" + token + "'");
            }
            return v;
        }

        IllegalArgumentException error(String expectation) {
            String shown = text == null ? "" : " (line: '" + abbreviate(text.strip()) + "')";
            return new IllegalArgumentException(fileName + ":" + line + ": expected " + expectation + shown);
        }

        private static String abbreviate(String s) {
            return s.length() > 80 ? s.substring(0, 77) + "..." : s;
        }
    }

    /** Parses nep.txt content from a string (file name "&lt;string&gt;" in messages). */
    public static NepModel parse(String content) {
        try {
            return parse(new StringReader(content), "<string>");
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string cannot fail", e);
        }
    }
}
