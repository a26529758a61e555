package org.physml.structure.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The key=value comment line of extended XYZ, read and written with the conventions of ASE's
 * ase.io.extxyz (key_val_str_to_dict / key_val_dict_to_str, ASE 3.22):
 * <ul>
 *   <li>pairs are separated by white space; a value may be quoted with "", '', {} or [] and a backslash escapes
 *       the next character; white space around '=' is allowed; a key without value means true;</li>
 *   <li>a value whose white-space or comma separated words are all integers becomes Long (one word) or
 *       long[]; else all reals: Double or double[]; else all T/F: Boolean or boolean[]; a value starting
 *       "_JSON " is JSON; anything else stays a String;</li>
 *   <li>Lattice, stress and virial must hold 9 numbers and become 3x3 matrices, Fortran (column-major) order.</li>
 * </ul>
 */
final class ExtXyzComment {
    /** Keys whose 9 numbers are a 3x3 matrix in Fortran order (ASE's SPECIAL_3_3_KEYS). */
    static final Set<String> MATRIX_KEYS = Set.of("Lattice", "virial", "stress");

    private ExtXyzComment() {
    }

    /**
     * Parses a comment line.
     *
     * @throws IllegalArgumentException if a Lattice, stress or virial value is not 9 numbers, or a JSON value
     *                                  is malformed
     */
    static Map<String, Object> parse(String line) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (List<String> pair : split(line.strip())) {
            String key = pair.get(0);
            String value = pair.size() == 1 ? "T" : String.join("=", pair.subList(1, pair.size()));
            out.put(key, convert(key, value));
        }
        return out;
    }

    /** Splits into [key, value parts...] lists, honouring quotes, brackets and backslash escapes. */
    private static List<List<String>> split(String line) {
        List<List<StringBuilder>> pairs = new ArrayList<>();
        List<StringBuilder> current = newPair(pairs);
        boolean escaped = false;
        char closing = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            StringBuilder part = current.get(current.size() - 1);
            if (escaped) {
                part.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (closing != 0) {
                if (c == closing) {
                    closing = 0;
                } else {
                    part.append(c);
                }
            } else if (c == '"' || c == '\'' || c == '{' || c == '[') {
                closing = c == '{' ? '}' : c == '[' ? ']' : c;
            } else if (Character.isWhitespace(c)) {
                if (part.length() > 0) {
                    current = newPair(pairs);
                }
            } else if (c == '=') {
                if (current.size() == 1 && current.get(0).length() == 0 && pairs.size() > 1) {
                    pairs.remove(pairs.size() - 1);
                    current = pairs.get(pairs.size() - 1);
                }
                current.add(new StringBuilder());
            } else {
                part.append(c);
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (List<StringBuilder> p : pairs) {
            if (p.size() == 1 && p.get(0).length() == 0) {
                continue;
            }
            List<String> strings = new ArrayList<>();
            p.forEach(sb -> strings.add(sb.toString()));
            out.add(strings);
        }
        return out;
    }

    private static List<StringBuilder> newPair(List<List<StringBuilder>> pairs) {
        List<StringBuilder> p = new ArrayList<>();
        p.add(new StringBuilder());
        pairs.add(p);
        return p;
    }

    private static Object convert(String key, String value) {
        String[] words = value.split("[\\s,]+");
        List<String> w = new ArrayList<>();
        for (String s : words) {
            if (!s.isEmpty()) {
                w.add(s);
            }
        }
        Object converted = convertWords(w, value);
        if (MATRIX_KEYS.contains(key)) {
            double[] v = converted instanceof double[] d ? d
                    : converted instanceof long[] l ? java.util.Arrays.stream(l).asDoubleStream().toArray() : null;
            if (v == null || v.length != 9) {
                throw new IllegalArgumentException(key + " must be 9 numbers (a 3x3 matrix), got \"" + value + "\"");
            }
            double[][] m = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    m[i][j] = v[i + 3 * j];
                }
            }
            return m;
        }
        return converted;
    }

    private static Object convertWords(List<String> w, String value) {
        if (!w.isEmpty()) {
            long[] ints = new long[w.size()];
            boolean allInts = true;
            for (int i = 0; i < w.size() && allInts; i++) {
                if (Tokens.isInteger(w.get(i))) {
                    try {
                        ints[i] = Long.parseLong(w.get(i));
                    } catch (NumberFormatException overflow) {
                        allInts = false;
                    }
                } else {
                    allInts = false;
                }
            }
            if (allInts) {
                return ints.length == 1 ? (Object) ints[0] : ints;
            }
            double[] reals = new double[w.size()];
            boolean allReals = true;
            for (int i = 0; i < w.size() && allReals; i++) {
                try {
                    reals[i] = Tokens.parseReal(w.get(i));
                } catch (NumberFormatException e) {
                    allReals = false;
                }
            }
            if (allReals) {
                return reals.length == 1 ? (Object) reals[0] : reals;
            }
            boolean[] bools = new boolean[w.size()];
            boolean allBools = true;
            for (int i = 0; i < w.size() && allBools; i++) {
                switch (w.get(i)) {
                    case "T" -> bools[i] = true;
                    case "F" -> bools[i] = false;
                    default -> allBools = false;
                }
            }
            if (allBools) {
                return bools.length == 1 ? (Object) bools[0] : bools;
            }
        }
        if (value.startsWith("_JSON ")) {
            try {
                return JsonParser.parseString(value.substring(6));
            } catch (JsonParseException e) {
                throw new IllegalArgumentException("malformed _JSON value \"" + value + "\": " + e.getMessage());
            }
        }
        return value;
    }

    /**
     * Writes info entries as ASE does: key=value separated by single spaces, arrays space-joined, 3x3 matrices
     * of MATRIX_KEYS in Fortran order, 2D arrays and JSON elements as "_JSON ...", strings quoted when they
     * contain white space, quotes, brackets, '=' or backslashes.
     *
     * @throws IllegalArgumentException for a value of an unsupported type
     */
    static String format(Map<String, Object> info) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : info.entrySet()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(escape(e.getKey())).append('=').append(escape(valueText(e.getKey(), e.getValue())));
        }
        return sb.toString();
    }

    static String valueText(String key, Object v) {
        if (v instanceof Boolean b) {
            return b ? "T" : "F";
        }
        if (v instanceof Double || v instanceof Float) {
            return Tokens.formatReal(((Number) v).doubleValue());
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return v.toString();
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof double[] a) {
            return join(a.length, i -> Tokens.formatReal(a[i]));
        }
        if (v instanceof long[] a) {
            return join(a.length, i -> Long.toString(a[i]));
        }
        if (v instanceof int[] a) {
            return join(a.length, i -> Integer.toString(a[i]));
        }
        if (v instanceof boolean[] a) {
            return join(a.length, i -> a[i] ? "T" : "F");
        }
        if (v instanceof double[][] m) {
            if (MATRIX_KEYS.contains(key) && m.length == 3 && m[0].length == 3 && m[1].length == 3 && m[2].length == 3) {
                return join(9, i -> Tokens.formatReal(m[i % 3][i / 3]));
            }
            return "_JSON " + new com.google.gson.Gson().toJson(m);
        }
        if (v instanceof JsonElement j) {
            return "_JSON " + j;
        }
        throw new IllegalArgumentException("info '" + key + "' has a value of type "
                + (v == null ? "null" : v.getClass().getSimpleName()) + " that extended XYZ cannot hold");
    }

    private static String join(int n, java.util.function.IntFunction<String> item) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(item.apply(i));
        }
        return sb.toString();
    }

    /** Quotes a key or value when needed so that {@link #parse} (and ASE) read it back unchanged. */
    static String escape(String s) {
        boolean quote = s.isEmpty();
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = Character.isWhitespace(c) || "\"'{}[]=\\".indexOf(c) >= 0;
        }
        if (!quote) {
            return s;
        }
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
