package org.physml.ice;

import java.util.Arrays;
import java.util.Locale;

/**
 * A space-group symmetry operation x' = R x + t acting on fractional coordinates, written in the
 * Jones-faithful notation of the International Tables for Crystallography and of CIF files
 * ({@code _symmetry_equiv_pos_as_xyz}), e.g. {@code "-y,x-y,1/2+z"} or {@code "1/4-X,3/4+Y,Z+1/4"}.
 *
 * @param rotation    integer matrix R, shape [3][3]: row k gives the coefficients of x, y, z in component k
 * @param translation translation t in fractions of the lattice vectors, length 3
 */
public record SymmetryOperation(int[][] rotation, double[] translation) {

    /**
     * @throws IllegalArgumentException if the shapes are not [3][3] and [3] or t is not finite
     */
    public SymmetryOperation {
        if (rotation == null || rotation.length != 3 || translation == null || translation.length != 3) {
            throw new IllegalArgumentException("a symmetry operation needs a 3x3 rotation and a translation of length 3");
        }
        int[][] r = new int[3][];
        for (int k = 0; k < 3; k++) {
            if (rotation[k] == null || rotation[k].length != 3) {
                throw new IllegalArgumentException("rotation row " + k + " must have 3 entries");
            }
            if (!Double.isFinite(translation[k])) {
                throw new IllegalArgumentException("translation must be finite, got " + Arrays.toString(translation));
            }
            r[k] = rotation[k].clone();
        }
        rotation = r;
        translation = translation.clone();
    }

    /**
     * Parses one operation in Jones-faithful notation: three comma-separated components, each a signed sum
     * of the symbols x, y, z (any case) and rational or decimal constants ("1/2", "0.25"), in any order.
     *
     * @throws IllegalArgumentException if the text does not have three components or a term is not x, y, z or
     *                                  a number
     */
    public static SymmetryOperation parse(String text) {
        String[] parts = text.replace(" ", "").split(",", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("symmetry operation '" + text + "' must have 3 comma-separated "
                    + "components, got " + parts.length);
        }
        int[][] r = new int[3][3];
        double[] t = new double[3];
        for (int k = 0; k < 3; k++) {
            String component = parts[k].toLowerCase(Locale.ROOT);
            if (component.isEmpty()) {
                throw new IllegalArgumentException("component " + (k + 1) + " of symmetry operation '" + text + "' is empty");
            }
            int i = 0;
            while (i < component.length()) {
                int sign = 1;
                char c = component.charAt(i);
                if (c == '+' || c == '-') {
                    sign = c == '-' ? -1 : 1;
                    i++;
                }
                int end = i;
                while (end < component.length() && component.charAt(end) != '+' && component.charAt(end) != '-') {
                    end++;
                }
                String term = component.substring(i, end);
                if (term.length() == 1 && "xyz".indexOf(term.charAt(0)) >= 0) {
                    r[k]["xyz".indexOf(term.charAt(0))] += sign;
                } else {
                    t[k] += sign * Fraction.parse(term, "symmetry operation '" + text + "'");
                }
                i = end;
            }
        }
        return new SymmetryOperation(r, t);
    }

    /** The image R f + t of fractional coordinates f (length 3), not wrapped into [0, 1). */
    public double[] apply(double[] f) {
        double[] out = new double[3];
        for (int k = 0; k < 3; k++) {
            out[k] = rotation[k][0] * f[0] + rotation[k][1] * f[1] + rotation[k][2] * f[2] + translation[k];
        }
        return out;
    }

    /** Copy of the rotation matrix R. */
    @Override
    public int[][] rotation() {
        return new int[][]{rotation[0].clone(), rotation[1].clone(), rotation[2].clone()};
    }

    /** Copy of the translation t. */
    @Override
    public double[] translation() {
        return translation.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SymmetryOperation s && Arrays.deepEquals(rotation, s.rotation)
                && Arrays.equals(translation, s.translation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(rotation) + Arrays.hashCode(translation);
    }

    @Override
    public String toString() {
        return "SymmetryOperation[R=" + Arrays.deepToString(rotation) + ", t=" + Arrays.toString(translation) + "]";
    }
}
