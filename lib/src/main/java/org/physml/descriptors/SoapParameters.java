package org.physml.descriptors;

import java.util.List;
import java.util.Objects;

import org.physml.structure.Elements;

/**
 * The parameters of {@link Soap}, with DScribe 2.1's names, meanings and limits (registered as {@code "soap"}).
 *
 * @param rCut        r_cut, Angstrom: &gt; 1 for the "gto" basis, &gt; 0 for "polynomial"
 * @param nMax        n_max, number of radial basis functions, &gt;= 1
 * @param lMax        l_max, largest degree of the spherical harmonics, 0..{@value Soap#MAX_L}
 * @param sigma       width of the atomic Gaussians, Angstrom, &gt; 0
 * @param rbf         the radial basis
 * @param species     atomic numbers of every species that may occur, sorted ascending (given in any order, once
 *                    each)
 * @param average     averaging over centres
 * @param compression which species blocks are kept
 */
public record SoapParameters(double rCut, int nMax, int lMax, double sigma, Rbf rbf, List<Integer> species,
                             Average average, Compression compression) implements DescriptorParameters {

    /** Radial basis: Gaussian-type orbitals orthonormalised as DScribe ("gto") or DScribe's polynomials. */
    public enum Rbf {
        /** {@link org.physml.descriptors.soap.GtoRadialBasis}. */
        GTO,
        /** {@link org.physml.descriptors.soap.PolynomialRadialBasis}. */
        POLYNOMIAL
    }

    /** Averaging over centres ({@link Soap#computeAverage}). */
    public enum Average {
        /** One power spectrum per centre. */
        OFF,
        /** The power spectrum of the centre-averaged coefficients. */
        INNER,
        /** The mean of the per-centre power spectra. */
        OUTER
    }

    /** Species blocks kept (DScribe's "mu2" and "mu1nu1" are not provided). */
    public enum Compression {
        /** Every species pair. */
        OFF,
        /** Same-species blocks only. */
        CROSSOVER
    }

    /**
     * @throws IllegalArgumentException on a value outside the ranges above (the message names the parameter, the
     *                                  value and what is allowed)
     */
    public SoapParameters {
        Objects.requireNonNull(rbf, "rbf is required ('gto' or 'polynomial')");
        Objects.requireNonNull(average, "average is required ('off', 'inner' or 'outer')");
        Objects.requireNonNull(compression, "compression is required ('off' or 'crossover')");
        if (species == null) {
            throw new IllegalArgumentException("species is required (the atomic numbers that may occur)");
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("only positive finite gaussian widths sigma are allowed, got "
                    + sigma + " Angstrom");
        }
        if (rbf == Rbf.GTO && !(rCut > 1)) {
            throw new IllegalArgumentException("with the gaussian radial basis set (gto) the radial cutoff r_cut"
                    + " must be bigger than 1 Angstrom, got " + rCut);
        }
        if (!(rCut > 0) || !Double.isFinite(rCut)) {
            throw new IllegalArgumentException("r_cut must be a finite positive number of Angstrom, got " + rCut);
        }
        if (nMax < 1) {
            throw new IllegalArgumentException("must have at least one radial basis function, got n_max = " + nMax);
        }
        if (lMax < 0) {
            throw new IllegalArgumentException("l_max cannot be negative, got l_max = " + lMax);
        }
        if (lMax > Soap.MAX_L) {
            throw new IllegalArgumentException("the maximum available l_max for SOAP is " + Soap.MAX_L
                    + ", got l_max = " + lMax);
        }
        species = Elements.sortedSpecies(species);
    }

    /** The species as an array, ascending. */
    public int[] speciesArray() {
        return species.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The SOAP of these parameters. */
    @Override
    public Soap create() {
        return new Soap(this);
    }
}
