package org.physml.descriptors.nep;

import java.util.Arrays;
import java.util.Objects;

/**
 * The contents of a GPUMD / NEP_CPU model file nep.txt: the model keyword, the descriptor parameters
 * ({@link NepParameters}, including the coefficients c and q_scaler), and the remaining blocks kept verbatim
 * (neural-network parameters, optional ZBL settings and flexible-ZBL parameters) so that a model read from a
 * file can be written back unchanged. See {@link NepModelFile} for the file layout.
 *
 * <p>Supported keywords (those NEP_CPU's {@code init_from_file} accepts, spin models excepted): nep3, nep4,
 * nep5, each optionally with _zbl; nep3/nep4 with _dipole or _polarizability; nep4_charge1..3 and
 * nep4_zbl_charge1..3. Immutable.
 */
public final class NepModel {
    /**
     * Radial neighbour-count hint written when none was read: 1000, the value older GPUMD readers assumed for a
     * cutoff line without MN entries.
     */
    public static final int DEFAULT_MN_RADIAL = 1000;
    /** Angular neighbour-count hint written when none was read: 500 (as {@link #DEFAULT_MN_RADIAL}). */
    public static final int DEFAULT_MN_ANGULAR = 500;

    private final String keyword;
    private final NepParameters descriptor;
    private final int neurons;
    private final double[] annParameters;
    private final double[] zbl;
    private final double[] flexibleZbl;
    private final int mnRadial;
    private final int mnAngular;

    /**
     * @param keyword       model keyword of line 1, e.g. "nep4" or "nep4_zbl"
     * @param descriptor    descriptor parameters
     * @param neurons       number of hidden neurons (the "ANN" line), &ge; 1
     * @param annParameters the neural-network block, length {@link #annParameterCount(String, int, int, int)}
     * @param zbl           for *_zbl models the ZBL line's numbers (rc_inner, rc_outer[, typewise factor]) in
     *                      Angstrom, else null
     * @param flexibleZbl   for a flexible ZBL (rc_inner = rc_outer = 0) the 10 T (T + 1) / 2 parameters after
     *                      q_scaler, else an empty array (null is taken as empty)
     * @param mnRadial      maximum radial neighbour count hint of the cutoff line
     * @param mnAngular     maximum angular neighbour count hint of the cutoff line
     * @throws IllegalArgumentException on an unknown keyword or inconsistent block lengths
     */
    public NepModel(String keyword, NepParameters descriptor, int neurons, double[] annParameters, double[] zbl,
                    double[] flexibleZbl, int mnRadial, int mnAngular) {
        this.keyword = Objects.requireNonNull(keyword, "keyword");
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        version(keyword);
        if (neurons < 1) {
            throw new IllegalArgumentException("number of neurons must be >= 1, got " + neurons);
        }
        this.neurons = neurons;
        int expected = annParameterCount(keyword, descriptor.dimension(), neurons, descriptor.speciesCount());
        if (annParameters.length != expected) {
            throw new IllegalArgumentException("model " + keyword + " with dimension " + descriptor.dimension() + ", "
                    + neurons + " neurons and " + descriptor.speciesCount() + " species needs " + expected
                    + " neural-network parameters, got " + annParameters.length);
        }
        this.annParameters = annParameters.clone();
        boolean hasZbl = keyword.contains("_zbl");
        if (hasZbl != (zbl != null)) {
            throw new IllegalArgumentException("model " + keyword + (hasZbl ? " needs" : " must not have")
                    + " ZBL settings");
        }
        if (zbl != null && zbl.length != 2 && zbl.length != 3) {
            throw new IllegalArgumentException("ZBL settings are rc_inner rc_outer [factor], got " + zbl.length
                    + " numbers");
        }
        this.zbl = zbl == null ? null : zbl.clone();
        double[] flex = flexibleZbl == null ? new double[0] : flexibleZbl;
        int flexExpected = isFlexibleZbl() ? flexibleZblCount(descriptor.speciesCount()) : 0;
        if (flex.length != flexExpected) {
            throw new IllegalArgumentException("model " + keyword + " needs " + flexExpected
                    + " flexible-ZBL parameters, got " + flex.length);
        }
        this.flexibleZbl = flex.clone();
        if (mnRadial < 1 || mnAngular < 1) {
            throw new IllegalArgumentException("neighbour-count hints must be >= 1, got " + mnRadial + " and "
                    + mnAngular);
        }
        this.mnRadial = mnRadial;
        this.mnAngular = mnAngular;
    }

