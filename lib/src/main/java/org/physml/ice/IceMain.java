package org.physml.ice;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.physml.structure.Composition;

/**
 * Command line: builds proton-disordered ice with TIP4P/2005 molecules and writes a LAMMPS data file and/or an
 * extended-XYZ file.
 *
 * <pre>
 * java -cp ... org.physml.ice.IceMain --phase Ih --orthohexagonal --at-least 300 --seed 7 \
 *      --lammps ice.data --extxyz ice.extxyz
 * </pre>
 *
 * Options: {@code --phase} (Ih, Ic, II, III, V, VI, VII; required), {@code --repeat n1 n2 n3} or
 * {@code --at-least N}, {@code --orthohexagonal}, {@code --seed S} (default 1), {@code --lammps FILE},
 * {@code --extxyz FILE}. Prints one summary line (molecules, replication, density, |M|/(N mu)).
 */
public final class IceMain {
    private IceMain() {
    }

    /**
     * @throws IllegalArgumentException on unknown or incomplete options
     */
    public static void main(String[] args) {
        IcePhase phase = null;
        int[] repeat = null;
        int atLeast = -1;
        boolean ortho = false;
        long seed = 1;
        Path lammps = null, extxyz = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--phase" -> phase = IcePhase.fromLabel(value(args, ++i, "--phase"));
                case "--repeat" -> {
                    repeat = new int[3];
                    for (int k = 0; k < 3; k++) {
                        repeat[k] = Integer.parseInt(value(args, ++i, "--repeat"));
                    }
                }
                case "--at-least" -> atLeast = Integer.parseInt(value(args, ++i, "--at-least"));
                case "--orthohexagonal" -> ortho = true;
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                case "--lammps" -> lammps = Path.of(value(args, ++i, "--lammps"));
                case "--extxyz" -> extxyz = Path.of(value(args, ++i, "--extxyz"));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; see the Javadoc of IceMain");
            }
        }
        if (phase == null) {
            throw new IllegalArgumentException("--phase is required (Ih, Ic, II, III, V, VI, VII)");
        }
        IceBuilder builder = IceBuilder.of(phase).seed(seed);
        if (ortho) {
            builder.orthohexagonal();
        }
        if (repeat != null) {
            builder.repeat(repeat[0], repeat[1], repeat[2]);
        }
        if (atLeast > 0) {
            builder.atLeast(atLeast);
        }
        WaterSystem water = builder.build();
        if (lammps != null) {
            IceFiles.writeLammpsData(lammps, water);
        }
        if (extxyz != null) {
            IceFiles.writeExtXyz(extxyz, water, phase, seed, "TIP4P/2005");
        }
        System.out.println(String.format(Locale.ROOT,
                "ice %s: %d molecules, repeat %s, cell lengths %.4f %.4f %.4f A, density %.4f g/cm3, |M|/(N mu) = %.2e",
                phase.label(), water.moleculeCount(), Arrays.toString(builder.replication()),
                len(water.structure().cell()[0]), len(water.structure().cell()[1]), len(water.structure().cell()[2]),
                Composition.density(water.structure()), water.relativeNetDipole()));
    }

    private static double len(double[] v) {
        return HydrogenBondNetwork.norm(v);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return args[i];
    }
}
