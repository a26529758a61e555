package org.physml.pinn;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * Settings of a PINN training run (immutable; build with {@link #builder()} or start from
 * {@link #notebook()}).
 *
 * @param hiddenWidths      tanh hidden layer widths
 * @param dataType          FLOAT or DOUBLE
 * @param seed              seed of the initialisation and of the point sampling
 * @param tMax              end of the time window [0, t_max]
 * @param nPde              collocation points N_pde
 * @param nBoundary         boundary points N_bc (even; half at each end)
 * @param nInitial          initial points N_ic
 * @param timeWarp          exponent p &gt;= 1 concentrating points near t = 0 ({@link CollocationSampler})
 * @param lambdaBc          weight lambda_bc of L_bc
 * @param lambdaIc          weight lambda_ic of L_ic
 * @param adamSteps         Adam iterations
 * @param learningRate      initial Adam learning rate
 * @param learningRateFinal Adam learning rate at the last Adam step (exponential decay in between)
 * @param resampleEvery     draw new training points every this many Adam steps (0: never)
 * @param lbfgsIterations   L-BFGS iterations after Adam (0: none), on a fixed set of points
 * @param lbfgsMemory       L-BFGS memory m (pairs kept)
 * @param reportEvery       progress callback every this many iterations
 */
public record PinnConfig(int[] hiddenWidths, DataType dataType, long seed, double tMax, int nPde, int nBoundary,
                         int nInitial, double timeWarp, double lambdaBc, double lambdaIc, int adamSteps,
                         double learningRate, double learningRateFinal, int resampleEvery, int lbfgsIterations,
                         int lbfgsMemory, int reportEvery) {

    /**
     * @throws IllegalArgumentException if a count is out of range or a rate/weight is not positive and finite
     */
    public PinnConfig {
        if (hiddenWidths == null || hiddenWidths.length == 0 || Arrays.stream(hiddenWidths).anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("need at least one hidden layer of width >= 1, got "
                    + Arrays.toString(hiddenWidths));
        }
        hiddenWidths = hiddenWidths.clone();
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("data type must be FLOAT or DOUBLE, got " + dataType);
        }
        positive("t_max", tMax);
        positive("lambda_bc", lambdaBc);
        positive("lambda_ic", lambdaIc);
        positive("learning rate", learningRate);
        positive("final learning rate", learningRateFinal);
        if (adamSteps < 0 || lbfgsIterations < 0 || resampleEvery < 0 || lbfgsMemory < 1 || reportEvery < 1) {
            throw new IllegalArgumentException("need Adam steps >= 0, L-BFGS iterations >= 0, resample interval"
                    + " >= 0, L-BFGS memory >= 1 and report interval >= 1, got " + adamSteps + ", " + lbfgsIterations
                    + ", " + resampleEvery + ", " + lbfgsMemory + ", " + reportEvery);
        }
        new CollocationSampler(nPde, nBoundary, nInitial, timeWarp); // validates counts and p
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }

    @Override
    public int[] hiddenWidths() {
        return hiddenWidths.clone();
    }

    @Override
    public String toString() {
        return String.format("PinnConfig[hidden %s %s, N_pde %d, N_bc %d, N_ic %d, time warp p %.1f, lambda_bc %.3g,"
                        + " lambda_ic %.3g, t_max %.3g, Adam %d (lr %.1e -> %.1e, resample every %d), L-BFGS %d (m = %d),"
                        + " report every %d, seed %d]", Arrays.toString(hiddenWidths), dataType, nPde, nBoundary,
                nInitial, timeWarp, lambdaBc, lambdaIc, tMax, adamSteps, learningRate, learningRateFinal,
                resampleEvery, lbfgsIterations, lbfgsMemory, reportEvery, seed);
    }

    /** The sampler these settings describe. */
    public CollocationSampler sampler() {
        return new CollocationSampler(nPde, nBoundary, nInitial, timeWarp);
    }

    /**
     * The configuration the course notebook ships: 2-32-32-32-1 tanh network in FLOAT, N_pde = 1000,
     * N_bc = N_ic = 200 (time warp p = 2), lambda_bc = lambda_ic = 10, 2000 Adam steps (learning rate 3e-3 to
     * 1e-4, new points every 500 steps), then 3500 L-BFGS iterations (m = 20), seed 1.
     *
     * <p>Measured with {@link PinnBenchmark} on the development machine (one thread): 6025 loss evaluations,
     * 13.4 ms CPU each, 81 s CPU in total; rel-L2 5.9e-3 for t &gt;= 0.05 and 9.6e-3 over all t (101 x 101
     * grid). FLOAT was chosen on measured evidence: a DOUBLE step costs 1.43 times as much and reached the
     * same accuracy in the same number of iterations (8.7e-3 FLOAT vs 7.9e-3 DOUBLE after 2000 + 1500
     * iterations with lambda = 1, a difference within the spread between runs). lambda = 10 rather than 1:
     * after 2000 + 1500 iterations rel-L2 was 7.2e-3 (t &gt;= 0.05) and 1.0e-2 (all t), max error 0.084, against
     * 8.7e-3, 1.6e-2 and 0.34 with lambda = 1 (both FLOAT): the larger weight makes the network resolve the jump
     * at the corner (L, 0) more sharply.
     */
    public static PinnConfig notebook() {
        return builder().build();
    }

    /**
     * A longer run for {@link PinnTrainMain}: the notebook settings with more Adam and L-BFGS iterations.
     */
    public static PinnConfig longRun() {
        return builder().adamSteps(4000).lbfgsIterations(12000).reportEvery(500).build();
    }

    /** A builder starting from the {@link #notebook()} settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hiddenWidths = hiddenWidths.clone();
        b.dataType = dataType;
        b.seed = seed;
        b.tMax = tMax;
        b.nPde = nPde;
        b.nBoundary = nBoundary;
        b.nInitial = nInitial;
        b.timeWarp = timeWarp;
        b.lambdaBc = lambdaBc;
        b.lambdaIc = lambdaIc;
        b.adamSteps = adamSteps;
        b.learningRate = learningRate;
        b.learningRateFinal = learningRateFinal;
        b.resampleEvery = resampleEvery;
        b.lbfgsIterations = lbfgsIterations;
        b.lbfgsMemory = lbfgsMemory;
        b.reportEvery = reportEvery;
        return b;
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int[] hiddenWidths = {32, 32, 32};
        private DataType dataType = DataType.FLOAT;
        private long seed = 1;
        private double tMax = 1.0;
        private int nPde = 1000;
        private int nBoundary = 200;
        private int nInitial = 200;
        private double timeWarp = 2.0;
        private double lambdaBc = 10.0;
        private double lambdaIc = 10.0;
        private int adamSteps = 2000;
        private double learningRate = 3e-3;
        private double learningRateFinal = 1e-4;
        private int resampleEvery = 500;
        private int lbfgsIterations = 3500;
        private int lbfgsMemory = 20;
        private int reportEvery = 250;

        private Builder() {
        }

        public Builder hiddenWidths(int... v) { hiddenWidths = v.clone(); return this; }
        public Builder dataType(DataType v) { dataType = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder tMax(double v) { tMax = v; return this; }
        public Builder nPde(int v) { nPde = v; return this; }
        public Builder nBoundary(int v) { nBoundary = v; return this; }
        public Builder nInitial(int v) { nInitial = v; return this; }
        public Builder timeWarp(double v) { timeWarp = v; return this; }
        public Builder lambdaBc(double v) { lambdaBc = v; return this; }
        public Builder lambdaIc(double v) { lambdaIc = v; return this; }
        public Builder adamSteps(int v) { adamSteps = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder learningRateFinal(double v) { learningRateFinal = v; return this; }
        public Builder resampleEvery(int v) { resampleEvery = v; return this; }
        public Builder lbfgsIterations(int v) { lbfgsIterations = v; return this; }
        public Builder lbfgsMemory(int v) { lbfgsMemory = v; return this; }
        public Builder reportEvery(int v) { reportEvery = v; return this; }

        /** @throws IllegalArgumentException as the {@link PinnConfig} constructor */
        public PinnConfig build() {
            return new PinnConfig(hiddenWidths, dataType, seed, tMax, nPde, nBoundary, nInitial, timeWarp, lambdaBc,
                    lambdaIc, adamSteps, learningRate, learningRateFinal, resampleEvery, lbfgsIterations, lbfgsMemory,
                    reportEvery);
        }
    }
}
