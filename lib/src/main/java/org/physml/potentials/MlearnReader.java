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
 * {@code vasp_stress_order}) states the component order xx, yy, zz, xy, yz, xz (VASP's), but the files hold
 * xx, yy, zz, xy, xz, yz: in the Mo "Elastic" shears the one large off-diagonal component is the fourth for a
 * cell sheared in the xy plane (mode 4), the fifth for xz (mode 6) and the sixth for yz (mode 5)
 * ({@code MlearnReaderTest}). The files do not state the unit; the values are VASP's "in kB" stresses: kbar, positive when the cell is compressed (the data show
 * +169 kbar for a 10 % uniaxial compression of diamond Si, about C_11 x 0.1), and PyXtal_FF's reader of these
 * files converts them to eV with -s V / 1602.1766208 (1 eV/Angstrom^3 = 1602.18 kbar). The values are kept
 * as stored; {@code MlearnReaderTest} checks the sign and unit against finite differences of the DFT energies.
 *
 * <p>Files ending in {@code .gz} are decompressed on the fly.
 */
public final class MlearnReader {
    private MlearnReader() {
    }

    /**
     * Reads every entry of an mlearn JSON file ({@code .json} or {@code .json.gz}).
     *
     * @param file the file
     * @return the entries in file order
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the file is not a JSON list of mlearn entries; the message names the
     *                                  file, the entry index (0-based) and what was wrong
     */
    public static List<LabelledStructure> read(Path file) throws IOException {
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
                out.add(entry(entries.get(k)));
            } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException
                     | ClassCastException | NullPointerException e) {
                throw new IllegalArgumentException(file + ", entry " + k + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static LabelledStructure entry(JsonElement e) {
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
            virial = vector(v, "'outputs.virial_stress'", 6);
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
