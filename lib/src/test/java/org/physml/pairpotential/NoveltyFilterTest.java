package org.physml.pairpotential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class NoveltyFilterTest {
    @Test
    void acceptsOnlyStructuresThatLeaveTheSeenRange() {
        List<double[][]> d = List.of(
                new double[][]{{0, 0}, {1, 1}},      // accepted: the first
                new double[][]{{0.5, 0.5}},          // inside [0, 1] x [0, 1]: rejected
                new double[][]{{0.5, 1.5}},          // second component outside: accepted
                new double[][]{{1, 1.2}, {0, 0}},    // inside [0, 1] x [0, 1.5]: rejected
                new double[][]{{-0.1, 0.2}});        // first component below: accepted
        assertArrayEquals(new int[]{0, 2, 4}, NoveltyFilter.select(d, 0.0));
        // a margin of 20 % of the range lets the small excursions pass as known
        assertArrayEquals(new int[]{0, 2}, NoveltyFilter.select(d, 0.2));
        assertThrows(IllegalArgumentException.class, () -> NoveltyFilter.select(d, -1));
    }
}
