package org.physml.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CompositionTest {
    /** Avogadro constant, exact since the 2019 SI redefinition: 6.02214076e23 / mol. */
    private static final double AVOGADRO = 6.02214076e23;

    @Test
    void densityOfFccCopperFromMolarMassAndAvogadro() {
        double a = 3.615;
        Structure cu = NeighbourListTest.cubic(a, NeighbourListTest.FCC, 29);
        // rho = 4 M / (N_A a^3); N_A m_u = 1 g/mol to 3.5e-10 relative, so both routes agree to ~1e-9
        double expected = 4 * 63.546 / (AVOGADRO * a * a * a * 1e-24);
        assertEquals(expected, Composition.density(cu), 1e-8 * expected);
        assertEquals(4 * 63.546, Composition.totalMass(cu), 1e-12);
    }

    @Test
    void densityIsInvariantUnderSupercellsAndCellShape() {
        double a = 3.615, h = a / 2;
        Structure prim = new Structure(new double[][]{{0, 0, 0}}, new int[]{29},
                new double[][]{{0, h, h}, {h, 0, h}, {h, h, 0}}, new boolean[]{true, true, true});
        Structure conv = NeighbourListTest.cubic(a, NeighbourListTest.FCC, 29);
        assertEquals(Composition.density(conv), Composition.density(prim), 1e-12);
    }

    @Test
    void formulaInHillOrder() {
        Structure methane = Structure.molecule(new double[5][3], new int[]{1, 6, 1, 1, 1});
        Structure water = Structure.molecule(new double[3][3], new int[]{8, 1, 1});
        Structure salt = Structure.molecule(new double[2][3], new int[]{17, 11});
        assertEquals("CH4", Composition.formula(methane));
        assertEquals("H2O", Composition.formula(water));
        assertEquals("ClNa", Composition.formula(salt));
        assertEquals(Map.of(1, 2, 8, 1), Composition.counts(water));
    }

    @Test
    void densityNeedsThreePeriodicAxes() {
        Structure water = Structure.molecule(new double[3][3], new int[]{8, 1, 1});
        assertThrows(IllegalArgumentException.class, () -> Composition.density(water));
        Structure tc = new Structure(new double[1][3], new int[]{43},
                new double[][]{{3, 0, 0}, {0, 3, 0}, {0, 0, 3}}, new boolean[]{true, true, true});
        assertThrows(IllegalArgumentException.class, () -> Composition.density(tc));
    }
}
