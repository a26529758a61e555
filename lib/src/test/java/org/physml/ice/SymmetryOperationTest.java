package org.physml.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SymmetryOperationTest {

    @Test
    void parsesJonesNotationWithMixedTermsAndCase() {
        SymmetryOperation op = SymmetryOperation.parse("Y-X, -x ,1/2+Z");
        assertArrayEquals(new int[][]{{-1, 1, 0}, {-1, 0, 0}, {0, 0, 1}}, op.rotation());
        assertArrayEquals(new double[]{0, 0, 0.5}, op.translation(), 0);
        SymmetryOperation op2 = SymmetryOperation.parse("3/4-y,z+1/4,0.5-x");
        assertArrayEquals(new int[][]{{0, -1, 0}, {0, 0, 1}, {-1, 0, 0}}, op2.rotation());
        assertArrayEquals(new double[]{0.75, 0.25, 0.5}, op2.translation(), 0);
        // applied to a point: (x, y, z) = (0.1, 0.2, 0.3) -> (0.55, 0.55, 0.4)
        assertArrayEquals(new double[]{0.55, 0.55, 0.4}, op2.apply(new double[]{0.1, 0.2, 0.3}), 1e-15);
    }

    @Test
    void rejectsMalformedOperations() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SymmetryOperation.parse("x,y"));
        assertTrue(e.getMessage().contains("3 comma-separated"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SymmetryOperation.parse("x,y,w"));
        assertTrue(e.getMessage().contains("'w'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SymmetryOperation.parse("x,y,1/0+z"));
        assertTrue(e.getMessage().contains("zero denominator"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SymmetryOperation.parse("x,,z"));
    }

    /**
     * The transcribed operations of each space group must form a group modulo lattice translations: the product of
     * any two is again one of them (a single mistyped sign or translation breaks closure). The identity must be
     * present and the number of operations must be the group order times the centring multiplicity
     * (International Tables: 194 has 24, 227 has 192, R-3 on rhombohedral axes 6, 137 has 16, 224 has 48).
     */
    @ParameterizedTest
    @EnumSource(IcePhase.class)
    void operationsOfEachPhaseFormAGroup(IcePhase phase) {
        List<SymmetryOperation> ops = phase.crystal().operations();
        int expected = switch (phase) {
            case IH -> 24;
            case IC -> 192;
            case II -> 6;
            case III, V -> 1; // full site lists, identity only
            case VI -> 16;
            case VII -> 48;
        };
        assertEquals(expected, ops.size(), "number of operations of ice " + phase.label());
        assertTrue(ops.stream().anyMatch(o -> sameModLattice(o, SymmetryOperation.parse("x,y,z"))));
        for (SymmetryOperation a : ops) {
            for (SymmetryOperation b : ops) {
                SymmetryOperation ab = compose(a, b);
                assertTrue(ops.stream().anyMatch(o -> sameModLattice(o, ab)),
                        "ice " + phase.label() + ": product of " + a + " and " + b + " is not in the list");
            }
        }
    }

    static SymmetryOperation compose(SymmetryOperation a, SymmetryOperation b) {
        int[][] ra = a.rotation(), rb = b.rotation();
        int[][] r = new int[3][3];
        double[] t = a.apply(b.translation());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    r[i][j] += ra[i][k] * rb[k][j];
                }
            }
        }
        return new SymmetryOperation(r, t);
    }

    static boolean sameModLattice(SymmetryOperation a, SymmetryOperation b) {
        if (!java.util.Arrays.deepEquals(a.rotation(), b.rotation())) {
            return false;
        }
        for (int k = 0; k < 3; k++) {
            double d = a.translation()[k] - b.translation()[k];
            if (Math.abs(d - Math.rint(d)) > 1e-9) {
                return false;
            }
        }
        return true;
    }
}
