package org.physml.ice;

import java.nio.file.Path;
import java.util.List;

import org.physml.structure.Composition;
import org.physml.structure.io.AtomArray;
import org.physml.structure.io.ExtXyz;
import org.physml.structure.io.Frame;

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
     * Writes {@link #frame} to an extended-XYZ file.
     *
     * @throws java.io.UncheckedIOException on write errors
     */
    public static void writeExtXyz(Path path, WaterSystem water, IcePhase phase, long seed, String modelName) {
        ExtXyz.write(path, List.of(frame(water, phase, seed, modelName)));
    }
}
