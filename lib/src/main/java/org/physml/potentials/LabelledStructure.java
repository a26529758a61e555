package org.physml.potentials;

import java.util.List;
import java.util.Objects;

import org.physml.structure.Structure;

/**
 * One reference configuration of a training or test set: a structure with its DFT total energy, forces and
 * (optionally) virial stress.
 *
 * <p>Units: energy in eV (total, not per atom), forces in eV/Angstrom, virial stress in kbar in the order
 * xx, yy, zz, xy, yz, xz ({@link #VIRIAL_COMPONENTS}) and VASP's sign convention (positive = compressive, i.e.
 * minus the physicist's stress tensor), as in the mlearn data of Zuo et al., J. Phys. Chem. A 124, 731 (2020)
 * (see {@link MlearnReader} for where the order and the units come from, and for the Mo files, which store the
 * last two components the other way round).
 *
 * @param structure    the atoms, cell and periodicity
 * @param energy       total energy, eV
 * @param forces       force on every atom, shape [n][3], eV/Angstrom
 * @param virialStress the six stress components in kbar (xx, yy, zz, xy, yz, xz), or null if absent
 * @param group        configuration type (mlearn's "group", e.g. "AIMD-NVT", "Elastic"), or "" if absent
 * @param description  free-text description of the configuration, or "" if absent
 */
public record LabelledStructure(Structure structure, double energy, double[][] forces, double[] virialStress,
                                String group, String description) {
    /** The Cartesian index pairs (a, b) of the six virial components, in order: xx yy zz xy yz xz. */
    public static final int[][] VIRIAL_COMPONENTS = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {1, 2}, {0, 2}};
    /** The names of the six virial components, in the order of {@link #VIRIAL_COMPONENTS}. */
    public static final List<String> VIRIAL_NAMES = List.of("xx", "yy", "zz", "xy", "yz", "xz");
    /** kbar per eV/Angstrom^3 (1 eV/A^3 = 160.21766208 GPa). */
    public static final double KBAR_PER_EV_PER_A3 = 1602.1766208;

    /**
     * @throws IllegalArgumentException if the force array does not have one finite 3-vector per atom, the energy
     *                                  is not finite, or the virial stress is present but not 6 finite numbers
     */
    public LabelledStructure {
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(forces, "forces");
        if (!Double.isFinite(energy)) {
            throw new IllegalArgumentException("energy must be finite, got " + energy);
        }
        if (forces.length != structure.size()) {
            throw new IllegalArgumentException("forces has " + forces.length + " rows, expected one per atom ("
                    + structure.size() + ")");
        }
        double[][] f = new double[forces.length][];
        for (int i = 0; i < forces.length; i++) {
            if (forces[i] == null || forces[i].length != 3) {
                throw new IllegalArgumentException("force of atom " + i + " must have 3 components");
            }
            for (double v : forces[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("force of atom " + i + " is not finite");
                }
            }
            f[i] = forces[i].clone();
        }
        forces = f;
        if (virialStress != null) {
            if (virialStress.length != 6) {
                throw new IllegalArgumentException("virial stress must have 6 components, got " + virialStress.length);
            }
            for (double v : virialStress) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("virial stress component is not finite");
                }
            }
            virialStress = virialStress.clone();
        }
        group = group == null ? "" : group;
        description = description == null ? "" : description;
    }

    /** Number of atoms. */
    public int size() {
        return structure.size();
    }

    /** Total energy divided by the number of atoms, eV/atom. */
    public double energyPerAtom() {
        return energy / structure.size();
    }

    /**
     * The virial W = -dE/d(strain) of the DFT calculation, eV, in the order of {@link #VIRIAL_COMPONENTS}:
     * W = virial stress x V / 1602.18 (kbar to eV/A^3), positive under compression; GPUMD's NEP
     * fits W per atom (nep.in keyword lambda_v).
     *
     * @throws IllegalStateException if the structure has no virial stress
     */
    public double[] virial() {
        if (virialStress == null) {
            throw new IllegalStateException("this structure has no virial stress");
        }
        double[] w = new double[6];
        for (int c = 0; c < 6; c++) {
            w[c] = virialStress[c] * structure.volume() / KBAR_PER_EV_PER_A3;
        }
        return w;
    }

    /** Whether a virial stress is present. */
    public boolean hasVirialStress() {
        return virialStress != null;
    }
}
