package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.physml.structure.Structure;

class SnapCutoffSelectionTest {

    @Test
    void splitIsDisjointCompleteAndTakesOneInEvery() {
        List<LabelledStructure> data = PotentialTestData.molybdenumTest();
        List<LabelledStructure> val = SnapCutoffSelection.validationPart(data, 5);
        List<LabelledStructure> fit = SnapCutoffSelection.fittingPart(data, 5);
        assertEquals(data.size() / 5, val.size());
        assertEquals(data.size(), val.size() + fit.size());
        Set<LabelledStructure> seen = new HashSet<>(fit);
        for (LabelledStructure v : val) {
            assertTrue(seen.add(v), "a structure is in both parts");
        }
        assertEquals(data.get(4), val.get(0));
        assertThrows(IllegalArgumentException.class, () -> SnapCutoffSelection.validationPart(data, 1));
        assertThrows(IllegalArgumentException.class,
                () -> SnapCutoffSelection.fittingPart(data.subList(0, 3), 5));
    }

    /**
     * Data labelled by Zuo et al.'s quadratic SNAP for Mo (r_cut 5.2 A, 2J_max 6, quadraticflag 1) are fitted
     * exactly by a quadratic SNAP of the same cutoff and not by another one; the selection must find 5.2 A, and the
     * refitted model must reproduce the published one on a structure it was not fitted to.
     */
    @Test
    void recoversTheCutoffAndTheModelThatMadeTheLabels() throws IOException {
        Potential published = PublishedModels.load("Mo", PublishedModels.Kind.QSNAP);
        List<LabelledStructure> structures = PotentialTestData.molybdenumTest();
        List<LabelledStructure> labelled = new ArrayList<>();
        for (LabelledStructure d : structures.subList(0, structures.size() - 1)) {
            Potential.EnergyAndForces p = published.compute(d.structure());
            labelled.add(new LabelledStructure(d.structure(), p.energy(), p.forces(), null, d.group(), d.description()));
        }
        LinearSnapFitter fitter = new LinearSnapFitter(100.0, 1.0, 0.0);
        List<SnapCutoffSelection.Candidate> told = new ArrayList<>();
        SnapCutoffSelection.Result r = SnapCutoffSelection.select(new int[]{42},
                c -> SnapSetup.singleElement(42, c, 6, true), new double[]{4.6, 5.2}, fitter, labelled, 5, told::add);
        assertEquals(5.2, r.cutoff());
        assertEquals(r.candidates(), told);
        SnapCutoffSelection.Candidate wrong = r.candidates().get(0);
        SnapCutoffSelection.Candidate right = r.candidates().get(1);
        assertTrue(right.validation().forceMae() < 1e-6, "exact model, force MAE " + right.validation().forceMae());
        assertTrue(right.validation().energyMae() < 1e-5, "exact model, energy MAE " + right.validation().energyMae());
        assertTrue(wrong.validation().forceMae() > 1e-3, "another cutoff cannot be exact: " + wrong.validation());
        assertTrue(wrong.validationLoss() > 1e6 * right.validationLoss());
        assertEquals(496, r.model().coefficients().length);

        Structure unseen = structures.get(structures.size() - 1).structure();
        Potential.EnergyAndForces want = published.compute(unseen);
        Potential.EnergyAndForces got = r.model().compute(unseen);
        assertEquals(want.energy(), got.energy(), 1e-6 * unseen.size());
        for (int i = 0; i < unseen.size(); i++) {
            for (int a = 0; a < 3; a++) {
                assertEquals(want.forces()[i][a], got.forces()[i][a], 1e-6);
            }
        }
    }

    @Test
    void refusesAnEmptyCandidateList() {
        assertThrows(IllegalArgumentException.class, () -> SnapCutoffSelection.select(new int[]{42},
                c -> SnapSetup.singleElement(42, c, 2), new double[0], SnapSetup.fitter(),
                PotentialTestData.molybdenumTest(), 5, null));
    }
}
