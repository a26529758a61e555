package org.physml.ice.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonParseException;

import org.physml.structure.io.ExtXyz;
import org.physml.structure.io.Frame;

/**
 * Finished runs of a data-set generation kept between sessions: for every run that LAMMPS finished, its frames
 * ({@code <dir>/<run_id>.extxyz.gz}, the same extended XYZ as the class files) and its manifest entry
 * ({@code <dir>/<run_id>.json}, a {@link RunSummary}). A generation that spans several sessions commits this
 * folder as runs finish; {@code tools/icedata/generate.sh --stage DIR} skips every run staged there, so that the
 * raw LAMMPS run directories need not survive.
 *
 * <p>The summary is written last (through a temporary file and a rename), so a run counts as staged only when both
 * files are complete.
 */
public final class StagedRuns {
    private StagedRuns() {
    }

    /** The frames file of run {@code runId} in {@code dir}. */
    public static Path framesFile(Path dir, String runId) {
        return dir.resolve(runId + ".extxyz.gz");
    }

    /** The summary file of run {@code runId} in {@code dir}. */
    public static Path summaryFile(Path dir, String runId) {
        return dir.resolve(runId + ".json");
    }

    /** The file holding the LAMMPS version of run {@code runId} in {@code dir}. */
    public static Path versionFile(Path dir, String runId) {
        return dir.resolve(runId + ".lammps");
    }

    /**
     * The LAMMPS version that ran a staged run.
     *
     * @throws UncheckedIOException if it cannot be read
     */
    public static String lammpsVersion(Path dir, String runId) {
        try {
            return Files.readString(versionFile(dir, runId), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + versionFile(dir, runId), e);
        }
    }

    /** Whether run {@code runId} is staged in {@code dir} (its summary exists; it is written after the frames). */
    public static boolean isStaged(Path dir, String runId) {
        return Files.isRegularFile(summaryFile(dir, runId)) && Files.isRegularFile(framesFile(dir, runId));
    }

    /**
     * Assembles a finished run ({@link RunAssembler}) and stages it in {@code dir}.
     *
     * @param run      the run's table row
     * @param runDir   its LAMMPS run directory (must hold DONE)
     * @param dir      staging directory (created if missing)
     * @param decimals decimals kept in the positions, Angstrom
     * @param lammpsVersion version of the LAMMPS that ran it (kept next to the frames for the manifest)
     * @return the run's manifest entry (its {@code file} is the staged frames file name)
     * @throws IllegalArgumentException if the run is not finished or its files are malformed
     * @throws UncheckedIOException     on read or write errors
     */
    public static RunSummary stage(IceRun run, Path runDir, Path dir, int decimals, String lammpsVersion) {
        Path frames = framesFile(dir, run.runId());
        RunAssembler.Assembled a = RunAssembler.assemble(run, runDir, decimals, frames.getFileName().toString());
        write(dir, run.runId(), a.frames(), a.summary(), lammpsVersion);
        return a.summary();
    }

    /**
     * Stages every run of an assembled data set again, from its class files and manifest alone: the frames of each
     * run (found by their {@code run_id}) go to {@code <dir>/<run_id>.extxyz.gz} in their stored order, the run's
     * manifest entry to {@code <dir>/<run_id>.json} and the manifest's LAMMPS version next to them. Runs can then be
     * added to a finished data set (stage the new runs in the same folder, add them to the run table) and
     * {@link IceDataSet#assembleStaged} rebuilds it; the class files of unchanged classes come out identical.
     *
     * @param dataSet the data-set directory (manifest and class files)
     * @param dir     staging directory (created if missing); runs staged there already are overwritten
     * @return the number of runs staged
     * @throws IllegalArgumentException if a frame names a run missing from the manifest, a run's frame count differs
     *                                  from its manifest entry, or the class files are malformed
     * @throws UncheckedIOException     on read or write errors
     */
    public static int restage(Path dataSet, Path dir) {
        Manifest m = Manifest.read(dataSet);
        Map<String, List<Frame>> byRun = new LinkedHashMap<>();
        m.runs().forEach(r -> byRun.put(r.runId(), new ArrayList<>()));
        for (String file : new LinkedHashSet<>(m.classes().values())) {
            Path path = dataSet.resolve(file);
            List<Frame> frames = ExtXyz.read(path);
            for (int f = 0; f < frames.size(); f++) {
                Object runId = frames.get(f).info().get("run_id");
                List<Frame> run = byRun.get(runId);
                if (run == null) {
                    throw new IllegalArgumentException(path + ": frame " + (f + 1) + " names run_id=" + runId
                            + ", which is not a run of " + dataSet.resolve(Manifest.FILE_NAME));
                }
                run.add(frames.get(f));
            }
        }
        for (RunSummary r : m.runs()) {
            List<Frame> frames = byRun.get(r.runId());
            if (frames.size() != r.frames()) {
                throw new IllegalArgumentException(dataSet + ": run " + r.runId() + " has " + frames.size()
                        + " frames in " + r.file() + ", its manifest entry says " + r.frames());
            }
            write(dir, r.runId(), frames, r.withFile(framesFile(dir, r.runId()).getFileName().toString()),
                    m.lammps());
        }
        return m.runs().size();
    }

    /** Writes a run's frames, LAMMPS version and, last (through a temporary file and a rename), its summary. */
    private static void write(Path dir, String runId, List<Frame> frames, RunSummary summary, String lammpsVersion) {
        try {
            Files.createDirectories(dir);
            ExtXyz.write(framesFile(dir, runId), frames);
            Files.writeString(versionFile(dir, runId), lammpsVersion + "\n", StandardCharsets.UTF_8);
            Path tmp = dir.resolve(runId + ".json.tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                Manifest.GSON.toJson(summary, w);
                w.write('\n');
            }
            Files.move(tmp, summaryFile(dir, runId), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage run " + runId + " in " + dir, e);
        }
    }

    /**
     * Reads the manifest entry of a staged run.
     *
     * @throws IllegalArgumentException if the file is not a run summary of {@code runId}
     * @throws UncheckedIOException     if it cannot be read
     */
    public static RunSummary summary(Path dir, String runId) {
        Path path = summaryFile(dir, runId);
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            RunSummary s = Manifest.GSON.fromJson(r, RunSummary.class);
            if (s == null || !runId.equals(s.runId())) {
                throw new IllegalArgumentException(path + ": expected the summary of run " + runId + ", found "
                        + (s == null ? "nothing" : "run " + s.runId()));
            }
            return s;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(path + ": malformed JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
