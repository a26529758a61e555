package org.physml.structure.io;

import java.io.Closeable;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.physml.structure.Elements;
import org.physml.structure.Structure;

/**
 * Streaming reader of LAMMPS text dump files (dump atom / dump custom), one snapshot at a time.
 *
 * <p>Each snapshot is a sequence of items (LAMMPS dump documentation): optional "ITEM: UNITS" and "ITEM: TIME",
 * then "ITEM: TIMESTEP", "ITEM: NUMBER OF ATOMS", "ITEM: BOX BOUNDS [xy xz yz] xx yy zz" (boundary flags such as
 * pp, ff, fs, sm; p means periodic) followed by 3 lines "lo_bound hi_bound [tilt]", and "ITEM: ATOMS col1 col2 ..."
 * followed by one line per atom. The triclinic bounding box is converted to the box with
 * {@link LammpsBox#fromBounds}. Positions come from the first of the column sets x y z, xu yu zu (unwrapped),
 * xs ys zs or xsu ysu zsu (scaled, r = lo + s_1 a + s_2 b + s_3 c) present; atoms are sorted by the id column if
 * there is one. Elements come from an "element" column, else from the type -&gt; Z map, else from a "mass" column
 * (standard atomic weight within 0.1 u).
 *
 * <p>Each snapshot becomes a {@link Frame}: info holds "timestep" (Long), and "time" / "units" if present;
 * arrays hold every other column under its LAMMPS name: id, type, mol, proc, procp1, ix, iy, iz as integers,
 * element as strings, all others (vx, fx, c_pe, v_name, unused coordinate columns, ...) as reals. Errors throw
 * {@link StructureFileException} naming the file and line. Gzip files are read transparently. Not thread-safe.
 */
public final class LammpsDumpReader implements java.util.Iterator<Frame>, Closeable {
    private static final Set<String> INTEGER_COLUMNS = Set.of("id", "type", "mol", "proc", "procp1", "ix", "iy", "iz");
    private static final String[][] POSITION_COLUMNS = {
            {"x", "y", "z"}, {"xu", "yu", "zu"}, {"xs", "ys", "zs"}, {"xsu", "ysu", "zsu"}};

    private final LineSource in;
    private final Map<Integer, Integer> typeToZ;

    /**
     * Opens a dump file (plain or gzip).
     *
     * @param typeToZ atomic number of each atom type; may be null if the dump has an element or mass column
     * @throws java.io.UncheckedIOException if the file cannot be opened
     */
    public LammpsDumpReader(Path path, Map<Integer, Integer> typeToZ) {
        this.in = LineSource.open(path);
        this.typeToZ = typeToZ == null ? Map.of() : typeToZ;
    }

    /** Reads from a character stream; {@code name} is used in error messages. */
    public LammpsDumpReader(Reader reader, String name, Map<Integer, Integer> typeToZ) {
        this.in = new LineSource(reader, name);
        this.typeToZ = typeToZ == null ? Map.of() : typeToZ;
    }

    /**
     * All snapshots of a dump file.
     *
     * @throws StructureFileException if the file is malformed
     */
    public static List<Frame> read(Path path, Map<Integer, Integer> typeToZ) {
        try (LammpsDumpReader r = new LammpsDumpReader(path, typeToZ)) {
            List<Frame> frames = new ArrayList<>();
            r.forEachRemaining(frames::add);
            return frames;
        }
    }

