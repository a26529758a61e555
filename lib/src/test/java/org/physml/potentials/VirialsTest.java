package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.physml.md.LennardJones;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

class VirialsTest {
    private static final LennardJones LJ = new LennardJones(0.0104, 3.4, 8.5);

    private static Structure rattledFcc(long seed) {
        Structure s = LJ.fcc(18, 2);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] p = s.positions();
        for (double[] r : p) {
            for (int a = 0; a < 3; a++) {
                r[a] += 0.15 * (rnd.nextDouble() - 0.5);
            }
        }
        double[][] cell = s.cell();
        cell[0][1] += 0.3;     // a triclinic cell
        return new Structure(p, s.atomicNumbers(), cell, s.pbc());
    }

    /** The pair virial W_ab = -1/2 sum_i sum_k phi'(r_ik) r_ik,a r_ik,b / r_ik (every pair counted from both ends). */
    private static double[] analytic(Structure s) {
        NeighbourList nl = NeighbourList.build(s, LJ.cutoff());
        double[] w = new double[6];
        for (int i = 0; i < s.size(); i++) {
            LocalEnvironment env = nl.environment(i);
            for (int k = 0; k < env.size(); k++) {
                double r = env.distance()[k];
                double h = 1e-6;
                double dPhi = (LJ.pairEnergy(r + h) - LJ.pairEnergy(r - h)) / (2 * h);
                for (int c = 0; c < 6; c++) {
                    int a = LabelledStructure.VIRIAL_COMPONENTS[c][0];
                    int b = LabelledStructure.VIRIAL_COMPONENTS[c][1];
                    w[c] -= 0.5 * dPhi * env.r()[k][a] * env.r()[k][b] / r;
                }
            }
        }
        return w;
    }

    @Test
    void finiteDifferenceMatchesThePairVirialOfLennardJones() {
        Structure s = rattledFcc(7);
        double[] fd = Virials.finiteDifference(LJ, s);
        double[] want = analytic(s);
        for (int c = 0; c < 6; c++) {
            assertEquals(want[c], fd[c], 1e-6 + 1e-5 * Math.abs(want[c]), "component " + c);
        }
        assertTrue(Math.abs(want[3]) > 1e-3, "the rattled triclinic cell has a shear virial: " + want[3]);
    }

    @Test
    void rmseIsZeroOnItsOwnVirialsAndMeasuresAKnownOffset() {
        List<LabelledStructure> own = new ArrayList<>();
        List<LabelledStructure> offset = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            Structure s = rattledFcc(seed);
            Potential.EnergyAndForces ef = LJ.compute(s);
            double[] w = analytic(s);
            double[] kbar = new double[6];
            double[] shifted = new double[6];
            for (int c = 0; c < 6; c++) {
                kbar[c] = w[c] / s.volume() * LabelledStructure.KBAR_PER_EV_PER_A3;
                // W per atom off by 2 meV/atom in every component
                shifted[c] = (w[c] + 0.002 * s.size()) / s.volume() * LabelledStructure.KBAR_PER_EV_PER_A3;
            }
            own.add(new LabelledStructure(s, ef.energy(), ef.forces(), kbar, "", ""));
            offset.add(new LabelledStructure(s, ef.energy(), ef.forces(), shifted, "", ""));
        }
        own.add(new LabelledStructure(rattledFcc(9), 0, new double[32][3], null, "", "no virial: skipped"));
        assertEquals(0.0, Virials.rmsePerAtom(LJ, own), 1e-4);
        assertEquals(2.0, Virials.rmsePerAtom(LJ, offset), 1e-3);
        assertThrows(IllegalArgumentException.class, () -> Virials.rmsePerAtom(LJ, own.subList(3, 4)));
        assertThrows(IllegalArgumentException.class, () -> Virials.finiteDifference(LJ, rattledFcc(1), 0.0));
    }
}
