package org.physml.ice.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.physml.structure.Structure;
import org.physml.structure.io.AtomArray;
import org.physml.structure.io.ExtXyz;
import org.physml.structure.io.Frame;
import org.physml.structure.io.LammpsDumpReader;

/**
 * Turns one finished run directory of {@code tools/icedata/generate.sh} into data-set frames and a
 * {@link RunSummary}.
 *
 * <p>The directory holds initial.extxyz (the built crystal), traj.dump (LAMMPS dump: id mol type x y z, atom types
 * O = 1, H = 2), frames.dat ({@link ThermoFile}) and DONE (key=value lines written by generate.sh: wall_s and the
 * preparation densities). Every dump snapshot after the first (t &gt; 0) becomes one frame: molecules made whole
 * and wrapped ({@link WholeMolecules}), positions rounded, per-atom array {@code mol_id} (0-based) and the info keys
 * label, run_id, time_ps, T_K, P_bar, density (g/cm^3; instantaneous values from frames.dat), T_set_K, P_set_bar.
 */
public final class RunAssembler {
    /** LAMMPS atom types of the data files written by {@link org.physml.ice.IceFiles}: O = 1, H = 2. */
    static final Map<Integer, Integer> TYPE_TO_Z = Map.of(1, 8, 2, 1);
    /** O-O bond cutoff of the Q_6 check, Angstrom: beyond the first shell (2.75-2.9 A), short of the second. */
    public static final double Q6_R_CUT = 3.3;

    private RunAssembler() {
    }

    /**
     * The frames and summary of a run.
     *
     * @param run      the run's table row
     * @param dir      its run directory
     * @param decimals decimals kept in the positions (Angstrom)
     * @param file     name of the data-set file the frames go to (recorded in the summary)
     * @throws IllegalArgumentException if the run is not finished (no DONE), a dump snapshot has no frames.dat line
     *                                  with the same step, the dump has no mol column, or the frames are malformed
     * @throws UncheckedIOException     if a file cannot be read
     */
    public static Assembled assemble(IceRun run, Path dir, int decimals, String file) {
        Path done = dir.resolve("DONE");
        if (!Files.isRegularFile(done)) {
            throw new IllegalArgumentException("run " + run.runId() + " is not finished: no " + done);
        }
        Map<String, String> doneValues = keyValues(done);
        Map<Long, ThermoFrame> thermo = new LinkedHashMap<>();
        for (ThermoFrame t : ThermoFile.read(dir.resolve("frames.dat"))) {
            thermo.put(t.step(), t);
        }
        Structure initial = ExtXyz.read(dir.resolve("initial.extxyz")).get(0).structure();
        List<Frame> frames = new ArrayList<>();
        DescriptiveStatistics rho = new DescriptiveStatistics();
        DescriptiveStatistics temp = new DescriptiveStatistics();
        DescriptiveStatistics press = new DescriptiveStatistics();
        DescriptiveStatistics q6 = new DescriptiveStatistics();
        Structure last = null;
        for (Frame snapshot : LammpsDumpReader.read(dir.resolve("traj.dump"), TYPE_TO_Z)) {
            long step = ((Number) snapshot.info().get("timestep")).longValue();
            if (step == 0) {
                continue;
            }
            ThermoFrame t = thermo.get(step);
            if (t == null) {
                throw new IllegalArgumentException(dir.resolve("traj.dump") + ": snapshot at step " + step
                        + " has no line in frames.dat");
            }
            long[][] molColumn = snapshot.integers("mol");
            long[] mol = new long[molColumn.length];
            long[][] molId = new long[molColumn.length][1];
            for (int i = 0; i < mol.length; i++) {
                mol[i] = molColumn[i][0];
                molId[i][0] = mol[i] - 1;
            }
            Structure s = WholeMolecules.wrap(snapshot.structure(), mol, decimals);
            last = snapshot.structure();
            frames.add(Frame.of(s).withArray("mol_id", new AtomArray.Integers(molId))
                    .withInfo("label", run.label()).withInfo("run_id", run.runId())
                    .withInfo("time_ps", t.time()).withInfo("T_K", t.temperature()).withInfo("P_bar", t.pressure())
                    .withInfo("density", t.density())
                    .withInfo("T_set_K", run.temperature()).withInfo("P_set_bar", run.pressure()));
            q6.addValue(GlobalBondOrder.q(s, 6, Q6_R_CUT, 8));
            rho.addValue(t.density());
            temp.addValue(t.temperature());
            press.addValue(t.pressure());
        }
        if (last == null) {
            throw new IllegalArgumentException(dir.resolve("traj.dump") + " has no snapshot after step 0");
        }
        Structure lastFrame = last;
        int[] oxygens = IntStream.range(0, lastFrame.size()).filter(i -> lastFrame.atomicNumber(i) == 8).toArray();
        Map<String, Double> preparation = new LinkedHashMap<>();
        doneValues.forEach((k, v) -> {
            if (k.startsWith("density_") && !k.equals("density_mean") && !k.equals("density_std")) {
                preparation.put(k, Double.parseDouble(v));
            }
        });
        String source = "ice " + run.phase().label() + " " + run.supercellText() + " (IceBuilder seed " + run.seed()
                + ")";
        RunSummary summary = new RunSummary(run.runId(), run.label(), run.protocol(), run.variables(), source,
                run.seed(), run.temperature(), run.pressure(), oxygens.length, last.size(), frames.size(),
                rho.getMean(), rho.getStandardDeviation(), temp.getMean(), press.getMean(),
                SiteDisplacement.rms(initial, last, oxygens), q6.getMean(), preparation,
                Double.parseDouble(doneValues.getOrDefault("wall_s", "NaN")), file);
        return new Assembled(frames, summary);
    }

    /**
     * The frames and summary of one run.
     *
     * @param frames  data-set frames in time order
     * @param summary the run's manifest entry
     */
    public record Assembled(List<Frame> frames, RunSummary summary) {
    }

    private static Map<String, String> keyValues(Path path) {
        Map<String, String> map = new LinkedHashMap<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(path + ", line " + lineNo + ": expected key=value, found \""
                            + line + "\"");
                }
                map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return map;
    }
}
