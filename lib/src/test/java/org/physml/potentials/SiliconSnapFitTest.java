package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Fit of the linear SNAP to the full mlearn Si training set (deterministic: a linear least-squares problem).
 * Measured on the development machine: test energy MAE 5.94 meV/atom, test force MAE 0.127 eV/A (train
 * 6.93 meV/atom, 0.115 eV/A). Asserted with margin.
 */
class SiliconSnapFitTest {

    @Test
    void fitReachesTheMeasuredAccuracyAndTheDftLatticeConstant() {
        List<LabelledStructure> train = PotentialTestData.siliconTraining();
        List<LabelledStructure> test = PotentialTestData.siliconTest();
        LinearSnap snap = SnapSetup.fitter().fit(SnapSetup.silicon(), new int[]{14}, train);
        ErrorMetrics m = ErrorMetrics.evaluate(snap, test);
        assertTrue(m.energyMae() < 8.0, "test energy MAE " + m.energyMae() + " meV/atom");
        assertTrue(m.forceMae() < 0.15, "test force MAE " + m.forceMae() + " eV/A");
        assertTrue(m.forceMae() > 0.05, "a linear SNAP is not expected to beat 0.05 eV/A: " + m.forceMae());

        // the fitted model's forces are minus the finite-difference gradient of its energy
        org.physml.structure.Structure s = test.get(3).structure();
        double[][] f = snap.compute(s).forces();
        double h = 1e-4;
        for (int a = 0; a < 3; a++) {
            double fd = -(snap.energy(LinearSnapTest.displaced(s, 5, a, h))
                    - snap.energy(LinearSnapTest.displaced(s, 5, a, -h))) / (2 * h);
            assertEquals(fd, f[5][a], 1e-5 * (1 + Math.abs(fd)), "axis " + a);
        }

        // equation of state of diamond Si: the DFT ground state of the data set ("Ground state crystal",
        // 64 atoms, 20.444 A^3/atom) has a = 5.469 A; the fit must reproduce it within 1 %
        LabelledStructure ground = train.stream().filter(d -> d.description().contains("Ground state"))
                .findFirst().orElseThrow();
        double aDft = Math.cbrt(ground.structure().volume() / ground.size() * 8);
        assertEquals(5.469, aDft, 1e-3);
        EquationOfStateScan.Curve c = EquationOfStateScan.scan(snap, EquationOfStateScan.diamond(14, aDft),
                0.94, 1.06, 7);
        BirchMurnaghan eos = c.fit();
        assertEquals(aDft, eos.cubicLatticeConstant(8), 0.01 * aDft);
        // energy per atom at the minimum: DFT -5.4253 eV/atom (the same entry); within the test MAE margin
        assertEquals(ground.energyPerAtom(), eos.e0(), 0.02);
        // bulk modulus against the DFT one from the data: B = (C11 + 2 C12)/3 with C11, C12 from the stresses of
        // the uniaxial "Elastic" mode-0 entries at strain +-0.02 (central difference; kbar -> GPa: / 10)
        double c11 = (stress(train, "mode 0, strain -0.02", 0) - stress(train, "mode 0, strain 0.02", 0)) / 0.04 / 10;
        double c12 = (stress(train, "mode 0, strain -0.02", 1) - stress(train, "mode 0, strain 0.02", 1)) / 0.04 / 10;
        double bDft = (c11 + 2 * c12) / 3;
        assertEquals(bDft, eos.bulkModulusGPa(), 0.15 * bDft, "DFT B = " + bDft + " GPa");
    }

    private static double stress(List<LabelledStructure> data, String description, int component) {
        return data.stream().filter(d -> d.description().endsWith(description)).findFirst().orElseThrow()
                .virialStress()[component];
    }
}
