package org.physml.ice;

/** Parses the numbers of crystallographic tables: decimals ("0.06226") and fractions ("1/3", "-2/3"). */
final class Fraction {
    private Fraction() {
    }

    /**
     * @param text    a decimal or p/q with integer or decimal p and q
     * @param context what is being parsed, for the error message
     * @throws IllegalArgumentException if the text is not a finite number or fraction, or q is zero
     */
    static double parse(String text, String context) {
        String s = text.trim();
        try {
            int slash = s.indexOf('/');
            double value;
            if (slash < 0) {
                value = Double.parseDouble(s);
            } else {
                double q = Double.parseDouble(s.substring(slash + 1));
                if (q == 0) {
                    throw new IllegalArgumentException("zero denominator in '" + text + "' of " + context);
                }
                value = Double.parseDouble(s.substring(0, slash)) / q;
            }
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' in " + context + " is not a number or fraction p/q");
        }
    }
}
