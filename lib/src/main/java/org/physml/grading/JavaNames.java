package org.physml.grading;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The identifiers of Java (JShell) source, found by a lexer that skips comments, string, character and text-block
 * literals; and renaming of identifiers. Unicode escapes are translated first, as the compiler does (JLS 3.3),
 * so {@code \u0041ssertions} is the identifier {@code Assertions}.
 */
final class JavaNames {
    private JavaNames() {
    }

    /**
     * Translate Unicode escapes {@code \\u+XXXX} whose backslash is not itself escaped (JLS 3.3); a malformed
     * escape is left as it is (the compiler then reports it).
     */
    static String translateUnicodeEscapes(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                int backslashes = 0;
                for (int k = out.length() - 1; k >= 0 && out.charAt(k) == '\\'; k--) {
                    backslashes++;
                }
                int j = i + 1;
                while (j < s.length() && s.charAt(j) == 'u') {
                    j++;
                }
                if (backslashes % 2 == 0 && j > i + 1 && j + 4 <= s.length() && isHex(s, j, j + 4)) {
                    out.append((char) Integer.parseInt(s.substring(j, j + 4), 16));
                    i = j + 4;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** How an identifier occurs. */
    enum Position {
        /** after a '.', i.e. a member or a later part of a qualified name */
        MEMBER,
        /** a simple name or the first part of a qualified name, followed by '.' */
        QUALIFIER,
        /** any other simple name */
        SIMPLE
    }

    /** Receives each identifier with its position and offsets; returns the text to put in its place. */
    interface Visitor {
        String visit(String name, Position position);
    }

    /** The identifiers that are not members (not after a '.'), in order of first occurrence. */
    static Set<String> freeNames(String source) {
        Set<String> names = new LinkedHashSet<>();
        scan(translateUnicodeEscapes(source), (n, p) -> {
            if (p != Position.MEMBER) {
                names.add(n);
            }
            return n;
        });
        return names;
    }

    /** The identifiers that qualify something ({@code Assertions} in {@code Assertions.assertEquals}). */
    static Set<String> qualifiers(String source) {
        Set<String> names = new LinkedHashSet<>();
        scan(translateUnicodeEscapes(source), (n, p) -> {
            if (p == Position.QUALIFIER) {
                names.add(n);
            }
            return n;
        });
        return names;
    }

    /** The source (Unicode escapes translated) with every non-member identifier passed through rename. */
    static String rename(String source, UnaryOperator<String> rename) {
        return scan(translateUnicodeEscapes(source), (n, p) -> p == Position.MEMBER ? n : rename.apply(n));
    }

    /** Lex the source and rebuild it with each identifier replaced by what the visitor returns. */
    static String scan(String s, Visitor v) {
        StringBuilder out = new StringBuilder(s.length());
        char lastSignificant = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int end;
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (c == '"' && s.startsWith("\"\"\"", i)) {
                end = closing(s, i + 3, "\"\"\"");
                lastSignificant = '"';
            } else if (c == '"' || c == '\'') {
                end = closing(s, i + 1, String.valueOf(c));
                lastSignificant = c;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                end = number(s, i);
                lastSignificant = '0';
            } else if (Character.isJavaIdentifierStart(c)) {
                end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(s.charAt(end))) {
                    end++;
                }
                String name = s.substring(i, end);
                int next = end;
                while (next < n && Character.isWhitespace(s.charAt(next))) {
                    next++;
                }
                boolean qualifies = next < n && s.charAt(next) == '.' && !(next + 1 < n && s.charAt(next + 1) == '.');
                Position pos = lastSignificant == '.' ? Position.MEMBER
                        : qualifies ? Position.QUALIFIER : Position.SIMPLE;
                out.append(v.visit(name, pos));
                lastSignificant = 'a';
                i = end;
                continue;
            } else {
                end = i + 1;
                if (!Character.isWhitespace(c)) {
                    lastSignificant = c;
                }
            }
            out.append(s, i, end);
            i = end;
        }
        return out.toString();
    }

    /** Index just after a numeric literal (1e-12, 0x1p3, 1_000L, .5f) starting at from. */
    private static int number(String s, int from) {
        int i = from;
        boolean hex = s.startsWith("0x", i) || s.startsWith("0X", i);
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean exponentSign = (c == '+' || c == '-') && i > from
                    && "eEpP".indexOf(s.charAt(i - 1)) >= 0 && (!hex || "pP".indexOf(s.charAt(i - 1)) >= 0);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || exponentSign) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** Index just after the closing delimiter of a literal starting at from (backslash escapes honoured). */
    private static int closing(String s, int from, String delimiter) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '\\') {
                i += 2;
                continue;
            }
            if (s.startsWith(delimiter, i)) {
                return i + delimiter.length();
            }
            if (delimiter.length() == 1 && s.charAt(i) == '\n') {
                return i;   // unterminated: the compiler reports it
            }
            i++;
        }
        return s.length();
    }
}
