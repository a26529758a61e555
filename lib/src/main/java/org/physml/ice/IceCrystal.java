package org.physml.ice;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The crystallographic description of one ice phase, as read from its data file
 * ({@code org/physml/ice/<phase>.json} on the class path): lattice parameters, space-group operations and the
 * oxygen sites (Wyckoff positions, or the full list of the O sites of the cell when the source gives no
 * symmetry-independent set), each with the source it was taken from.
 *
 * @param name             phase name, e.g. "Ih"
 * @param spaceGroup       Hermann-Mauguin symbol and number as text, e.g. "P6_3/mmc (194)"
 * @param source           the structure's literature source (paper, table)
 * @param temperatureK     temperature of the measurement, K, or NaN if the source we read does not give it
 * @param pressureGPa      pressure of the measurement, GPa, or NaN if not given
 * @param cell             lattice parameters (Angstrom, degrees)
 * @param operations       symmetry operations generating the cell's sites from {@code sites}, centring
 *                         translations included (the data file may list the operations once and the centring
 *                         vectors, e.g. (0,1/2,1/2), separately); just the identity when {@code sites} already lists
 *                         every site of the cell
 * @param operationsSource where the operations were taken from
 * @param sites            oxygen sites in fractional coordinates of {@code cell}
 * @param bondRule         how the hydrogen-bond graph is found
 * @param networks         number of interpenetrating, mutually non-bonded hydrogen-bond networks (1, or 2 for
 *                         ices VI and VII)
 * @param networkRepeat    repeats of the crystallographic cell that form the smallest cell in which each network
 *                         is periodic by itself (1,1,1 except ice VII: 2,2,2)
 */
