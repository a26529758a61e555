package org.physml.potentials;

/**
 * Hyper-parameters of {@link NepTrainer}.
 *
 * <p>The loss is GPUMD's (Fan et al., Phys. Rev. B 104, 104309 (2021), Sec. II.E; GPUMD documentation, NEP
 * "Optimization procedure"), on each mini-batch:
 * <pre>
 *   L = lambda_e RMSE(E/N) + lambda_f RMSE(F components) + lambda_v RMSE(W/N)
 *       + lambda_1 (1/N_par) sum |w| + lambda_2 sqrt((1/N_par) sum w^2)
 * </pre>
 * with energies per atom in eV/atom, forces in eV/Angstrom and the six virial components per atom W/N in eV/atom
 * (over the structures of the mini-batch that have a virial; {@link LabelledStructure#virial()}), GPUMD's nep.in
 * keywords lambda_e, lambda_f, lambda_v, lambda_1, lambda_2 (GPUMD's defaults: lambda_e = lambda_f = 1,
 * lambda_1 = lambda_2 = 0.05).
 * The L1 and L2 terms cover the network's weights; when the radial coefficients c are trained too
 * ({@code trainCoefficients}), they are not regularised. GPUMD minimises it with the separable natural
 * evolution strategy; here the gradient comes from SameDiff's reverse mode and the step from Adam
 * (Kingma and Ba, arXiv:1412.6980) with a learning rate decaying exponentially from {@code learningRate} to
 * {@code finalLearningRate} over the run.
 *
 * @param neurons           hidden neurons H per species, &gt;= 1 (GPUMD's default is 30)
 * @param epochs            passes over the training set, &gt;= 1
 * @param batchSize         structures per mini-batch, &gt;= 1
 * @param learningRate      initial Adam step size, &gt; 0
 * @param finalLearningRate step size at the last iteration, in (0, learningRate]
 * @param lambdaE           weight of the energy RMSE (per atom), &gt;= 0
 * @param lambdaF           weight of the force RMSE, &gt;= 0
 * @param lambdaV           weight of the virial RMSE, &gt;= 0 (0: virials not fitted)
 * @param lambda1           weight of the L1 term, &gt;= 0
 * @param lambda2           weight of the L2 term, &gt;= 0
 * @param seed              seed of the weight initialisation and of the mini-batch shuffling
 * @param trainCoefficients whether the radial expansion coefficients c of the descriptor are trained with the
 *                          network (as GPUMD does; {@link NepCoefficientGraph}, one species) or kept at their values
 *                          in the training set's parameters
 */
public record NepTrainingConfig(int neurons, int epochs, int batchSize, double learningRate, double finalLearningRate,
                                double lambdaE, double lambdaF, double lambdaV, double lambda1, double lambda2,
                                long seed, boolean trainCoefficients) {

    /** @throws IllegalArgumentException naming the first parameter outside its range */
    public NepTrainingConfig {
        if (neurons < 1) {
            throw new IllegalArgumentException("neurons must be >= 1, got " + neurons);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
        }
        if (!(finalLearningRate > 0) || finalLearningRate > learningRate) {
            throw new IllegalArgumentException("finalLearningRate must lie in (0, learningRate = " + learningRate
                    + "], got " + finalLearningRate);
        }
        check("lambdaE", lambdaE);
        check("lambdaF", lambdaF);
        check("lambdaV", lambdaV);
        check("lambda1", lambda1);
        check("lambda2", lambda2);
        if (lambdaE == 0 && lambdaF == 0) {
            throw new IllegalArgumentException("lambdaE and lambdaF cannot both be 0");
        }
    }

    /**
     * With fixed coefficients c.
     *
     * @throws IllegalArgumentException naming the first parameter outside its range
     */
    public NepTrainingConfig(int neurons, int epochs, int batchSize, double learningRate, double finalLearningRate,
                             double lambdaE, double lambdaF, double lambdaV, double lambda1, double lambda2,
                             long seed) {
        this(neurons, epochs, batchSize, learningRate, finalLearningRate, lambdaE, lambdaF, lambdaV, lambda1, lambda2,
                seed, false);
    }

    /**
     * Without a virial term (lambda_v = 0) and with fixed coefficients c.
     *
     * @throws IllegalArgumentException naming the first parameter outside its range
     */
    public NepTrainingConfig(int neurons, int epochs, int batchSize, double learningRate, double finalLearningRate,
                             double lambdaE, double lambdaF, double lambda1, double lambda2, long seed) {
        this(neurons, epochs, batchSize, learningRate, finalLearningRate, lambdaE, lambdaF, 0.0, lambda1, lambda2,
                seed);
    }

    private static void check(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + v);
        }
    }

    /**
     * The notebook's default run: 30 hidden neurons, 30 epochs of mini-batches of 16 structures, learning rate
     * 1e-2 decaying to 5e-4, lambda_e = lambda_f = 1, lambda_1 = lambda_2 = 1e-4 (smaller than GPUMD's 0.05,
     * which is tuned for its evolutionary optimiser), seed 42. On the Si set (214 structures) the training loop
     * took 64 s on one core of the shared development machine (about 2 s per epoch; 483 s under heavy load before the
     * native-memory leak of the force scatter was fixed).
     */
    public static NepTrainingConfig defaults() {
        return new NepTrainingConfig(30, 30, 16, 1e-2, 5e-4, 1.0, 1.0, 1e-4, 1e-4, 42L);
    }

    /** A copy with another number of epochs. */
    public NepTrainingConfig withEpochs(int epochs) {
        return new NepTrainingConfig(neurons, epochs, batchSize, learningRate, finalLearningRate, lambdaE, lambdaF,
                lambdaV, lambda1, lambda2, seed, trainCoefficients);
    }

    /** A copy with another seed. */
    public NepTrainingConfig withSeed(long seed) {
        return new NepTrainingConfig(neurons, epochs, batchSize, learningRate, finalLearningRate, lambdaE, lambdaF,
                lambdaV, lambda1, lambda2, seed, trainCoefficients);
    }

    /** A copy with another virial weight lambda_v. @throws IllegalArgumentException if it is negative */
    public NepTrainingConfig withVirialWeight(double lambdaV) {
        return new NepTrainingConfig(neurons, epochs, batchSize, learningRate, finalLearningRate, lambdaE, lambdaF,
                lambdaV, lambda1, lambda2, seed, trainCoefficients);
    }

    /** A copy that trains the radial coefficients c too (or not). */
    public NepTrainingConfig withCoefficientTraining(boolean train) {
        return new NepTrainingConfig(neurons, epochs, batchSize, learningRate, finalLearningRate, lambdaE, lambdaF,
                lambdaV, lambda1, lambda2, seed, train);
    }

    /** A copy with other regularisation weights. */
    public NepTrainingConfig withRegularisation(double lambda1, double lambda2) {
        return new NepTrainingConfig(neurons, epochs, batchSize, learningRate, finalLearningRate, lambdaE, lambdaF,
                lambdaV, lambda1, lambda2, seed, trainCoefficients);
    }
}
