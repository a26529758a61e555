/**
 * Proton-disordered ice (what GenIce does: M. Matsumoto, T. Yagasaki and H. Tanaka, J. Comput. Chem. 39, 61
 * (2018)), in Java.
 *
 * <p>{@link org.physml.ice.IceBuilder} builds ices Ih, Ic, II, III, V, VI and VII ({@link org.physml.ice.IcePhase}):
 * <ol>
 *   <li>the O sites of the crystallographic cell from the phase's data file (lattice parameters, space-group
 *       operations, Wyckoff positions, each with its literature source; {@link org.physml.ice.IceCrystal},
 *       {@link org.physml.ice.OxygenLattice});</li>
 *   <li>a supercell ({@link org.physml.ice.OxygenLattice#supercell(int[][])});</li>
 *   <li>the hydrogen-bond graph, 4 bonds per O, two separate networks in ices VI and VII
 *       ({@link org.physml.ice.HydrogenBondNetwork});</li>
 *   <li>a random proton arrangement obeying the ice rules, then depolarised
 *       ({@link org.physml.ice.ProtonArrangement});</li>
 *   <li>rigid water molecules with TIP4P/2005 geometry on it ({@link org.physml.ice.HydrogenPlacement},
 *       {@link org.physml.ice.WaterModel}), returned as a {@link org.physml.ice.WaterSystem} with molecule
 *       topology for LAMMPS ({@link org.physml.ice.IceFiles}).</li>
 * </ol>
 * Units: Angstrom, degrees, elementary charges, g/cm^3.
 */
package org.physml.ice;
