package org.physml.potentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A potential's predictions next to the DFT labels of a data set, for parity plots and error tables: energies per
 * atom (one value per structure) and force components (3 per atom, structures in order, atoms in order, x y z).
 *
 * <p>Units: eV/atom for energies, eV/Angstrom for forces. Immutable; the getters return copies.
 */
public final class Predictions {
    private final double[] energyDft;
    private final double[] energyModel;
    private final double[] forceDft;
    private final double[] forceModel;
    private final List<String> groups;

    private Predictions(double[] energyDft, double[] energyModel, double[] forceDft, double[] forceModel,
                        List<String> groups) {
        this.energyDft = energyDft;
        this.energyModel = energyModel;
        this.forceDft = forceDft;
        this.forceModel = forceModel;
        this.groups = groups;
    }

    /**
     * Evaluates a potential on every structure (in parallel over structures).
     *
     * @throws IllegalArgumentException if the data set is empty or contains species the potential does not know
     */
    public static Predictions evaluate(Potential potential, List<LabelledStructure> data) {
        Objects.requireNonNull(potential, "potential");
        Potential.EnergyAndForces[] pred = new Potential.EnergyAndForces[data.size()];
        IntStream.range(0, data.size()).parallel().forEach(k -> pred[k] = potential.compute(data.get(k).structure()));
        return of(data, List.of(pred));
    }

    /**
     * Pairs predictions made elsewhere (e.g. {@link LinearSnap#compute(SnapFeatures)} on the rows of a fit) with
     * their labels; {@code predicted.get(k)} belongs to {@code data.get(k)}.
     *
     * @throws IllegalArgumentException if the data set is empty, the lists differ in length, or a prediction has
     *                                  the wrong number of atoms
     */
    public static Predictions of(List<LabelledStructure> data, List<Potential.EnergyAndForces> predicted) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("the data set is empty");
        }
        if (predicted.size() != data.size()) {
            throw new IllegalArgumentException("need one prediction per structure: " + data.size()
                    + " structures, " + predicted.size() + " predictions");
        }
        int components = 0;
        for (LabelledStructure d : data) {
            components += 3 * d.size();
        }
        double[] eD = new double[data.size()];
        double[] eM = new double[data.size()];
        double[] fD = new double[components];
        double[] fM = new double[components];
        List<String> groups = new ArrayList<>(data.size());
        int c = 0;
        for (int k = 0; k < data.size(); k++) {
            LabelledStructure d = data.get(k);
            Potential.EnergyAndForces p = predicted.get(k);
            if (p.forces().length != d.size()) {
                throw new IllegalArgumentException("prediction " + k + " has forces on " + p.forces().length
                        + " atoms, the structure has " + d.size());
            }
            eD[k] = d.energyPerAtom();
            eM[k] = p.energy() / d.size();
            groups.add(d.group());
            for (int i = 0; i < d.size(); i++) {
                for (int a = 0; a < 3; a++) {
                    fD[c] = d.forces()[i][a];
                    fM[c++] = p.forces()[i][a];
                }
            }
        }
        return new Predictions(eD, eM, fD, fM, List.copyOf(groups));
    }

    /** DFT energy per atom of each structure, eV/atom. */
    public double[] energyPerAtomDft() {
        return energyDft.clone();
    }

    /** Model energy per atom of each structure, eV/atom. */
    public double[] energyPerAtomModel() {
        return energyModel.clone();
    }

    /** DFT force components, eV/Angstrom, length 3 x (number of atoms of all structures). */
    public double[] forceComponentsDft() {
        return forceDft.clone();
    }

    /** Model force components, eV/Angstrom, same order as {@link #forceComponentsDft()}. */
    public double[] forceComponentsModel() {
        return forceModel.clone();
    }

    /**
     * The errors of each configuration type (mlearn "group") on its own, in the order the groups first occur.
     *
     * @throws IllegalArgumentException as {@link #of}
     */
    public static java.util.Map<String, ErrorMetrics> metricsByGroup(List<LabelledStructure> data,
                                                                    List<Potential.EnergyAndForces> predicted) {
        of(data, predicted);   // the same checks
        java.util.Map<String, List<Integer>> idx = new java.util.LinkedHashMap<>();
        for (int k = 0; k < data.size(); k++) {
            idx.computeIfAbsent(data.get(k).group(), g -> new ArrayList<>()).add(k);
        }
        java.util.Map<String, ErrorMetrics> out = new java.util.LinkedHashMap<>();
        idx.forEach((g, ks) -> out.put(g, of(ks.stream().map(data::get).toList(),
                ks.stream().map(predicted::get).toList()).metrics()));
        return out;
    }

    /** The configuration type (mlearn "group") of each structure. */
    public List<String> groups() {
        return groups;
    }

    /** Number of structures. */
    public int structures() {
        return energyDft.length;
    }

    /** MAE and RMSE of energies (meV/atom) and force components (eV/Angstrom). */
    public ErrorMetrics metrics() {
        double eAbs = 0, eSq = 0, fAbs = 0, fSq = 0;
        for (int k = 0; k < energyDft.length; k++) {
            double de = (energyModel[k] - energyDft[k]) * 1000.0;
            eAbs += Math.abs(de);
            eSq += de * de;
        }
        for (int c = 0; c < forceDft.length; c++) {
            double df = forceModel[c] - forceDft[c];
            fAbs += Math.abs(df);
            fSq += df * df;
        }
        int ns = energyDft.length;
        int nf = forceDft.length;
        return new ErrorMetrics(eAbs / ns, Math.sqrt(eSq / ns), fAbs / nf, Math.sqrt(fSq / nf), ns, nf);
    }
}
