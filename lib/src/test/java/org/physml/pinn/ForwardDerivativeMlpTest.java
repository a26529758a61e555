package org.physml.pinn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class ForwardDerivativeMlpTest {

    @Test
    void forwardModeDerivativesMatchCentralFiniteDifferences() {
        // non-unit L and t_max so that the input-scaling factors 2/L and 2/t_max are exercised
        double len = 2.0;
        double tMax = 0.5;
        ForwardDerivativeMlp net = new ForwardDerivativeMlp(new int[]{16, 12, 16}, len, tMax, DataType.DOUBLE, 42);
        Random rnd = new Random(3);
        int n = 40;
        double[] x = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = len * (0.05 + 0.9 * rnd.nextDouble());
            t[i] = tMax * (0.05 + 0.9 * rnd.nextDouble());
        }
        ForwardDerivativeMlp.Outputs o = net.evaluate(x, t);
        double h1 = 1e-5;
        double h2 = 1e-3;
        double[] xp1 = shift(x, h1);
        double[] xm1 = shift(x, -h1);
        double[] tp1 = shift(t, h1);
        double[] tm1 = shift(t, -h1);
        double[] xp2 = shift(x, h2);
        double[] xm2 = shift(x, -h2);
        double[] tPx = net.temperature(xp1, t);
        double[] tMx = net.temperature(xm1, t);
        double[] tPt = net.temperature(x, tp1);
        double[] tMt = net.temperature(x, tm1);
        double[] tPx2 = net.temperature(xp2, t);
        double[] tMx2 = net.temperature(xm2, t);
        double[] t0 = net.temperature(x, t);
        assertArrayEquals(t0, o.temperature(), 0);
        for (int i = 0; i < n; i++) {
            double fdX = (tPx[i] - tMx[i]) / (2 * h1);
            double fdT = (tPt[i] - tMt[i]) / (2 * h1);
            double fdXX = (tPx2[i] - 2 * t0[i] + tMx2[i]) / (h2 * h2);
            String at = " at (" + x[i] + ", " + t[i] + ")";
            // truncation ~h^2 * third derivative, round-off ~1e-16 / h
            assertEquals(fdX, o.dTdx()[i], 1e-8 * (1 + Math.abs(fdX)), "T_x" + at);
            assertEquals(fdT, o.dTdt()[i], 1e-8 * (1 + Math.abs(fdT)), "T_t" + at);
            // truncation ~h^2/12 * fourth derivative, round-off ~1e-16 / h^2
            assertEquals(fdXX, o.d2Tdx2()[i], 1e-6 * (1 + Math.abs(fdXX)), "T_xx" + at);
        }
    }

    private static double[] shift(double[] v, double h) {
        double[] r = v.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += h;
        }
        return r;
    }

    @Test
    void parametersRoundTripAndCount() {
        ForwardDerivativeMlp a = new ForwardDerivativeMlp(new int[]{8, 5}, 1, 1, DataType.DOUBLE, 1);
        ForwardDerivativeMlp b = new ForwardDerivativeMlp(new int[]{8, 5}, 1, 1, DataType.DOUBLE, 2);
        assertEquals(2 * 8 + 8 + 8 * 5 + 5 + 5 + 1, a.parameterCount());
        double[] x = {0.1, 0.5, 0.9};
        double[] t = {0.0, 0.3, 1.0};
        b.setParameters(a.parameters());
        assertArrayEquals(a.parameters(), b.parameters(), 0);
        ForwardDerivativeMlp.Outputs oa = a.evaluate(x, t);
        ForwardDerivativeMlp.Outputs ob = b.evaluate(x, t);
        assertArrayEquals(oa.temperature(), ob.temperature(), 0);
        assertArrayEquals(oa.d2Tdx2(), ob.d2Tdx2(), 0);
    }

    @Test
    void floatNetworkAgreesWithDoubleNetwork() {
        ForwardDerivativeMlp d = new ForwardDerivativeMlp(new int[]{20, 20}, 1, 1, DataType.DOUBLE, 5);
        ForwardDerivativeMlp f = new ForwardDerivativeMlp(new int[]{20, 20}, 1, 1, DataType.FLOAT, 6);
        f.setParameters(d.parameters());
        double[] x = {0.0, 0.25, 0.6, 1.0};
        double[] t = {0.5, 0.1, 0.9, 0.0};
        ForwardDerivativeMlp.Outputs od = d.evaluate(x, t);
        ForwardDerivativeMlp.Outputs of = f.evaluate(x, t);
        for (int i = 0; i < x.length; i++) {
            assertEquals(od.temperature()[i], of.temperature()[i], 1e-5);
            assertEquals(od.d2Tdx2()[i], of.d2Tdx2()[i], 1e-4 * (1 + Math.abs(od.d2Tdx2()[i])));
        }
    }

    @Test
    void rejectsBadConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new ForwardDerivativeMlp(new int[]{}, 1, 1, DataType.DOUBLE, 0));
        assertThrows(IllegalArgumentException.class, () -> new ForwardDerivativeMlp(new int[]{0}, 1, 1, DataType.DOUBLE, 0));
        assertThrows(IllegalArgumentException.class, () -> new ForwardDerivativeMlp(new int[]{4}, 0, 1, DataType.DOUBLE, 0));
        assertThrows(IllegalArgumentException.class, () -> new ForwardDerivativeMlp(new int[]{4}, 1, 1, DataType.INT, 0));
        ForwardDerivativeMlp net = new ForwardDerivativeMlp(new int[]{4}, 1, 1, DataType.DOUBLE, 0);
        assertThrows(IllegalArgumentException.class, () -> net.setParameters(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> net.temperature(new double[2], new double[3]));
    }
}
