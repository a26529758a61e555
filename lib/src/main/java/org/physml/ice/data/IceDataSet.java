package org.physml.ice.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.physml.structure.io.ExtXyz;
import org.physml.structure.io.Frame;

/**
 * Command line of the ice data set (called by {@code tools/icedata/generate.sh}):
 * <pre>
 * java -cp ... org.physml.ice.data.IceDataSet assemble --runs tools/icedata/runs.tsv --work build/icedata/runs \
 *      --out data/ice [--decimals 4]
 * java -cp ... org.physml.ice.data.IceDataSet check --out data/ice
 * java -cp ... org.physml.ice.data.IceDataSet stage --runs TABLE --work DIR --run RUN_ID --out STAGE_DIR
 * java -cp ... org.physml.ice.data.IceDataSet assemble --runs TABLE --staged STAGE_DIR --out DIR
 * java -cp ... org.physml.ice.data.IceDataSet check-staged --runs TABLE --staged STAGE_DIR
 * java -cp ... org.physml.ice.data.IceDataSet restage --out DIR --staged STAGE_DIR
 * </pre>
 * {@code assemble} turns every run of the table (all must be finished) into frames ({@link RunAssembler}), writes
 * one gzip-compressed extended-XYZ file per class label ({@code <label>.extxyz.gz}, runs in table order) and
 * {@link Manifest#FILE_NAME}, and prints a Markdown table of the runs. {@code check} reads the data set back
 * ({@link DataSetCheck}) and exits with status 1 if anything is inconsistent. {@code stage} stores one finished
 * run in a staging folder ({@link StagedRuns}) as soon as LAMMPS finished it; {@code assemble --staged} then builds
 * the data set from the staged runs alone (no LAMMPS run directories needed); {@code check-staged} checks the runs
 * staged so far ({@link DataSetCheck#checkStaged}). {@code restage} splits an assembled data set back into staged
 * runs ({@link StagedRuns#restage}), so that new runs can join it.
 */
public final class IceDataSet {
    /** Default decimals of the stored positions (0.1 pm, far below thermal motion). */
    public static final int DEFAULT_DECIMALS = 4;
    /** Description of the data set in its manifest (the first data set; {@code --description} replaces it). */
    public static final String DESCRIPTION = "Ice-phase classification data: TIP4P/2005 water in nine classes (ice "
            + "Ih, Ic, III, V, VI; LDA (hyperquenched glass), MDA, HDA; liquid), O and H positions, see README.md";

    private IceDataSet() {
    }

