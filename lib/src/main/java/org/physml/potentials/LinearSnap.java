package org.physml.potentials;

import java.util.Arrays;
import java.util.Objects;

import org.physml.descriptors.snap.Bispectrum;
import org.physml.structure.Structure;

/**
 * A linear SNAP potential: E = sum_i (beta_0^{t_i} + beta^{t_i} . B^i), one coefficient vector per species t
 * (Thompson, Swiler, Trott, Foiles and Tucker, J. Comput. Phys. 285, 316 (2015), Eq. 14); forces
 * F_j = -sum_i beta^{t_i} . dB^i/dr_j (Eq. 15). B^i are LAMMPS's bispectrum components ({@link Bispectrum}).
 *
 * <p>Coefficients in the column order of {@link SnapFeatures}: for each species t in {@link #species()} order,
 * beta_0^t (eV) followed by the K values beta_l^t (eV per unit of B). Immutable and thread-safe.
 */
public final class LinearSnap implements Potential {
    private final Bispectrum bispectrum;
    private final int[] species;
    private final double[] coefficients;

    /**
     * @param bispectrum   the descriptor
     * @param species      atomic numbers of the model's species, each configured in the descriptor, no duplicates
     * @param coefficients T (K + 1) coefficients, layout as in {@link SnapFeatures}
     * @throws IllegalArgumentException on a wrong number of coefficients, a non-finite coefficient, an empty or
     *                                  duplicated species list or a species the descriptor does not configure
     */
    public LinearSnap(Bispectrum bispectrum, int[] species, double[] coefficients) {
        this.bispectrum = Objects.requireNonNull(bispectrum, "bispectrum");
        if (species.length == 0) {
            throw new IllegalArgumentException("at least one species is needed");
        }
        for (int t = 0; t < species.length; t++) {
            bispectrum.radius(species[t]);
            for (int u = 0; u < t; u++) {
                if (species[u] == species[t]) {
                    throw new IllegalArgumentException("species " + species[t] + " is listed twice");
                }
            }
        }
        this.species = species.clone();
        int expected = SnapFeatures.columnCount(bispectrum, species);
        if (coefficients.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " coefficients (T (K + 1) with T = "
                    + species.length + ", K = " + bispectrum.featureCount() + "), got " + coefficients.length);
        }
        for (int i = 0; i < coefficients.length; i++) {
            if (!Double.isFinite(coefficients[i])) {
                throw new IllegalArgumentException("coefficient " + i + " is not finite: " + coefficients[i]);
            }
        }
        this.coefficients = coefficients.clone();
    }

    @Override
    public double cutoff() {
        return bispectrum.cutoff();
    }

    @Override
    public EnergyAndForces compute(Structure s) {
        return compute(SnapFeatures.compute(bispectrum, species, s));
    }

    /**
     * Energy and forces from precomputed rows of a structure, e.g. those of the fit
     * ({@link LinearSnapFitter#features}), without recomputing the bispectrum. The rows must have been computed with
     * this model's bispectrum and species.
     *
     * @throws IllegalArgumentException if the rows have another number of columns
     */
    public EnergyAndForces compute(SnapFeatures f) {
        if (f.energyRowView().length != coefficients.length) {
            throw new IllegalArgumentException("the rows have " + f.energyRowView().length + " columns, this model has "
                    + coefficients.length + " coefficients");
        }
        return new EnergyAndForces(f.energy(coefficients), f.forces(coefficients));
    }

    @Override
    public double energy(Structure s) {
        double[][] b = bispectrum.compute(s);
        double e = 0;
        int k = bispectrum.featureCount();
        for (int i = 0; i < s.size(); i++) {
            int o = SnapFeatures.blockOf(species, s.atomicNumber(i), i) * (k + 1);
            e += coefficients[o];
            for (int l = 0; l < k; l++) {
                e += coefficients[o + 1 + l] * b[i][l];
            }
        }
        return e;
    }

    /** The descriptor. */
    public Bispectrum bispectrum() {
        return bispectrum;
    }

    /** The species' atomic numbers in coefficient order (a copy). */
    public int[] species() {
        return species.clone();
    }

    /** All coefficients, layout as in {@link SnapFeatures} (a copy). */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** beta_0 of species index t, eV. */
    public double beta0(int t) {
        return coefficients[t * (bispectrum.featureCount() + 1)];
    }

    /** beta_1..beta_K of species index t (a copy). */
    public double[] beta(int t) {
        int k = bispectrum.featureCount();
        return Arrays.copyOfRange(coefficients, t * (k + 1) + 1, (t + 1) * (k + 1));
    }

    @Override
    public String toString() {
        return "LinearSnap[" + bispectrum + ", species=" + Arrays.toString(species) + "]";
    }
}
