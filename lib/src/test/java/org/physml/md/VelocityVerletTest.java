package org.physml.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physml.structure.Structure;

class VelocityVerletTest {

    /** One atom of mass m in a harmonic well, displaced by x0 along x, at rest. */
    private static MdState oscillator(double mass, double x0) {
        MdState s = new MdState(Structure.molecule(new double[][]{{x0, 0, 0}}, new int[]{14}), new double[]{mass});
        return s;
    }

    @Test
    void harmonicOscillatorFollowsTheExactDiscreteSolution() {
        // velocity Verlet is the Stoermer recursion x_{n+1} = 2 x_n - x_{n-1} - (omega dt)^2 x_n, solved exactly by
        // x_n = x0 cos(n theta) with cos(theta) = 1 - (omega dt)^2 / 2 when the oscillator starts at rest
        double k = 2.0, m = 28.085, x0 = 0.3, dt = 2.0;
        double omega = Math.sqrt(k * MdUnits.EV_PER_ANGSTROM_AMU_IN_ANGSTROM_PER_FS2 / m);   // 1/fs
        double theta = Math.acos(1 - 0.5 * omega * omega * dt * dt);
        MdState s = oscillator(m, x0);
        VelocityVerlet vv = new VelocityVerlet(new MdTestSystems.Tethered(k, new double[1][3]), dt);
        for (int n = 1; n <= 2000; n++) {
            vv.step(s);
            assertEquals(x0 * Math.cos(n * theta), s.positions()[0][0], 1e-12, "step " + n);
        }
        assertEquals(2000 * dt, s.time(), 1e-9);
    }

    @Test
    void periodOfTheOscillatorMatchesTwoPiOverOmegaInFemtoseconds() {
        // a unit check: k = 1 eV/A^2 on m = 1 u oscillates with omega^2 = 9.6485e-3 fs^-2, period 63.97 fs; the
        // period is found from the zero crossings with a small dt
        double dt = 0.01;
        MdState s = oscillator(1.0, 0.1);
        VelocityVerlet vv = new VelocityVerlet(new MdTestSystems.Tethered(1.0, new double[1][3]), dt);
        double previous = 0.1, firstUpCrossing = Double.NaN;
        int crossings = 0;
        while (crossings < 2) {
            vv.step(s);
            double x = s.positions()[0][0];
            if (previous < 0 && x >= 0) {
                crossings++;
                double tCross = s.time() - dt * x / (x - previous);
                if (crossings == 1) {
                    firstUpCrossing = tCross;
                } else {
                    assertEquals(2 * Math.PI / Math.sqrt(MdUnits.EV_PER_ANGSTROM_AMU_IN_ANGSTROM_PER_FS2),
                            tCross - firstUpCrossing, 1e-4);
                    assertEquals(63.97, tCross - firstUpCrossing, 0.01);
                }
            }
            previous = x;
        }
    }

    @Test
    void harmonicEnergyErrorIsSecondOrderInDt() {
        double k = 2.0, m = 28.085;
        double[] amplitude = new double[3];
        double[] dts = {4.0, 2.0, 1.0};
        for (int j = 0; j < dts.length; j++) {
            MdState s = oscillator(m, 0.3);
            VelocityVerlet vv = new VelocityVerlet(new MdTestSystems.Tethered(k, new double[1][3]), dts[j]);
            EnergyTrace trace = new EnergyTrace(1);
            vv.prepare(s);
            trace.add(s);
            vv.run(s, (int) Math.round(400 / dts[j]), (n, st) -> trace.add(st));
            amplitude[j] = trace.maxTotalEnergyDeviation();
        }
        // the shadow energy of velocity Verlet for this oscillator differs from E by a term proportional to dt^2
        assertEquals(4.0, amplitude[0] / amplitude[1], 0.15);
        assertEquals(4.0, amplitude[1] / amplitude[2], 0.1);
    }

    @Test
    void lennardJonesCrystalConservesEnergyAndItsErrorIsSecondOrder() {
        double[] dts = {8.0, 4.0, 2.0};
        double[] std = new double[dts.length];
        double kinetic = 0;
        for (int j = 0; j < dts.length; j++) {
            MdState s = MdTestSystems.ljCrystal(40, 3);
            VelocityVerlet vv = new VelocityVerlet(MdTestSystems.LJ, dts[j]);
            EnergyTrace trace = new EnergyTrace(s.size());
            vv.prepare(s);
            trace.add(s);
            vv.run(s, (int) Math.round(4000 / dts[j]), (n, st) -> trace.add(st));
            std[j] = trace.totalEnergyStd();
            kinetic = Math.max(kinetic, trace.kineticEnergy()[0]);
            // no drift: the change of the least-squares line over the 4 ps is below half the fluctuation
            double drift = Math.abs(trace.driftMeVPerAtomPerNs()) * 1e-6 * s.size() * 4;   // eV over 4 ps
            assertTrue(drift < 0.5 * std[j], "dt " + dts[j] + ": drift " + drift + " eV over 4 ps, fluctuation "
                    + std[j] + " eV");
        }
        assertTrue(std[0] < 1e-3 * kinetic, "fluctuation " + std[0] + " eV against E_kin " + kinetic + " eV");
        assertEquals(4.0, std[0] / std[1], 0.4, "dt 8 -> 4 fs");
        assertEquals(4.0, std[1] / std[2], 0.4, "dt 4 -> 2 fs");
    }

    @Test
    void dynamicsIsTimeReversible() {
        MdState s = MdTestSystems.ljCrystal(60, 5);
        double[][] r0 = s.positions(), v0 = s.velocities();
        VelocityVerlet vv = new VelocityVerlet(MdTestSystems.LJ, 5.0);
        vv.run(s, 400, null);
        double moved = 0;
        for (int i = 0; i < s.size(); i++) {
            moved = Math.max(moved, Math.abs(s.positions()[i][0] - r0[i][0]));
        }
        assertTrue(moved > 0.1, "the atoms moved " + moved + " A");
        s.reverseVelocities();
        vv.run(s, 400, null);
        double[][] r = s.positions(), v = s.velocities();
        for (int i = 0; i < s.size(); i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(r0[i][c], r[i][c], 1e-9, "atom " + i);
                assertEquals(-v0[i][c], v[i][c], 1e-11, "atom " + i);
            }
        }
    }

    @Test
    void totalMomentumIsConserved() {
        MdState s = MdTestSystems.ljCrystal(60, 7);
        double[][] v = s.velocities();
        for (double[] vi : v) {
            vi[0] += 1e-3;   // a uniform drift of 1e-3 A/fs along x
        }
        s.setVelocities(v);
        double[] p0 = s.momentum();
        new VelocityVerlet(MdTestSystems.LJ, 5.0).run(s, 500, null);
        double[] p = s.momentum();
        for (int c = 0; c < 3; c++) {
            assertEquals(p0[c], p[c], 1e-12 * s.size(), "component " + c);
        }
        assertEquals(108 * 39.95 * 1e-3, p[0], 0.01);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new VelocityVerlet(MdTestSystems.LJ, 0));
        assertThrows(IllegalArgumentException.class, () -> new VelocityVerlet(MdTestSystems.LJ, Double.NaN));
        // omega dt = 1000: the discrete oscillator grows by about 1e6 per step and overflows
        MdState s = oscillator(1.0, 0.1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new VelocityVerlet(new MdTestSystems.Tethered(1.0, new double[1][3]), 1e4).run(s, 200, null));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }
}
