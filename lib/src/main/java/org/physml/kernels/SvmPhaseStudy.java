package org.physml.kernels;

import java.util.ArrayList;
import java.util.List;

import org.physml.ice.classify.ClassBalancer;
import org.physml.ice.classify.ConfusionMatrix;
import org.physml.ice.classify.DescriptorMatrix;
import org.physml.ice.classify.RunSplit;

/**
 * A {@link KernelSvm} on one descriptor of the ice-phase data (notebook 09's matrices and split by run): the
 * training rows are subsampled to {@code perClass} per class, C and gamma are chosen on a grid by the balanced
 * accuracy on the split's validation rows (frames of the training runs, as notebook 09's early stopping uses them),
 * and the chosen SVM is scored once on the held-out runs.
 */
public final class SvmPhaseStudy {
    /** One grid point: C, gamma, validation balanced accuracy, support vectors, training time (s). */
    public record GridPoint(double c, double gamma, double validationBalancedAccuracy, int supportVectors,
                            double seconds) {
    }

    /** The grid, the chosen point and its confusion matrix on the held-out runs. */
    public record Result(List<GridPoint> grid, GridPoint chosen, ConfusionMatrix test, int trainingRows) {
        /** Balanced accuracy on the held-out runs. */
        public double balancedAccuracy() {
            return test.balancedAccuracy();
        }
    }

    private SvmPhaseStudy() {
    }

    /**
     * @param m        descriptor matrix
     * @param split    split by run ({@code IceStudy.split})
     * @param perClass training rows per class (subsampled with {@code seed}), &gt;= 1
     * @param cs       candidate C values
     * @param gammas   candidate gamma values
     * @throws IllegalArgumentException if perClass &lt; 1 or a grid is empty
     */
    public static Result run(DescriptorMatrix m, RunSplit split, int perClass, double[] cs, double[] gammas,
                             long seed) {
        if (perClass < 1 || cs.length == 0 || gammas.length == 0) {
            throw new IllegalArgumentException("need perClass >= 1 and non-empty C and gamma grids");
        }
        int k = m.classes().size();
        int[] train = ClassBalancer.subsample(split.train(), m.label(), k, perClass, seed);
        double[][] x = rows(m, train);
        int[] y = m.labelsOf(train);
        double[][] xv = rows(m, split.validation());
        int[] yv = m.labelsOf(split.validation());
        List<GridPoint> grid = new ArrayList<>();
        GridPoint best = null;
        KernelSvm bestSvm = null;
        for (double c : cs) {
            for (double g : gammas) {
                long t0 = System.nanoTime();
                KernelSvm svm = KernelSvm.train(x, y, c, g);
                double sec = (System.nanoTime() - t0) * 1e-9;
                double ba = ConfusionMatrix.of(m.classes(), yv, svm.predict(xv)).balancedAccuracy();
                GridPoint p = new GridPoint(c, g, ba, svm.supportVectorCount(), sec);
                grid.add(p);
                if (best == null || ba > best.validationBalancedAccuracy()) {
                    best = p;
                    bestSvm = svm;
                }
            }
        }
        int[] test = split.test();
        ConfusionMatrix cm = ConfusionMatrix.of(m.classes(), m.labelsOf(test), bestSvm.predict(rows(m, test)));
        return new Result(grid, best, cm, train.length);
    }

    private static double[][] rows(DescriptorMatrix m, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            float[] f = m.features()[idx[i]];
            out[i] = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                out[i][j] = f[j];
            }
        }
        return out;
    }
}
