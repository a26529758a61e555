package org.physml.ice.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physml.ice.IceBuilder;
import org.physml.ice.IceFiles;
import org.physml.ice.IcePhase;
import org.physml.ice.WaterSystem;
import org.physml.structure.Composition;
import org.physml.structure.Structure;
import org.physml.structure.io.ExtXyz;
import org.physml.structure.io.Frame;

/**
 * The assembly of the data set from run directories laid out as generate.sh leaves them, with a LAMMPS dump written
 * here instead of by LAMMPS: ice Ic whose cell and molecular centres (O) are scaled from frame to frame (as by a
 * barostat; the molecules stay rigid), whose atoms drift together and are wrapped one by one (so molecules are split
 * across the cell faces).
 */
class IceDataSetTest {
    private static final double[] SCALE = {1.0, 1.01, 0.99};
    private static final double[] DRIFT = {0.3, 0.1, -0.2};

    @Test
    void assemblesChecksAndReadsBackTheFrames(@TempDir Path tmp) throws IOException {
        WaterSystem w = IceBuilder.of(IcePhase.IC).repeat(2, 2, 2).seed(3).build(); // 64 molecules
        Path work = tmp.resolve("runs");
        List<IceRun> runs = RunTable.parse(new StringReader(
                "Ic_x ice_Ic crystal Ic 2x2x2 3 200 1 t_eq=1 t_prod=2\n"), "test");
        List<Structure> expected = writeRun(work.resolve("Ic_x"), w);
        Path out = tmp.resolve("data");

        Manifest m = IceDataSet.assemble(runs, work, out, 4);

        assertEquals(List.of("ice_Ic"), List.copyOf(m.classes().keySet()));
        RunSummary r = m.runs().get(0);
        assertEquals(64, r.molecules());
        assertEquals(192, r.atoms());
        assertEquals(2, r.frames(), "the snapshot at t = 0 is not part of the data set");
        double rho0 = Composition.density(w.structure());
        double rho1 = rho0 / Math.pow(SCALE[1], 3), rho2 = rho0 / Math.pow(SCALE[2], 3);
        assertEquals((rho1 + rho2) / 2, r.densityMean(), 1e-6);
        assertEquals(Math.abs(rho1 - rho2) / Math.sqrt(2), r.densityStd(), 1e-6);
        assertEquals(0, r.rmsSiteDisplacement(), 1e-5, "strain, drift and wrapping are no displacement");
        assertEquals(GlobalBondOrder.q(w.structure(), 6, RunAssembler.Q6_R_CUT, 8), r.q6(), 1e-4,
                "rigid molecules on the scaled lattice: the bond directions of the built crystal");
        assertEquals(1.25, r.preparation().get("density_at_pmax"));
        assertEquals(12.5, r.wallSeconds());
        assertEquals("ice Ic 2x2x2 (IceBuilder seed 3)", r.source());

        assertEquals(List.of(), DataSetCheck.check(out));
        List<Frame> back = ExtXyz.read(out.resolve("ice_Ic.extxyz.gz"));
        assertEquals(2, back.size());
        for (int f = 0; f < 2; f++) {
            Frame frame = back.get(f);
            assertEquals("ice_Ic", frame.info().get("label"));
            assertEquals("Ic_x", frame.info().get("run_id"));
            assertEquals(f + 1.0, frame.number("time_ps"));
            assertEquals(200.0, frame.number("T_set_K"));
            assertEquals(f == 0 ? rho1 : rho2, frame.number("density"), 1e-6);
            Structure s = frame.structure();
            for (int i = 0; i < s.size(); i++) {
                assertArrayEquals(expected.get(f + 1).position(i), s.position(i), 6e-5, "frame " + f + " atom " + i);
                assertEquals(i / 3, frame.integers("mol_id")[i][0]);
            }
        }
        Manifest reread = Manifest.read(out);
        assertEquals(m.runs().get(0).densityMean(), reread.runs().get(0).densityMean());
        assertTrue(IceDataSet.markdownTable(reread).contains("| Ic_x | ice_Ic |"));
    }