public record IceCrystal(String name, String spaceGroup, String source, double temperatureK, double pressureGPa,
                         CellParameters cell, List<SymmetryOperation> operations, String operationsSource,
                         List<Site> sites, HydrogenBondRule bondRule, int networks, int[] networkRepeat) {

    /**
     * One oxygen site.
     *
     * @param label      site label, e.g. "O1"
     * @param wyckoff    Wyckoff letter with multiplicity, e.g. "4f", or "-" for an entry of a full site list
     * @param fractional fractional coordinates, length 3
     */
    public record Site(String label, String wyckoff, double[] fractional) {
        /** @throws IllegalArgumentException if the coordinates are not 3 finite numbers */
        public Site {
            if (fractional == null || fractional.length != 3) {
                throw new IllegalArgumentException("site " + label + " needs 3 fractional coordinates");
            }
            fractional = fractional.clone();
        }

        /** Copy of the fractional coordinates. */
        @Override
        public double[] fractional() {
            return fractional.clone();
        }
    }

    /** @throws IllegalArgumentException if a list is empty, networks is not 1 or 2, or a repeat is not positive */
    public IceCrystal {
        operations = List.copyOf(operations);
        sites = List.copyOf(sites);
        if (operations.isEmpty() || sites.isEmpty()) {
            throw new IllegalArgumentException("phase " + name + " needs at least one symmetry operation and one site");
        }
        if (networks < 1 || networks > 2) {
            throw new IllegalArgumentException("phase " + name + ": networks must be 1 or 2, got " + networks);
        }
        if (networkRepeat == null || networkRepeat.length != 3 || networkRepeat[0] < 1 || networkRepeat[1] < 1
                || networkRepeat[2] < 1) {
            throw new IllegalArgumentException("phase " + name + ": networkRepeat must be 3 positive integers");
        }
        networkRepeat = networkRepeat.clone();
    }

    /** Copy of the network repeat. */
    @Override
    public int[] networkRepeat() {
        return networkRepeat.clone();
    }

    /**
     * Reads a phase description from its JSON data file on the class path.
     *
     * @param resource class-path resource name, e.g. "org/physml/ice/Ih.json"
     * @throws IllegalArgumentException if the resource is missing or a field is missing or malformed (the message
     *                                  names the resource and the field)
     */
    public static IceCrystal fromResource(String resource) {
        InputStream in = IceCrystal.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no ice data file " + resource + " on the class path");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return fromJson(JsonParser.parseReader(r), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(resource + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Builds a phase description from a parsed JSON document (the format of the files in
     * {@code org/physml/ice/}).
     *
     * @param json   the document
     * @param origin file name for error messages
     * @throws IllegalArgumentException if a field is missing or malformed
     */
    public static IceCrystal fromJson(JsonElement json, String origin) {
        Fields f = new Fields(json, origin);
        JsonObject cell = f.object("cell");
        Fields c = new Fields(cell, origin + ": cell");
        CellParameters parameters = new CellParameters(c.number("a"), c.number("b"), c.number("c"),
                c.number("alpha"), c.number("beta"), c.number("gamma"));
        JsonObject ops = f.object("operations");
        Fields o = new Fields(ops, origin + ": operations");
        List<double[]> centring = new ArrayList<>();
        centring.add(new double[3]);
        if (ops.has("centring")) {
            centring = List.of(o.fractionRows("centring"));
        }
        List<SymmetryOperation> operations = new ArrayList<>();
        for (JsonElement e : o.array("xyz")) {
            SymmetryOperation op = SymmetryOperation.parse(e.getAsString());
            for (double[] t : centring) {
                double[] shifted = op.translation();
                for (int k = 0; k < 3; k++) {
                    shifted[k] += t[k];
                }
                operations.add(new SymmetryOperation(op.rotation(), shifted));
            }
        }
        List<Site> sites = new ArrayList<>();
        JsonArray siteArray = f.array("sites");
        for (int i = 0; i < siteArray.size(); i++) {
            Fields s = new Fields(siteArray.get(i), origin + ": sites[" + i + "]");
            JsonArray xyz = s.array("xyz");
            if (xyz.size() != 3) {
                throw new IllegalArgumentException(origin + ": sites[" + i + "].xyz must have 3 entries");
            }
            double[] frac = new double[3];
            for (int k = 0; k < 3; k++) {
                frac[k] = Fraction.parse(xyz.get(k).getAsString(), origin + ": sites[" + i + "].xyz");
            }
            sites.add(new Site(s.text("label"), s.text("wyckoff"), frac));
        }
        Fields b = new Fields(f.object("hydrogenBonds"), origin + ": hydrogenBonds");
        HydrogenBondRule rule = switch (b.text("rule")) {
            case "distance" -> new HydrogenBondRule.WithinDistance(b.number("rMax"));
            case "vectors" -> new HydrogenBondRule.AlongVectors(b.fractionRows("from"), b.fractionRows("vectors"));
            default -> throw new IllegalArgumentException(origin + ": hydrogenBonds.rule must be 'distance' or "
                    + "'vectors', got '" + b.text("rule") + "'");
        };
        JsonArray repeat = f.array("networkRepeat");
        int[] rep = new int[repeat.size()];
        for (int k = 0; k < rep.length; k++) {
            rep[k] = repeat.get(k).getAsInt();
        }
        return new IceCrystal(f.text("phase"), f.text("spaceGroup"), f.text("source"),
                f.optionalNumber("temperatureK"), f.optionalNumber("pressureGPa"), parameters, operations,
                o.text("source"), sites, rule, (int) f.number("networks"), rep);
    }

    /** Typed access to the members of a JSON object with file-and-field error messages. */
    private record Fields(JsonObject obj, String where) {
        Fields(JsonElement e, String where) {
            this(asObject(e, where), where);
        }

        private static JsonObject asObject(JsonElement e, String where) {
            if (e == null || !e.isJsonObject()) {
                throw new IllegalArgumentException(where + ": expected a JSON object");
            }
            return e.getAsJsonObject();
        }

        JsonElement get(String key) {
            JsonElement e = obj.get(key);
            if (e == null || e.isJsonNull()) {
                throw new IllegalArgumentException(where + ": missing field '" + key + "'");
            }
            return e;
        }

        JsonObject object(String key) {
            return asObject(get(key), where + "." + key);
        }

        JsonArray array(String key) {
            JsonElement e = get(key);
            if (!e.isJsonArray()) {
                throw new IllegalArgumentException(where + ": field '" + key + "' must be an array");
            }
            return e.getAsJsonArray();
        }

        String text(String key) {
            JsonElement e = get(key);
            if (!e.isJsonPrimitive()) {
                throw new IllegalArgumentException(where + ": field '" + key + "' must be text");
            }
            return e.getAsString();
        }

        double number(String key) {
            JsonElement e = get(key);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw new IllegalArgumentException(where + ": field '" + key + "' must be a number");
            }
            return e.getAsDouble();
        }

        double optionalNumber(String key) {
            JsonElement e = obj.get(key);
            return e == null || e.isJsonNull() ? Double.NaN : number(key);
        }

        double[][] fractionRows(String key) {
            JsonArray rows = array(key);
            double[][] out = new double[rows.size()][3];
            for (int i = 0; i < rows.size(); i++) {
                JsonArray row = rows.get(i).getAsJsonArray();
                if (row.size() != 3) {
                    throw new IllegalArgumentException(where + ": " + key + "[" + i + "] must have 3 entries");
                }
                for (int k = 0; k < 3; k++) {
                    out[i][k] = Fraction.parse(row.get(k).getAsString(), where + "." + key + "[" + i + "]");
                }
            }
            return out;
        }
    }
}
