package org.physml.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

class MlpRegressorTest {

    /** A smooth function of two inputs with a known range: y = 3 sin(x1) + x2^2 + 10 (offset and scale on purpose). */
    private static double target(double[] x) {
        return 3 * Math.sin(x[0]) + x[1] * x[1] + 10;
    }

    private static double[][] inputs(int n, long seed) {
        Random rnd = new Random(seed);
        double[][] x = new double[n][2];
        for (double[] row : x) {
            row[0] = -2 + 4 * rnd.nextDouble();
            row[1] = -1 + 2 * rnd.nextDouble();
        }
        return x;
    }

    private static double[] targets(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = target(x[i]);
        }
        return y;
    }

    @Test
    void learnsASmoothFunctionAndReportsMetricsInTargetUnits() {
        double[][] xTrain = inputs(800, 1), xTest = inputs(200, 2);
        double[] yTrain = targets(xTrain), yTest = targets(xTest);
        MlpRegressor net = new MlpRegressor(2, new int[]{32, 32}, Activation.TANH, 1e-2, 42);
        MlpRegressor.History h = net.fit(xTrain, yTrain, xTest, yTest, 60, 32, null);
        assertEquals(60, h.epochs());
        assertTrue(h.testLoss().get(59) < 0.1 * h.testLoss().get(0),
                "test loss should fall by 10x: " + h.testLoss().get(0) + " -> " + h.testLoss().get(59));
        MlpRegressor.Metrics m = net.evaluate(xTest, yTest);
        assertTrue(m.r2() > 0.98, "R^2 = " + m.r2());
        // the standard deviation of y is about 2.4; a good fit is far below it, in the same units
        assertTrue(m.rmse() < 0.3, "RMSE = " + m.rmse());
        assertEquals(200, m.n());
        assertEquals(60, h.trainCurve().length);
        assertEquals(h.testLoss().get(59), h.testCurve()[59], 0.0);
    }

    @Test
    void metricsByHand() {
        // errors -1, 1, 2 on y = 1, 2, 3 (mean 2): RMSE sqrt(2), MAE 4/3, R^2 = 1 - 6/2 = -2
        MlpRegressor.Metrics m = MlpRegressor.metrics(new double[]{1, 2, 3}, new double[]{0, 3, 5});
        assertEquals(Math.sqrt(2), m.rmse(), 1e-6);
        assertEquals(4.0 / 3, m.mae(), 1e-6);
        assertEquals(-2, m.r2(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> MlpRegressor.metrics(new double[]{1}, new double[]{}));
    }

    @Test
    void earlyStoppingEndsWithTheParametersOfTheBestValidationEpoch() {
        // 30 noisy training points and a wide network overfit; the validation set has the clean function
        double[][] xTrain = inputs(30, 5), xVal = inputs(200, 6);
        double[] yTrain = targets(xTrain), yVal = targets(xVal);
        java.util.Random noise = new java.util.Random(8);
        for (int i = 0; i < yTrain.length; i++) {
            yTrain[i] += 1.5 * noise.nextGaussian();
        }
        int maxEpochs = 400, patience = 10;
        MlpRegressor net = new MlpRegressor(2, new int[]{64, 64}, Activation.TANH, 1e-2, 3);
        MlpRegressor.History h = net.fitEarlyStopping(xTrain, yTrain, xVal, yVal, maxEpochs, 8, patience, null);
        assertTrue(h.stoppedEarly(maxEpochs), "expected an early stop, trained " + h.epochs() + " epochs");
        assertEquals(h.bestEpoch() + patience, h.epochs(), "stops `patience` epochs after the best one");
        double best = h.testLoss().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertEquals(best, h.testLoss().get(h.bestEpoch() - 1), 0.0);
        // the same network trained for exactly bestEpoch epochs (same seed, same shuffles) predicts the same
        MlpRegressor replay = new MlpRegressor(2, new int[]{64, 64}, Activation.TANH, 1e-2, 3);
        MlpRegressor.History r = replay.fit(xTrain, yTrain, xVal, yVal, h.bestEpoch(), 8, null);
        assertEquals(h.bestEpoch(), r.bestEpoch());
        double[] p1 = net.predict(xVal), p2 = replay.predict(xVal);
        for (int i = 0; i < p1.length; i++) {
            assertEquals(p2[i], p1[i], 1e-6);
        }
        assertThrows(IllegalArgumentException.class,
                () -> net.fitEarlyStopping(xTrain, yTrain, xVal, yVal, 10, 8, 0, null));
    }

    @Test
    void sameSeedSameResult() {
        double[][] x = inputs(200, 3);
        double[] y = targets(x);
        double[] p1 = new MlpRegressor(2, new int[]{8}, Activation.TANH, 1e-2, 7).fitAndPredict(x, y);
        double[] p2 = new MlpRegressor(2, new int[]{8}, Activation.TANH, 1e-2, 7).fitAndPredict(x, y);
        for (int i = 0; i < p1.length; i++) {
            assertEquals(p1[i], p2[i], 1e-6);
        }
    }

    @Test
    void divergenceStopsWithAMessage() {
        double[][] x = inputs(100, 4);
        double[] y = targets(x);
        MlpRegressor net = new MlpRegressor(2, new int[]{16}, Activation.IDENTITY, 1e12, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.fit(x, y, x, y, 20, 10, null));
        assertTrue(e.getMessage().contains("diverged"), e.getMessage());
    }

    @Test
    void badInputIsRefusedClearly() {
        MlpRegressor net = new MlpRegressor(2, new int[]{4}, Activation.TANH, 1e-3, 1);
        double[][] x = {{1, 2}, {3}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.fit(x, new double[]{1, 2}, x, new double[]{1, 2}, 1, 1, null));
        assertTrue(e.getMessage().contains("row 1 has 1 inputs, expected 2"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> net.predict(new double[][]{{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> new MlpRegressor(2, new int[]{}, Activation.TANH, 1e-3, 1));
        assertThrows(IllegalArgumentException.class, () -> new MlpRegressor(2, new int[]{4}, Activation.TANH, -1, 1));
    }
}
