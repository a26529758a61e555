package org.physml.potentials;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.physml.structure.Elements;
import org.physml.structure.Structure;

/**
 * Reads the DFT data sets of the mlearn benchmark (Y. Zuo et al., "Performance and Cost Assessment of Machine
 * Learning Interatomic Potentials", J. Phys. Chem. A 124, 731 (2020); files {@code data/<element>/training.json}
 * and {@code test.json} of github.com/materialsvirtuallab/mlearn, BSD-3-Clause) with Gson.
 *
 * <p>Each file is a JSON list of entries; an entry has {@code structure} (a pymatgen Structure dictionary:
 * {@code lattice.matrix} with the lattice vectors as rows in Angstrom, {@code sites[].xyz} Cartesian positions in
 * Angstrom and {@code sites[].species[0].element}), {@code outputs.energy} (total energy, eV),
 * {@code outputs.forces} ([n][3], eV/Angstrom) and optionally {@code outputs.virial_stress} (6 numbers), plus
 * {@code group} and {@code description}. Structures are periodic along all three axes.
 *
 * <p>Virial stress: mlearn's MTP interface ({@code mlearn/potentials/mtp.py}, field
 * {@code vasp_stress_order}) states the component order xx, yy, zz, xy, yz, xz (VASP's), the order of
 * {@link LabelledStructure#VIRIAL_COMPONENTS}. The Si files hold that order, but the Mo files hold
 * xx, yy, zz, xy, xz, yz: in the sheared cells of the "Elastic" groups the one large off-diagonal component sits
 * at the index of the sheared plane, and for Mo the xz shears (mode 6) have it fifth and the yz shears (mode 5)
 * sixth, for Si the other way round ({@code MlearnReaderTest}). So a data folder may say in which order its files
 * store the components: a file {@value #VIRIAL_ORDER_FILE} next to the data file, holding the six names
 * (e.g. {@code xx yy zz xy xz yz}; {@code #} starts a comment), and the values are permuted into the order of
 * {@link LabelledStructure#VIRIAL_COMPONENTS} when read; without it, mlearn's stated order is assumed.
 * The files do not state the unit; the values are VASP's "in kB" stresses: kbar, positive when the cell is compressed (the data show
 * +169 kbar for a 10 % uniaxial compression of diamond Si, about C_11 x 0.1), and PyXtal_FF's reader of these
 * files converts them to eV with -s V / 1602.1766208 (1 eV/Angstrom^3 = 1602.18 kbar). The values are kept
 * as stored; {@code MlearnReaderTest} checks the sign and unit against finite differences of the DFT energies.
 *
 * <p>Files ending in {@code .gz} are decompressed on the fly.
 */
public final class MlearnReader {
    /** Name of the optional file, next to a data file, that gives the order of its virial components. */
    public static final String VIRIAL_ORDER_FILE = "virial_order.txt";

    private MlearnReader() {
    }

