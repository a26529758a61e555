/**
 * Machine-learned interatomic potentials fitted to DFT energies and forces (notebook 10).
 *
 * <ul>
 *   <li>Data: {@link org.physml.potentials.MlearnReader} reads the mlearn sets of Zuo et al., J. Phys. Chem. A
 *       124, 731 (2020) into {@link org.physml.potentials.LabelledStructure}s;
 *       {@link org.physml.potentials.Predictions} pairs predictions with the labels (parity plots) and
 *       {@link org.physml.potentials.ErrorMetrics} gives MAE/RMSE in meV/atom and eV/Angstrom;
 *       {@link org.physml.potentials.EvaluationCost} times evaluations per atom on one core.</li>
 *   <li>Linear SNAP: {@link org.physml.potentials.SnapFeatures} (energy and force rows),
 *       {@link org.physml.potentials.LinearSnapFitter} (weighted least squares, QR),
 *       {@link org.physml.potentials.LinearSnap}, settings in {@link org.physml.potentials.SnapSetup}.</li>
 *   <li>NEP-style network: {@link org.physml.potentials.NepSetup} (descriptor),
 *       {@link org.physml.potentials.NepTrainingSet} (descriptors, Jacobians, q_scaler),
 *       {@link org.physml.potentials.NepTrainer} (SameDiff, GPUMD's loss, Adam),
 *       {@link org.physml.potentials.NepPotential}, {@link org.physml.potentials.NepPotentialFile},
 *       {@link org.physml.potentials.NepEnsemble} (force deviation of several seeds),
 *       {@link org.physml.structure.Rattle} (rattled structures to probe it). Trained models ship in
 *       {@code data/potentials/Si} (see its README).</li>
 *   <li>Published models of Zuo et al. ({@code data/mlearn/models}): {@link org.physml.potentials.PublishedModels};
 *       {@link org.physml.potentials.LammpsSnapFile} (LAMMPS SNAP/qSNAP files into a
 *       {@link org.physml.potentials.LinearSnap}), {@link org.physml.potentials.N2p2ModelFiles} (n2p2 files into a
 *       {@link org.physml.potentials.BehlerParrinelloPotential} with {@link org.physml.potentials.BehlerSymmetryFunction}s
 *       and an {@link org.physml.potentials.AtomicNetwork}); {@link org.physml.potentials.ModelErrors} (the error
 *       table and its JSON).</li>
 *   <li>Equation of state: {@link org.physml.potentials.EquationOfStateScan},
 *       {@link org.physml.potentials.BirchMurnaghan}, {@link org.physml.potentials.DeltaGauge}.</li>
 * </ul>
 *
 * <pre>{@code
 * List<LabelledStructure> train = MlearnReader.read(CoursePaths.data("mlearn/Si/training.json.gz"));
 * LinearSnap snap = SnapSetup.fitter().fit(SnapSetup.silicon(), new int[]{14}, train);
 * NepTrainingSet raw = NepTrainingSet.compute(NepSetup.silicon(), train);
 * NepTrainingSet set = raw.scaled(raw.qScaler());
 * NepPotential nep = NepTrainer.train(set, NepTrainingConfig.defaults(), null).potential();
 * BirchMurnaghan eos = EquationOfStateScan.scan(snap, EquationOfStateScan.diamond(14, 5.469), 0.94, 1.06, 7).fit();
 * }</pre>
 */
package org.physml.potentials;
