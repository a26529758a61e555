package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class IntegratedGradientsTest {
    static PhaseClassifier clf;
    static IntegratedGradients ig;
    static double[][] samples;

    /** A network trained on three Gaussian blobs in 6 dimensions (class c centred at +2 along axis c). */
    @BeforeAll
    static void train() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 600, d = 6;
        float[][] x = new float[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int k = 0; k < d; k++) {
                x[i][k] = (float) (gauss(rng) + (k == y[i] ? 2 : 0));
            }
        }
        INDArray xs = Nd4j.create(x).castTo(DataType.FLOAT);
        clf = PhaseClassifier.train(xs, y, xs, y, List.of("a", "b", "c"),
                new PhaseClassifier.Config(new int[]{100, 100}, 1e-3, 32, 15, 15, 0, 2), null);
        ig = new IntegratedGradients(clf.network());
        samples = clf.standardise(xs).castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    static double gauss(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** DL4J's input gradient (back-propagation) against central differences of log p_c. */
    @Test
    void gradientMatchesFiniteDifferences() {
        double h = 1e-5;
        for (int s : new int[]{0, 7, 101}) {
            for (int c = 0; c < 3; c++) {
                double[] z = samples[s];
                double[] g = ig.gradient(z, c);
                for (int i = 0; i < z.length; i++) {
                    double[] zp = z.clone(), zm = z.clone();
                    zp[i] += h;
                    zm[i] -= h;
                    double fd = (ig.logProbability(zp, c) - ig.logProbability(zm, c)) / (2 * h);
                    assertEquals(fd, g[i], 1e-6 * Math.max(1, Math.abs(fd)),
                            "sample " + s + " class " + c + " feature " + i);
                }
            }
        }
    }

    /**
     * Completeness (Sundararajan et al., Prop. 1): sum_i IG_i = F_c(z) - F_c(0). With the midpoint rule the gap
     * falls like 1/m^2: from 16 to 64 steps by about 16.
     */
    @Test
    void completenessHoldsAndConvergesQuadratically() {
        for (int s : new int[]{3, 50, 222}) {
            for (int c = 0; c < 3; c++) {
                double[] z = samples[s];
                double delta = ig.logProbability(z, c) - ig.logProbability(new double[z.length], c);
                double gap16 = ig.completenessGap(z, c, 16);
                double gap64 = ig.completenessGap(z, c, 64);
                double gap256 = ig.completenessGap(z, c, 256);
                assertTrue(Math.abs(gap256) < 1e-3 * Math.max(1, Math.abs(delta)),
                        "gap " + gap256 + " for F(z) - F(0) = " + delta);
                assertTrue(Math.abs(gap64) < Math.abs(gap16) / 8 || Math.abs(gap64) < 1e-9,
                        "gap 16 steps " + gap16 + ", 64 steps " + gap64);
            }
        }
    }

    /** A feature at its baseline value gets no attribution; the attribution of class c is largest on axis c. */
    @Test
    void attributionsPointAtTheInformativeFeature() {
        double[] z = samples[4].clone();   // class 1
        z[5] = 0;
        double[] a = ig.attribute(z, 1, 32);
        assertEquals(0.0, a[5], 0.0);
        double[][] ofClass = new double[40][];
        for (int k = 0; k < 40; k++) {
            ofClass[k] = samples[3 * k + 2];   // class 2 samples
        }
        double[] imp = ig.meanAbsoluteAttribution(ofClass, 2, 16);
        int best = 0;
        for (int i = 1; i < imp.length; i++) {
            best = imp[i] > imp[best] ? i : best;
        }
        assertEquals(2, best);
        assertThrows(IllegalArgumentException.class, () -> ig.attribute(new double[5], 0, 10));
        assertThrows(IllegalArgumentException.class, () -> ig.attribute(new double[6], 3, 10));
        assertThrows(IllegalArgumentException.class, () -> ig.attribute(new double[6], 0, 0));
    }
}