    /** The snapshots as a lazy sequential stream; close it to close the file. */
    public static Stream<Frame> stream(Path path, Map<Integer, Integer> typeToZ) {
        LammpsDumpReader r = new LammpsDumpReader(path, typeToZ);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(r, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(r::close);
    }

    @Override
    public boolean hasNext() {
        return in.skipBlankLines();
    }

    @Override
    public Frame next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more snapshots in " + in.name());
        }
        Map<String, Object> info = new LinkedHashMap<>();
        Long timestep = null;
        Integer nAtoms = null;
        LammpsBox box = null;
        boolean[] pbc = null;
        while (true) {
            String item = in.require("an ITEM: line");
            if (!item.startsWith("ITEM:")) {
                throw in.error("expected an ITEM: line, found \"" + item + "\"");
            }
            String what = item.substring(5).strip();
            if (what.equals("TIMESTEP")) {
                timestep = integerLine("the timestep");
                info.put("timestep", timestep);
            } else if (what.equals("NUMBER OF ATOMS")) {
                long n = integerLine("the number of atoms");
                if (n < 0 || n > Integer.MAX_VALUE - 8) {
                    throw in.error("expected a non-negative number of atoms, found " + n);
                }
                nAtoms = (int) n;
            } else if (what.equals("TIME")) {
                String[] w = Tokens.split(in.require("the time"));
                info.put("time", real(w.length == 1 ? w[0] : "", "the time"));
            } else if (what.equals("UNITS")) {
                info.put("units", in.require("the unit style").strip());
            } else if (what.startsWith("BOX BOUNDS")) {
                String[] flags = Tokens.split(what.substring(10));
                boolean triclinic = flags.length >= 3 && flags[0].equals("xy") && flags[1].equals("xz")
                        && flags[2].equals("yz");
                if (flags.length >= 2 && flags[0].equals("abc") && flags[1].equals("origin")) {
                    throw in.error("general triclinic boxes (BOX BOUNDS abc origin) are not supported; dump with a "
                            + "restricted triclinic box");
                }
                pbc = boundaries(Arrays.copyOfRange(flags, triclinic ? 3 : 0, flags.length));
                box = box(triclinic);
            } else if (what.startsWith("ATOMS")) {
                if (timestep == null || nAtoms == null || box == null) {
                    throw in.error("ITEM: ATOMS before ITEM: TIMESTEP, NUMBER OF ATOMS and BOX BOUNDS");
                }
                return atoms(Tokens.split(what.substring(5)), nAtoms, box, pbc, info);
            } else {
                throw in.error("expected ITEM: TIMESTEP, NUMBER OF ATOMS, BOX BOUNDS, ATOMS, TIME or UNITS, found \""
                        + item + "\"");
            }
        }
    }

    private boolean[] boundaries(String[] flags) {
        if (flags.length == 0) {
            return new boolean[]{true, true, true};
        }
        if (flags.length != 3) {
            throw in.error("expected three boundary flags such as \"pp pp pp\" after BOX BOUNDS, found "
                    + String.join(" ", flags));
        }
        boolean[] pbc = new boolean[3];
        for (int k = 0; k < 3; k++) {
            if (!flags[k].matches("[pfsm]{1,2}")) {
                throw in.error("expected a boundary flag of p, f, s, m (e.g. pp, fs) for axis " + "xyz".charAt(k)
                        + ", found \"" + flags[k] + "\"");
            }
            pbc[k] = flags[k].charAt(0) == 'p';
        }
        return pbc;
    }

    private LammpsBox box(boolean triclinic) {
        double[][] bounds = new double[3][2];
        double[] tilt = new double[3];
        for (int k = 0; k < 3; k++) {
            String[] w = Tokens.split(in.require("box bounds of axis " + "xyz".charAt(k)));
            int expected = triclinic ? 3 : 2;
            if (w.length != expected) {
                throw in.error("expected " + expected + " numbers (lo hi" + (triclinic ? " tilt" : "")
                        + ") for the box bounds of axis " + "xyz".charAt(k) + ", found " + w.length);
            }
            bounds[k][0] = real(w[0], "a box bound");
            bounds[k][1] = real(w[1], "a box bound");
            if (triclinic) {
                tilt[k] = real(w[2], "a tilt factor");
            }
        }
        try {
            return LammpsBox.fromBounds(bounds, tilt);
        } catch (IllegalArgumentException e) {
            throw in.error(e.getMessage());
        }
    }

    private Frame atoms(String[] columns, int n, LammpsBox box, boolean[] pbc, Map<String, Object> info) {
        long itemLine = in.lineNumber();
        if (columns.length == 0) {
            throw in.error("expected column names after ITEM: ATOMS");
        }
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (!seen.add(c)) {
                throw in.error("column " + c + " appears twice in ITEM: ATOMS");
            }
        }
        List<String> names = Arrays.asList(columns);
        int[] posCols = null;
        int posSet = -1;
        for (int set = 0; set < POSITION_COLUMNS.length && posCols == null; set++) {
            if (names.containsAll(Arrays.asList(POSITION_COLUMNS[set]))) {
                posSet = set;
                posCols = new int[3];
                for (int c = 0; c < 3; c++) {
                    posCols[c] = names.indexOf(POSITION_COLUMNS[set][c]);
                }
            }
        }
        if (posCols == null) {
            throw in.error("expected position columns x y z, xu yu zu, xs ys zs or xsu ysu zsu in ITEM: ATOMS, found "
                    + String.join(" ", columns));
        }
        String[][] words = new String[n][];
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            String line = in.require("atom line " + (i + 1) + " of " + n + " (after line " + itemLine + ")");
            words[i] = Tokens.split(line);
            if (words[i].length != columns.length) {
                throw in.error("expected " + columns.length + " columns (" + String.join(" ", columns) + "), found "
                        + words[i].length);
            }
            lines[i] = in.lineNumber();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int idCol = names.indexOf("id");
        long[] ids = null;
        if (idCol >= 0) {
            ids = new long[n];
            for (int i = 0; i < n; i++) {
                ids[i] = integer(words[i][idCol], "id", lines[i]);
            }
            final long[] key = ids;
            Arrays.sort(order, (a, b) -> Long.compare(key[a], key[b]));
        }
        double[][] pos = new double[n][3];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double[] v = new double[3];
            for (int c = 0; c < 3; c++) {
                v[c] = real(words[i][posCols[c]], POSITION_COLUMNS[posSet][c], lines[i]);
            }
            pos[k] = posSet >= 2 ? box.toCartesian(v[0], v[1], v[2]) : v;
        }
        Map<String, AtomArray> arrays = new LinkedHashMap<>();
        for (int c = 0; c < columns.length; c++) {
            if (c == posCols[0] || c == posCols[1] || c == posCols[2]) {
                continue;
            }
            arrays.put(columns[c], column(words, order, lines, c, columns[c]));
        }
        int[] z = elements(arrays, n, itemLine);
        try {
            return new Frame(new Structure(pos, z, box.cell(), pbc), info, arrays);
        } catch (IllegalArgumentException e) {
            throw new StructureFileException(in.name(), itemLine, e.getMessage());
        }
    }

    private AtomArray column(String[][] words, Integer[] order, long[] lines, int c, String name) {
        int n = order.length;
        if (INTEGER_COLUMNS.contains(name)) {
            long[] v = new long[n];
            for (int k = 0; k < n; k++) {
                v[k] = integer(words[order[k]][c], name, lines[order[k]]);
            }
            return AtomArray.of(v);
        }
        if (name.equals("element")) {
            String[] v = new String[n];
            for (int k = 0; k < n; k++) {
                v[k] = words[order[k]][c];
            }
            return AtomArray.of(v);
        }
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = real(words[order[k]][c], name, lines[order[k]]);
        }
        return AtomArray.of(v);
    }

    private int[] elements(Map<String, AtomArray> arrays, int n, long itemLine) {
        int[] z = new int[n];
        if (arrays.get("element") instanceof AtomArray.Strings el) {
            for (int i = 0; i < n; i++) {
                String symbol = el.values()[i][0];
                if (!Elements.isSymbol(symbol)) {
                    throw new StructureFileException(in.name(), itemLine, "expected chemical symbols in the element "
                            + "column, found \"" + symbol + "\"");
                }
                z[i] = Elements.atomicNumber(symbol);
            }
            return z;
        }
        AtomArray.Integers type = arrays.get("type") instanceof AtomArray.Integers t ? t : null;
        AtomArray.Reals mass = arrays.get("mass") instanceof AtomArray.Reals m ? m : null;
        for (int i = 0; i < n; i++) {
            Integer fromMap = type == null ? null : typeToZ.get((int) type.values()[i][0]);
            if (fromMap != null) {
                z[i] = fromMap;
            } else if (mass != null) {
                try {
                    z[i] = Elements.atomicNumberFromMass(mass.values()[i][0], LammpsDataReader.MASS_TOLERANCE);
                } catch (IllegalArgumentException e) {
                    throw new StructureFileException(in.name(), itemLine, e.getMessage());
                }
            } else {
                throw new StructureFileException(in.name(), itemLine, type == null
                        ? "the dump has no element, type or mass column; expected one of them to tell the elements"
                        : "atom type " + type.values()[i][0] + " has no entry in the type -> Z map and the dump has "
                        + "no element or mass column");
            }
        }
        return z;
    }

    private long integerLine(String what) {
        String line = in.require(what).strip();
        if (!Tokens.isInteger(line)) {
            throw in.error("expected " + what + " (an integer), found \"" + line + "\"");
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw in.error(what + " " + line + " is too large");
        }
    }

    private long integer(String word, String column, long line) {
        if (Tokens.isInteger(word)) {
            try {
                return Long.parseLong(word);
            } catch (NumberFormatException e) {
                // too large, reported below
            }
        }
        throw new StructureFileException(in.name(), line, "expected an integer in column " + column + ", found \""
                + word + "\"");
    }

    private double real(String word, String column, long line) {
        try {
            return Tokens.parseReal(word);
        } catch (NumberFormatException e) {
            throw new StructureFileException(in.name(), line, "expected a real number in column " + column
                    + ", found \"" + word + "\"");
        }
    }

    private double real(String word, String what) {
        try {
            return Tokens.parseReal(word);
        } catch (NumberFormatException e) {
            throw in.error("expected a real number for " + what + ", found \"" + word + "\"");
        }
    }

    @Override
    public void close() {
        in.close();
    }
}
