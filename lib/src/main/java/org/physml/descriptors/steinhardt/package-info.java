/**
 * Steinhardt bond-orientational order parameters q_l, w_l, what_l and their Lechner-Dellago neighbour averages,
 * number for number as LAMMPS {@code compute orientorder/atom} computes them (P. J. Steinhardt, D. R. Nelson and
 * M. Ronchetti, Phys. Rev. B 28, 784 (1983); W. Lechner and C. Dellago, J. Chem. Phys. 129, 114707 (2008)).
 *
 * <ul>
 *   <li>{@link org.physml.descriptors.steinhardt.Steinhardt}: the {@link org.physml.descriptors.Descriptor}, its
 *       builder and the preset {@link org.physml.descriptors.steinhardt.Steinhardt#faureBeaulieu2024()} of
 *       Faure Beaulieu, Deringer and Martelli, J. Chem. Phys. 160, 081101 (2024).</li>
 *   <li>{@link org.physml.descriptors.steinhardt.LammpsOrientOrder}: builds one from the arguments of a LAMMPS
 *       compute orientorder/atom command.</li>
 *   <li>{@link org.physml.descriptors.steinhardt.InsufficientNeighbours}: zeros (LAMMPS) or an exception for atoms
 *       with too few neighbours.</li>
 * </ul>
 *
 * <pre>{@code
 * Steinhardt s = Steinhardt.builder().rCut(3.5).nearestNeighbours(12).q(4, 6).qBar(4, 6).wHat(4, 6).build();
 * double[][] x = s.compute(structure);                                   // [atoms][s.featureCount()]
 * Steinhardt lmp = LammpsOrientOrder.parse("nnn NULL cutoff 3.5 degrees 2 4 6 wl/hat yes");
 * double[][] ice = Steinhardt.faureBeaulieu2024().compute(water, Steinhardt.atomsOfSpecies(water, 8));
 * }</pre>
 */
package org.physml.descriptors.steinhardt;
