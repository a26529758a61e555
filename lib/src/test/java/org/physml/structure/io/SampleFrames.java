package org.physml.structure.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.physml.structure.Structure;

/**
 * Deterministic frames that exercise every value type the extended-XYZ writer supports. Running {@link #main}
 * writes them to src/test/resources/structure/java_frames.extxyz, which make_ase_references.py check then
 * reads with ASE (java_frames.ase.json).
 */
final class SampleFrames {
    private SampleFrames() {
    }

    static List<Frame> frames() {
        Random rnd = new Random(11);
        // 1: triclinic silver with forces, stress (not symmetric, to pin down the Fortran order) and all info types
        double[][] cell = {{4.0853, 0.0123, -0.31}, {1.2, 3.9, 0.0}, {-0.7, 0.45, 4.4}};
        double[][] pos = new double[3][3];
        double[][] forces = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 3; c++) {
                pos[i][c] = 4 * rnd.nextDouble() - 0.5;
                forces[i][c] = rnd.nextGaussian();
            }
        }
        pos[2][0] = 1e-17;
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("config_type", "mixed phase");
        info.put("note", "a \"quoted\" \\ path=1");
        info.put("step", 123456789012L);
        info.put("count", 7);
        info.put("converged", false);
        info.put("energy", -12.345678901234567);
        info.put("tiny", 1.0e-300);
        info.put("avogadro", 6.02214076e23);
        info.put("flags", new long[]{-1, 0, 5});
        info.put("weights", new double[]{0.1, 2.0 / 3.0, -1e-9});
        info.put("mask", new boolean[]{true, false, true});
        info.put("stress", new double[][]{{0.011, 0.012, 0.013}, {0.021, 0.022, 0.023}, {0.031, 0.032, 0.033}});
        Map<String, AtomArray> arrays = new LinkedHashMap<>();
        arrays.put("forces", AtomArray.of(forces));
        arrays.put("tags", AtomArray.of(new int[]{3, -2, 0}));
        arrays.put("fixed", AtomArray.of(new boolean[]{true, false, true}));
        arrays.put("site", AtomArray.of(new String[]{"oct", "tet", "x_1"}));
        arrays.put("initial_charges", AtomArray.of(new double[]{0.5, -0.25, Math.PI}));
        Frame bulk = new Frame(new Structure(pos, new int[]{47, 47, 50}, cell, new boolean[]{true, true, true}),
                info, arrays);

        // 2: slab, periodic in a1 and a2, with a vacuum vector a3
        double[][] slabCell = {{5.1, 0, 0}, {2.55, 4.4167, 0}, {0, 0, 20}};
        double[][] slabPos = {{0, 0, 5}, {2.55, 1.47223, 7.08}, {1.1, 2.2, 9.5}};
        Frame slab = Frame.of(new Structure(slabPos, new int[]{42, 42, 8}, slabCell, new boolean[]{true, true, false}))
                .withInfo("config_type", "slab");

        // 3: molecule without a cell, Z up to 118
        double[][] molPos = {{0.1, 0.2, 0.3}, {-1.5, 0.25, 1e-5}, {2.0, -3.0, 1e5}};
        Frame molecule = Frame.of(Structure.molecule(molPos, new int[]{1, 6, 118}));
        return List.of(bulk, slab, molecule);
    }

    public static void main(String[] args) {
        ExtXyz.write(Path.of(args[0]), frames());
    }
}
