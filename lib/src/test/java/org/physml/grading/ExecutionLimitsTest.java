package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExecutionLimitsTest {
    @Test
    void overridesKeepTheLimitsConsistent() {
        ExecutionLimits l = ExecutionLimits.DEFAULT.withCellTimeout(900);
        assertEquals(900, l.notebookTimeoutSeconds(), "the notebook limit grows to the cell limit");
        assertEquals(30, ExecutionLimits.DEFAULT.withNotebookTimeout(30).cellTimeoutSeconds());
        assertEquals("512m", ExecutionLimits.DEFAULT.withHeap("512m").heap());
        assertEquals("unlimited", ExecutionLimits.DEFAULT.withAddressSpace("unlimited").addressSpace());
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new ExecutionLimits(0, 10, "1g", "6g", 2));
        assertThrows(IllegalArgumentException.class, () -> new ExecutionLimits(20, 10, "1g", "6g", 2));
        assertThrows(IllegalArgumentException.class, () -> new ExecutionLimits(10, 10, "1 GB", "6g", 2));
        assertThrows(IllegalArgumentException.class, () -> new ExecutionLimits(10, 10, "1g", "lots", 2));
        assertThrows(IllegalArgumentException.class, () -> new ExecutionLimits(10, 10, "1g", "6g", -1));
    }
}
