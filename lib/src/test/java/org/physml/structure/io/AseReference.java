package org.physml.structure.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Compares frames with the JSON dump of what ASE (3.22.1) read, written by
 * src/test/resources/structure/make_ase_references.py: every number bit for bit, every type as ASE typed it.
 */
final class AseReference {
    private AseReference() {
    }

    static Path resource(String name) {
        try {
            return Path.of(AseReference.class.getResource("/structure/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource structure/" + name, e);
        }
    }

    static JsonArray json(String name) {
        try (Reader r = new InputStreamReader(AseReference.class.getResourceAsStream("/structure/" + name),
                StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(r).getAsJsonArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertBits(double expected, double actual, String what) {
        if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }

    static void assertMatches(JsonArray expected, List<Frame> frames) {
        assertEquals(expected.size(), frames.size(), "number of frames");
        for (int f = 0; f < frames.size(); f++) {
            assertMatches(expected.get(f).getAsJsonObject(), frames.get(f), "frame " + f);
        }
    }

    static void assertMatches(JsonObject e, Frame frame, String where) {
        var s = frame.structure();
        JsonArray numbers = e.getAsJsonArray("numbers");
        assertEquals(numbers.size(), s.size(), where + ": atoms");
        for (int i = 0; i < s.size(); i++) {
            assertEquals(numbers.get(i).getAsInt(), s.atomicNumber(i), where + ": Z of atom " + i);
            for (int c = 0; c < 3; c++) {
                assertBits(e.getAsJsonArray("positions").get(i).getAsJsonArray().get(c).getAsDouble(),
                        s.positionsView()[i][c], where + ": position " + i + "," + c);
            }
        }
        double[][] cell = s.cell();
        for (int k = 0; k < 3; k++) {
            for (int c = 0; c < 3; c++) {
                assertBits(e.getAsJsonArray("cell").get(k).getAsJsonArray().get(c).getAsDouble(), cell[k][c],
                        where + ": cell " + k + "," + c);
            }
            assertEquals(e.getAsJsonArray("pbc").get(k).getAsBoolean(), s.pbc()[k], where + ": pbc " + k);
        }
        JsonObject info = e.getAsJsonObject("info");
        assertEquals(info.keySet(), frame.info().keySet(), where + ": info keys");
        for (Map.Entry<String, JsonElement> item : info.entrySet()) {
            assertInfo(item.getValue().getAsJsonObject(), frame.info().get(item.getKey()), where + ": info " + item.getKey());
        }
        JsonObject arrays = e.getAsJsonObject("arrays");
        assertEquals(arrays.keySet(), frame.arrays().keySet(), where + ": array names");
        for (Map.Entry<String, JsonElement> item : arrays.entrySet()) {
            assertArray(item.getValue().getAsJsonObject(), frame.arrays().get(item.getKey()), where + ": array " + item.getKey());
        }
    }

    private static void assertInfo(JsonObject e, Object actual, String where) {
        JsonElement v = e.get("value");
        switch (e.get("type").getAsString()) {
            case "int" -> {
                assertTrue(actual instanceof Long || actual instanceof Integer, where + ": expected an integer, got " + actual);
                assertEquals(v.getAsLong(), ((Number) actual).longValue(), where);
            }
            case "float" -> assertBits(v.getAsDouble(), assertInstanceOf(Double.class, actual, where), where);
            case "bool" -> assertEquals(v.getAsBoolean(), assertInstanceOf(Boolean.class, actual, where), where);
            case "str" -> assertEquals(v.getAsString(), assertInstanceOf(String.class, actual, where), where);
            case "ndarray" -> {
                String kind = e.get("dtype").getAsString();
                JsonArray a = v.getAsJsonArray();
                if (a.size() > 0 && a.get(0).isJsonArray()) {
                    double[][] m = assertInstanceOf(double[][].class, actual, where);
                    for (int i = 0; i < a.size(); i++) {
                        for (int j = 0; j < a.get(i).getAsJsonArray().size(); j++) {
                            assertBits(a.get(i).getAsJsonArray().get(j).getAsDouble(), m[i][j], where);
                        }
                    }
                } else if (kind.equals("i")) {
                    long[] l = assertInstanceOf(long[].class, actual, where);
                    assertEquals(a.size(), l.length, where);
                    for (int i = 0; i < l.length; i++) {
                        assertEquals(a.get(i).getAsLong(), l[i], where);
                    }
                } else if (kind.equals("f")) {
                    double[] d = assertInstanceOf(double[].class, actual, where);
                    assertEquals(a.size(), d.length, where);
                    for (int i = 0; i < d.length; i++) {
                        assertBits(a.get(i).getAsDouble(), d[i], where);
                    }
                } else {
                    boolean[] b = assertInstanceOf(boolean[].class, actual, where);
                    for (int i = 0; i < b.length; i++) {
                        assertEquals(a.get(i).getAsBoolean(), b[i], where);
                    }
                }
            }
            case "list" -> {
                // ASE turns "T F T" into a Python list of bools
                boolean[] b = assertInstanceOf(boolean[].class, actual, where);
                assertEquals(v.getAsJsonArray().size(), b.length, where);
                for (int i = 0; i < b.length; i++) {
                    assertEquals(v.getAsJsonArray().get(i).getAsBoolean(), b[i], where);
                }
            }
            default -> fail(where + ": unexpected type " + e.get("type"));
        }
    }

    private static void assertArray(JsonObject e, AtomArray actual, String where) {
        JsonArray rows = e.getAsJsonArray("value");
        assertEquals(rows.size(), actual.size(), where);
        String kind = e.get("dtype").getAsString();
        for (int i = 0; i < rows.size(); i++) {
            JsonElement row = rows.get(i);
            JsonArray cols = row.isJsonArray() ? row.getAsJsonArray() : single(row);
            assertEquals(cols.size(), actual.columns(), where + " columns");
            for (int k = 0; k < cols.size(); k++) {
                JsonElement v = cols.get(k);
                switch (kind) {
                    case "f" -> assertBits(v.getAsDouble(), ((AtomArray.Reals) actual).values()[i][k], where);
                    case "i" -> assertEquals(v.getAsLong(), ((AtomArray.Integers) actual).values()[i][k], where);
                    case "b" -> assertEquals(v.getAsBoolean(), ((AtomArray.Logicals) actual).values()[i][k], where);
                    case "O", "U" -> assertEquals(v.getAsString(), ((AtomArray.Strings) actual).values()[i][k], where);
                    default -> fail(where + ": unexpected dtype " + kind);
                }
            }
        }
        assertTrue(actual.size() == rows.size());
    }

    private static JsonArray single(JsonElement v) {
        JsonArray a = new JsonArray();
        a.add(v);
        return a;
    }

    static void assertSameDoubles(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 0.0);
        }
    }
}
