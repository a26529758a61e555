package org.physml.potentials;

import java.util.List;

/**
 * Accuracy of a potential on a labelled data set, in the units used by Zuo et al., J. Phys. Chem. A 124, 731
 * (2020): energy errors per atom (meV/atom) and force-component errors (eV/Angstrom).
 *
 * <p>Energy MAE = mean over structures of |E_pred - E_DFT| / N_atoms; force MAE = mean over all Cartesian force
 * components of all atoms of |F_pred - F_DFT|; RMSEs likewise with squares ({@link Predictions#metrics()}).
 *
 * @param energyMae   energy mean absolute error, meV/atom
 * @param energyRmse  energy root-mean-square error, meV/atom
 * @param forceMae    force-component mean absolute error, eV/Angstrom
 * @param forceRmse   force-component root-mean-square error, eV/Angstrom
 * @param structures  number of structures
 * @param components  number of force components (3 x number of atoms)
 */
public record ErrorMetrics(double energyMae, double energyRmse, double forceMae, double forceRmse, int structures,
                           int components) {

    /**
     * Evaluates a potential on every structure of a data set (in parallel over structures).
     *
     * @throws IllegalArgumentException if the data set is empty or contains species the potential does not know
     */
    public static ErrorMetrics evaluate(Potential potential, List<LabelledStructure> data) {
        return Predictions.evaluate(potential, data).metrics();
    }

    @Override
    public String toString() {
        return String.format("energy MAE %.2f meV/atom (RMSE %.2f), force MAE %.4f eV/A (RMSE %.4f), %d structures",
                energyMae, energyRmse, forceMae, forceRmse, structures);
    }
}
