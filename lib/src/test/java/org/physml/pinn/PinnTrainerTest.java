package org.physml.pinn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.physml.heat.HeatProblem;

class PinnTrainerTest {
    private final HeatProblem problem = HeatProblem.lecture();

    @Test
    void shortRunLowersEveryLossComponent() {
        // start from a rough random function (Glorot weights x 3) so that every component is large
        PinnConfig cfg = PinnConfig.builder().dataType(DataType.FLOAT).nPde(500).nBoundary(100).nInitial(100)
                .adamSteps(200).lbfgsIterations(0).reportEvery(199).build();
        ForwardDerivativeMlp net = new ForwardDerivativeMlp(cfg.hiddenWidths(), 1, 1, cfg.dataType(), 7);
        double[] theta = net.parameters();
        for (int i = 0; i < theta.length; i++) {
            theta[i] *= 3;
        }
        net.setParameters(theta);
        List<TrainingProgress> h = PinnTrainer.train(net, problem, cfg, null).history();
        TrainingProgress first = h.get(0);
        TrainingProgress last = h.get(h.size() - 1);
        assertEquals(0, first.iteration());
        assertEquals(199, last.iteration());
        assertTrue(last.lossPde() < 0.5 * first.lossPde(), first + " -> " + last);
        assertTrue(last.lossBc() < 0.5 * first.lossBc(), first + " -> " + last);
        assertTrue(last.lossIc() < 0.5 * first.lossIc(), first + " -> " + last);
        assertEquals(PinnLoss.total(last.lossPde(), last.lossBc(), last.lossIc(), cfg.lambdaBc(), cfg.lambdaIc()),
                last.loss(), 1e-5 * last.loss());
    }

    @Test
    void trainingIsDeterministicForAGivenSeed() {
        PinnConfig cfg = PinnConfig.builder().hiddenWidths(8, 8).dataType(DataType.DOUBLE).nPde(100).nBoundary(20)
                .nInitial(20).adamSteps(30).resampleEvery(10).lbfgsIterations(10).build();
        double[] p1 = PinnTrainer.train(problem, cfg, null).network().parameters();
        double[] p2 = PinnTrainer.train(problem, cfg, null).network().parameters();
        assertArrayEquals(p1, p2, 0);
    }

    @Test
    void aNetworkCanBeTrainedAgainButOnlyForTheSameDiffusivity() {
        PinnConfig cfg = PinnConfig.builder().hiddenWidths(6).dataType(DataType.DOUBLE).nPde(50).nBoundary(10)
                .nInitial(10).adamSteps(20).lbfgsIterations(5).build();
        ForwardDerivativeMlp net = new ForwardDerivativeMlp(cfg.hiddenWidths(), 1, 1, cfg.dataType(), 3);
        double first = PinnTrainer.train(net, problem, cfg, null).last().loss();
        double second = PinnTrainer.train(net, problem, cfg, null).last().loss();
        assertTrue(second < first, first + " then " + second);
        HeatProblem other = HeatProblem.constant(0.2, 1.0, 0, 1, 0);
        assertThrows(IllegalArgumentException.class, () -> PinnTrainer.train(net, other, cfg, null));
    }

    @Test
    void rejectsANetworkScaledForAnotherProblem() {
        ForwardDerivativeMlp net = new ForwardDerivativeMlp(new int[]{4}, 2.0, 1.0, DataType.DOUBLE, 1);
        assertThrows(IllegalArgumentException.class,
                () -> PinnTrainer.train(net, problem, PinnConfig.notebook(), null));
    }
}
