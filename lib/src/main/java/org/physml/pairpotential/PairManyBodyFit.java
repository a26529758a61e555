package org.physml.pairpotential;

import java.util.ArrayList;
import java.util.List;

/**
 * The hybrid potential of lecture 11, E = E_2body + E_many-body, fitted in turn until it converges:
 * <ol>
 *   <li>pair part: E_2body = X A by least squares ({@link PairPotentialFit}) on E - E_many-body
 *       (E_many-body = 0 at the start), X the 1/r^k lattice sums of {@link PairFeatures};</li>
 *   <li>many-body part: the {@link ManyBodyNetwork} trained on (E - E_2body) / N per atom, warm-started from the
 *       previous iteration's weights;</li>
 *   <li>repeat until the training RMSE changes by less than {@code tolerance} (eV/atom) or after
 *       {@code maxIterations}.</li>
 * </ol>
 * How much the pair part carries: eta_2body = &lt;E_2body / E&gt;, the mean over the training structures. The energies
 * are used as given (for the mlearn data: VASP total energies, relative to VASP's reference atoms), so both
 * parts vanish for separated atoms only as far as the network's output does.
 */
public final class PairManyBodyFit {
    /** One iteration: pair coefficients, RMSE of the sum (eV/atom) and eta_2body on the training set. */
    public record Iteration(double[] coefficients, double rmse, double eta2body) {
    }

    /** The fitted model and its history. */
    public record Result(double[] coefficients, ManyBodyNetwork network, List<Iteration> history) {
        /** Predicted total energies, eV: pair rows x, atom counts n, descriptors of the atoms. */
        public double[] energies(double[][] x, int[] n, List<double[][]> descriptors) {
            double[] e2 = PairPotentialFit.predict(x, coefficients);
            double[] nn = network.energyPerAtom(descriptors);
            double[] out = new double[e2.length];
            for (int s = 0; s < out.length; s++) {
                out[s] = e2[s] + n[s] * nn[s];
            }
            return out;
        }

        /** E_2body of each structure, eV. */
        public double[] pairEnergies(double[][] x) {
            return PairPotentialFit.predict(x, coefficients);
        }
    }

    private PairManyBodyFit() {
    }

    /**
     * @param x             pair rows of the training structures (no atom-count columns), [B][P]
     * @param energy        DFT energies, eV, length B
     * @param descriptors   per structure the many-body descriptor rows of its atoms
     * @param network       the (untrained or pre-trained) many-body network
     * @param stepsPerRound Adam steps per iteration
     * @param learningRate  Adam step size
     * @param maxIterations at most this many rounds, &gt;= 1
     * @param tolerance     stop when the training RMSE changes by less than this, eV/atom
     * @throws IllegalArgumentException if the sizes disagree
     */
    public static Result fit(double[][] x, double[] energy, List<double[][]> descriptors, ManyBodyNetwork network,
                             int stepsPerRound, double learningRate, int maxIterations, double tolerance) {
        int b = energy.length;
        if (x.length != b || descriptors.size() != b) {
            throw new IllegalArgumentException("need pair rows, energies and descriptors of the same " + b
                    + " structures, got " + x.length + " and " + descriptors.size());
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        int[] n = descriptors.stream().mapToInt(d -> d.length).toArray();
        double[] eMany = new double[b];
        List<Iteration> history = new ArrayList<>();
        double[] a = null;
        double previous = Double.POSITIVE_INFINITY;
        for (int it = 0; it < maxIterations; it++) {
            double[] rest = new double[b];
            for (int s = 0; s < b; s++) {
                rest[s] = energy[s] - eMany[s];
            }
            a = PairPotentialFit.fit(x, rest);
            double[] e2 = PairPotentialFit.predict(x, a);
            double[] target = new double[b];
            for (int s = 0; s < b; s++) {
                target[s] = (energy[s] - e2[s]) / n[s];
            }
            network.train(descriptors, target, stepsPerRound, learningRate);
            double[] perAtom = network.energyPerAtom(descriptors);
            double sq = 0, eta = 0;
            for (int s = 0; s < b; s++) {
                eMany[s] = n[s] * perAtom[s];
                double err = (e2[s] + eMany[s] - energy[s]) / n[s];
                sq += err * err / b;
                eta += e2[s] / energy[s] / b;
            }
            double rmse = Math.sqrt(sq);
            history.add(new Iteration(a.clone(), rmse, eta));
            if (Math.abs(previous - rmse) < tolerance) {
                break;
            }
            previous = rmse;
        }
        return new Result(a, network, history);
    }
}