    /**
     * A model with the given descriptor and an all-zero network (for writing a descriptor to nep.txt before
     * any training), default neighbour-count hints and no ZBL.
     *
     * @param keyword "nep3", "nep4" or "nep5" (or another keyword without _zbl)
     */
    public static NepModel withZeroNetwork(String keyword, NepParameters descriptor, int neurons) {
        int count = annParameterCount(keyword, descriptor.dimension(), neurons, descriptor.speciesCount());
        return new NepModel(keyword, descriptor, neurons, new double[count], null, null, DEFAULT_MN_RADIAL,
                DEFAULT_MN_ANGULAR);
    }

    /**
     * NEP version 3, 4 or 5 of a model keyword.
     *
     * @throws IllegalArgumentException for keywords NEP_CPU does not know or this library does not support
     */
    public static int version(String keyword) {
        switch (keyword) {
            case "nep3", "nep3_zbl", "nep3_dipole", "nep3_polarizability":
                return 3;
            case "nep4", "nep4_zbl", "nep4_dipole", "nep4_polarizability", "nep4_charge1", "nep4_charge2",
                    "nep4_charge3", "nep4_zbl_charge1", "nep4_zbl_charge2", "nep4_zbl_charge3":
                return 4;
            case "nep5", "nep5_zbl":
                return 5;
            case "nep3_spin", "nep4_spin":
                throw new IllegalArgumentException("spin models (" + keyword + ") are not supported");
            default:
                throw new IllegalArgumentException("unknown NEP model keyword '" + keyword + "'; expected nep3, nep4 "
                        + "or nep5, optionally with _zbl, _dipole, _polarizability or _charge1..3");
        }
    }

    /**
     * Number of neural-network parameters before the descriptor coefficients in nep.txt (NEP_CPU
     * {@code init_from_file}): NEP3 (dim + 2) N + 1; NEP4 (dim + 2) N T + 1; NEP5 ((dim + 2) N + 1) T + 1;
     * doubled for polarizability models; charge models add N T + 1. N = neurons, T = species count.
     */
    public static int annParameterCount(String keyword, int dimension, int neurons, int species) {
        int v = version(keyword);
        int count;
        if (v == 3) {
            count = (dimension + 2) * neurons + 1;
        } else if (v == 4) {
            count = (dimension + 2) * neurons * species + 1;
        } else {
            count = ((dimension + 2) * neurons + 1) * species + 1;
        }
        if (keyword.endsWith("_polarizability")) {
            count *= 2;
        }
        if (keyword.contains("_charge")) {
            count += neurons * species + 1;
        }
        return count;
    }

    /** Number of flexible-ZBL parameters, 10 T (T + 1) / 2. */
    public static int flexibleZblCount(int species) {
        return 10 * species * (species + 1) / 2;
    }

    /** Model keyword, e.g. "nep4". */
    public String keyword() {
        return keyword;
    }

    /** NEP version 3, 4 or 5. */
    public int version() {
        return version(keyword);
    }

    /** Descriptor parameters (c and q_scaler included). */
    public NepParameters descriptor() {
        return descriptor;
    }

    /** Number of hidden neurons. */
    public int neurons() {
        return neurons;
    }

    /** Copy of the neural-network parameter block, in file order. */
    public double[] annParameters() {
        return annParameters.clone();
    }

    /** Copy of the ZBL line's numbers (rc_inner, rc_outer[, factor]), Angstrom; null without ZBL. */
    public double[] zbl() {
        return zbl == null ? null : zbl.clone();
    }

    /** Whether the ZBL part is the flexible one (rc_inner = rc_outer = 0). */
    public boolean isFlexibleZbl() {
        return zbl != null && zbl[0] == 0.0 && zbl[1] == 0.0;
    }

    /** Copy of the flexible-ZBL parameters (empty unless {@link #isFlexibleZbl()}). */
    public double[] flexibleZbl() {
        return flexibleZbl.clone();
    }

    /** Radial neighbour-count hint of the cutoff line. */
    public int mnRadial() {
        return mnRadial;
    }

    /** Angular neighbour-count hint of the cutoff line. */
    public int mnAngular() {
        return mnAngular;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NepModel m && keyword.equals(m.keyword) && descriptor.equals(m.descriptor)
                && neurons == m.neurons && Arrays.equals(annParameters, m.annParameters) && Arrays.equals(zbl, m.zbl)
                && Arrays.equals(flexibleZbl, m.flexibleZbl) && mnRadial == m.mnRadial && mnAngular == m.mnAngular;
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyword, descriptor, neurons, Arrays.hashCode(annParameters));
    }

    @Override
    public String toString() {
        return "NepModel[" + keyword + ", " + descriptor + ", neurons=" + neurons + "]";
    }
}
