/**
 * The ice-phase data set (data/ice): turning LAMMPS runs of TIP4P/2005 water into labelled frames.
 *
 * <p>{@code tools/icedata/generate.sh} builds the initial crystals ({@link org.physml.ice.IceMain}) and runs the
 * LAMMPS protocols of the run table ({@link org.physml.ice.data.RunTable}, one {@link org.physml.ice.data.IceRun}
 * per row); {@link org.physml.ice.data.IceDataSet} then assembles every finished run
 * ({@link org.physml.ice.data.RunAssembler}: dump + {@link org.physml.ice.data.ThermoFile} -> frames with whole,
 * wrapped molecules by {@link org.physml.ice.data.WholeMolecules}) into one gzip-compressed extended-XYZ file per
 * class and a {@link org.physml.ice.data.Manifest}, and checks the result ({@link org.physml.ice.data.DataSetCheck}).
 * Two structural checks go into the manifest: the displacement of the O atoms from their lattice sites
 * ({@link org.physml.ice.data.SiteDisplacement}) and the global bond-orientational order Q6
 * ({@link org.physml.ice.data.GlobalBondOrder}). Units: Angstrom, ps, K, bar, g/cm^3.
 */
package org.physml.ice.data;
