package org.physml.ice;

import java.nio.file.Path;
import java.util.List;

import org.physml.structure.Composition;
import org.physml.structure.io.AtomArray;
import org.physml.structure.io.AtomStyle;
import org.physml.structure.io.ExtXyz;
import org.physml.structure.io.Frame;
import org.physml.structure.io.LammpsData;
import org.physml.structure.io.LammpsDataWriter;

/** Writes built ice to the file formats the course uses. */
public final class IceFiles {
    private IceFiles() {
    }

    /**
     * The molecules as an extended-XYZ frame: species O/H, positions, lattice, pbc, a per-atom integer array
     * {@code mol_id} (0-based molecule index) and the info keys {@code phase}, {@code seed},
     * {@code water_model} and {@code density} (g/cm^3).
     */
    public static Frame frame(WaterSystem water, IcePhase phase, long seed, String modelName) {
        int n = water.structure().size();
        long[][] mol = new long[n][1];
        int[] ids = water.moleculeId();
        for (int i = 0; i < n; i++) {
            mol[i][0] = ids[i];
        }
        return Frame.of(water.structure())
                .withArray("mol_id", new AtomArray.Integers(mol))
                .withInfo("phase", "ice_" + phase.label())
                .withInfo("seed", seed)
                .withInfo("water_model", modelName)
                .withInfo("density", Composition.density(water.structure()));
    }

    /**
     * The molecules as LAMMPS data for {@code atom_style full}: atom types O = 1, H = 2 (standard atomic weights as
     * masses), molecule-IDs 1..N, the model's charges (O carries the M-site charge -2 q_H, as the LAMMPS
     * {@code tip4p} pair styles expect), bond type 1 for every O-H and angle type 1 for every H-O-H.
     */
    public static LammpsData lammpsData(WaterSystem water) {
        int n = water.structure().size();
        int[] mol = water.moleculeId();
        for (int i = 0; i < n; i++) {
            mol[i] += 1;
        }
        int[][] bonds = water.bonds();
        int[][] bondRows = new int[bonds.length][];
        for (int k = 0; k < bonds.length; k++) {
            bondRows[k] = new int[]{1, bonds[k][0], bonds[k][1]};
        }
        int[][] angles = water.angles();
        int[][] angleRows = new int[angles.length][];
        for (int k = 0; k < angles.length; k++) {
            angleRows[k] = new int[]{1, angles[k][0], angles[k][1], angles[k][2]};
        }
        return LammpsData.of(water.structure(), AtomStyle.FULL, new int[]{8, 1})
                .withCharges(water.charges()).withMolecules(mol).withBonds(bondRows).withAngles(angleRows);
    }

    /**
     * Writes {@link #lammpsData} with the structure package's writer (atoms wrapped into the box with image flags
     * that keep every molecule whole when unwrapped; tilt factors reduced into LAMMPS's limits).
     *
     * @throws IllegalArgumentException if the cell cannot be expressed as a LAMMPS box
     * @throws java.io.UncheckedIOException on write errors
     */
    public static void writeLammpsData(Path path, WaterSystem water) {
        LammpsDataWriter.write(path, lammpsData(water));
    }

    /**
     * Writes {@link #frame} to an extended-XYZ file.
     *
     * @throws java.io.UncheckedIOException on write errors
     */
    public static void writeExtXyz(Path path, WaterSystem water, IcePhase phase, long seed, String modelName) {
        ExtXyz.write(path, List.of(frame(water, phase, seed, modelName)));
    }
}