    /**
     * The permutation from a data folder's virial order to {@link LabelledStructure#VIRIAL_COMPONENTS}: entry c is
     * the stored index of component c; the identity if the folder has no {@value #VIRIAL_ORDER_FILE}.
     *
     * @throws IOException              if the order file exists but cannot be read
     * @throws IllegalArgumentException if it does not hold the six names xx yy zz xy yz xz, each once, in some
     *                                  order (the message names the file and line)
     */
    public static int[] virialOrder(Path dataFile) throws IOException {
        Path dir = dataFile.toAbsolutePath().getParent();
        Path order = dir == null ? null : dir.resolve(VIRIAL_ORDER_FILE);
        int[] perm = {0, 1, 2, 3, 4, 5};
        if (order == null || !Files.exists(order)) {
            return perm;
        }
        List<String> lines = Files.readAllLines(order, StandardCharsets.UTF_8);
        List<String> names = null;
        int lineNo = 0;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).replaceFirst("#.*", "").trim();
            if (text.isEmpty()) {
                continue;
            }
            if (names != null) {
                throw new IllegalArgumentException(order + ", line " + (i + 1) + ": expected one line with the six"
                        + " component names, found a second one (line " + lineNo + " was the first)");
            }
            names = List.of(text.split("\\s+"));
            lineNo = i + 1;
        }
        if (names == null || names.size() != 6 || !new java.util.HashSet<>(names).equals(
                new java.util.HashSet<>(LabelledStructure.VIRIAL_NAMES))) {
            throw new IllegalArgumentException(order + (names == null ? ": empty" : ", line " + lineNo + ": found "
                    + names) + "; expected the six names " + String.join(" ", LabelledStructure.VIRIAL_NAMES)
                    + ", each once, in the order the data files store them");
        }
        for (int c = 0; c < 6; c++) {
            perm[c] = names.indexOf(LabelledStructure.VIRIAL_NAMES.get(c));
        }
        return perm;
    }

    /**
     * Reads every entry of an mlearn JSON file ({@code .json} or {@code .json.gz}).
     *
     * @param file the file
     * @return the entries in file order
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the file is not a JSON list of mlearn entries; the message names the
     *                                  file, the entry index (0-based) and what was wrong; or as {@link #virialOrder}
     */
    public static List<LabelledStructure> read(Path file) throws IOException {
        int[] order = virialOrder(file);
        JsonElement root;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException(file + ": expected a JSON list of entries, found "
                    + kind(root));
        }
        JsonArray entries = root.getAsJsonArray();
        List<LabelledStructure> out = new ArrayList<>(entries.size());
        for (int k = 0; k < entries.size(); k++) {
            try {
                out.add(entry(entries.get(k), order));
            } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException
                     | ClassCastException | NullPointerException e) {
                throw new IllegalArgumentException(file + ", entry " + k + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static LabelledStructure entry(JsonElement e, int[] order) {
        JsonObject o = object(e, "entry");
        JsonObject s = object(o.get("structure"), "'structure'");
        JsonObject lattice = object(s.get("lattice"), "'structure.lattice'");
        double[][] cell = matrix(lattice.get("matrix"), "'structure.lattice.matrix'", 3);
        JsonArray sites = array(s.get("sites"), "'structure.sites'");
        int n = sites.size();
        if (n == 0) {
            throw new IllegalArgumentException("'structure.sites' is empty");
        }
        double[][] pos = new double[n][];
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            JsonObject site = object(sites.get(i), "site " + i);
            pos[i] = vector(site.get("xyz"), "'xyz' of site " + i, 3);
            JsonArray species = array(site.get("species"), "'species' of site " + i);
            if (species.size() != 1) {
                throw new IllegalArgumentException("site " + i + " has " + species.size()
                        + " species; only ordered structures (one element per site) are supported");
            }
            String symbol = string(object(species.get(0), "species of site " + i).get("element"),
                    "'element' of site " + i);
            z[i] = Elements.atomicNumber(symbol);
        }
        JsonObject outputs = object(o.get("outputs"), "'outputs'");
        double energy = number(outputs.get("energy"), "'outputs.energy'");
        double[][] forces = matrix(outputs.get("forces"), "'outputs.forces'", n);
        double[] virial = null;
        JsonElement v = outputs.get("virial_stress");
        if (v != null && !v.isJsonNull()) {
            double[] stored = vector(v, "'outputs.virial_stress'", 6);
            virial = new double[6];
            for (int c = 0; c < 6; c++) {
                virial[c] = stored[order[c]];
            }
        }
        String group = o.has("group") && !o.get("group").isJsonNull() ? string(o.get("group"), "'group'") : "";
        String description = o.has("description") && !o.get("description").isJsonNull()
                ? string(o.get("description"), "'description'") : "";
        Structure structure = new Structure(pos, z, cell, new boolean[]{true, true, true});
        return new LabelledStructure(structure, energy, forces, virial, group, description);
    }

    private static JsonObject object(JsonElement e, String what) {
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException(what + ": expected a JSON object, found " + kind(e));
        }
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonElement e, String what) {
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException(what + ": expected a JSON list, found " + kind(e));
        }
        return e.getAsJsonArray();
    }

    private static String string(JsonElement e, String what) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(what + ": expected a string, found " + kind(e));
        }
        return e.getAsString();
    }

    private static double number(JsonElement e, String what) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(what + ": expected a number, found " + kind(e));
        }
        double v = e.getAsDouble();
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + ": expected a finite number, found " + e);
        }
        return v;
    }

    private static double[] vector(JsonElement e, String what, int length) {
        JsonArray a = array(e, what);
        if (a.size() != length) {
            throw new IllegalArgumentException(what + ": expected " + length + " numbers, found " + a.size());
        }
        double[] v = new double[length];
        for (int k = 0; k < length; k++) {
            v[k] = number(a.get(k), what + "[" + k + "]");
        }
        return v;
    }

    private static double[][] matrix(JsonElement e, String what, int rows) {
        JsonArray a = array(e, what);
        if (a.size() != rows) {
            throw new IllegalArgumentException(what + ": expected " + rows + " rows, found " + a.size());
        }
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = vector(a.get(r), what + "[" + r + "]", 3);
        }
        return m;
    }

    private static String kind(JsonElement e) {
        if (e == null) {
            return "nothing (missing)";
        }
        if (e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        String text = e.toString();
        return "the value " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
