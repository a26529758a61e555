package org.physml.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class KernelSvmTest {
    // two concentric rings (radius 1 and 3) and a third class at the centre: not linearly separable
    private static double[][] points(int n, long seed, int[] labels) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            double r = c == 0 ? 0.3 * rng.nextDouble() : c == 1 ? 1.5 + 0.2 * rng.nextGaussian()
                    : 3 + 0.2 * rng.nextGaussian();
            double phi = 2 * Math.PI * rng.nextDouble();
            x[i] = new double[]{r * Math.cos(phi), r * Math.sin(phi)};
            labels[i] = c;
        }
        return x;
    }

    @Test
    void rbfSvmSeparatesConcentricRings() {
        int[] y = new int[300];
        double[][] x = points(300, 1, y);
        KernelSvm svm = KernelSvm.train(x, y, 10, 1.0);
        int[] yt = new int[300];
        double[][] xt = points(300, 2, yt);
        int[] pred = svm.predict(xt);
        int correct = 0;
        for (int i = 0; i < pred.length; i++) {
            correct += pred[i] == yt[i] ? 1 : 0;
        }
        assertTrue(correct >= 295, "correct " + correct + " of 300");
        assertTrue(svm.supportVectorCount() > 0 && svm.supportVectorCount() < 300);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> KernelSvm.train(new double[0][], new int[0], 1, 1));
        assertThrows(IllegalArgumentException.class, () -> KernelSvm.train(new double[][]{{1}}, new int[]{0}, 0, 1));
        KernelSvm svm = KernelSvm.train(new double[][]{{0, 0}, {1, 1}}, new int[]{0, 1}, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> svm.predict(new double[]{1}));
        assertEquals(2, svm.supportVectorCount());
    }
}
