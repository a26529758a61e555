/**
 * Pair potentials fitted by linear regression and the pair + many-body hybrid of lecture 11 (notebook 11).
 *
 * <ul>
 *   <li>{@link org.physml.pairpotential.InversePowerSum}: lattice sums of 1/r^k over pairs and periodic images
 *       (Ewald summation for k = 4, 6; windowed direct sums with a uniform-density rest otherwise);</li>
 *   <li>{@link org.physml.pairpotential.PairFeatures}: one row of S^k_ab per structure;
 *       {@link org.physml.pairpotential.PairPotentialFit}: least squares by QR;</li>
 *   <li>{@link org.physml.pairpotential.LennardJonesMixture}: random A_x B_y cells with Lennard-Jones energies, on
 *       which the fit must recover the coefficients;</li>
 *   <li>{@link org.physml.pairpotential.ManyBodyNetwork} (D-50-70-1, tanh(x) + gamma x) and
 *       {@link org.physml.pairpotential.PairManyBodyFit} (pair and network fitted in turn, eta_2body);</li>
 *   <li>{@link org.physml.pairpotential.NoveltyFilter}: grow a training set with structures whose features leave
 *       the range seen so far.</li>
 * </ul>
 */
package org.physml.pairpotential;
