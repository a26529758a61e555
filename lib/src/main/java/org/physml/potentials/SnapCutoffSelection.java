package org.physml.potentials;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;

import org.physml.descriptors.snap.Bispectrum;

/**
 * Chooses the pair cutoff r_cut of a SNAP model on a validation split of its training set, then refits on the whole
 * training set; the test set is never looked at.
 *
 * <p>The split is fixed by position: structure k of the training list is a validation structure when
 * {@code k % every == every - 1}, so that with data sets stored group by group (the mlearn sets: AIMD, elastic,
 * vacancy, surface structures) every group keeps about 1/every of its structures for validation. For each
 * candidate r_cut the model is fitted on the other structures with {@code fitter}, and the candidate with the
 * smallest {@link LinearSnapFitter#meanSquaredWeightedResidual validation loss} (the fit's own weighted objective,
 * energies and forces together) wins; ties go to the first candidate. This is how mlearn and FitSNAP choose SNAP
 * hyper-parameters, on a held-out part of the training data (Zuo et al., J. Phys. Chem. A 124, 731 (2020),
 * Sec. 2.2: hyper-parameters by grid search), with a single split instead of their cross-validation.
 */
public final class SnapCutoffSelection {
    private SnapCutoffSelection() {
    }

    /**
     * One candidate.
     *
     * @param cutoff         r_cut, Angstrom
     * @param validation     energy and force errors on the validation structures of the model fitted without them
     * @param validationLoss the fit's weighted objective on the validation structures (dimensionless)
     */
    public record Candidate(double cutoff, ErrorMetrics validation, double validationLoss) {
    }

    /**
     * The outcome.
     *
     * @param model      the model with the chosen cutoff, refitted on the whole training set
     * @param cutoff     the chosen r_cut, Angstrom
     * @param candidates every candidate in the order given
     */
    public record Result(LinearSnap model, double cutoff, List<Candidate> candidates) {
    }

    /**
     * The validation structures of the split ({@code k % every == every - 1}).
     *
     * @throws IllegalArgumentException if every &lt; 2 or the split leaves either part empty
     */
    public static List<LabelledStructure> validationPart(List<LabelledStructure> train, int every) {
        return part(train, every, true);
    }

    /** The fitting structures of the split (all others). @throws IllegalArgumentException as {@link #validationPart} */
    public static List<LabelledStructure> fittingPart(List<LabelledStructure> train, int every) {
        return part(train, every, false);
    }

    private static List<LabelledStructure> part(List<LabelledStructure> train, int every, boolean validation) {
        if (every < 2) {
            throw new IllegalArgumentException("every must be at least 2 (one structure in every validates), got "
                    + every);
        }
        if (train.size() < every) {
            throw new IllegalArgumentException("a validation split one in " + every + " needs at least " + every
                    + " training structures, got " + train.size());
        }
        List<LabelledStructure> out = new ArrayList<>();
        for (int k = 0; k < train.size(); k++) {
            if ((k % every == every - 1) == validation) {
                out.add(train.get(k));
            }
        }
        return out;
    }

    /**
     * Fits one model per candidate cutoff on the fitting part, keeps the best on the validation part and refits it
     * on all of {@code train}.
     *
     * @param species    the model's atomic numbers, in coefficient order
     * @param descriptor the bispectrum for a cutoff, Angstrom (e.g. {@code c -> SnapSetup.singleElement(z, c, 8, true)})
     * @param cutoffs    the candidates r_cut, Angstrom, at least one
     * @param every      one training structure in {@code every} validates
     * @param progress   told about each candidate when it is scored, may be null
     * @throws IllegalArgumentException if no cutoff is given, or as {@link #validationPart} and
     *                                  {@link LinearSnapFitter#fit}
     * @throws IllegalStateException    as {@link LinearSnapFitter#fit}
     */
    public static Result select(int[] species, DoubleFunction<Bispectrum> descriptor, double[] cutoffs,
                                LinearSnapFitter fitter, List<LabelledStructure> train, int every,
                                Consumer<Candidate> progress) {
        if (cutoffs.length == 0) {
            throw new IllegalArgumentException("at least one candidate cutoff is needed");
        }
        List<LabelledStructure> fitting = fittingPart(train, every);
        List<LabelledStructure> validation = validationPart(train, every);
        List<Candidate> candidates = new ArrayList<>();
        Candidate best = null;
        Bispectrum bestDescriptor = null;
        List<SnapFeatures> bestFittingRows = null;
        List<SnapFeatures> bestValidationRows = null;
        for (double cutoff : cutoffs) {
            Bispectrum b = descriptor.apply(cutoff);
            List<SnapFeatures> fittingRows = LinearSnapFitter.features(b, species, fitting);
            LinearSnap model = fitter.fit(b, species, fitting, fittingRows);
            List<SnapFeatures> rows = LinearSnapFitter.features(b, species, validation);
            List<Potential.EnergyAndForces> predicted = rows.stream().map(model::compute).toList();
            Candidate c = new Candidate(cutoff, Predictions.of(validation, predicted).metrics(),
                    fitter.meanSquaredWeightedResidual(model, validation, rows));
            candidates.add(c);
            if (progress != null) {
                progress.accept(c);
            }
            if (best == null || c.validationLoss() < best.validationLoss()) {
                best = c;
                bestDescriptor = b;
                bestFittingRows = fittingRows;
                bestValidationRows = rows;
            }
        }
        // refit on all of train with the rows already computed for the winner, put back in training-set order
        List<SnapFeatures> all = new ArrayList<>(train.size());
        int f = 0;
        int v = 0;
        for (int k = 0; k < train.size(); k++) {
            all.add(k % every == every - 1 ? bestValidationRows.get(v++) : bestFittingRows.get(f++));
        }
        LinearSnap model = fitter.fit(bestDescriptor, species, train, all);
        return new Result(model, best.cutoff(), List.copyOf(candidates));
    }
}
