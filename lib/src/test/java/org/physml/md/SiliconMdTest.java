package org.physml.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physml.CoursePaths;
import org.physml.potentials.LabelledStructure;
import org.physml.potentials.MlearnReader;
import org.physml.potentials.NepPotentialFile;
import org.physml.potentials.Potential;
import org.physml.structure.Structure;

class SiliconMdTest {
    private static List<LabelledStructure> train;
    private static List<LabelledStructure> test;

    @TempDir
    Path tmp;

    @BeforeAll
    static void read() throws IOException {
        train = MlearnReader.read(CoursePaths.data("mlearn/Si/training.json.gz"));
        test = MlearnReader.read(CoursePaths.data("mlearn/Si/test.json.gz"));
    }

    private static Structure groundState() {
        return train.stream().filter(d -> d.description().equals("Ground state crystal")).findFirst().orElseThrow()
                .structure();
    }

    @Test
    void referenceUsesEverySnapshotLabelledWithTheTemperature() {
        MdResults.Reference ref = SiliconMd.reference("AIMD 1518 K", List.of("training", "test"),
                List.of(train, test), 1518, 6.0, 120);
        // mlearn Si: 18 training and 2 test snapshots of the 1518 K AIMD run
        assertEquals(20, ref.snapshots().size());
        assertTrue(ref.snapshots().stream().allMatch(s -> s.endsWith("at 1518 K")), ref.snapshots().toString());
        // diamond Si: the first peak near the bond length a sqrt(3)/4 = 2.37 A, nothing below 1.9 A
        int peak = 0;
        for (int k = 0; k < ref.g().length; k++) {
            peak = ref.g()[k] > ref.g()[peak] ? k : peak;
        }
        assertEquals(2.37, ref.r()[peak], 0.1);
        for (int k = 0; ref.r()[k] < 1.9; k++) {
            assertEquals(0, ref.g()[k], 0);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SiliconMd.reference("x",
                List.of("training"), List.of(train), 1500, 6.0, 120));
        assertTrue(e.getMessage().contains("1518.0"), e.getMessage());
    }

    private static double maxDeviation(MdResults.Run run) {
        double e0 = run.kineticPerAtom()[0] + run.potentialPerAtom()[0], max = 0;
        for (int k = 0; k < run.time().length; k++) {
            max = Math.max(max, Math.abs(run.kineticPerAtom()[k] + run.potentialPerAtom()[k] - e0));
        }
        return max;
    }

    @Test
    void nveRunOfTheNepModelConservesEnergyToSecondOrderInDt() throws IOException {
        // the same start (no equilibration, same seed) integrated over 40 fs with dt = 1 and 0.5 fs: an energy
        // error that falls as dt^2 shows that the model's forces are the exact gradient of its energy
        Potential nep = NepPotentialFile.read(CoursePaths.data("potentials/Si/nep-si-h30-seed42.json"));
        MdResults.Run run = SiliconMd.run("NEP", nep, groundState(), 300,
                new SiliconMd.Settings(1.0, 0, 10, 40, 2, 6.0, 60, 3), null);
        MdResults.Run half = SiliconMd.run("NEP", nep, groundState(), 300,
                new SiliconMd.Settings(0.5, 0, 10, 80, 4, 6.0, 60, 3), null);
        assertEquals(21, run.time().length);
        assertEquals(0.040, run.time()[20], 1e-12);
        assertEquals(0.040, half.time()[20], 1e-12);
        double error = maxDeviation(run), errorHalf = maxDeviation(half);
        assertTrue(error < 1e-4, "max |E_tot - E_tot(0)| = " + error + " eV/atom");
        assertEquals(4.0, error / errorHalf, 0.6, error + " / " + errorHalf);
        assertTrue(run.meanTemperature() > 100 && run.meanTemperature() < 400, "T " + run.meanTemperature());
        Path file = tmp.resolve("md.json");
        new MdResults("test", List.of(run), List.of()).write(file);
        MdResults back = MdResults.read(file);
        assertEquals(run.driftMeVPerAtomPerNs(), back.run("NEP", 300).driftMeVPerAtomPerNs(), 0);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> back.run("NEP", 1500));
        assertTrue(missing.getMessage().contains("NEP at 300.0 K"), missing.getMessage());
    }

    @Test
    void malformedResultFilesAndSettingsAreRejected() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"description\": \"x\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MdResults.read(bad));
        assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
        Files.writeString(bad, "[1, 2");
        assertThrows(IllegalArgumentException.class, () -> MdResults.read(bad));
        assertThrows(IllegalArgumentException.class, () -> new SiliconMd.Settings(1, 10, 0.5, 10, 1, 6, 60, 1));
        Structure molecule = Structure.molecule(new double[][]{{0, 0, 0}, {2.3, 0, 0}}, new int[]{14, 14});
        assertThrows(IllegalArgumentException.class, () -> SiliconMd.run("x", MdTestSystems.LJ, molecule, 300,
                new SiliconMd.Settings(1, 1, 10, 1, 1, 6, 60, 1), null));
    }
}
