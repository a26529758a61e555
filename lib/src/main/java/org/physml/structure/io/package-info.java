/**
 * Reading and writing atomic structures: extended XYZ as ASE reads and writes it ({@link
 * org.physml.structure.io.ExtXyz}, {@link org.physml.structure.io.ExtXyzReader}, {@link
 * org.physml.structure.io.ExtXyzWriter}), LAMMPS data files ({@link org.physml.structure.io.LammpsDataReader},
 * {@link org.physml.structure.io.LammpsDataWriter}) and LAMMPS text dumps ({@link
 * org.physml.structure.io.LammpsDumpReader}). Trajectories are read one {@link org.physml.structure.io.Frame} at a
 * time; gzip files are recognised by content. Malformed files throw {@link
 * org.physml.structure.io.StructureFileException} with the file name, line number and what was expected.
 */
package org.physml.structure.io;
