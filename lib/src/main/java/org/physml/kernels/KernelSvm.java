package org.physml.kernels;

import java.util.stream.IntStream;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * A multi-class support vector machine with the Gaussian (RBF) kernel, trained by LIBSVM (C.-C. Chang and C.-J.
 * Lin, ACM Trans. Intell. Syst. Technol. 2, 27 (2011); its Java port from Maven Central, tw.edu.ntu.csie:libsvm).
 *
 * <p>C-SVC: for two classes y_i = +-1, minimise 1/2 |w|^2 + C sum_i xi_i subject to
 * y_i (w . phi(x_i) + b) &gt;= 1 - xi_i, xi_i &gt;= 0; in the dual only the kernel
 * k(x, x') = phi(x) . phi(x') = exp(-gamma |x - x'|^2) appears and the
 * decision function is f(x) = sum_i alpha_i y_i k(x_i, x) + b, with alpha_i &gt; 0 only for the support vectors.
 * Several classes: LIBSVM's one-against-one voting. Features are standardised with the training mean and standard
 * deviation first (z = (x - mu) / s; a constant feature gets s = 1). Immutable after training.
 */
public final class KernelSvm {
    private final svm_model model;
    private final double[] mean;
    private final double[] scale;

    static {
        svm.svm_set_print_string_function(s -> { });   // LIBSVM prints its optimiser's progress otherwise
    }

    private KernelSvm(svm_model model, double[] mean, double[] scale) {
        this.model = model;
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * @param x     training features, [n][D]
     * @param y     class labels 0..K-1, length n
     * @param c     penalty C &gt; 0
     * @param gamma RBF width gamma &gt; 0, in units of 1/(standardised feature)^2
     * @throws IllegalArgumentException if the shapes disagree, there are no rows, or C or gamma is not positive
     */
    public static KernelSvm train(double[][] x, int[] y, double c, double gamma) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("need one label per row and at least one row, got " + x.length
                    + " rows and " + y.length + " labels");
        }
        if (!(c > 0) || !(gamma > 0)) {
            throw new IllegalArgumentException("C and gamma must be positive, got C = " + c + ", gamma = " + gamma);
        }
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            if (row.length != d) {
                throw new IllegalArgumentException("rows differ in length: " + row.length + " and " + d);
            }
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1.0;
        }
        svm_problem prob = new svm_problem();
        prob.l = x.length;
        prob.x = new svm_node[x.length][];
        prob.y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            prob.x[i] = nodes(x[i], mean, scale);
            prob.y[i] = y[i];
        }
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.C_SVC;
        p.kernel_type = svm_parameter.RBF;
        p.gamma = gamma;
        p.C = c;
        p.cache_size = 100;
        p.eps = 1e-3;
        p.shrinking = 1;
        p.probability = 0;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        String err = svm.svm_check_parameter(prob, p);
        if (err != null) {
            throw new IllegalArgumentException("LIBSVM rejected the parameters: " + err);
        }
        return new KernelSvm(svm.svm_train(prob, p), mean, scale);
    }

    private static svm_node[] nodes(double[] row, double[] mean, double[] scale) {
        svm_node[] n = new svm_node[row.length];
        for (int j = 0; j < row.length; j++) {
            n[j] = new svm_node();
            n[j].index = j + 1;
            n[j].value = (row[j] - mean[j]) / scale[j];
        }
        return n;
    }

    /** Predicted class of one row. */
    public int predict(double[] row) {
        if (row.length != mean.length) {
            throw new IllegalArgumentException("row has " + row.length + " features, the model " + mean.length);
        }
        return (int) Math.round(svm.svm_predict(model, nodes(row, mean, scale)));
    }

    /** Predicted classes of several rows (in parallel). */
    public int[] predict(double[][] rows) {
        int[] out = new int[rows.length];
        IntStream.range(0, rows.length).parallel().forEach(i -> out[i] = predict(rows[i]));
        return out;
    }

    /** Number of support vectors (all classes). */
    public int supportVectorCount() {
        return svm.svm_get_nr_sv(model);
    }
}
