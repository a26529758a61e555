package org.physml.structure.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Whitespace splitting and strict number parsing shared by the readers. */
final class Tokens {
    private Tokens() {
    }

    /** The whitespace-separated words of a line (no empty words). */
    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        int n = line.length(), i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    /**
     * A real number as Python's float() reads it: decimal with optional exponent, or nan / inf / infinity in
     * any case with optional sign (Java suffixes such as "1d" and hexadecimal are rejected).
     *
     * @throws NumberFormatException if the word is not a real number
     */
    static double parseReal(String word) {
        if (word.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        char last = word.charAt(word.length() - 1);
        if ((last >= '0' && last <= '9') || last == '.') {
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                    throw new NumberFormatException(word);
                }
            }
            return Double.parseDouble(word);
        }
        String w = word.toLowerCase(Locale.ROOT);
        double sign = 1;
        if (w.startsWith("+") || w.startsWith("-")) {
            sign = w.charAt(0) == '-' ? -1 : 1;
            w = w.substring(1);
        }
        return switch (w) {
            case "nan" -> Double.NaN;
            case "inf", "infinity" -> sign * Double.POSITIVE_INFINITY;
            default -> throw new NumberFormatException(word);
        };
    }

    /** Whether the word is an integer: optional sign and decimal digits only. */
    static boolean isInteger(String word) {
        int start = (word.startsWith("+") || word.startsWith("-")) ? 1 : 0;
        if (word.length() == start) {
            return false;
        }
        for (int i = start; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Shortest decimal text that reads back to exactly the same double (Java's Double.toString), e.g.
     * "0.1", "-3.5E-7"; Python's float() and numpy read it back exactly.
     */
    static String formatReal(double v) {
        return Double.toString(v);
    }
}
