package org.physml.potentials;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.physml.descriptors.snap.Bispectrum;
import org.physml.structure.Elements;

/**
 * Reads a SNAP potential in the files of LAMMPS's {@code pair_style snap} ({@code .snapparam} and
 * {@code .snapcoeff}) into a {@link LinearSnap}, linear or quadratic.
 *
 * <p>Conventions (LAMMPS documentation of {@code pair_style snap}, 29 Sep 2021 version, which Debian ships):
 * <ul>
 *   <li>Parameter file: one {@code keyword value} pair per line, {@code #} starts a comment. Required:
 *       {@code rcutfac}, {@code twojmax}. Optional, with LAMMPS's defaults: {@code rfac0} 0.99363,
 *       {@code rmin0} 0, {@code switchflag} 1, {@code bzeroflag} 1, {@code quadraticflag} 0, {@code bnormflag} 0,
 *       {@code chemflag} 0, {@code wselfallflag} 0 ({@code chunksize} and {@code parallelthresh} only tune
 *       LAMMPS's memory use and are ignored). {@code chemflag 1} and {@code wselfallflag 1} are not supported.
 *       The keyword {@code diagonalstyle} of LAMMPS versions before 2019 is accepted with its value 3, the only
 *       bispectrum selection (j1 &gt;= j2, j &gt;= j1) the newer versions compute; the mlearn files of Zuo et al.
 *       still carry it.</li>
 *   <li>Coefficient file: the first non-comment line holds the number of elements and the number of coefficients
 *       per element; then one block per element: a line {@code symbol R w} (radius R_i in Angstrom, weight w_i)
 *       followed by one coefficient per line: beta_0 (eV), the K linear coefficients beta_l in the bispectrum
 *       order of {@link Bispectrum} and, with quadraticflag 1, the K (K + 1)/2 upper-triangular elements of the
 *       symmetric matrix alpha, row by row. The atomic energy is
 *       E_i = beta_0 + beta . B_i + 1/2 B_i^T alpha B_i (the quadratic SNAP of M. A. Wood and A. P. Thompson,
 *       J. Chem. Phys. 148, 241721 (2018)), i.e. 1/2 alpha_ll B_l^2 on the diagonal and alpha_lm B_l B_m for
 *       l &lt; m, which is exactly the quadratic feature vector of {@link Bispectrum} (quadraticflag 1).</li>
 *   <li>Pair cutoff between species a and b: rcutfac (R_a + R_b).</li>
 * </ul>
 * Every element of the coefficient file becomes a species of the model, in file order.
 */
public final class LammpsSnapFile {
    private static final List<String> IGNORED = List.of("chunksize", "parallelthresh");

    private LammpsSnapFile() {
    }

