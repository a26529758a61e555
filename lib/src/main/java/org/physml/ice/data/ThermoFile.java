package org.physml.ice.data;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reader of the per-frame thermodynamic file {@code frames.dat} of a run: the output of
 * {@code fix ave/time ... v_t_ps c_thermo_temp c_thermo_press v_rho file frames.dat}. Lines starting with '#' are
 * comments (LAMMPS writes two); every other line holds step, time (ps), T (K), P (bar) and density (g/cm^3).
 */
public final class ThermoFile {
    private ThermoFile() {
    }

    /**
     * Reads a frames.dat file.
     *
     * @throws IllegalArgumentException naming the file and line if a line does not hold 5 numbers or the steps do
     *                                  not increase
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static List<ThermoFrame> read(Path path) {
        List<ThermoFrame> frames = new ArrayList<>();
        DataLines.read(path, collector(frames));
        return frames;
    }

    /**
     * Parses frames.dat content; {@code name} is used in error messages.
     *
     * @throws IllegalArgumentException naming the source and line if a line does not hold 5 numbers or the steps
     *                                  do not increase
     */
    public static List<ThermoFrame> parse(Reader reader, String name) {
        List<ThermoFrame> frames = new ArrayList<>();
        DataLines.parse(reader, name, collector(frames));
        return frames;
    }

    private static DataLines.Row collector(List<ThermoFrame> frames) {
        return (f, text) -> {
            if (f.length != 5) {
                throw new IllegalArgumentException("expected 5 columns (step, t_ps, T, P, density), found " + f.length);
            }
            ThermoFrame frame;
            try {
                frame = new ThermoFrame(Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected numbers, found \"" + text + "\"", e);
            }
            if (!frames.isEmpty() && frame.step() <= frames.get(frames.size() - 1).step()) {
                throw new IllegalArgumentException("step " + frame.step() + " does not follow step "
                        + frames.get(frames.size() - 1).step());
            }
            frames.add(frame);
        };
    }
}
