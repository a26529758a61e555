package org.physml.potentials;

import org.physml.descriptors.snap.Bispectrum;

/**
 * SNAP settings of the mlearn benchmark (Zuo et al., J. Phys. Chem. A 124, 731 (2020)). Zuo et al.'s fitted
 * hyper-parameters for Si could not be retrieved; these are the settings of mlearn's own SNAP example
 * ({@code notebooks/SNAP_example/example.ipynb}: cutoff 5.0 A, element radius factor 0.5 and weight 1,
 * twojmax 6, energy weight 100, force weight 1) with mlearn's LAMMPS defaults
 * ({@code mlearn/potentials/lammps/calcs.py}: rfac0 0.99363, rmin0 0, bzeroflag 0).
 */
public final class SnapSetup {
    /** mlearn's energy-row weight (its SNAP example sets the energy weights to 100, forces to 1). */
    public static final double ENERGY_WEIGHT = 100.0;
    /** mlearn's force-row weight. */
    public static final double FORCE_WEIGHT = 1.0;

    private SnapSetup() {
    }

    /**
     * Bispectrum of one element with pair cutoff {@code cutoff} (R_i = cutoff/2, rcutfac 1), twojmax, rfac0 0.99363,
     * rmin0 0, bzeroflag 0, weight 1.
     *
     * @throws IllegalArgumentException as {@link Bispectrum.Builder#build()}
     */
    public static Bispectrum singleElement(int z, double cutoff, int twojmax) {
        return singleElement(z, cutoff, twojmax, false);
    }

    /**
     * As {@link #singleElement(int, double, int)}, linear (K features) or, with {@code quadratic}, with LAMMPS's
     * quadraticflag 1: the K linear components followed by their K (K + 1)/2 products, the features of the
     * quadratic SNAP of M. A. Wood and A. P. Thompson, J. Chem. Phys. 148, 241721 (2018).
     *
     * @throws IllegalArgumentException as {@link Bispectrum.Builder#build()}
     */
    public static Bispectrum singleElement(int z, double cutoff, int twojmax, boolean quadratic) {
        return Bispectrum.builder().rcutfac(1.0).rfac0(0.99363).twojmax(twojmax).rmin0(0.0).bzeroflag(0)
                .quadraticflag(quadratic ? 1 : 0).species(z, 0.5 * cutoff, 1.0).build();
    }

    /** The course's Si SNAP: cutoff 5.0 A, twojmax 6 (30 components). */
    public static Bispectrum silicon() {
        return singleElement(14, 5.0, 6);
    }

    /** The fitter with mlearn's weights and no ridge term. */
    public static LinearSnapFitter fitter() {
        return new LinearSnapFitter(ENERGY_WEIGHT, FORCE_WEIGHT, 0.0);
    }
}
