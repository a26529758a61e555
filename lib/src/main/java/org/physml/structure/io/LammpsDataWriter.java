package org.physml.structure.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.physml.structure.Elements;
import org.physml.structure.Structure;

/**
 * Writes LAMMPS data files (atom styles atomic, charge, molecular, full; optional bonds, angles, dihedrals,
 * impropers) that LAMMPS read_data accepts.
 *
 * <p>LAMMPS boxes are restricted triclinic: a along +x, b in the xy plane with b_y &gt; 0, c with c_z &gt; 0
 * (Howto_triclinic). A structure with any right-handed cell is first rotated into that orientation,
 * a = (|A|, 0, 0), b = (B.e1, B.e2, 0), c = (C.e1, C.e2, C.e3) with e1 = A/|A|, e2 the unit vector of
 * B - (B.e1) e1 and e3 = e1 x e2; positions rotate with it (distances and angles are unchanged). Optionally the tilt
 * factors are reduced into [-l/2, l/2] by replacing b by b - k a and c by c - k b - l a along periodic axes (the
 * same lattice; LAMMPS refuses larger tilts unless "box tilt large" is set). Atoms are wrapped into the box along
 * periodic axes and the image flags written so that the unwrapped positions are kept; along non-periodic axes they
 * must already lie inside the cell. See {@link #restrict(LammpsData, boolean)}.
 */
public final class LammpsDataWriter {
    private LammpsDataWriter() {
    }

    /**
     * Writes a data file, reducing tilt factors (gzip-compressed if the name ends with ".gz", which LAMMPS
     * read_data also accepts).
     *
     * @throws IllegalArgumentException     if the data cannot be expressed in a LAMMPS box (see {@link #restrict})
     *                                      or a type has no mass, or topology is given for a style without molecules
     * @throws UncheckedIOException         on write errors
     */
    public static void write(Path path, LammpsData data) {
        write(path, data, true);
    }