    /**
     * A run staged as it finishes and assembled later from the staging folder alone (the LAMMPS run directory
     * deleted, as between two sessions) gives the same frames and manifest entry as the direct assembly.
     */
    @Test
    void stagedRunsAssembleLikeTheRunDirectories(@TempDir Path tmp) throws IOException {
        WaterSystem w = IceBuilder.of(IcePhase.IC).repeat(2, 2, 2).seed(5).build();
        Path work = tmp.resolve("runs");
        writeRun(work.resolve("Ic_s"), w);
        List<IceRun> runs = RunTable.parse(new StringReader("Ic_s ice_Ic crystal Ic 2x2x2 5 100 1 t_prod=2\n"),
                "test");
        Manifest direct = IceDataSet.assemble(runs, work, tmp.resolve("direct"), 4);
        Path staged = tmp.resolve("staged");
        assertTrue(!StagedRuns.isStaged(staged, "Ic_s"));

        RunSummary s = StagedRuns.stage(runs.get(0), work.resolve("Ic_s"), staged, 4, "29 Sep 2021");
        assertTrue(StagedRuns.isStaged(staged, "Ic_s"));
        assertEquals("Ic_s.extxyz.gz", s.file());
        deleteTree(work);
        Manifest fromStage = IceDataSet.assembleStaged(runs, staged, tmp.resolve("data"), "test set");

        assertEquals(List.of(), DataSetCheck.check(tmp.resolve("data")));
        assertEquals("test set", fromStage.description());
        assertEquals("29 Sep 2021", fromStage.lammps());
        assertEquals(direct.runs(), fromStage.runs(), "same manifest entry, class file included");
        List<Frame> a = ExtXyz.read(tmp.resolve("direct").resolve("ice_Ic.extxyz.gz"));
        List<Frame> b = ExtXyz.read(tmp.resolve("data").resolve("ice_Ic.extxyz.gz"));
        assertEquals(a.size(), b.size());
        for (int f = 0; f < a.size(); f++) {
            assertEquals(a.get(f).info(), b.get(f).info());
            for (int i = 0; i < a.get(f).structure().size(); i++) {
                assertArrayEquals(a.get(f).structure().position(i), b.get(f).structure().position(i), 0.0);
            }
        }
        assertEquals(List.of(), DataSetCheck.checkStaged(runs, staged));
        List<IceRun> changed = RunTable.parse(new StringReader("Ic_s ice_Ic crystal Ic 2x2x2 5 120 1 t_prod=2\n"),
                "test");
        List<String> problems = DataSetCheck.checkStaged(changed, staged);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("other settings"), problems.get(0));
        List<Frame> frames = ExtXyz.read(StagedRuns.framesFile(staged, "Ic_s"));
        ExtXyz.write(StagedRuns.framesFile(staged, "Ic_s"), List.of(frames.get(1), frames.get(0)));
        problems = DataSetCheck.checkStaged(runs, staged);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("does not follow"), problems.get(0));
        ExtXyz.write(StagedRuns.framesFile(staged, "Ic_s"), frames);
        List<IceRun> more = RunTable.parse(new StringReader("Ic_s ice_Ic crystal Ic 2x2x2 5 100 1\n"
                + "Ic_t ice_Ic crystal Ic 2x2x2 6 100 1\n"), "test");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IceDataSet.assembleStaged(more, staged, tmp.resolve("data2"), "x"));
        assertTrue(e.getMessage().contains("Ic_t is not staged"), e.getMessage());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * A finished data set split back into staged runs and assembled again is the same data set, byte for byte; a run
     * staged next to them joins it (how runs are added to a finished set); a frame of a run the manifest does not
     * know is refused with the file and frame.
     */
    @Test
    void restagedRunsAssembleToTheSameFilesAndAcceptANewRun(@TempDir Path tmp) throws IOException {
        Path work = tmp.resolve("runs");
        writeRun(work.resolve("Ic_p"), IceBuilder.of(IcePhase.IC).repeat(2, 2, 2).seed(7).build());
        writeRun(work.resolve("Ic_q"), IceBuilder.of(IcePhase.IC).repeat(2, 2, 2).seed(8).build());
        writeRun(work.resolve("Ic_r"), IceBuilder.of(IcePhase.IC).repeat(2, 2, 2).seed(9).build());
        List<IceRun> two = RunTable.parse(new StringReader("Ic_p ice_Ic crystal Ic 2x2x2 7 100 1\n"
                + "Ic_q ice_Ic crystal Ic 2x2x2 8 80 1\n"), "test");
        Path out = tmp.resolve("data");
        Manifest original = IceDataSet.assemble(two, work, out, 4);
        byte[] classFile = Files.readAllBytes(out.resolve("ice_Ic.extxyz.gz"));

        Path staged = tmp.resolve("staged");
        assertEquals(2, StagedRuns.restage(out, staged));
        assertEquals(List.of(), DataSetCheck.checkStaged(two, staged));
        assertEquals(2, ExtXyz.read(StagedRuns.framesFile(staged, "Ic_q")).size());
        Manifest again = IceDataSet.assembleStaged(two, staged, tmp.resolve("again"), original.description());
        assertEquals(original.runs(), again.runs());
        assertEquals(original.lammps(), again.lammps());
        assertArrayEquals(classFile, Files.readAllBytes(tmp.resolve("again").resolve("ice_Ic.extxyz.gz")));

        List<IceRun> three = RunTable.parse(new StringReader("Ic_p ice_Ic crystal Ic 2x2x2 7 100 1\n"
                + "Ic_q ice_Ic crystal Ic 2x2x2 8 80 1\nIc_r ice_Ic crystal Ic 2x2x2 9 120 1\n"), "test");
        StagedRuns.stage(three.get(2), work.resolve("Ic_r"), staged, 4, original.lammps());
        Manifest grown = IceDataSet.assembleStaged(three, staged, tmp.resolve("grown"), original.description());
        assertEquals(List.of(), DataSetCheck.check(tmp.resolve("grown")));
        assertEquals(List.of("Ic_p", "Ic_q", "Ic_r"), grown.runs().stream().map(RunSummary::runId).toList());
        assertEquals(6, ExtXyz.read(tmp.resolve("grown").resolve("ice_Ic.extxyz.gz")).size());

        List<Frame> frames = ExtXyz.read(out.resolve("ice_Ic.extxyz.gz"));
        List<Frame> stranger = new ArrayList<>(frames);
        stranger.set(3, frames.get(3).withInfo("run_id", "Ic_zz"));
        ExtXyz.write(out.resolve("ice_Ic.extxyz.gz"), stranger);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StagedRuns.restage(out, tmp.resolve("staged2")));
        assertTrue(e.getMessage().contains("frame 4 names run_id=Ic_zz"), e.getMessage());
    }

    /** The check notices a manifest that does not match the files and a density that does not match the cell. */
    @Test
    void checkReportsInconsistencies(@TempDir Path tmp) throws IOException {
        WaterSystem w = IceBuilder.of(IcePhase.IC).repeat(2, 2, 2).seed(4).build();
        Path work = tmp.resolve("runs");
        writeRun(work.resolve("Ic_y"), w);
        List<IceRun> runs = RunTable.parse(new StringReader("Ic_y ice_Ic crystal Ic 2x2x2 4 80 1\n"), "test");
        Path out = tmp.resolve("data");
        Manifest m = IceDataSet.assemble(runs, work, out, 4);
        RunSummary r = m.runs().get(0);
        RunSummary wrongCount = new RunSummary(r.runId(), r.label(), r.protocol(), r.variables(), r.source(), r.seed(),
                r.temperatureK(), r.pressureBar(), r.molecules(), r.atoms(), 3, r.densityMean(), r.densityStd(),
                r.temperatureMeanK(), r.pressureMeanBar(), r.rmsSiteDisplacement(), r.q6(), r.preparation(),
                r.wallSeconds(), r.file());
        new Manifest(m.description(), m.waterModel(), m.lammps(), 4, m.frameInfo(), m.classes(), List.of(wrongCount))
                .write(out);
        List<String> problems = DataSetCheck.check(out);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("manifest says 3 frames"), problems.get(0));

        m.write(out);
        List<Frame> frames = ExtXyz.read(out.resolve("ice_Ic.extxyz.gz"));
        List<Frame> tampered = new ArrayList<>();
        for (Frame f : frames) {
            tampered.add(f.withInfo("density", f.number("density") + 0.01));
        }
        ExtXyz.write(out.resolve("ice_Ic.extxyz.gz"), tampered);
        assertEquals(2, DataSetCheck.check(out).size(), "both frames' densities are off");
    }

    /**
     * The data set shipped in data/ice reads back consistently, and its runs carry the structure of their labels
     * (this is what caught the first HDA attempt, which had returned to ice Ih): every crystal run stays within
     * 0.5 A of its lattice sites, every amorphous or liquid run has lost the orientational order of the crystal
     * (Q6 below 0.1, against 0.10-0.63 for the built crystals and 0.036-0.056 measured) and HDA is the densest
     * amorphous form.
     */
    @Test
    void theShippedDataSetIsConsistentAndItsClassesHaveTheirStructure() {
        Path dir = Path.of("..", "data", "ice");
        assertEquals(List.of(), DataSetCheck.check(dir));
        Manifest m = Manifest.read(dir);
        assertEquals(9, m.classes().size());
        assertEquals(18, m.runs().size());
        for (RunSummary r : m.runs()) {
            if (r.label().startsWith("ice_")) {
                assertTrue(r.rmsSiteDisplacement() < 0.5, r.runId() + " stayed crystalline: "
                        + r.rmsSiteDisplacement());
            } else {
                assertTrue(r.q6() < 0.1, r.runId() + " is disordered: Q6 = " + r.q6());
                assertTrue(r.rmsSiteDisplacement() > 1.0, r.runId() + " left the lattice");
            }
            if (r.label().equals("HDA")) {
                assertTrue(r.densityMean() > 1.1, "HDA recovered at 1 bar with " + r.densityMean() + " g/cm3");
            }
        }
    }

    @Test
    void anUnfinishedRunIsRejected(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("runs").resolve("Ic_z");
        Files.createDirectories(dir);
        List<IceRun> runs = RunTable.parse(new StringReader("Ic_z ice_Ic crystal Ic 2x2x2 4 80 1\n"), "test");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IceDataSet.assemble(runs, tmp.resolve("runs"), tmp.resolve("data"), 4));
        assertTrue(e.getMessage().contains("not finished"), e.getMessage());
    }

    /**
     * Writes initial.extxyz, traj.dump (steps 0, 500, 1000), frames.dat and DONE; returns the expected data-set
     * structures of the three snapshots (molecules whole, O wrapped into the cell).
     */
    private static List<Structure> writeRun(Path dir, WaterSystem w) throws IOException {
        Files.createDirectories(dir);
        IceFiles.writeExtXyz(dir.resolve("initial.extxyz"), w, IcePhase.IC, 3, "TIP4P/2005");
        Structure s = w.structure();
        double l = s.cell()[0][0];
        int n = s.size();
        StringBuilder dump = new StringBuilder();
        StringBuilder thermo = new StringBuilder("# Time-averaged data for fix frames\n"
                + "# TimeStep v_t_ps c_thermo_temp c_thermo_press v_rho\n");
        List<Structure> expected = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            double scale = SCALE[f];
            double side = l * scale;
            dump.append("ITEM: TIMESTEP\n").append(500 * f).append("\nITEM: NUMBER OF ATOMS\n").append(n)
                    .append("\nITEM: BOX BOUNDS pp pp pp\n");
            for (int k = 0; k < 3; k++) {
                dump.append("0 ").append(side).append('\n');
            }
            dump.append("ITEM: ATOMS id mol type x y z\n");
            double[][] whole = new double[n][3];
            for (int i = 0; i < n; i++) {
                double[] wrapped = new double[3];
                int o = i - i % 3;
                for (int k = 0; k < 3; k++) {
                    whole[i][k] = s.position(o)[k] * scale + (s.position(i)[k] - s.position(o)[k])
                            + (f > 0 ? DRIFT[k] : 0);
                    wrapped[k] = whole[i][k] - side * Math.floor(whole[i][k] / side);
                }
                dump.append(String.format(Locale.ROOT, "%d %d %d %.6f %.6f %.6f%n", i + 1, i / 3 + 1,
                        s.atomicNumber(i) == 8 ? 1 : 2, wrapped[0], wrapped[1], wrapped[2]));
            }
            for (int m = 0; m < n / 3; m++) {
                double[] shift = new double[3];
                for (int k = 0; k < 3; k++) {
                    shift[k] = -side * Math.floor(whole[3 * m][k] / side);
                }
                for (int i = 3 * m; i < 3 * m + 3; i++) {
                    for (int k = 0; k < 3; k++) {
                        whole[i][k] += shift[k];
                    }
                }
            }
            double[][] cell = {{side, 0, 0}, {0, side, 0}, {0, 0, side}};
            Structure e = new Structure(whole, s.atomicNumbers(), cell, new boolean[]{true, true, true});
            expected.add(e);
            thermo.append(String.format(Locale.ROOT, "%d %g %g %g %.8f%n", 500 * f, f * 1.0, 200.0 + f, 1.0 - f,
                    Composition.density(e)));
        }
        Files.writeString(dir.resolve("traj.dump"), dump);
        Files.writeString(dir.resolve("frames.dat"), thermo);
        Files.writeString(dir.resolve("DONE"), "frames=2\ndensity_mean=0.9\nwall_s=12.5\ndensity_at_pmax=1.25\n");
        return expected;
    }
}
