package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physml.CoursePaths;

class SplitFileTest {
    @TempDir
    Path dir;

    /** 3 classes x 4 runs (_a, _b train, _c validation, _d test), 5 frames of 2 centres each. */
    static DescriptorMatrix matrix() {
        List<String> classes = List.of("ice", "glass", "liquid");
        List<String> runs = new ArrayList<>();
        List<float[]> x = new ArrayList<>();
        List<int[]> meta = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            for (String s : List.of("_a", "_b", "_c", "_d")) {
                runs.add(classes.get(c) + s);
                int r = runs.size() - 1;
                for (int f = 0; f < 5; f++) {
                    for (int k = 0; k < 2; k++) {
                        x.add(new float[]{c, r, f});
                        meta.add(new int[]{c, r, f, k});
                    }
                }
            }
        }
        return new DescriptorMatrix("test", List.of("c", "r", "f"), classes, runs, x.toArray(new float[0][]),
                meta.stream().mapToInt(m -> m[0]).toArray(), meta.stream().mapToInt(m -> m[1]).toArray(),
                meta.stream().mapToInt(m -> m[2]).toArray(), meta.stream().mapToInt(m -> m[3]).toArray(),
                new DescriptorCost(0, x.size(), 1));
    }

    private Path write(String text) throws IOException {
        Path f = dir.resolve("split.tsv");
        Files.writeString(f, text);
        return f;
    }

    private static String fullSplit() {
        StringBuilder b = new StringBuilder("# run role\n\n");
        for (String c : List.of("ice", "glass", "liquid")) {
            b.append(c).append("_a\ttrain\n").append(c).append("_b train   # spaces work too\n")
                    .append(c).append("_c\tvalidation\n").append(c).append("_d\ttest\n");
        }
        return b.toString();
    }

    @Test
    void rowsFollowTheRoleOfTheirRun() throws IOException {
        DescriptorMatrix m = matrix();
        RunSplit s = SplitFile.read(write(fullSplit() + "ice_e test\n")).split(m);
        assertEquals(3 * 2 * 10, s.train().length);
        assertEquals(3 * 10, s.validation().length);
        assertEquals(3 * 10, s.test().length);
        for (int i : s.test()) {
            assertTrue(m.runs().get(m.run()[i]).endsWith("_d"));
        }
        for (int i : s.validation()) {
            assertTrue(m.runs().get(m.run()[i]).endsWith("_c"));
        }
        assertEquals(Set.of("ice_d", "glass_d", "liquid_d"), s.testRuns());
        assertEquals(List.of("ice_e"), SplitFile.read(write(fullSplit() + "ice_e test\n")).missingRuns(m));
    }

    @Test
    void theShippedV2SplitHasTwoTestRunsAndOneValidationRunPerClass() {
        Path f = CoursePaths.root().resolve("tools/icedata/split-v2.tsv");
        SplitFile split = SplitFile.read(f);
        assertEquals(9 * 6 + 3 * 2, split.roles().size(), "six runs per class, two more for each amorphous ice");
        assertEquals(9 * 3 + 3 * 2, split.runs(SplitFile.Role.TRAIN).size());
        assertEquals(18, split.runs(SplitFile.Role.TEST).size());
        assertEquals(9, split.runs(SplitFile.Role.VALIDATION).size());
        assertTrue(split.runs(SplitFile.Role.TEST).stream().allMatch(r -> r.endsWith("_e") || r.endsWith("_f")));
    }

    @Test
    void badLinesAreReportedWithFileAndLine() throws IOException {
        Path f = write("# header\nice_a train\nice_b  hold-out\n");
        var e = assertThrows(IllegalArgumentException.class, () -> SplitFile.read(f));
        assertTrue(e.getMessage().contains(f + ", line 3") && e.getMessage().contains("hold-out"), e.getMessage());
        Path g = write("ice_a train\nice_a test\n");
        e = assertThrows(IllegalArgumentException.class, () -> SplitFile.read(g));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("line 1"), e.getMessage());
        Path h = write("ice_a\n");
        e = assertThrows(IllegalArgumentException.class, () -> SplitFile.read(h));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("two columns"), e.getMessage());
    }

    @Test
    void aRunWithoutRoleOrAClassWithoutTestRunIsAnError() throws IOException {
        DescriptorMatrix m = matrix();
        Path f = write(fullSplit().replace("glass_c\tvalidation\n", ""));
        var e = assertThrows(IllegalArgumentException.class, () -> SplitFile.read(f).split(m));
        assertTrue(e.getMessage().contains("glass_c") && e.getMessage().contains(f.toString()), e.getMessage());
        Path g = write(fullSplit().replace("liquid_d\ttest", "liquid_d\ttrain"));
        e = assertThrows(IllegalArgumentException.class, () -> SplitFile.read(g).split(m));
        assertTrue(e.getMessage().contains("liquid") && e.getMessage().contains("test"), e.getMessage());
    }

    @Test
    void aSplitByFrameLeaksAndIsDetected() {
        DescriptorMatrix m = matrix();
        // the tempting split: the last frame of every run for testing, the others for training
        int[] test = IntStream.range(0, m.size()).filter(i -> m.frame()[i] == 4).toArray();
        int[] train = IntStream.range(0, m.size()).filter(i -> m.frame()[i] < 4).toArray();
        RunSplit byFrame = new RunSplit(train, new int[0], test, Set.of(), Set.of());
        var e = assertThrows(IllegalArgumentException.class, () -> RunSplit.requireSeparateRuns(m, byFrame));
        assertTrue(e.getMessage().contains("ice_a") && e.getMessage().contains("8 training rows")
                && e.getMessage().contains("2 test rows"), e.getMessage());
        // the same rows split by run pass
        int[] testRuns = IntStream.range(0, m.size()).filter(i -> m.runs().get(m.run()[i]).endsWith("_d")).toArray();
        int[] trainRuns = IntStream.range(0, m.size()).filter(i -> Arrays.binarySearch(testRuns, i) < 0).toArray();
        RunSplit.requireSeparateRuns(m, new RunSplit(trainRuns, new int[0], testRuns, Set.of(), Set.of()));
    }

    @Test
    void aStudyWithASplitFileTestsOnItsTestRunsAndKeysItsModelsByTheRoles() throws IOException {
        DescriptorMatrix m = matrix();
        IceStudy v1 = IceStudy.standard();
        IceStudy v2 = v1.withSplitFile(SplitFile.read(write(fullSplit() + "ice_e test\n")));
        assertEquals(Set.of("ice_d", "glass_d", "liquid_d"), v2.testRuns(m));
        assertEquals(30, v2.split(m).validation().length);
        FrameSource source = new FrameSource() {
            public List<String> classes() {
                return m.classes();
            }

            public String fingerprint() {
                return "synthetic";
            }

            public void forEachFrame(java.util.function.Consumer<LabelledFrame> action) {
            }
        };
        String key = v2.modelKey(IceDescriptors.steinhardt(), m, source);
        assertEquals(key, v2.modelKey(IceDescriptors.steinhardt(), m, source));
        IceStudy swapped = v1.withSplitFile(SplitFile.read(write(fullSplit().replace("ice_a\ttrain", "ice_a\tvalidation")
                .replace("ice_c\tvalidation", "ice_c\ttrain"))));
        assertTrue(!key.equals(swapped.modelKey(IceDescriptors.steinhardt(), m, source)),
                "the roles of the runs must be part of the model key");
        assertThrows(IllegalStateException.class, v2::reverseFold);
    }
}