    /**
     * Reads a SNAP potential.
     *
     * @param param the {@code .snapparam} file
     * @param coeff the {@code .snapcoeff} file
     * @return the potential (units Angstrom, eV)
     * @throws IOException              if a file cannot be read
     * @throws IllegalArgumentException on a malformed file (the message names the file, the line and what was
     *                                  expected), an unsupported keyword or flag, or a coefficient count that does
     *                                  not match twojmax and quadraticflag
     */
    public static LinearSnap read(Path param, Path coeff) throws IOException {
        ModelFileLines p = ModelFileLines.read(param);
        Map<String, Double> values = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (ModelFileLines.Line line : p.lines()) {
            if (line.words().length != 2) {
                throw p.error(line, "expected one 'keyword value' pair, found " + line.words().length + " words");
            }
            String key = line.words()[0];
            if (IGNORED.contains(key)) {
                continue;
            }
            if (!List.of("rcutfac", "twojmax", "rfac0", "rmin0", "switchflag", "bzeroflag", "quadraticflag",
                    "bnormflag", "chemflag", "wselfallflag", "diagonalstyle").contains(key)) {
                throw p.error(line, "unknown SNAP keyword '" + key + "' (expected rcutfac, twojmax, rfac0, rmin0,"
                        + " switchflag, bzeroflag, quadraticflag, bnormflag, chemflag, wselfallflag)");
            }
            if (values.containsKey(key)) {
                throw p.error(line, "keyword '" + key + "' given twice (first on line " + lineOf.get(key) + ")");
            }
            values.put(key, p.real(line, 1, "the value of " + key));
            lineOf.put(key, line.number());
        }
        for (String required : List.of("rcutfac", "twojmax")) {
            if (!values.containsKey(required)) {
                throw p.error(0, "the required keyword '" + required + "' is missing");
            }
        }
        int twojmax = flag(p, values, lineOf, "twojmax", 0, Bispectrum.MAX_TWOJMAX);
        int switchflag = flag(p, values, lineOf, "switchflag", 1, 1);
        int bzeroflag = flag(p, values, lineOf, "bzeroflag", 1, 1);
        int quadraticflag = flag(p, values, lineOf, "quadraticflag", 0, 1);
        int bnormflag = flag(p, values, lineOf, "bnormflag", 0, 1);
        if (flag(p, values, lineOf, "chemflag", 0, 1) != 0) {
            throw p.error(lineOf.get("chemflag"), "chemflag 1 (explicit multi-element bispectrum) is not supported");
        }
        if (flag(p, values, lineOf, "wselfallflag", 0, 1) != 0) {
            throw p.error(lineOf.get("wselfallflag"), "wselfallflag 1 is not supported");
        }
        if (values.containsKey("diagonalstyle") && values.get("diagonalstyle") != 3.0) {
            throw p.error(lineOf.get("diagonalstyle"), "expected diagonalstyle 3 (the only bispectrum selection of"
                    + " current LAMMPS), found " + values.get("diagonalstyle"));
        }
        Bispectrum.Builder builder = Bispectrum.builder().rcutfac(values.get("rcutfac"))
                .rfac0(values.getOrDefault("rfac0", 0.99363)).twojmax(twojmax)
                .rmin0(values.getOrDefault("rmin0", 0.0)).switchflag(switchflag).bzeroflag(bzeroflag)
                .quadraticflag(quadraticflag).bnormflag(bnormflag);

        ModelFileLines c = ModelFileLines.read(coeff);
        List<ModelFileLines.Line> lines = c.lines();
        if (lines.isEmpty()) {
            throw c.error(0, "empty file: expected a line 'number_of_elements coefficients_per_element'");
        }
        ModelFileLines.Line head = lines.get(0);
        if (head.words().length != 2) {
            throw c.error(head, "expected 'number_of_elements coefficients_per_element', found "
                    + head.words().length + " words");
        }
        int nElements = c.integer(head, 0, "the number of elements");
        int perElement = c.integer(head, 1, "the number of coefficients per element");
        if (nElements < 1 || perElement < 1) {
            throw c.error(head, "expected positive counts, found " + nElements + " and " + perElement);
        }
        int k = Bispectrum.componentCount(twojmax);
        int expected = 1 + k + (quadraticflag == 1 ? k * (k + 1) / 2 : 0);
        if (perElement != expected) {
            throw c.error(head, "expected " + expected + " coefficients per element for twojmax " + twojmax
                    + " and quadraticflag " + quadraticflag + " (1 + K" + (quadraticflag == 1 ? " + K(K+1)/2" : "")
                    + ", K = " + k + "), found " + perElement);
        }
        int[] species = new int[nElements];
        double[] coefficients = new double[nElements * perElement];
        int at = 1;
        for (int e = 0; e < nElements; e++) {
            if (at >= lines.size()) {
                throw c.error(0, "unexpected end of file: expected the line 'symbol R w' of element " + (e + 1));
            }
            ModelFileLines.Line el = lines.get(at++);
            if (el.words().length != 3) {
                throw c.error(el, "expected 'symbol R w' for element " + (e + 1) + ", found " + el.words().length
                        + " words");
            }
            String symbol = el.words()[0];
            if (!Elements.isSymbol(symbol)) {
                throw c.error(el, "expected a chemical symbol, found '" + symbol + "'");
            }
            species[e] = Elements.atomicNumber(symbol);
            for (int u = 0; u < e; u++) {
                if (species[u] == species[e]) {
                    throw c.error(el, "element " + symbol + " appears twice");
                }
            }
            double radius = c.real(el, 1, "the radius R");
            double weight = c.real(el, 2, "the weight w");
            if (!(radius > 0)) {
                throw c.error(el, "expected a positive radius R, found " + radius);
            }
            builder.species(species[e], radius, weight);
            for (int q = 0; q < perElement; q++) {
                if (at >= lines.size()) {
                    throw c.error(0, "unexpected end of file: element " + symbol + " has " + q + " of "
                            + perElement + " coefficients");
                }
                ModelFileLines.Line cl = lines.get(at++);
                if (cl.words().length != 1) {
                    throw c.error(cl, "expected one coefficient (" + (q + 1) + " of " + perElement + " for "
                            + symbol + "), found " + cl.words().length + " words");
                }
                coefficients[e * perElement + q] = c.real(cl, 0, "coefficient " + (q + 1) + " of " + symbol);
            }
        }
        if (at < lines.size()) {
            throw c.error(lines.get(at), "expected end of file after " + nElements + " element blocks");
        }
        return new LinearSnap(builder.build(), species, coefficients);
    }

    private static int flag(ModelFileLines p, Map<String, Double> v, Map<String, Integer> lineOf, String key,
                            int fallback, int max) {
        if (!v.containsKey(key)) {
            return fallback;
        }
        double x = v.get(key);
        if (x != Math.rint(x) || x < 0 || x > max) {
            throw p.error(lineOf.get(key), "expected " + key + " to be an integer in 0.." + max + ", found " + x);
        }
        return (int) x;
    }
}
