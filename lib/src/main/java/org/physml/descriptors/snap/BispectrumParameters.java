package org.physml.descriptors.snap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.physml.descriptors.DescriptorParameters;
import org.physml.structure.Elements;

/**
 * The parameters of {@link Bispectrum}, named as in LAMMPS's {@code compute sna/atom} (registered as
 * {@code "bispectrum"}); LAMMPS's 0/1 flags are booleans here.
 *
 * @param rcutfac       scale of the pair cutoffs R_ik = rcutfac (R_i + R_k), &gt; 0
 * @param rfac0         distance-to-angle factor, in (0, 1)
 * @param twojmax       band limit 2 J_max, 0..{@value Bispectrum#MAX_TWOJMAX}
 * @param rmin0         inner distance of the radius-to-angle map, Angstrom, &gt;= 0 and below the smallest pair
 *                      cutoff
 * @param switchflag    cosine switching function f_c (true) or none (false)
 * @param bzeroflag     subtract the free-atom bispectrum
 * @param quadraticflag append the products B_l B_m (l &lt;= m)
 * @param bnormflag     divide B_{j1 j2 j} by j + 1
 * @param species       radius and weight of every species, sorted by atomic number, each once
 */
public record BispectrumParameters(double rcutfac, double rfac0, int twojmax, double rmin0, boolean switchflag,
                                   boolean bzeroflag, boolean quadraticflag, boolean bnormflag,
                                   List<Species> species) implements DescriptorParameters {

    /**
     * One species.
     *
     * @param z      atomic number, 1..118
     * @param radius R_i, Angstrom, &gt; 0
     * @param weight neighbour weight w_i, finite
     */
    public record Species(int z, double radius, double weight) {
        /** @throws IllegalArgumentException on a value outside those ranges */
        public Species {
            if (z < 1 || z > Elements.MAX_Z) {
                throw new IllegalArgumentException("atomic number must be in 1.." + Elements.MAX_Z + ", got " + z);
            }
            if (!(radius > 0) || !Double.isFinite(radius)) {
                throw new IllegalArgumentException("radius R_i of atomic number " + z
                        + " must be a positive finite number of Angstrom, got " + radius);
            }
            if (!Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight w_i of atomic number " + z + " must be finite, got "
                        + weight);
            }
        }
    }

    /**
     * @throws IllegalArgumentException naming the offending parameter, its value and the expected range
     */
    public BispectrumParameters {
        if (!(rcutfac > 0) || !Double.isFinite(rcutfac)) {
            throw new IllegalArgumentException("rcutfac must be a positive finite number, got " + rcutfac);
        }
        if (!(rfac0 > 0 && rfac0 < 1)) {
            throw new IllegalArgumentException("rfac0 must lie in (0, 1), got " + rfac0);
        }
        if (twojmax < 0 || twojmax > Bispectrum.MAX_TWOJMAX) {
            throw new IllegalArgumentException("twojmax must be in 0.." + Bispectrum.MAX_TWOJMAX + ", got "
                    + twojmax);
        }
        if (!(rmin0 >= 0) || !Double.isFinite(rmin0)) {
            throw new IllegalArgumentException("rmin0 must be a finite number >= 0 Angstrom, got " + rmin0);
        }
        if (species == null || species.isEmpty()) {
            throw new IllegalArgumentException("at least one species (atomic number, R_i, w_i) is required");
        }
        List<Species> sorted = new ArrayList<>(species);
        sorted.forEach(s -> Objects.requireNonNull(s, "species entry"));
        sorted.sort(Comparator.comparingInt(Species::z));
        double rMin = Double.POSITIVE_INFINITY;
        for (int k = 0; k < sorted.size(); k++) {
            if (k > 0 && sorted.get(k).z() == sorted.get(k - 1).z()) {
                throw new IllegalArgumentException("species lists atomic number " + sorted.get(k).z() + " twice");
            }
            rMin = Math.min(rMin, sorted.get(k).radius());
        }
        if (!(rmin0 < 2.0 * rMin * rcutfac)) {
            throw new IllegalArgumentException("rmin0 = " + rmin0 + " A must be smaller than the smallest pair cutoff "
                    + "rcutfac (R_i + R_j) = " + 2.0 * rMin * rcutfac + " A");
        }
        species = List.copyOf(sorted);
    }

    /** The bispectrum of these parameters. */
    @Override
    public Bispectrum create() {
        return new Bispectrum(this);
    }
}