    /** As {@link #write(Path, LammpsData)}, with the tilt reduction chosen. */
    public static void write(Path path, LammpsData data, boolean reduceTilt) {
        try {
            OutputStream os = Files.newOutputStream(path);
            if (path.getFileName().toString().endsWith(".gz")) {
                os = new GZIPOutputStream(os);
            }
            try (Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
                write(w, data, reduceTilt);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** Writes to a character stream (not closed). */
    public static void write(Writer out, LammpsData data, boolean reduceTilt) {
        LammpsData d = restrict(data, reduceTilt);
        AtomStyle style = d.style();
        boolean topology = d.bonds().length + d.angles().length + d.dihedrals().length + d.impropers().length > 0;
        if (topology && !style.hasMolecules()) {
            throw new IllegalArgumentException("atom style " + style.lammpsName() + " cannot hold bonds, angles, "
                    + "dihedrals or impropers; use molecular or full");
        }
        Structure s = d.structure();
        int n = s.size();
        double[][] cell = s.cell();
        double[] o = d.origin();
        StringBuilder sb = new StringBuilder();
        sb.append("LAMMPS data file (atom style ").append(style.lammpsName()).append(") written by physml\n\n");
        sb.append(n).append(" atoms\n").append(d.typeMasses().length).append(" atom types\n");
        if (style.hasMolecules()) {
            appendCount(sb, "bonds", d.bonds());
            appendCount(sb, "angles", d.angles());
            appendCount(sb, "dihedrals", d.dihedrals());
            appendCount(sb, "impropers", d.impropers());
        }
        sb.append('\n');
        String[] axes = {"xlo xhi", "ylo yhi", "zlo zhi"};
        for (int k = 0; k < 3; k++) {
            sb.append(real(o[k])).append(' ').append(real(o[k] + cell[k][k])).append(' ').append(axes[k]).append('\n');
        }
        if (cell[1][0] != 0 || cell[2][0] != 0 || cell[2][1] != 0) {
            sb.append(real(cell[1][0])).append(' ').append(real(cell[2][0])).append(' ').append(real(cell[2][1]))
                    .append(" xy xz yz\n");
        }
        sb.append("\nMasses\n\n");
        for (int t = 1; t <= d.typeMasses().length; t++) {
            double m = d.typeMasses()[t - 1];
            if (!(m > 0)) {
                throw new IllegalArgumentException("atom type " + t + " has mass " + m + "; LAMMPS needs a positive mass");
            }
            sb.append(t).append(' ').append(real(m)).append(symbolComment(d, t)).append('\n');
        }
        sb.append("\nAtoms # ").append(style.lammpsName()).append("\n\n");
        double[][] pos = s.positionsView();
        for (int i = 0; i < n; i++) {
            sb.append(d.ids()[i]);
            if (style.hasMolecules()) {
                sb.append(' ').append(d.molecules()[i]);
            }
            sb.append(' ').append(d.types()[i]);
            if (style.hasCharges()) {
                sb.append(' ').append(real(d.charges()[i]));
            }
            for (int c = 0; c < 3; c++) {
                sb.append(' ').append(real(pos[i][c]));
            }
            for (int c = 0; c < 3; c++) {
                sb.append(' ').append(d.images()[i][c]);
            }
            sb.append('\n');
        }
        appendTopology(sb, "Bonds", d.bonds(), d.ids());
        appendTopology(sb, "Angles", d.angles(), d.ids());
        appendTopology(sb, "Dihedrals", d.dihedrals(), d.ids());
        appendTopology(sb, "Impropers", d.impropers(), d.ids());
        try {
            out.write(sb.toString());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write LAMMPS data", e);
        }
    }

    /**
     * The data in LAMMPS orientation: cell restricted triclinic (rotated if needed), tilt factors reduced if
     * asked, positions wrapped into the box along periodic axes with image flags such that
     * {@link LammpsData#unwrappedPositions()} equals the rotated unwrapped positions of {@code data}.
     *
     * @throws IllegalArgumentException if the cell is singular or left-handed (a x b . c &lt;= 0; swap two lattice
     *                                  vectors), or an atom lies outside the cell along a non-periodic axis
     */
    public static LammpsData restrict(LammpsData data, boolean reduceTilt) {
        Structure s = data.structure();
        if (!(s.volume() > 0)) {
            throw new IllegalArgumentException("LAMMPS needs a right-handed cell with a x b . c > 0, got volume "
                    + s.volume() + " A^3 for cell " + Arrays.deepToString(s.cell())
                    + (s.volume() < 0 ? "; swap two lattice vectors" : ""));
        }
        double[][] a = s.cell();
        double[][] u = data.unwrappedPositions();
        double[] origin = data.origin().clone();
        if (!isRestricted(a)) {
            Vector3D e1 = new Vector3D(a[0]).normalize();
            Vector3D bv = new Vector3D(a[1]);
            Vector3D e2 = bv.subtract(e1.scalarMultiply(bv.dotProduct(e1))).normalize();
            Vector3D e3 = Vector3D.crossProduct(e1, e2);
            Vector3D[] e = {e1, e2, e3};
            double[][] rotated = new double[3][3];
            for (int k = 0; k < 3; k++) {
                for (int c = 0; c <= k; c++) {
                    rotated[k][c] = e[c].dotProduct(new Vector3D(a[k]));
                }
            }
            a = rotated;
            for (double[] r : u) {
                rotate(r, e);
            }
            rotate(origin, e);
        }
        boolean[] pbc = s.pbc();
        if (reduceTilt) {
            reduce(a, 2, 1, pbc);
            reduce(a, 2, 0, pbc);
            reduce(a, 1, 0, pbc);
        }
        double[][] inv = new LUDecomposition(MatrixUtils.createRealMatrix(a)).getSolver().getInverse().getData();
        int n = s.size();
        double[][] wrapped = new double[n][3];
        int[][] images = new int[n][3];
        for (int i = 0; i < n; i++) {
            double[] rel = {u[i][0] - origin[0], u[i][1] - origin[1], u[i][2] - origin[2]};
            for (int k = 0; k < 3; k++) {
                double f = rel[0] * inv[0][k] + rel[1] * inv[1][k] + rel[2] * inv[2][k];
                if (pbc[k]) {
                    images[i][k] = (int) Math.floor(f);
                } else if (f < -1e-12 || f > 1 + 1e-12) {
                    throw new IllegalArgumentException("atom " + i + " lies outside the cell along the non-periodic axis "
                            + k + " (fractional coordinate " + f + "); LAMMPS needs atoms inside the box there");
                }
            }
            for (int c = 0; c < 3; c++) {
                wrapped[i][c] = u[i][c] - (images[i][0] * a[0][c] + images[i][1] * a[1][c] + images[i][2] * a[2][c]);
            }
        }
        Structure out = new Structure(wrapped, s.atomicNumbers(), a, pbc);
        return new LammpsData(out, origin, data.style(), data.ids(), data.types(), data.typeMasses(), data.molecules(),
                data.charges(), images, data.bonds(), data.angles(), data.dihedrals(), data.impropers());
    }

    private static boolean isRestricted(double[][] a) {
        return a[0][1] == 0 && a[0][2] == 0 && a[1][2] == 0 && a[0][0] > 0 && a[1][1] > 0 && a[2][2] > 0;
    }

    private static void rotate(double[] r, Vector3D[] e) {
        Vector3D v = new Vector3D(r);
        for (int c = 0; c < 3; c++) {
            r[c] = e[c].dotProduct(v);
        }
    }

    /** Replaces a_k by a_k - m a_j, m = round(a_k[j] / a_j[j]), if both axes are periodic. */
    private static void reduce(double[][] a, int k, int j, boolean[] pbc) {
        if (!pbc[k] || !pbc[j]) {
            return;
        }
        double m = Math.rint(a[k][j] / a[j][j]);
        if (m != 0) {
            for (int c = 0; c < 3; c++) {
                a[k][c] -= m * a[j][c];
            }
        }
    }

    private static String symbolComment(LammpsData d, int type) {
        int z = 0;
        for (int i = 0; i < d.types().length; i++) {
            if (d.types()[i] == type) {
                int zi = d.structure().atomicNumber(i);
                if (z != 0 && z != zi) {
                    return "";
                }
                z = zi;
            }
        }
        return z == 0 ? "" : "  # " + Elements.symbol(z);
    }

    private static void appendCount(StringBuilder sb, String what, int[][] rows) {
        int types = 0;
        for (int[] r : rows) {
            types = Math.max(types, r[0]);
        }
        sb.append(rows.length).append(' ').append(what).append('\n');
        sb.append(types).append(' ').append(what, 0, what.length() - 1).append(" types\n");
    }

    private static void appendTopology(StringBuilder sb, String name, int[][] rows, int[] ids) {
        if (rows.length == 0) {
            return;
        }
        sb.append('\n').append(name).append("\n\n");
        for (int r = 0; r < rows.length; r++) {
            sb.append(r + 1).append(' ').append(rows[r][0]);
            for (int k = 1; k < rows[r].length; k++) {
                sb.append(' ').append(ids[rows[r][k]]);
            }
            sb.append('\n');
        }
    }

    private static String real(double v) {
        return Tokens.formatReal(v);
    }
}
