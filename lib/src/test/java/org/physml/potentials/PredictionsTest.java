package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.physml.descriptors.snap.Bispectrum;
import org.physml.structure.Structure;

class PredictionsTest {

    /** A potential that predicts zero energy and zero forces for everything. */
    private static final Potential ZERO = new Potential() {
        @Override
        public double cutoff() {
            return 1.0;
        }

        @Override
        public EnergyAndForces compute(Structure s) {
            return new EnergyAndForces(0.0, new double[s.size()][3]);
        }
    };

    /** Against a zero model the errors are the DFT labels themselves, summed here by hand. */
    @Test
    void errorsOfTheZeroModelAreTheLabels() {
        List<LabelledStructure> data = PotentialTestData.siliconTest().subList(0, 6);
        double eAbs = 0, eSq = 0, fAbs = 0, fSq = 0;
        int nf = 0;
        for (LabelledStructure d : data) {
            double e = 1000 * d.energy() / d.size();
            eAbs += Math.abs(e);
            eSq += e * e;
            for (double[] f : d.forces()) {
                for (double x : f) {
                    fAbs += Math.abs(x);
                    fSq += x * x;
                    nf++;
                }
            }
        }
        Predictions p = Predictions.evaluate(ZERO, data);
        ErrorMetrics m = p.metrics();
        assertEquals(eAbs / 6, m.energyMae(), 1e-9);
        assertEquals(Math.sqrt(eSq / 6), m.energyRmse(), 1e-9);
        assertEquals(fAbs / nf, m.forceMae(), 1e-12);
        assertEquals(Math.sqrt(fSq / nf), m.forceRmse(), 1e-12);
        assertEquals(nf, m.components());
        assertEquals(nf, p.forceComponentsDft().length);
        assertEquals(data.get(2).forces()[1][2], p.forceComponentsDft()[3 * data.get(0).size()
                + 3 * data.get(1).size() + 3 + 2], 0.0, "layout: structure, atom, component");
        assertEquals(data.get(4).group(), p.groups().get(4));
        assertEquals(m, ErrorMetrics.evaluate(ZERO, data));
    }

    /** SNAP predictions from the rows of the fit equal those computed from the structures. */
    /** The errors per group weigh back to the errors of the whole set (structures for E, components for F). */
    @Test
    void groupErrorsAddUpToTheWholeSet() {
        List<LabelledStructure> data = PotentialTestData.siliconTest();
        Bispectrum b = SnapSetup.singleElement(14, 4.5, 2);
        int[] species = {14};
        List<SnapFeatures> rows = LinearSnapFitter.features(b, species, data);
        LinearSnap snap = SnapSetup.fitter().fit(b, species, data, rows);
        List<Potential.EnergyAndForces> pred = rows.stream().map(snap::compute).toList();
        ErrorMetrics all = Predictions.of(data, pred).metrics();
        var byGroup = Predictions.metricsByGroup(data, pred);
        assertEquals(4, byGroup.size(), byGroup.keySet().toString());
        double e = 0, f = 0;
        int n = 0, c = 0;
        for (ErrorMetrics m : byGroup.values()) {
            e += m.energyMae() * m.structures();
            f += m.forceMae() * m.components();
            n += m.structures();
            c += m.components();
        }
        assertEquals(data.size(), n);
        assertEquals(all.energyMae(), e / n, 1e-9 * all.energyMae());
        assertEquals(all.forceMae(), f / c, 1e-9 * all.forceMae());
    }

    @Test
    void snapRowsGiveTheSamePredictions() {
        List<LabelledStructure> data = PotentialTestData.siliconTraining().subList(100, 112);
        Bispectrum b = SnapSetup.singleElement(14, 4.5, 2);
        int[] species = {14};
        List<SnapFeatures> rows = LinearSnapFitter.features(b, species, data);
        LinearSnap snap = SnapSetup.fitter().fit(b, species, data, rows);
        List<Potential.EnergyAndForces> fromRows = new ArrayList<>();
        for (SnapFeatures f : rows) {
            fromRows.add(snap.compute(f));
        }
        Predictions a = Predictions.of(data, fromRows);
        Predictions c = Predictions.evaluate(snap, data);
        assertArrayEquals(c.energyPerAtomModel(), a.energyPerAtomModel(), 1e-12);
        assertArrayEquals(c.forceComponentsModel(), a.forceComponentsModel(), 1e-12);
        LinearSnap other = SnapSetup.fitter().fit(SnapSetup.singleElement(14, 4.5, 4), species, data);
        assertThrows(IllegalArgumentException.class, () -> other.compute(rows.get(0)));
        assertThrows(IllegalArgumentException.class, () -> Predictions.of(data, fromRows.subList(0, 3)));
        assertThrows(IllegalArgumentException.class, () -> Predictions.of(List.of(), List.of()));
    }
}