    /**
     * @throws IllegalArgumentException on unknown or missing options, or if a run is not finished
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("expected a command: assemble, check, stage, check-staged or "
                    + "restage (see the Javadoc of IceDataSet)");
        }
        Map<String, String> opt = options(args);
        switch (args[0]) {
            case "assemble" -> {
                List<IceRun> runs = RunTable.read(Path.of(require(opt, "--runs")));
                Path out = Path.of(require(opt, "--out"));
                Manifest m = opt.containsKey("--staged")
                        ? assembleStaged(runs, Path.of(opt.get("--staged")), out,
                                opt.getOrDefault("--description", DESCRIPTION))
                        : assemble(runs, Path.of(require(opt, "--work")), out, decimals(opt));
                System.out.print(markdownTable(m));
            }
            case "check-staged" -> {
                List<IceRun> table = RunTable.read(Path.of(require(opt, "--runs")));
                Path staged = Path.of(require(opt, "--staged"));
                List<String> problems = DataSetCheck.checkStaged(table, staged);
                long done = table.stream().filter(r -> StagedRuns.isStaged(staged, r.runId())).count();
                if (!problems.isEmpty()) {
                    problems.forEach(System.err::println);
                    System.err.printf(Locale.ROOT, "staged runs %s: %d problems%n", staged, problems.size());
                    System.exit(1);
                }
                System.out.printf(Locale.ROOT, "staged runs %s: %d of %d runs of the table staged: OK%n", staged,
                        done, table.size());
            }
            case "stage" -> {
                String id = require(opt, "--run");
                IceRun run = RunTable.read(Path.of(require(opt, "--runs"))).stream()
                        .filter(r -> r.runId().equals(id)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("run '" + id + "' is not in the table "
                                + opt.get("--runs")));
                Path runDir = Path.of(require(opt, "--work")).resolve(id);
                Path stage = Path.of(require(opt, "--out"));
                RunSummary s = StagedRuns.stage(run, runDir, stage, decimals(opt),
                        lammpsVersion(runDir.resolve("log.lammps")));
                System.out.printf(Locale.ROOT, "staged %s: %d frames, density %.4f +- %.4f g/cm3, Q6 %.3f, "
                        + "O site rms %.2f A%n", id, s.frames(), s.densityMean(), s.densityStd(), s.q6(),
                        s.rmsSiteDisplacement());
            }
            case "restage" -> {
                Path out = Path.of(require(opt, "--out"));
                Path staged = Path.of(require(opt, "--staged"));
                System.out.printf(Locale.ROOT, "staged the %d runs of %s in %s%n", StagedRuns.restage(out, staged),
                        out, staged);
            }
            case "check" -> {
                Path out = Path.of(require(opt, "--out"));
                List<String> problems = DataSetCheck.check(out);
                Manifest m = Manifest.read(out);
                int frames = m.runs().stream().mapToInt(RunSummary::frames).sum();
                if (problems.isEmpty()) {
                    System.out.printf(Locale.ROOT, "ice data set %s: %d classes, %d runs, %d frames: OK%n", out,
                            m.classes().size(), m.runs().size(), frames);
                } else {
                    problems.forEach(System.err::println);
                    System.err.printf(Locale.ROOT, "ice data set %s: %d problems%n", out, problems.size());
                    System.exit(1);
                }
            }
            default -> throw new IllegalArgumentException("unknown command '" + args[0]
                    + "'; expected assemble, check, stage, check-staged or restage");
        }
    }

    /**
     * Assembles the data set of finished runs into {@code out}.
     *
     * @param runs     the run table
     * @param work     directory holding one directory per run id
     * @param out      data-set directory (created if missing)
     * @param decimals decimals kept in the positions, Angstrom
     * @return the manifest written to {@code out}
     * @throws IllegalArgumentException if a run is not finished or its files are malformed
     * @throws UncheckedIOException     on read or write errors
     */
    public static Manifest assemble(List<IceRun> runs, Path work, Path out, int decimals) {
        Map<String, List<Frame>> byClass = new LinkedHashMap<>();
        Map<String, String> classes = new LinkedHashMap<>();
        List<RunSummary> summaries = new ArrayList<>();
        for (IceRun run : runs) {
            String file = run.label() + ".extxyz.gz";
            classes.put(run.label(), file);
            RunAssembler.Assembled a = RunAssembler.assemble(run, work.resolve(run.runId()), decimals, file);
            byClass.computeIfAbsent(run.label(), k -> new ArrayList<>()).addAll(a.frames());
            summaries.add(a.summary());
        }
        return write(out, DESCRIPTION, byClass, classes, summaries,
                lammpsVersion(work.resolve(runs.get(0).runId()).resolve("log.lammps")), decimals);
    }

