package org.physml.descriptors;

import org.physml.structure.LocalEnvironment;

/**
 * A descriptor that also gives the derivatives of a centre's features with respect to its neighbours'
 * positions, as machine-learned potentials need for forces (F = -dE/dr) and stresses.
 *
 * <p>Convention (shared by the bispectrum of LAMMPS {@code compute snad/atom} and by NEP): entry k of the
 * environment is one neighbour image at r_k = r_j + n A - r_i; {@code grad[k][d][c] = d out[d] / d r_k,c}.
 * The derivative with respect to the centre's own position is minus the sum over k; an atom present as several
 * periodic images collects the sum over its images. Neighbours beyond the cutoff have zero rows.
 */
public interface DifferentiableDescriptor extends LocalDescriptor {

    /**
     * Features of one centre and their derivatives.
     *
     * @param env  neighbours of the centre within {@link #cutoff()}, centre excluded
     * @param out  receives the features, length {@link #featureCount()}
     * @param grad receives the derivatives, shape [env.size()][featureCount()][3], feature unit per Angstrom
     * @throws IllegalArgumentException on wrong shapes, or as {@link #compute(LocalEnvironment, double[])}
     */
    void computeWithGradient(LocalEnvironment env, double[] out, double[][][] grad);
}
