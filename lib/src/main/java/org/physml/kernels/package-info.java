/**
 * Kernel methods (notebook 11): Gaussian-process regression on SOAP as in GAP and a kernel support vector machine.
 *
 * <ul>
 *   <li>{@link org.physml.kernels.DotProductKernel}: k(p, p') = delta^2 (p^ . p'^)^zeta;</li>
 *   <li>{@link org.physml.kernels.SparseGaussianProcess}: sparse GP / kernel ridge regression of sums of atomic
 *       energies, predictive mean and variance (Commons Math linear algebra);</li>
 *   <li>{@link org.physml.kernels.FarthestPointSampling}: the sparse-point rule;
 *       {@link org.physml.kernels.SoapGap}: energies per structure from per-atom SOAP vectors;</li>
 *   <li>{@link org.physml.kernels.KernelSvm} (LIBSVM) and {@link org.physml.kernels.SvmPhaseStudy} on the ice-phase
 *       descriptors of {@code org.physml.ice.classify}.</li>
 * </ul>
 * The Coulomb matrix and its distance are in {@link org.physml.descriptors.CoulombMatrix}.
 */
package org.physml.kernels;
