package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physml.structure.Structure;

class EquationOfStateTest {
    private static final BirchMurnaghan REF = new BirchMurnaghan(-5.42, 20.45, 0.55, 4.2);

    /** E(V0) = E0, dE/dV = 0 at V0 and V d^2E/dV^2 = B0 at V0 (definitions of V0 and B0). */
    @Test
    void energyFormHasTheRightMinimumAndCurvature() {
        double v0 = REF.v0();
        double h = 1e-3;
        assertEquals(REF.e0(), REF.energy(v0), 1e-14);
        assertEquals(0.0, (REF.energy(v0 + h) - REF.energy(v0 - h)) / (2 * h), 1e-7);
        double second = (REF.energy(v0 + h) - 2 * REF.energy(v0) + REF.energy(v0 - h)) / (h * h);
        assertEquals(REF.b0(), v0 * second, 1e-5);
        // B' = dB/dP at V0: with P = -dE/dV and B = V d^2E/dV^2, dB/dP = -(dB/dV) / (d^2E/dV^2)
        double hb = 1e-2;
        double bPlus = bulk(v0 + hb), bMinus = bulk(v0 - hb);
        assertEquals(REF.b0Prime(), -(bPlus - bMinus) / (2 * hb) / second, 1e-3);
        assertEquals(0.55 * BirchMurnaghan.GPA_PER_EV_PER_A3, REF.bulkModulusGPa(), 1e-9);
        assertEquals(Math.cbrt(20.45 * 8), REF.cubicLatticeConstant(8), 1e-12);
    }

    private static double bulk(double v) {
        double h = 1e-3;
        return v * (REF.energy(v + h) - 2 * REF.energy(v) + REF.energy(v - h)) / (h * h);
    }

    @Test
    void fitRecoversTheParametersOfExactPoints() {
        double[] v = new double[11];
        double[] e = new double[11];
        for (int k = 0; k < v.length; k++) {
            v[k] = REF.v0() * (0.92 + 0.016 * k);
            e[k] = REF.energy(v[k]);
        }
        BirchMurnaghan fit = BirchMurnaghan.fit(v, e);
        assertEquals(REF.e0(), fit.e0(), 1e-9);
        assertEquals(REF.v0(), fit.v0(), 1e-7);
        assertEquals(REF.b0(), fit.b0(), 1e-6);
        assertEquals(REF.b0Prime(), fit.b0Prime(), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> BirchMurnaghan.fit(new double[]{1, 2, 3, 4, 5},
                new double[]{1, 2, 3, 2, 1}));
        assertThrows(IllegalArgumentException.class, () -> BirchMurnaghan.fit(new double[]{1, 2}, new double[]{1, 2}));
    }

    /**
     * Delta is zero for identical curves and for curves differing only in E0, symmetric, and equal to an
     * independent midpoint-rule evaluation of its definition (100 points, as ASE's deltacodesdft.delta).
     */
    @Test
    void deltaGaugeFollowsItsDefinition() {
        BirchMurnaghan other = new BirchMurnaghan(-3.0, 20.9, 0.50, 4.6);
        assertEquals(0.0, DeltaGauge.delta(REF, REF), 1e-12);
        assertEquals(0.0, DeltaGauge.delta(REF, new BirchMurnaghan(7.0, REF.v0(), REF.b0(), REF.b0Prime())), 1e-12);
        double d = DeltaGauge.delta(REF, other);
        assertEquals(d, DeltaGauge.delta(other, REF), 1e-15);
        double vm = 0.5 * (REF.v0() + other.v0());
        double va = 0.94 * vm, vb = 1.06 * vm;
        int n = 20000;
        double dv = (vb - va) / n;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double v = va + (k + 0.5) * dv;
            double diff = (REF.energy(v) - REF.e0()) - (other.energy(v) - other.e0());
            sum += diff * diff * dv;
        }
        assertEquals(Math.sqrt(sum / (vb - va)), d, 1e-9);
        assertTrue(d > 1e-3, "a 2 % volume shift gives a Delta of meV/atom or more, got " + d);
    }

    /** Isotropic scaling: volume scales by s^3, fractional coordinates are unchanged; diamond has 8 atoms. */
    @Test
    void scanScalesCellsIsotropically() {
        Structure c = EquationOfStateScan.diamond(14, 5.43);
        assertEquals(8, c.size());
        assertEquals(5.43 * 5.43 * 5.43, c.volume(), 1e-9);
        Structure s = EquationOfStateScan.scaled(c, 1.1);
        assertEquals(c.volume() * 1.331, s.volume(), 1e-9);
        assertEquals(0.25 * 5.43 * 1.1, s.position(4)[0], 1e-12);
        // a pair potential whose energy per atom is known in closed form: E = sum over pairs of (r - 3)^2 for r < 3
        Potential pair = new Potential() {
            @Override
            public double cutoff() {
                return 3.0;
            }

            @Override
            public EnergyAndForces compute(Structure st) {
                org.physml.structure.NeighbourList nl = org.physml.structure.NeighbourList.build(st, 3.0);
                double e = 0;
                for (int i = 0; i < st.size(); i++) {
                    for (double r : nl.environment(i).distance()) {
                        e += 0.5 * (r - 3.0) * (r - 3.0);
                    }
                }
                return new EnergyAndForces(e, new double[st.size()][3]);
            }
        };
        EquationOfStateScan.Curve curve = EquationOfStateScan.scan(pair, c, 0.9, 1.1, 3);
        for (int k = 0; k < 3; k++) {
            double a = Math.cbrt(curve.volumePerAtom()[k] * 8);
            double r = a * Math.sqrt(3) / 4;   // nearest-neighbour distance, 4 neighbours, only shell within 3 A
            assertEquals(4 * 0.5 * (r - 3) * (r - 3), curve.energyPerAtom()[k], 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> EquationOfStateScan.scan(pair, c, 1.1, 0.9, 3));
        assertThrows(IllegalArgumentException.class, () -> EquationOfStateScan.scaled(c, -1));
    }
}
