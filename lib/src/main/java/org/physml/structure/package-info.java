/**
 * Atomic structures and their neighbourhoods: {@link org.physml.structure.Structure} (positions, atomic numbers,
 * cell, periodicity), {@link org.physml.structure.NeighbourList} (O(N) cell-list search of all neighbours and
 * periodic images within r_cut) with {@link org.physml.structure.LocalEnvironment} per centre, the periodic table
 * {@link org.physml.structure.Elements} and {@link org.physml.structure.Composition} (mass, density, formula).
 * File formats live in {@link org.physml.structure.io}.
 */
package org.physml.structure;
