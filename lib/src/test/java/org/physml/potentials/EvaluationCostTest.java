package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.physml.structure.Structure;

class EvaluationCostTest {

    /** The potential's own parallel streams run on one thread; the result is a positive time per atom. */
    @Test
    void evaluatesOnOneThread() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        int[] calls = {0};
        Potential recording = new Potential() {
            @Override
            public double cutoff() {
                return 1.0;
            }

            @Override
            public EnergyAndForces compute(Structure s) {
                calls[0]++;
                IntStream.range(0, 10_000).parallel().forEach(i -> threads.add(Thread.currentThread().getName()));
                return new EnergyAndForces(0.0, new double[s.size()][3]);
            }
        };
        List<Structure> cells = List.of(EquationOfStateScan.diamond(14, 5.43), EquationOfStateScan.diamond(14, 5.5));
        double t = EvaluationCost.secondsPerAtom(recording, cells, 3);
        assertTrue(t > 0 && Double.isFinite(t), "seconds per atom " + t);
        assertEquals(1, threads.size(), "threads used: " + threads);
        assertEquals(2 + 3 * 2, calls[0], "one warm-up pass and three timed passes");
        assertThrows(IllegalArgumentException.class, () -> EvaluationCost.secondsPerAtom(recording, List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> EvaluationCost.secondsPerAtom(recording, cells, 0));
    }
}
