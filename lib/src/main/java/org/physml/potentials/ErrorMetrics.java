package org.physml.potentials;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Accuracy of a potential on a labelled data set, in the units used by Zuo et al., J. Phys. Chem. A 124, 731
 * (2020): energy errors per atom (meV/atom) and force-component errors (eV/Angstrom).
 *
 * <p>Energy MAE = mean over structures of |E_pred - E_DFT| / N_atoms; force MAE = mean over all Cartesian force
 * components of all atoms of |F_pred - F_DFT|; RMSEs likewise with squares.
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
        if (data.isEmpty()) {
            throw new IllegalArgumentException("the data set is empty");
        }
        Potential.EnergyAndForces[] pred = new Potential.EnergyAndForces[data.size()];
        IntStream.range(0, data.size()).parallel().forEach(k -> pred[k] = potential.compute(data.get(k).structure()));
        double eAbs = 0, eSq = 0, fAbs = 0, fSq = 0;
        int nf = 0;
        for (int k = 0; k < data.size(); k++) {
            LabelledStructure d = data.get(k);
            double de = (pred[k].energy() - d.energy()) / d.size() * 1000.0;
            eAbs += Math.abs(de);
            eSq += de * de;
            double[][] f = pred[k].forces();
            double[][] ref = d.forces();
            for (int i = 0; i < d.size(); i++) {
                for (int c = 0; c < 3; c++) {
                    double df = f[i][c] - ref[i][c];
                    fAbs += Math.abs(df);
                    fSq += df * df;
                    nf++;
                }
            }
        }
        int ns = data.size();
        return new ErrorMetrics(eAbs / ns, Math.sqrt(eSq / ns), fAbs / nf, Math.sqrt(fSq / nf), ns, nf);
    }

    @Override
    public String toString() {
        return String.format("energy MAE %.2f meV/atom (RMSE %.2f), force MAE %.4f eV/A (RMSE %.4f), %d structures",
                energyMae, energyRmse, forceMae, forceRmse, structures);
    }
}
