package org.physml.surrogate;

import java.util.Random;
import java.util.stream.IntStream;

import tech.tablesaw.api.Table;

/**
 * The surrogate-regression task of the course: inputs and target of the thermal-conductivity data set
 * ({@link ThermalDatasetBuilder} columns) and a seeded train/test split.
 *
 * <p>Inputs, one row per sample: {log10(d / nm), eta / nm, T / K}. The logarithm of the thickness makes the
 * four decades of d (10 nm - 10 um) equally important to the network. Target: k in W/(m K).
 */
public final class ThermalSurrogate {
    /** Names of the three network inputs, in column order. */
    public static final String[] INPUT_NAMES = {"log10(d / nm)", "eta (nm)", "T (K)"};

    private ThermalSurrogate() {
    }

    /** A train/test split of a table's rows. */
    public record Split(Table train, Table test) {
    }

    /**
     * Network inputs of every row, shape [rows][3]: log10 thickness (nm), roughness (nm), temperature (K).
     *
     * @throws IllegalArgumentException if a column is missing or a thickness is not positive
     */
    public static double[][] inputs(Table t) {
        double[] d = t.doubleColumn(ThermalDatasetBuilder.THICKNESS).asDoubleArray();
        double[] eta = t.doubleColumn(ThermalDatasetBuilder.ROUGHNESS).asDoubleArray();
        double[] temp = t.doubleColumn(ThermalDatasetBuilder.TEMPERATURE).asDoubleArray();
        double[][] x = new double[t.rowCount()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = inputs(d[i], eta[i], temp[i]);
        }
        return x;
    }

    /**
     * Network inputs of one sample.
     *
     * @param dNm   film thickness d, nm, &gt; 0
     * @param etaNm rms roughness eta, nm
     * @param tK    temperature T, K
     * @throws IllegalArgumentException if d is not positive
     */
    public static double[] inputs(double dNm, double etaNm, double tK) {
        if (!(dNm > 0)) {
            throw new IllegalArgumentException("thickness must be > 0 nm, got " + dNm);
        }
        return new double[]{Math.log10(dNm), etaNm, tK};
    }

    /** The target column, thermal conductivity k in W/(m K), length rows. */
    public static double[] targets(Table t) {
        return t.doubleColumn(ThermalDatasetBuilder.CONDUCTIVITY).asDoubleArray();
    }

    /**
     * Splits the rows at random (seeded) into a training and a test table.
     *
     * @param testFraction fraction of rows for the test set, in (0, 1)
     * @throws IllegalArgumentException if the fraction is outside (0, 1) or a part would be empty
     */
    public static Split split(Table data, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        int n = data.rowCount();
        int nTest = (int) Math.round(testFraction * n);
        if (nTest == 0 || nTest == n) {
            throw new IllegalArgumentException("a test fraction of " + testFraction + " of " + n
                    + " rows leaves an empty training or test set");
        }
        int[] order = IntStream.range(0, n).toArray();
        Random rnd = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[] test = java.util.Arrays.copyOfRange(order, 0, nTest);
        int[] train = java.util.Arrays.copyOfRange(order, nTest, n);
        return new Split(data.rows(train).setName(data.name() + " (train)"), data.rows(test).setName(data.name() + " (test)"));
    }
}
