package org.physml.ice.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class ThermoFileTest {

    /** The two comment lines and the rows as LAMMPS 29 Sep 2021 fix ave/time writes them. */
    @Test
    void readsFixAveTimeOutput() {
        List<ThermoFrame> f = ThermoFile.parse(new StringReader("""
                # Time-averaged data for fix frames
                # TimeStep v_t_ps c_thermo_temp c_thermo_press v_rho
                0 0 157.879 -101.379 0.93152
                25 0.05 122.196 -1984.89 0.928387
                """), "frames.dat");
        assertEquals(2, f.size());
        assertEquals(new ThermoFrame(25, 0.05, 122.196, -1984.89, 0.928387), f.get(1));
    }

    @Test
    void rejectsWrongColumnsAndStepsThatDoNotIncrease() {
        IllegalArgumentException cols = assertThrows(IllegalArgumentException.class,
                () -> ThermoFile.parse(new StringReader("# h\n0 0 1 2\n"), "frames.dat"));
        assertTrue(cols.getMessage().startsWith("frames.dat, line 2: expected 5 columns"), cols.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> ThermoFile.parse(new StringReader("5 0 1 2 3\n5 0 1 2 3\n"), "frames.dat"));
        assertTrue(order.getMessage().contains("line 2"), order.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ThermoFile.parse(new StringReader("0 0 x 2 3\n"), "f"));
    }
}
