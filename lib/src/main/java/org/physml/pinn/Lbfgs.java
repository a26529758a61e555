package org.physml.pinn;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Function;

/**
 * Limited-memory BFGS for a smooth function of a flat parameter vector (D. C. Liu and J. Nocedal, On the
 * limited memory BFGS method for large scale optimization, Mathematical Programming, 1989): the search
 * direction -H g comes from the two-loop recursion over the last m pairs s = theta_{k+1} - theta_k,
 * y = g_{k+1} - g_k, with initial matrix H_0 = (s.y / y.y) I (Liu &amp; Nocedal's scaling). The step length is
 * found by backtracking (halving) from 1 until the Armijo condition f(theta + alpha p) &lt;= f + c1 alpha g.p
 * holds (c1 = 1e-4); a pair with s.y &lt;= 1e-10 |s| |y| is not stored, which keeps H positive definite. If
 * no step is accepted within 20 halvings, the memory is cleared and steepest descent tried; if that fails
 * too (the decrease is below the precision of f), the minimisation stops.
 *
 * <p>Neither ND4J nor Commons Math 3.6.1 offers L-BFGS for a plain parameter vector (DL4J's
 * {@code org.deeplearning4j.optimize.solvers.LBFGS} is bound to its {@code Model} and updater classes,
 * Commons Math has only nonlinear conjugate gradients), hence this small implementation.
 */
final class Lbfgs {
    /** Value and gradient of the objective at a point. */
    record Eval(double value, double[] gradient) {
    }

    /** Called after every accepted step; return false to stop. */
    interface StepListener {
        boolean accepted(int iteration, Eval at, double[] theta);
    }

    private static final double C1 = 1e-4;
    private static final int MAX_BACKTRACKS = 20;

    private final int memory;

    Lbfgs(int memory) {
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS memory must be >= 1, got " + memory);
        }
        this.memory = memory;
    }

    /**
     * Minimise from theta0 for at most maxIterations accepted steps and about maxEvaluations evaluations of
     * f (checked before each trial step); stops early if no step along the search direction (or, after a reset,
     * along -g) decreases f, or if the listener says so.
     *
     * @return the final parameters (the best found); the last evaluation of f was at them
     */
    double[] minimise(Function<double[], Eval> f, double[] theta0, int maxIterations, long maxEvaluations,
                      StepListener listener) {
        double[] theta = theta0.clone();
        long[] evals = {1};
        Eval cur = f.apply(theta);
        Deque<double[][]> pairs = new ArrayDeque<>(); // {s, y, {rho}}
        for (int it = 0; it < maxIterations; it++) {
            double[] p = direction(cur.gradient(), pairs);
            double gp = dot(cur.gradient(), p);
            if (!(gp < 0)) { // not a descent direction: restart from steepest descent
                pairs.clear();
                p = scale(cur.gradient(), -1);
                gp = dot(cur.gradient(), p);
            }
            double alpha = pairs.isEmpty() ? Math.min(1.0, 1.0 / Math.sqrt(dot(p, p))) : 1.0;
            double[] next = null;
            Eval nextEval = null;
            for (int b = 0; b < MAX_BACKTRACKS && evals[0] < maxEvaluations; b++) {
                next = axpy(alpha, p, theta);
                nextEval = f.apply(next);
                evals[0]++;
                if (Double.isFinite(nextEval.value()) && nextEval.value() <= cur.value() + C1 * alpha * gp) {
                    break;
                }
                nextEval = null;
                alpha *= 0.5;
            }
            if (nextEval == null) {
                if (pairs.isEmpty() || evals[0] >= maxEvaluations) {
                    f.apply(theta); // leave the objective's state at the best point
                    return theta;
                }
                pairs.clear();
                it--;
                continue;
            }
            double[] s = diff(next, theta);
            double[] y = diff(nextEval.gradient(), cur.gradient());
            double sy = dot(s, y);
            if (sy > 1e-10 * Math.sqrt(dot(s, s) * dot(y, y))) {
                if (pairs.size() == memory) {
                    pairs.removeFirst();
                }
                pairs.addLast(new double[][]{s, y, {1.0 / sy}});
            }
            theta = next;
            cur = nextEval;
            if (listener != null && !listener.accepted(it, cur, theta)) {
                break;
            }
        }
        return theta;
    }

    /** Two-loop recursion: -H g. */
    private static double[] direction(double[] g, Deque<double[][]> pairs) {
        double[] q = g.clone();
        double[] alphas = new double[pairs.size()];
        int k = pairs.size() - 1;
        for (Iterator<double[][]> it = pairs.descendingIterator(); it.hasNext(); k--) {
            double[][] pr = it.next();
            alphas[k] = pr[2][0] * dot(pr[0], q);
            axpyInPlace(-alphas[k], pr[1], q);
        }
        if (!pairs.isEmpty()) {
            double[][] last = pairs.getLast();
            double gamma = dot(last[0], last[1]) / dot(last[1], last[1]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        k = 0;
        for (double[][] pr : pairs) {
            double beta = pr[2][0] * dot(pr[1], q);
            axpyInPlace(alphas[k] - beta, pr[0], q);
            k++;
        }
        return scale(q, -1);
    }

    static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    private static double[] scale(double[] u, double c) {
        double[] r = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            r[i] = c * u[i];
        }
        return r;
    }

    private static double[] axpy(double a, double[] x, double[] y) {
        double[] r = y.clone();
        axpyInPlace(a, x, r);
        return r;
    }

    private static void axpyInPlace(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] diff(double[] u, double[] v) {
        double[] r = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            r[i] = u[i] - v[i];
        }
        return r;
    }
}
