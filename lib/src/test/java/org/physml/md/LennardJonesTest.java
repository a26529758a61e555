package org.physml.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.physml.potentials.Potential;
import org.physml.structure.Rattle;
import org.physml.structure.Structure;

class LennardJonesTest {

    @Test
    void forcesAreMinusTheEnergyGradient() {
        Structure s = Rattle.gaussian(MdTestSystems.fcc(2), 0.1, 3);
        Potential.EnergyAndForces ef = MdTestSystems.LJ.compute(s);
        double h = 1e-5;
        for (int i : new int[]{0, 7, 31}) {
            for (int c = 0; c < 3; c++) {
                double[][] p = s.positions();
                p[i][c] += h;
                double ePlus = MdTestSystems.LJ.energy(new Structure(p, s.atomicNumbers(), s.cell(), s.pbc()));
                p[i][c] -= 2 * h;
                double eMinus = MdTestSystems.LJ.energy(new Structure(p, s.atomicNumbers(), s.cell(), s.pbc()));
                assertEquals(-(ePlus - eMinus) / (2 * h), ef.forces()[i][c], 1e-8, "atom " + i + " axis " + c);
            }
        }
    }

    @Test
    void pairEnergyAndForceVanishContinuouslyAtTheCutoff() {
        LennardJones lj = MdTestSystems.LJ;
        double rc = lj.cutoff();
        assertEquals(0, lj.pairEnergy(rc), 0);
        assertEquals(0, lj.pairEnergy(rc - 1e-6), 1e-15);
        double slope = (lj.pairEnergy(rc - 1e-4) - lj.pairEnergy(rc - 2e-4)) / 1e-4;
        // phi_sf'(r) = phi'(r) - phi'(r_c) = O(r_c - r); the unshifted phi'(r_c) is 1.1e-4 eV/A here
        assertEquals(0, slope, 1e-7);
        // two atoms: E = phi_sf(r)
        Structure pair = Structure.molecule(new double[][]{{0, 0, 0}, {3.9, 0, 0}}, new int[]{18, 18});
        assertEquals(lj.pairEnergy(3.9), lj.energy(pair), 1e-15);
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LennardJones(-1, 3.4, 8));
        assertThrows(IllegalArgumentException.class, () -> new LennardJones(0.01, 3.4, 3.0));
    }
}
