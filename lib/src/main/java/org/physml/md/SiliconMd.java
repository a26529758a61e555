package org.physml.md;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.physml.ice.analysis.RadialDistribution;
import org.physml.potentials.LabelledStructure;
import org.physml.potentials.Potential;
import org.physml.structure.Structure;

/**
 * The MD study of {@code ./physml potentials md} and notebook 10b: a periodic cell (the 64-atom diamond Si cell of the
 * mlearn data) is given Maxwell-Boltzmann velocities at T_0, equilibrated with a Berendsen thermostat and then run in
 * NVE with velocity Verlet; the NVE run gives the energy drift and the g(r) of its frames
 * ({@link RadialDistribution}, Si-Si). {@link #reference} computes the g(r) of the data set's own AIMD snapshots at a
 * temperature, read from their labels ("... AIMD NVT simulation for normal structure at 1518 K").
 */
public final class SiliconMd {
    private static final Pattern AIMD_TEMPERATURE = Pattern.compile("AIMD NVT simulation .* at (\\d+(?:\\.\\d+)?) K");

    private SiliconMd() {
    }

    /**
     * Settings of one run.
     *
     * @param dt                 time step, fs
     * @param equilibrationSteps Berendsen steps
     * @param tau                Berendsen coupling time, fs
     * @param steps              NVE steps
     * @param sampleEvery        NVE steps between recorded frames (energies and g(r))
     * @param rMax               g(r) range, Angstrom
     * @param bins               g(r) bins
     * @param seed               seed of the initial velocities
     */
    public record Settings(double dt, int equilibrationSteps, double tau, int steps, int sampleEvery, double rMax,
                           int bins, long seed) {
        /**
         * @throws IllegalArgumentException on a non-positive dt, tau, rMax, bins or sampleEvery, negative step counts,
         *                                  or tau &lt; dt
         */
        public Settings {
            if (!(dt > 0) || !(tau >= dt) || !(rMax > 0) || bins < 1 || sampleEvery < 1 || steps < 0
                    || equilibrationSteps < 0) {
                throw new IllegalArgumentException("need dt > 0, tau >= dt, r_max > 0, bins >= 1, sample-every >= 1"
                        + " and step counts >= 0; got dt = " + dt + " fs, tau = " + tau + " fs, r_max = " + rMax
                        + " A, bins = " + bins + ", sample-every = " + sampleEvery + ", steps = " + steps
                        + ", equilibration steps = " + equilibrationSteps);
            }
        }
    }

    /** Called with a short status line while a run progresses (may be ignored). */
    @FunctionalInterface
    public interface Progress {
        void update(String status);
    }

    /**
     * Equilibrates at T_0 and runs NVE.
     *
     * @param model       name recorded in the result
     * @param potential   the potential
     * @param start       the starting structure (periodic along all axes)
     * @param temperature T_0, K, &gt; 0
     * @param progress    status callback (may be null)
     * @throws IllegalArgumentException if the structure is not fully periodic or T_0 is not positive
     */
    public static MdResults.Run run(String model, Potential potential, Structure start, double temperature,
                                    Settings s, Progress progress) {
        BerendsenThermostat thermostat = new BerendsenThermostat(temperature, s.tau());
        boolean[] pbc = start.pbc();
        if (!(pbc[0] && pbc[1] && pbc[2])) {
            throw new IllegalArgumentException("the MD study needs a cell periodic along all three axes, got pbc "
                    + java.util.Arrays.toString(pbc));
        }
        RadialDistribution g = new RadialDistribution(start.atomicNumber(0), start.atomicNumber(0), s.rMax(),
                s.bins());
        MdState state = MdState.of(start);
        MaxwellBoltzmann.assign(state, temperature, s.seed());
        VelocityVerlet vv = new VelocityVerlet(potential, s.dt());
        thermostat.run(vv, state, s.equilibrationSteps(), (k, st) -> {
            if (progress != null && k % 100 == 0) {
                progress.update(String.format("%s %.0f K: equilibration %d/%d, T = %.0f K", model, temperature, k,
                        s.equilibrationSteps(), st.temperature()));
            }
        });
        EnergyTrace trace = new EnergyTrace(state.size());
        trace.add(state);
        g.add(state.structure());
        double t0 = state.time();
        long clock = System.nanoTime();
        vv.run(state, s.steps(), (k, st) -> {
            if (k % s.sampleEvery() == 0) {
                trace.add(st);
                g.add(st.structure());
            }
            if (progress != null && k % 100 == 0) {
                progress.update(String.format("%s %.0f K: NVE %d/%d, T = %.0f K", model, temperature, k, s.steps(),
                        st.temperature()));
            }
        });
        double msPerStep = s.steps() == 0 ? Double.NaN : (System.nanoTime() - clock) / 1e6 / s.steps();
        int n = state.size();
        double[] time = trace.time();
        for (int k = 0; k < time.length; k++) {
            time[k] = (time[k] - t0) / MdUnits.FS_PER_PS;
        }
        return new MdResults.Run(model, temperature, s.dt(), s.equilibrationSteps(), s.tau(), s.steps(), n,
                trace.meanTemperature(), trace.size() >= 3 ? trace.driftMeVPerAtomPerNs() : Double.NaN,
                trace.size() >= 2 ? 1000 * trace.totalEnergyStd() / n : Double.NaN, msPerStep, time,
                perAtom(trace.kineticEnergy(), n), perAtom(trace.potentialEnergy(), n), trace.temperature(), g.r(),
                g.g());
    }

    /**
     * The temperature in the label of an AIMD snapshot of the mlearn data, K, or NaN if the description has none.
     */
    public static double aimdTemperature(LabelledStructure d) {
        Matcher m = AIMD_TEMPERATURE.matcher(d.description());
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /**
     * The g(r) of every snapshot of the given sets whose label names the temperature.
     *
     * @param sets        e.g. "training" and "test" with their structures
     * @param temperature K, as in the labels (e.g. 1518)
     * @throws IllegalArgumentException if no snapshot has that temperature (the message lists those found)
     */
    public static MdResults.Reference reference(String label, List<String> setNames, List<List<LabelledStructure>> sets,
                                                double temperature, double rMax, int bins) {
        RadialDistribution g = null;
        List<String> used = new ArrayList<>();
        List<Double> found = new ArrayList<>();
        for (int k = 0; k < sets.size(); k++) {
            List<LabelledStructure> set = sets.get(k);
            for (int i = 0; i < set.size(); i++) {
                double t = aimdTemperature(set.get(i));
                if (!Double.isNaN(t) && !found.contains(t)) {
                    found.add(t);
                }
                if (t == temperature) {
                    Structure s = set.get(i).structure();
                    if (g == null) {
                        g = new RadialDistribution(s.atomicNumber(0), s.atomicNumber(0), rMax, bins);
                    }
                    g.add(s);
                    used.add(setNames.get(k) + " " + i + ": " + set.get(i).description());
                }
            }
        }
        if (g == null) {
            throw new IllegalArgumentException("no AIMD snapshot labelled " + temperature + " K; the labels name "
                    + found + " K");
        }
        return new MdResults.Reference(label, temperature, used, g.r(), g.g());
    }

    private static double[] perAtom(double[] e, int n) {
        double[] out = new double[e.length];
        for (int k = 0; k < e.length; k++) {
            out[k] = e[k] / n;
        }
        return out;
    }
}
