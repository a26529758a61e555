package org.physml.md;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.physml.structure.Structure;

class MaxwellBoltzmannTest {

    /** 2000 H and 2000 Ar atoms on a line, far apart (no potential is needed to draw velocities). */
    private static MdState gas() {
        int n = 4000;
        double[][] p = new double[n][3];
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            p[i][0] = 10.0 * i;
            z[i] = i % 2 == 0 ? 1 : 18;
        }
        return MdState.of(Structure.molecule(p, z));
    }

    @Test
    void componentsHaveVarianceKTOverMAndTheTemperatureIsExact() {
        MdState s = gas();
        double t = 500;
        MaxwellBoltzmann.assign(s, t, 11);
        assertEquals(t, s.temperature(), 1e-9);
        double[] p = s.momentum();
        for (double c : p) {
            assertEquals(0, c, 1e-10);
        }
        for (int species = 0; species < 2; species++) {
            double sum = 0;
            int count = 0;
            double m = s.mass(species);
            double[][] v = s.velocities();
            for (int i = species; i < s.size(); i += 2) {
                for (int c = 0; c < 3; c++) {
                    sum += v[i][c] * v[i][c];
                    count++;
                }
            }
            double expected = MdUnits.K_B * t * MdUnits.EV_PER_ANGSTROM_AMU_IN_ANGSTROM_PER_FS2 / m;
            // 6000 samples: the relative standard error of the variance is sqrt(2/6000) = 1.8 %
            assertEquals(expected, sum / count, 0.06 * expected, "mass " + m);
        }
    }

    @Test
    void unitsAgreeWithTheEnergyEquivalentOfTheAtomicMassConstant() {
        // 1 u c^2 = 931.49410242 MeV (CODATA 2018, Tiesinga et al. 2021), c = 299792458 m/s exactly, so
        // 1 u (A/fs)^2 = 931.49410242e6 eV (1e5 / c)^2 = 103.6427 eV, the inverse of the acceleration factor
        double uAngPerFsSquared = 931.49410242e6 * Math.pow(1e5 / 299792458.0, 2);
        assertEquals(uAngPerFsSquared, 1 / MdUnits.EV_PER_ANGSTROM_AMU_IN_ANGSTROM_PER_FS2, 1e-7);
        assertEquals(103.6427, uAngPerFsSquared, 1e-4);
        assertEquals(8.617333262e-5, MdUnits.K_B, 1e-14);
        assertEquals(0.5 * uAngPerFsSquared, MdUnits.kineticEnergy(1.0, 1.0), 1e-7);
    }

    @Test
    void sameSeedSameVelocitiesOtherSeedOthers() {
        MdState a = gas(), b = gas(), c = gas();
        MaxwellBoltzmann.assign(a, 300, 1);
        MaxwellBoltzmann.assign(b, 300, 1);
        MaxwellBoltzmann.assign(c, 300, 2);
        assertTrue(Arrays.deepEquals(a.velocities(), b.velocities()));
        assertFalse(Arrays.deepEquals(a.velocities(), c.velocities()));
    }

    @Test
    void zeroTemperatureLeavesAtomsAtRestAndBadTemperaturesAreRejected() {
        MdState s = gas();
        MaxwellBoltzmann.assign(s, 0, 1);
        assertArrayEquals(new double[3], s.velocities()[5]);
        assertThrows(IllegalArgumentException.class, () -> MaxwellBoltzmann.assign(s, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> MaxwellBoltzmann.assign(s, Double.NaN, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MdState(Structure.molecule(new double[][]{{0, 0, 0}}, new int[]{1}), new double[]{0}));
        assertTrue(e.getMessage().contains("mass of atom 0"), e.getMessage());
    }
}
