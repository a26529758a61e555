/**
 * The neuroevolution-potential (NEP) descriptor of GPUMD and NEP_CPU, reproduced number by number
 * (Z. Fan et al., Phys. Rev. B 104, 104309 (2021); J. Phys.: Condens. Matter 34, 125902 (2022)).
 *
 * <ul>
 *   <li>{@link org.physml.descriptors.nep.NepParameters}: hyper-parameters by name (species, cutoffs, n_max,
 *       basis_size, l_max) and the coefficients c and q_scaler, validated with GPUMD's limits.</li>
 *   <li>{@link org.physml.descriptors.nep.NepDescriptor}: the {@link org.physml.descriptors.Descriptor}
 *       (radial, three-, four- and five-body components) and its derivatives with respect to the neighbour
 *       vectors, as needed for forces.</li>
 *   <li>{@link org.physml.descriptors.nep.NepRadialBasis}: the Chebyshev radial basis and cutoff function.</li>
 *   <li>{@link org.physml.descriptors.nep.NepModel}, {@link org.physml.descriptors.nep.NepModelFile}: the
 *       nep.txt model file (read and write).</li>
 * </ul>
 *
 * <pre>{@code
 * NepParameters p = NepParameters.builder("Si").cutoff(5, 4).nMax(4, 4).basisSize(8, 8).lMax(4, 2, 1)
 *         .randomCoefficients(42).build();
 * double[][] q = new NepDescriptor(p).compute(structure);              // [atoms][p.dimension()]
 * NepModel m = NepModelFile.read(Path.of("nep.txt"));                  // a trained GPUMD model
 * double[][] qTrained = new NepDescriptor(m.descriptor()).compute(structure);
 * }</pre>
 */
package org.physml.descriptors.nep;
