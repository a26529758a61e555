package org.physml.potentials;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.physml.structure.Structure;

/**
 * The virial of any {@link Potential} by finite differences of its energy under strain, and its error against the
 * DFT virials of a data set.
 *
 * <p>The virial is W_ab = -dE/d eps_ab for the symmetric homogeneous strain that maps every position and every cell
 * vector r to (1 + eps) r; it is the quantity of {@link LabelledStructure#virial()} (eV, positive under compression,
 * components in the order of {@link LabelledStructure#VIRIAL_COMPONENTS}). Central differences with strain step h
 * have an error O(h^2).
 */
public final class Virials {
    /** Default strain step of the central difference. */
    public static final double DEFAULT_STEP = 1e-4;

    private Virials() {
    }

    /** {@link #finiteDifference(Potential, Structure, double)} with {@link #DEFAULT_STEP}. */
    public static double[] finiteDifference(Potential p, Structure s) {
        return finiteDifference(p, s, DEFAULT_STEP);
    }

    /**
     * The six virial components W_c = -(E(+h) - E(-h)) / (2 h), eV, twelve energy evaluations.
     *
     * @param h strain step, &gt; 0 and &lt; 0.01
     * @throws IllegalArgumentException if h is outside (0, 0.01), or as {@link Potential#energy}
     */
    public static double[] finiteDifference(Potential p, Structure s, double h) {
        Objects.requireNonNull(p, "potential");
        if (!(h > 0 && h < 0.01)) {
            throw new IllegalArgumentException("strain step h must lie in (0, 0.01), got " + h);
        }
        double[] w = new double[6];
        for (int c = 0; c < 6; c++) {
            w[c] = -(p.energy(strained(s, c, h)) - p.energy(strained(s, c, -h))) / (2 * h);
        }
        return w;
    }

    /**
     * The structure under the symmetric strain eps_ab = eps_ba = h for component c = (a, b) of
     * {@link LabelledStructure#VIRIAL_COMPONENTS} (for an off-diagonal pair each of the two entries gets h / 2, so
     * that d/dh is the derivative with respect to the symmetric strain component).
     */
    static Structure strained(Structure s, int c, double h) {
        int a = LabelledStructure.VIRIAL_COMPONENTS[c][0];
        int b = LabelledStructure.VIRIAL_COMPONENTS[c][1];
        double[][] eps = new double[3][3];
        if (a == b) {
            eps[a][a] = h;
        } else {
            eps[a][b] = h / 2;
            eps[b][a] = h / 2;
        }
        double[][] pos = s.positions();
        double[][] cell = s.cell();
        return new Structure(apply(eps, pos), s.atomicNumbers(), apply(eps, cell), s.pbc());
    }

    private static double[][] apply(double[][] eps, double[][] rows) {
        double[][] out = new double[rows.length][3];
        for (int i = 0; i < rows.length; i++) {
            for (int x = 0; x < 3; x++) {
                out[i][x] = rows[i][x];
                for (int y = 0; y < 3; y++) {
                    out[i][x] += eps[x][y] * rows[i][y];
                }
            }
        }
        return out;
    }

    /**
     * Root-mean-square error of the virial per atom over every component of every structure that has a DFT virial,
     * meV/atom (GPUMD's unit), structures in parallel.
     *
     * @throws IllegalArgumentException if no structure of {@code data} has a virial
     */
    public static double rmsePerAtom(Potential p, List<LabelledStructure> data) {
        List<LabelledStructure> with = data.stream().filter(LabelledStructure::hasVirialStress).toList();
        if (with.isEmpty()) {
            throw new IllegalArgumentException("none of the " + data.size() + " structures has a virial");
        }
        double sum = IntStream.range(0, with.size()).parallel().mapToDouble(k -> {
            LabelledStructure d = with.get(k);
            double[] model = finiteDifference(p, d.structure());
            double[] dft = d.virial();
            double s = 0;
            for (int c = 0; c < 6; c++) {
                double e = (model[c] - dft[c]) / d.size();
                s += e * e;
            }
            return s;
        }).sum();
        return 1000 * Math.sqrt(sum / (6.0 * with.size()));
    }
}