    private static Manifest write(Path out, String description, Map<String, List<Frame>> byClass, Map<String, String> classes,
                                  List<RunSummary> summaries, String lammps, int decimals) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out, e);
        }
        byClass.forEach((label, frames) -> ExtXyz.write(out.resolve(classes.get(label)), frames));
        Manifest m = new Manifest(description,
                "TIP4P/2005 (Abascal and Vega, J. Chem. Phys. 123, 234505 (2005)), rigid (SHAKE); M sites not stored",
                lammps, decimals, frameInfo(), classes, summaries);
        m.write(out);
        return m;
    }

    /**
     * Assembles the data set from staged runs ({@link StagedRuns}): the frames of every run of the table, read back
     * from the staging folder, go to one class file per label; the staged summaries form the manifest.
     *
     * @throws IllegalArgumentException if a run of the table is not staged
     * @throws UncheckedIOException     on read or write errors
     */
    public static Manifest assembleStaged(List<IceRun> runs, Path staged, Path out, String description) {
        Map<String, List<Frame>> byClass = new LinkedHashMap<>();
        Map<String, String> classes = new LinkedHashMap<>();
        List<RunSummary> summaries = new ArrayList<>();
        Set<String> versions = new TreeSet<>();
        for (IceRun run : runs) {
            if (!StagedRuns.isStaged(staged, run.runId())) {
                throw new IllegalArgumentException("run " + run.runId() + " is not staged in " + staged);
            }
            String file = run.label() + ".extxyz.gz";
            classes.put(run.label(), file);
            byClass.computeIfAbsent(run.label(), k -> new ArrayList<>())
                    .addAll(ExtXyz.read(StagedRuns.framesFile(staged, run.runId())));
            RunSummary s = StagedRuns.summary(staged, run.runId());
            versions.add(StagedRuns.lammpsVersion(staged, run.runId()));
            summaries.add(s.withFile(file));
        }
        return write(out, description, byClass, classes, summaries, String.join("; ", versions),
                DEFAULT_DECIMALS);
    }

    /** Meaning and unit of the per-frame info keys. */
    static Map<String, String> frameInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("label", "class label (file name without .extxyz.gz)");
        info.put("run_id", "run of the manifest the frame comes from");
        info.put("time_ps", "time since the start of the run's production stage, ps");
        info.put("T_K", "instantaneous temperature, K");
        info.put("P_bar", "instantaneous pressure, bar");
        info.put("density", "density, g/cm^3");
        info.put("T_set_K", "thermostat temperature, K");
        info.put("P_set_bar", "barostat pressure, bar");
        info.put("mol_id", "per-atom: molecule index from 0, atoms ordered O H H per molecule");
        return info;
    }

    /** The version in the first line of a LAMMPS log ("LAMMPS (29 Sep 2021 - Update 2)"), or "unknown". */
    static String lammpsVersion(Path log) {
        try {
            if (Files.isRegularFile(log)) {
                Matcher m = Pattern.compile("LAMMPS \\((.*)\\)").matcher(
                        Files.readAllLines(log, StandardCharsets.UTF_8).stream().findFirst().orElse(""));
                if (m.find()) {
                    return m.group(1);
                }
            }
            return "unknown";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    /** The runs of a manifest as a Markdown table (for data/ice/README.md). */
    public static String markdownTable(Manifest m) {
        StringBuilder sb = new StringBuilder("| run | label | source | molecules | T (K) | P (bar) | density (g/cm3) "
                + "| <T> (K) | <P> (bar) | O site rms (A) | Q6 | frames | wall (min) |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RunSummary r : m.runs()) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.0f | %.0f | %.4f +- %.4f | %.1f | %.0f "
                            + "| %.2f | %.3f | %d | %.1f |%n", r.runId(), r.label(), r.source(), r.molecules(),
                    r.temperatureK(), r.pressureBar(), r.densityMean(), r.densityStd(), r.temperatureMeanK(),
                    r.pressureMeanBar(), r.rmsSiteDisplacement(), r.q6(), r.frames(), r.wallSeconds() / 60));
        }
        return sb.toString();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, found '" + args[i] + "'");
            }
            opt.put(args[i], args[++i]);
        }
        return opt;
    }

    private static int decimals(Map<String, String> opt) {
        return Integer.parseInt(opt.getOrDefault("--decimals", String.valueOf(DEFAULT_DECIMALS)));
    }

    private static String require(Map<String, String> opt, String name) {
        String v = opt.get(name);
        if (v == null) {
            throw new IllegalArgumentException("option " + name + " is required");
        }
        return v;
    }
}
