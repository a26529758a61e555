package org.physml.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

class ThermalDatasetBuilderTest {
    /** Cheap stand-in with the model's contract, so sampling statistics can use many rows. */
    private static final FilmConductivityModel FAKE = (d, eta, t) -> d / (1 + eta) / t;

    private static double[] col(Table t, String name) {
        return t.doubleColumn(name).asDoubleArray();
    }

    @Test
    void sameSeedSameTableDifferentSeedDifferentTable() {
        ThermalDatasetBuilder b = new ThermalDatasetBuilder(FAKE);
        Table a1 = b.build(50, 42L);
        Table a2 = b.build(50, 42L);
        Table c = b.build(50, 43L);
        for (String name : List.of(ThermalDatasetBuilder.THICKNESS, ThermalDatasetBuilder.ROUGHNESS,
                ThermalDatasetBuilder.TEMPERATURE, ThermalDatasetBuilder.CONDUCTIVITY)) {
            assertArrayEquals(col(a1, name), col(a2, name), 0.0, name);
            assertFalse(java.util.Arrays.equals(col(a1, name), col(c, name)), name);
        }
        assertEquals(List.of("thickness_nm", "roughness_nm", "T_K", "k_W_mK"), a1.columnNames());
        assertEquals(50, a1.rowCount());
    }

    @Test
    void samplesStayInsideTheLectureRanges() {
        Table t = new ThermalDatasetBuilder(FAKE).build(5000, 7L);
        for (double d : col(t, ThermalDatasetBuilder.THICKNESS)) {
            assertTrue(d >= 10 && d < 10000, "d = " + d);
        }
        for (double eta : col(t, ThermalDatasetBuilder.ROUGHNESS)) {
            assertTrue(eta >= 0 && eta < 1, "eta = " + eta);
        }
        for (double temp : col(t, ThermalDatasetBuilder.TEMPERATURE)) {
            assertTrue(temp >= 100 && temp < 500, "T = " + temp);
        }
    }

    @Test
    void thicknessIsLogUniformRoughnessAndTemperatureUniform() {
        int n = 20000;
        Table t = new ThermalDatasetBuilder(FAKE).build(n, 11L);
        double[] d = col(t, ThermalDatasetBuilder.THICKNESS);
        // log-uniform on [10, 10000): each decade holds 1/3 of the samples; uniform would put 90 % in the last
        int[] decade = new int[3];
        for (double x : d) {
            decade[(int) Math.floor(Math.log10(x)) - 1]++;
        }
        for (int c : decade) {
            assertEquals(1.0 / 3, (double) c / n, 0.015); // binomial sigma = 0.0033
        }
        // uniform: mean (a+b)/2, variance (b-a)^2/12
        double[] eta = col(t, ThermalDatasetBuilder.ROUGHNESS);
        double mean = java.util.Arrays.stream(eta).average().orElseThrow();
        double var = java.util.Arrays.stream(eta).map(x -> (x - mean) * (x - mean)).sum() / (n - 1);
        assertEquals(0.5, mean, 0.01);
        assertEquals(1.0 / 12, var, 0.003);
        double meanT = java.util.Arrays.stream(col(t, ThermalDatasetBuilder.TEMPERATURE)).average().orElseThrow();
        assertEquals(300, meanT, 3.0);
    }

    @Test
    void conductivityColumnIsTheModelEvaluatedAtTheSample() {
        SiliconFilmConductivity model = new SiliconFilmConductivity();
        Table t = new ThermalDatasetBuilder(model).build(6, 2024L);
        for (int i = 0; i < t.rowCount(); i++) {
            double expected = model.inPlane(t.doubleColumn(0).get(i), t.doubleColumn(1).get(i),
                    t.doubleColumn(2).get(i));
            assertEquals(expected, t.doubleColumn(3).get(i), 0.0);
            assertTrue(expected > 0 && expected < model.bulk(t.doubleColumn(2).get(i)));
        }
    }

    @Test
    void customRangesAreHonoured() {
        ThermalDatasetBuilder.Ranges r = new ThermalDatasetBuilder.Ranges(50, 60, 0.2, 0.2, 300, 300);
        Table t = new ThermalDatasetBuilder(FAKE, r).build(100, 1L);
        for (int i = 0; i < t.rowCount(); i++) {
            assertTrue(t.doubleColumn(0).get(i) >= 50 && t.doubleColumn(0).get(i) < 60);
            assertEquals(0.2, t.doubleColumn(1).get(i), 0.0);
            assertEquals(300, t.doubleColumn(2).get(i), 0.0);
        }
    }

    @Test
    void badInputsThrow() {
        ThermalDatasetBuilder b = new ThermalDatasetBuilder(FAKE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.build(0, 1L));
        assertTrue(e.getMessage().contains("n must be >= 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ThermalDatasetBuilder(null));
        assertThrows(IllegalArgumentException.class, () -> new ThermalDatasetBuilder.Ranges(0, 10, 0, 1, 100, 500));
        assertThrows(IllegalArgumentException.class, () -> new ThermalDatasetBuilder.Ranges(10, 10, 0, 1, 100, 500));
        assertThrows(IllegalArgumentException.class, () -> new ThermalDatasetBuilder.Ranges(10, 100, -1, 1, 100, 500));
        assertThrows(IllegalArgumentException.class, () -> new ThermalDatasetBuilder.Ranges(10, 100, 0, 1, 0, 500));
        assertThrows(IllegalArgumentException.class, () -> new ThermalDatasetBuilder.Ranges(10, 100, 0, 1, 300, 200));
        assertThrows(IllegalArgumentException.class,
                () -> new ThermalDatasetBuilder.Ranges(10, Double.NaN, 0, 1, 100, 500));
    }
}
