package org.physml.ice.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.physml.structure.Composition;
import org.physml.structure.Structure;
import org.physml.structure.io.ExtXyz;
import org.physml.structure.io.Frame;

/**
 * Reads an assembled ice data set back and checks it against its manifest and against the water model:
 * every class file reads; every frame carries its class label and a run id of that class; each run has as many
 * frames as the manifest says, in increasing time; the atoms are the manifest's molecules with O first and its two
 * H, each H at the TIP4P/2005 O-H distance 0.9572 A (J. L. F. Abascal and C. Vega, J. Chem. Phys. 123, 234505
 * (2005)) within {@link #OH_TOLERANCE}; and the density in the frame info agrees with the density of the stored cell
 * within {@link #DENSITY_TOLERANCE}.
 */
public final class DataSetCheck {
    /** TIP4P/2005 O-H bond length, Angstrom (Abascal and Vega 2005). */
    public static final double R_OH = 0.9572;
    /** Allowed deviation of a stored O-H distance, Angstrom: SHAKE tolerance and rounding of the positions. */
    public static final double OH_TOLERANCE = 0.005;
    /** Allowed difference between the info density and the density of the cell, g/cm^3 (LAMMPS masses). */
    public static final double DENSITY_TOLERANCE = 1e-3;

    private DataSetCheck() {
    }

    /**
     * Checks a data-set directory.
     *
     * @return the problems found, one message each; empty if the data set is consistent
     * @throws IllegalArgumentException if the manifest cannot be read
     */
    public static List<String> check(Path dir) {
        Manifest manifest = Manifest.read(dir);
        List<String> problems = new ArrayList<>();
        Map<String, RunSummary> runs = new HashMap<>();
        for (RunSummary r : manifest.runs()) {
            runs.put(r.runId(), r);
        }
        Map<String, Integer> counted = new HashMap<>();
        Map<String, Double> lastTime = new HashMap<>();
        for (Map.Entry<String, String> c : manifest.classes().entrySet()) {
            Path file = dir.resolve(c.getValue());
            if (!Files.isRegularFile(file)) {
                problems.add("class " + c.getKey() + ": missing file " + file);
                continue;
            }
            try (Stream<Frame> frames = ExtXyz.stream(file)) {
                int[] index = {0};
                frames.forEach(f -> checkFrame(f, c.getKey(), file + " frame " + index[0]++, runs, counted, lastTime,
                        problems));
            }
        }
        for (RunSummary r : manifest.runs()) {
            int n = counted.getOrDefault(r.runId(), 0);
            if (n != r.frames()) {
                problems.add("run " + r.runId() + ": manifest says " + r.frames() + " frames, the files hold " + n);
            }
        }
        return problems;
    }

    /**
     * Checks the runs staged so far for a data set still being generated ({@link StagedRuns}): every staged run
     * must belong to the table (same label, protocol and variables), and its frames must pass the same checks as
     * the frames of an assembled data set and match its summary's frame count. Runs not staged yet are not
     * problems.
     *
     * @param table  the run table of the generation
     * @param staged the staging directory (may be missing: nothing staged yet)
     * @return the problems found, one message each; empty if every staged run is consistent
     */
    public static List<String> checkStaged(List<IceRun> table, Path staged) {
        List<String> problems = new ArrayList<>();
        for (IceRun run : table) {
            if (!StagedRuns.isStaged(staged, run.runId())) {
                continue;
            }
            RunSummary s = StagedRuns.summary(staged, run.runId());
            if (!s.label().equals(run.label()) || !s.protocol().equals(run.protocol())
                    || !s.variables().equals(run.variables()) || s.temperatureK() != run.temperature()
                    || s.pressureBar() != run.pressure() || s.seed() != run.seed()) {
                problems.add("staged run " + run.runId() + " was made with other settings than the table's row "
                        + "(label, protocol, variables, T, P or seed differ): stage it again");
                continue;
            }
            Map<String, Integer> counted = new HashMap<>();
            Map<String, Double> lastTime = new HashMap<>();
            Path file = StagedRuns.framesFile(staged, run.runId());
            try (Stream<Frame> frames = ExtXyz.stream(file)) {
                int[] index = {0};
                frames.forEach(f -> checkFrame(f, run.label(), file + " frame " + index[0]++,
                        Map.of(run.runId(), s), counted, lastTime, problems));
            }
            if (counted.getOrDefault(run.runId(), 0) != s.frames()) {
                problems.add("staged run " + run.runId() + ": summary says " + s.frames() + " frames, " + file
                        + " holds " + counted.getOrDefault(run.runId(), 0));
            }
        }
        return problems;
    }

    private static void checkFrame(Frame f, String label, String where, Map<String, RunSummary> runs,
                                   Map<String, Integer> counted, Map<String, Double> lastTime, List<String> problems) {
        Object runId = f.info().get("run_id");
        RunSummary run = runs.get(String.valueOf(runId));
        if (!label.equals(f.info().get("label")) || run == null || !run.label().equals(label)) {
            problems.add(where + ": label " + f.info().get("label") + " / run " + runId + " do not belong to class "
                    + label);
            return;
        }
        counted.merge(run.runId(), 1, Integer::sum);
        double time = f.number("time_ps");
        Double previous = lastTime.put(run.runId(), time);
        if (previous != null && !(time > previous)) {
            problems.add(where + ": time " + time + " ps does not follow " + previous + " ps of run " + run.runId());
        }
        Structure s = f.structure();
        if (s.size() != run.atoms() || s.size() != 3 * run.molecules()) {
            problems.add(where + ": " + s.size() + " atoms, expected " + run.atoms() + " (" + run.molecules()
                    + " molecules)");
            return;
        }
        double[][] r = s.positionsView();
        for (int m = 0; m < run.molecules(); m++) {
            int o = 3 * m;
            if (s.atomicNumber(o) != 8 || s.atomicNumber(o + 1) != 1 || s.atomicNumber(o + 2) != 1) {
                problems.add(where + ": molecule " + m + " is not O H H");
                return;
            }
            for (int h = o + 1; h <= o + 2; h++) {
                double d = Math.sqrt(Math.pow(r[h][0] - r[o][0], 2) + Math.pow(r[h][1] - r[o][1], 2)
                        + Math.pow(r[h][2] - r[o][2], 2));
                if (Math.abs(d - R_OH) > OH_TOLERANCE) {
                    problems.add(String.format(Locale.ROOT, "%s: O-H distance %.4f A in molecule %d, expected %.4f A",
                            where, d, m, R_OH));
                    return;
                }
            }
        }
        double rho = Composition.density(s);
        if (Math.abs(rho - f.number("density")) > DENSITY_TOLERANCE) {
            problems.add(String.format(Locale.ROOT, "%s: info density %.5f g/cm3 but the cell gives %.5f g/cm3", where,
                    f.number("density"), rho));
        }
    }
}
