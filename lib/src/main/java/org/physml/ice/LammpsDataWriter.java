package org.physml.ice;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.physml.structure.Elements;
import org.physml.structure.Structure;

/**
 * Writes a {@link WaterSystem} as a LAMMPS data file for {@code atom_style full}: atom types O = 1, H = 2, one
 * bond type (O-H), one angle type (H-O-H), charges of the water model (O carries the M-site charge, as the
 * {@code tip4p} pair styles expect), standard atomic weights as masses.
 *
 * <p>Box: LAMMPS needs a restricted triclinic box, a_1 = (lx, 0, 0), a_2 = (xy, ly, 0), a_3 = (xz, yz, lz); the
 * tilt factors are written only when non-zero. LAMMPS (by default, without {@code box tilt large}) refuses a box
 * with |xy| &gt; lx/2, |xz| &gt; lx/2 or |yz| &gt; ly/2, which a hexagonal cell replicated more often along a_2 than
 * along a_1 has; use an orthogonal cell (e.g. {@link IceBuilder#orthohexagonal()}) for such runs.
 *
 * <p>Format: LAMMPS documentation of the read_data command (sections Masses, Atoms # full, Bonds, Angles; an
 * Atoms line of atom_style full is "atom-ID molecule-ID atom-type q x y z").
 *
 * <p>A temporary writer in this package until the structure package's LAMMPS data writer is merged.
 */
public final class LammpsDataWriter {
    private LammpsDataWriter() {
    }

    /**
     * Writes the data file.
     *
     * @param path   output file (overwritten)
     * @param water  the molecules
     * @param title  first line of the file (LAMMPS ignores it)
     * @throws IllegalArgumentException if the cell is not in LAMMPS's restricted triclinic orientation
     * @throws UncheckedIOException     on write errors
     */
    public static void write(Path path, WaterSystem water, String title) {
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            write(w, water, title);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /**
     * Writes the data file to a character stream (not closed).
     *
     * @throws IllegalArgumentException if the cell is not in LAMMPS's restricted triclinic orientation
     * @throws UncheckedIOException     on write errors
     */
    public static void write(Writer out, WaterSystem water, String title) {
        Structure s = water.structure();
        double[][] c = s.cell();
        if (c[0][1] != 0 || c[0][2] != 0 || c[1][2] != 0 || !(c[0][0] > 0) || !(c[1][1] > 0) || !(c[2][2] > 0)) {
            throw new IllegalArgumentException("LAMMPS needs a_1 along +x and a_2 in the xy plane (lower-triangular cell "
                    + "with positive diagonal), got cell " + java.util.Arrays.deepToString(c));
        }
        int[] types = water.atomTypes();
        double[] q = water.charges();
        int[] mol = water.moleculeId();
        int[][] bonds = water.bonds();
        int[][] angles = water.angles();
        double[][] p = s.positionsView();
        StringBuilder b = new StringBuilder(64 * (s.size() + bonds.length + angles.length) + 512);
        b.append(title.replace('\n', ' ')).append("\n\n");
        b.append(s.size()).append(" atoms\n");
        b.append(bonds.length).append(" bonds\n");
        b.append(angles.length).append(" angles\n");
        b.append("2 atom types\n1 bond types\n1 angle types\n\n");
        b.append(fmt("%.10f %.10f xlo xhi\n", 0.0, c[0][0]));
        b.append(fmt("%.10f %.10f ylo yhi\n", 0.0, c[1][1]));
        b.append(fmt("%.10f %.10f zlo zhi\n", 0.0, c[2][2]));
        if (c[1][0] != 0 || c[2][0] != 0 || c[2][1] != 0) {
            b.append(fmt("%.10f %.10f %.10f xy xz yz\n", c[1][0], c[2][0], c[2][1]));
        }
        b.append("\nMasses\n\n");
        b.append(fmt("1 %.4f # O\n", Elements.mass(8)));
        b.append(fmt("2 %.4f # H\n", Elements.mass(1)));
        b.append("\nAtoms # full\n\n");
        for (int i = 0; i < s.size(); i++) {
            b.append(fmt("%d %d %d %.6f %.10f %.10f %.10f\n", i + 1, mol[i] + 1, types[i], q[i], p[i][0], p[i][1], p[i][2]));
        }
        b.append("\nBonds\n\n");
        for (int k = 0; k < bonds.length; k++) {
            b.append(k + 1).append(" 1 ").append(bonds[k][0] + 1).append(' ').append(bonds[k][1] + 1).append('\n');
        }
        b.append("\nAngles\n\n");
        for (int k = 0; k < angles.length; k++) {
            b.append(k + 1).append(" 1 ").append(angles[k][0] + 1).append(' ').append(angles[k][1] + 1).append(' ')
                    .append(angles[k][2] + 1).append('\n');
        }
        try {
            out.write(b.toString());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write LAMMPS data", e);
        }
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
