package org.physml.pinn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.physml.heat.ExactSolution;
import org.physml.heat.HeatProblem;

class PinnLossTest {
    private final ExactSolution exact = ExactSolution.lecture();
    private final double a = exact.a();

    /** T_t of the exact series by a fourth-order central difference in t (independent of T_xx). */
    private double dTdtNumerically(double x, double t) {
        double h = 1e-3 * t;
        return (-exact.temperature(x, t + 2 * h) + 8 * exact.temperature(x, t + h) - 8 * exact.temperature(x, t - h)
                + exact.temperature(x, t - 2 * h)) / (12 * h);
    }

    @Test
    void lossesVanishForTheExactSolution() {
        Random rnd = new Random(11);
        int n = 200;
        double[] tt = new double[n];
        double[] txx = new double[n];
        for (int i = 0; i < n; i++) {
            double x = rnd.nextDouble();
            double t = 0.02 + 0.98 * rnd.nextDouble();
            tt[i] = dTdtNumerically(x, t);
            txx[i] = exact.d2Tdx2(x, t);
        }
        // the scale of the terms: mean (T_t)^2 is O(1e-2); the FD error of T_t is ~1e-10
        assertTrue(PinnLoss.pde(tt, txx, a) < 1e-16, "L_pde = " + PinnLoss.pde(tt, txx, a));

        double[] tb = new double[n];
        double[] tempB = new double[n];
        double[] targetB = new double[n];
        for (int i = 0; i < n; i++) {
            double t = 0.01 + rnd.nextDouble();
            boolean right = i % 2 == 1;
            tb[i] = t;
            tempB[i] = exact.temperature(right ? 1.0 : 0.0, t);
            targetB[i] = right ? 1.0 : 0.0;
        }
        assertTrue(PinnLoss.boundary(tempB, targetB) < 1e-24);
        double[] tempI = new double[n];
        for (int i = 0; i < n; i++) {
            tempI[i] = exact.temperature(0.999 * rnd.nextDouble(), 0.0);
        }
        assertEquals(0.0, PinnLoss.initial(tempI, new double[n]), 0.0);
    }

    @Test
    void perturbedFunctionsGiveTheHandDerivedLosses() {
        // T + eps x (1 - x) t: residual eps (x (1 - x) + 2 a t), boundary and initial values unchanged
        double eps = 0.03;
        Random rnd = new Random(5);
        int n = 100;
        double[] tt = new double[n];
        double[] txx = new double[n];
        double expected = 0;
        for (int i = 0; i < n; i++) {
            double x = rnd.nextDouble();
            double t = 0.05 + 0.95 * rnd.nextDouble();
            tt[i] = exact.dTdt(x, t) + eps * x * (1 - x);
            txx[i] = exact.d2Tdx2(x, t) - 2 * eps * t;
            double r = eps * (x * (1 - x) + 2 * a * t);
            expected += r * r / n;
        }
        assertEquals(expected, PinnLoss.pde(tt, txx, a), 1e-12 * expected);
        assertTrue(expected > 1e-5);
        // T + eps shifts every boundary and initial value by eps
        double[] values = {0.0, 1.0, 0.0, 1.0};
        double[] shifted = {eps, 1 + eps, eps, 1 + eps};
        assertEquals(eps * eps, PinnLoss.boundary(shifted, values), 1e-15);
        assertEquals(eps * eps, PinnLoss.initial(shifted, values), 1e-15);
        assertEquals(1 + 2 * 3 + 5 * 4, PinnLoss.total(1, 3, 4, 2, 5), 0);
    }

    @Test
    void graphLossEqualsTheWeightedSumOfTheArrayLosses() {
        ForwardDerivativeMlp net = new ForwardDerivativeMlp(new int[]{10, 10}, 1.0, 1.0, DataType.DOUBLE, 8);
        PinnObjective obj = new PinnObjective(net, a, 2.5, 0.7);
        CollocationPoints pts = new CollocationSampler(50, 20, 30, 2).sample(HeatProblem.lecture(), 1.0, new Random(2));
        obj.setPoints(pts);
        PinnObjective.Value v = obj.evaluate();
        // components recomputed here from the network outputs
        ForwardDerivativeMlp.Outputs o = net.evaluate(pts.xPde(), pts.tPde());
        double lPde = PinnLoss.pde(o.dTdt(), o.d2Tdx2(), a);
        double lBc = PinnLoss.boundary(net.temperature(pts.xBc(), pts.tBc()), pts.tempBc());
        double lIc = PinnLoss.initial(net.temperature(pts.xIc(), new double[pts.xIc().length]), pts.tempIc());
        assertEquals(lPde, v.lossPde(), 1e-14);
        assertEquals(lBc, v.lossBc(), 1e-14);
        assertEquals(lIc, v.lossIc(), 1e-14);
        assertEquals(PinnLoss.total(lPde, lBc, lIc, 2.5, 0.7), v.loss(), 1e-13);
        assertEquals(v.loss(), v.graphLoss(), 1e-13); // the SameDiff graph computes the same total
        // and the gradient is the gradient of that loss: directional finite difference
        double[] theta = net.parameters();
        double[] dir = new double[theta.length];
        Random rnd = new Random(9);
        for (int i = 0; i < dir.length; i++) {
            dir[i] = rnd.nextGaussian();
        }
        double h = 1e-6;
        double fp = obj.evaluate(axpy(h, dir, theta)).loss();
        double fm = obj.evaluate(axpy(-h, dir, theta)).loss();
        double fd = (fp - fm) / (2 * h);
        double an = Lbfgs.dot(v.gradient(), dir);
        assertEquals(fd, an, 1e-6 * Math.abs(an));
    }

    @Test
    void batchedAndSeparatePassGraphsGiveTheSameLossAndGradient() {
        CollocationPoints pts = new CollocationSampler(40, 10, 12, 2).sample(HeatProblem.lecture(), 1.0, new Random(4));
        PinnObjective.Value[] v = new PinnObjective.Value[2];
        int k = 0;
        for (PinnObjective.Batching b : PinnObjective.Batching.values()) {
            ForwardDerivativeMlp net = new ForwardDerivativeMlp(new int[]{6, 6}, 1.0, 1.0, DataType.DOUBLE, 3,
                    k == 0 ? ForwardDerivativeMlp.Layout.STACKED : ForwardDerivativeMlp.Layout.SEPARATE);
            PinnObjective obj = new PinnObjective(net, a, 3.0, 0.5, b);
            obj.setPoints(pts);
            v[k++] = obj.evaluate();
        }
        assertEquals(v[0].graphLoss(), v[1].graphLoss(), 1e-14);
        assertEquals(v[0].loss(), v[1].graphLoss(), 1e-14);
        assertEquals(v[0].lossBc(), v[1].lossBc(), 1e-15);
        assertEquals(v[0].lossIc(), v[1].lossIc(), 1e-15);
        for (int i = 0; i < v[0].gradient().length; i++) {
            assertEquals(v[0].gradient()[i], v[1].gradient()[i], 1e-13);
        }
    }

    private static double[] axpy(double c, double[] x, double[] y) {
        double[] r = y.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += c * x[i];
        }
        return r;
    }

    @Test
    void rejectsMismatchedArrays() {
        assertThrows(IllegalArgumentException.class, () -> PinnLoss.pde(new double[2], new double[3], 0.1));
        assertThrows(IllegalArgumentException.class, () -> PinnLoss.boundary(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> PinnLoss.pde(new double[1], new double[1], Double.NaN));
    }
}
