package org.physml.pinn;

/**
 * One progress report of {@link PinnTrainer}.
 *
 * @param phase        "adam" or "lbfgs"
 * @param iteration    global iteration number (Adam steps first, then L-BFGS iterations)
 * @param loss         total loss L = L_pde + lambda_bc L_bc + lambda_ic L_ic
 * @param lossPde      L_pde
 * @param lossBc       L_bc
 * @param lossIc       L_ic
 * @param learningRate current Adam learning rate (NaN during L-BFGS)
 * @param seconds      wall-clock seconds since the start of training
 */
public record TrainingProgress(String phase, int iteration, double loss, double lossPde, double lossBc,
                               double lossIc, double learningRate, double seconds) {
    @Override
    public String toString() {
        return String.format("%-5s %6d  L = %.3e  (pde %.3e, bc %.3e, ic %.3e)%s  %.1f s", phase, iteration, loss,
                lossPde, lossBc, lossIc, Double.isNaN(learningRate) ? "" : String.format("  lr %.2e", learningRate),
                seconds);
    }
}
