package org.physml.ice.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(r, path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * Parses frames.dat content; {@code name} is used in error messages.
     *
     * @throws IllegalArgumentException naming the source and line if a line does not hold 5 numbers or the steps
     *                                  do not increase
     */
    public static List<ThermoFrame> parse(Reader reader, String name) {
        List<ThermoFrame> frames = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader);
        int lineNo = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split("\\s+");
                if (f.length != 5) {
                    throw new IllegalArgumentException(name + ", line " + lineNo + ": expected 5 columns (step, "
                            + "t_ps, T, P, density), found " + f.length);
                }
                ThermoFrame frame;
                try {
                    frame = new ThermoFrame(Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + ", line " + lineNo + ": expected numbers, found \""
                            + t + "\"", e);
                }
                if (!frames.isEmpty() && frame.step() <= frames.get(frames.size() - 1).step()) {
                    throw new IllegalArgumentException(name + ", line " + lineNo + ": step " + frame.step()
                            + " does not follow step " + frames.get(frames.size() - 1).step());
                }
                frames.add(frame);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return frames;
    }
}
