package org.physml.pinn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class PinnWeightsTest {
    @TempDir
    Path dir;

    @Test
    void roundTripIsExact() {
        for (DataType dt : new DataType[]{DataType.FLOAT, DataType.DOUBLE}) {
            ForwardDerivativeMlp net = new ForwardDerivativeMlp(new int[]{7, 5}, 2.0, 0.5, dt, 4);
            Path f = dir.resolve("w-" + dt + ".txt");
            PinnWeights.save(net, f);
            ForwardDerivativeMlp back = PinnWeights.load(f);
            assertEquals(dt, back.dataType());
            assertArrayEquals(new int[]{7, 5}, back.hiddenWidths());
            assertEquals(2.0, back.length(), 0);
            assertEquals(0.5, back.tMax(), 0);
            assertArrayEquals(net.parameters(), back.parameters(), 0);
            double[] x = {0.3, 1.7};
            double[] t = {0.1, 0.4};
            assertArrayEquals(net.temperature(x, t), back.temperature(x, t), 0);
        }
    }

    @Test
    void malformedFilesAreRejectedWithTheLineNumber() throws IOException {
        ForwardDerivativeMlp net = new ForwardDerivativeMlp(new int[]{3}, 1.0, 1.0, DataType.DOUBLE, 4);
        Path good = dir.resolve("good.txt");
        PinnWeights.save(net, good);
        List<String> lines = Files.readAllLines(good);
        // line numbers are 1-based and count the comment line
        int w1Row = lines.indexOf("param W1 2 3") + 2; // first row of W1
        List<String> broken = new java.util.ArrayList<>(lines);
        broken.set(w1Row - 1, "0.1 0.2");
        Path bad = dir.resolve("bad.txt");
        Files.write(bad, broken);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PinnWeights.load(bad));
        assertTrue(e.getMessage().contains("bad.txt, line " + w1Row), e.getMessage());
        assertTrue(e.getMessage().contains("expected 3 values of W1"), e.getMessage());

        broken = new java.util.ArrayList<>(lines);
        broken.set(lines.indexOf("dtype DOUBLE"), "dtype HALF");
        Files.write(bad, broken);
        e = assertThrows(IllegalArgumentException.class, () -> PinnWeights.load(bad));
        assertTrue(e.getMessage().contains("FLOAT or DOUBLE"), e.getMessage());

        Files.write(bad, lines.subList(0, lines.size() - 1));
        e = assertThrows(IllegalArgumentException.class, () -> PinnWeights.load(bad));
        assertTrue(e.getMessage().contains("unexpected end of file"), e.getMessage());
    }
}
