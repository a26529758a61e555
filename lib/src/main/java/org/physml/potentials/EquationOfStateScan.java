package org.physml.potentials;

import java.util.Objects;

import org.physml.structure.Structure;

/**
 * Energy-volume curves of a crystal under a potential, for the equation of state: the cell and all positions
 * are scaled isotropically by s = (V/V_ref)^(1/3), and the energy per atom is computed at each volume.
 */
public final class EquationOfStateScan {
    private EquationOfStateScan() {
    }

    /**
     * An E(V) curve.
     *
     * @param volumePerAtom volumes per atom, Angstrom^3
     * @param energyPerAtom energies per atom, eV
     */
    public record Curve(double[] volumePerAtom, double[] energyPerAtom) {
        /** Birch-Murnaghan fit of the curve ({@link BirchMurnaghan#fit}). */
        public BirchMurnaghan fit() {
            return BirchMurnaghan.fit(volumePerAtom, energyPerAtom);
        }
    }

    /**
     * The structure with cell and positions multiplied by {@code s} (volume by s^3).
     *
     * @throws IllegalArgumentException if s is not positive and finite
     */
    public static Structure scaled(Structure s, double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("scale factor must be positive and finite, got " + factor);
        }
        double[][] p = s.positions();
        for (double[] r : p) {
            for (int c = 0; c < 3; c++) {
                r[c] *= factor;
            }
        }
        double[][] cell = s.cell();
        for (double[] a : cell) {
            for (int c = 0; c < 3; c++) {
                a[c] *= factor;
            }
        }
        return new Structure(p, s.atomicNumbers(), cell, s.pbc());
    }

    /**
     * Energies at {@code points} volumes evenly spaced between {@code minFraction} and {@code maxFraction} of the
     * reference structure's volume (e.g. 0.94 and 1.06 for the Delta window).
     *
     * @param potential   the potential
     * @param reference   a periodic crystal
     * @param minFraction smallest V/V_ref, &gt; 0
     * @param maxFraction largest V/V_ref, &gt; minFraction
     * @param points      number of volumes, &gt;= 2
     * @throws IllegalArgumentException on an invalid range, too few points or a non-periodic structure
     */
    public static Curve scan(Potential potential, Structure reference, double minFraction, double maxFraction,
                             int points) {
        Objects.requireNonNull(potential, "potential");
        boolean[] pbc = reference.pbc();
        if (!(pbc[0] && pbc[1] && pbc[2])) {
            throw new IllegalArgumentException("an equation-of-state scan needs a structure periodic along all axes");
        }
        if (!(minFraction > 0) || !(maxFraction > minFraction) || !Double.isFinite(maxFraction)) {
            throw new IllegalArgumentException("need 0 < minFraction < maxFraction, got " + minFraction + ", "
                    + maxFraction);
        }
        if (points < 2) {
            throw new IllegalArgumentException("need at least 2 points, got " + points);
        }
        int n = reference.size();
        double v0 = Math.abs(reference.volume()) / n;
        double[] v = new double[points];
        double[] e = new double[points];
        for (int k = 0; k < points; k++) {
            double frac = minFraction + (maxFraction - minFraction) * k / (points - 1);
            Structure s = scaled(reference, Math.cbrt(frac));
            v[k] = v0 * frac;
            e[k] = potential.energy(s) / n;
        }
        return new Curve(v, e);
    }

    /**
     * The conventional cubic cell of the diamond structure (8 atoms, Fd-3m, origin at an atom) with lattice constant
     * a, periodic along all axes.
     *
     * @throws IllegalArgumentException if a is not positive or z is not an atomic number
     */
    public static Structure diamond(int z, double a) {
        if (!(a > 0) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("lattice constant must be positive and finite, got " + a);
        }
        double[][] frac = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0},
                {0.25, 0.25, 0.25}, {0.25, 0.75, 0.75}, {0.75, 0.25, 0.75}, {0.75, 0.75, 0.25}};
        double[][] pos = new double[8][3];
        int[] zs = new int[8];
        for (int i = 0; i < 8; i++) {
            for (int c = 0; c < 3; c++) {
                pos[i][c] = frac[i][c] * a;
            }
            zs[i] = z;
        }
        return new Structure(pos, zs, new double[][]{{a, 0, 0}, {0, a, 0}, {0, 0, a}}, new boolean[]{true, true, true});
    }
}
