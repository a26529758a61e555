package org.physml.structure.io;

import java.nio.file.Path;

import org.physml.structure.Structure;

/**
 * A deterministic LAMMPS full-style data set: two three-atom molecules (O and two H, bonded, with an angle) in a
 * general triclinic cell that is neither in LAMMPS orientation nor within the LAMMPS tilt limits. Running
 * {@link #main} writes it with {@link LammpsDataWriter} to src/test/resources/structure/java_water.data, which
 * in.lammps_reference then reads with LAMMPS and writes back as lammps_full.data.
 */
final class SampleLammps {
    private SampleLammps() {
    }

    /** Cell rows: rotated about an oblique axis, b tilted by more than |a| / 2 along a. */
    static final double[][] CELL = {
            {5.2, 1.1, -0.6},
            {4.1, 5.8, 0.9},
            {-0.8, 1.3, 6.7}};

    static LammpsData data() {
        double[][] pos = {
                {1.0, 1.0, 1.0}, {1.9572, 1.0, 1.0}, {0.76, 1.9266, 1.0},
                // second molecule straddles the cell boundary (an H outside the cell)
                {4.5, 5.2, 6.1}, {5.4, 5.6, 6.4}, {4.2, 5.0, 7.0}};
        Structure s = new Structure(pos, new int[]{8, 1, 1, 8, 1, 1}, CELL, new boolean[]{true, true, true});
        return LammpsData.of(s, AtomStyle.FULL, new int[]{8, 1})
                .withCharges(new double[]{-0.8, 0.4, 0.4, -0.8, 0.4, 0.4})
                .withMolecules(new int[]{1, 1, 1, 2, 2, 2})
                .withBonds(new int[][]{{1, 0, 1}, {1, 0, 2}, {1, 3, 4}, {1, 3, 5}})
                .withAngles(new int[][]{{1, 1, 0, 2}, {1, 4, 3, 5}});
    }

    public static void main(String[] args) {
        LammpsDataWriter.write(Path.of(args[0]), data());
    }
}
