package org.physml.pinn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.physml.heat.ExactSolution;

class PinnEvaluationTest {
    @Test
    void errorsOfAConstantNetworkMatchAnIndependentComputation() {
        // all weights zero and output bias 0.5: T_theta = 0.5 everywhere
        ForwardDerivativeMlp net = new ForwardDerivativeMlp(new int[]{4}, 1.0, 1.0, DataType.DOUBLE, 1);
        double[] theta = new double[net.parameterCount()];
        theta[theta.length - 1] = 0.5;
        net.setParameters(theta);
        ExactSolution exact = ExactSolution.lecture();
        PinnEvaluation ev = PinnEvaluation.onGrid(net, exact, 21, 11, 0.25);
        double numAll = 0;
        double denAll = 0;
        double numLate = 0;
        double denLate = 0;
        double maxLate = 0;
        for (int k = 0; k <= 10; k++) {
            double t = k / 10.0;
            for (int i = 0; i <= 20; i++) {
                double ex = exact.temperature(i / 20.0, t);
                double e2 = (0.5 - ex) * (0.5 - ex);
                numAll += e2;
                denAll += ex * ex;
                if (t >= 0.25) { // t = 0.3 .. 1.0
                    numLate += e2;
                    denLate += ex * ex;
                    maxLate = Math.max(maxLate, Math.abs(0.5 - ex));
                }
            }
        }
        assertEquals(Math.sqrt(numAll / denAll), ev.relL2All(), 1e-12);
        assertEquals(Math.sqrt(numLate / denLate), ev.relL2Late(), 1e-12);
        assertEquals(maxLate, ev.maxErrLate(), 1e-12);
        assertEquals(0.5, ev.maxErrAll(), 1e-12); // at the corners T = 0 and T = 1
        assertEquals(11, ev.predicted().length);
        assertEquals(21, ev.exact()[0].length);
        assertEquals(0.5, ev.predicted()[3][7], 1e-15);
    }

    @Test
    void rejectsBadGrids() {
        ForwardDerivativeMlp net = new ForwardDerivativeMlp(new int[]{4}, 1.0, 1.0, DataType.DOUBLE, 1);
        ExactSolution exact = ExactSolution.lecture();
        assertThrows(IllegalArgumentException.class, () -> PinnEvaluation.onGrid(net, exact, 1, 10, 0.05));
        assertThrows(IllegalArgumentException.class, () -> PinnEvaluation.onGrid(net, exact, 10, 10, 2.0));
        assertThrows(IllegalArgumentException.class,
                () -> PinnEvaluation.onGrid(net, new ExactSolution(0.1, 2.0, 0, 1, 0), 10, 10, 0.05));
    }
}
