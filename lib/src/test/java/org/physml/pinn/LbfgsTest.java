package org.physml.pinn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LbfgsTest {
    @Test
    void minimisesTheRosenbrockFunction() {
        // f = (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1)
        int[] evals = {0};
        double[] min = new Lbfgs(10).minimise(p -> {
            evals[0]++;
            double x = p[0];
            double y = p[1];
            double f = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
            return new Lbfgs.Eval(f, new double[]{-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)});
        }, new double[]{-1.2, 1.0}, 200, Long.MAX_VALUE, null);
        assertEquals(1.0, min[0], 1e-6);
        assertEquals(1.0, min[1], 1e-6);
        assertTrue(evals[0] < 400, "evaluations: " + evals[0]);
    }

    @Test
    void respectsTheEvaluationBudgetAndStopsWhenNoStepDecreasesF() {
        int[] evals = {0};
        new Lbfgs(5).minimise(p -> {
            evals[0]++;
            return new Lbfgs.Eval(p[0] * p[0] + 10 * p[1] * p[1], new double[]{2 * p[0], 20 * p[1]});
        }, new double[]{3, 1}, 1000, 7, null);
        assertTrue(evals[0] <= 8, "evaluations: " + evals[0]); // budget 7 plus the final re-evaluation
        // a function whose reported gradient is wrong: no step along -g decreases it, so L-BFGS stops
        evals[0] = 0;
        double[] end = new Lbfgs(5).minimise(p -> {
            evals[0]++;
            return new Lbfgs.Eval(p[0] * p[0], new double[]{-2 * p[0]});
        }, new double[]{1}, 1000, Long.MAX_VALUE, null);
        assertEquals(1.0, end[0], 0);
        assertTrue(evals[0] < 30, "evaluations: " + evals[0]);
    }

    @Test
    void solvesAnIllConditionedQuadraticInFewIterations() {
        // f = sum_i c_i (x_i - i)^2 / 2 with c_i from 1 to 1e3 (condition number 1e3): gradient descent with
        // the best fixed step would need ~(kappa + 1)/2 ln(1e8) ~ 9000 iterations for a 1e-8 reduction of the
        // error; L-BFGS (measured: ~330 iterations to f < 1e-16) needs far fewer
        int n = 100;
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = Math.pow(1e3, i / (n - 1.0));
        }
        int[] iterations = {0};
        double[] min = new Lbfgs(20).minimise(p -> {
            double f = 0;
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                f += 0.5 * c[i] * (p[i] - i) * (p[i] - i);
                g[i] = c[i] * (p[i] - i);
            }
            return new Lbfgs.Eval(f, g);
        }, new double[n], 1000, Long.MAX_VALUE, (it, at, th) -> {
            iterations[0] = it + 1;
            return at.value() > 1e-16;
        });
        for (int i = 0; i < n; i++) {
            assertEquals(i, min[i], 1e-6);
        }
        assertTrue(iterations[0] < 450, "iterations: " + iterations[0]);
    }
}
