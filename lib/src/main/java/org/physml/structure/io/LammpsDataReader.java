package org.physml.structure.io;

import java.io.Reader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.physml.structure.Elements;
import org.physml.structure.Structure;

/**
 * Reads LAMMPS data files (the read_data format) of atom style atomic, charge, molecular (bond, angle) or full.
 *
 * <p>Format (LAMMPS read_data documentation): the first line is skipped; header lines give counts ("100 atoms",
 * "2 atom types", "10 bonds", ...) and the box ("xlo xhi", "ylo yhi", "zlo zhi", optional "xy xz yz" tilts,
 * or a general triclinic "avec", "bvec", "cvec", "abc origin"); '#' starts a comment. The body has sections whose
 * header line is followed by one skipped (blank) line: Masses (type mass), Atoms (one line per atom, columns
 * per {@link AtomStyle}, optional image flags nx ny nz; "Atoms # full" names the style), Velocities (skipped),
 * Bonds (id type atom1 atom2), Angles (id type a1 a2 a3), Dihedrals and Impropers (id type a1..a4); force-field
 * sections (Pair Coeffs, Bond Coeffs, ...) and type-label sections are skipped.
 *
 * <p>Atoms come out sorted by atom-ID. Elements come from a type -&gt; Z map if given, else from the Masses
 * section: the element whose IUPAC standard atomic weight is within 0.1 u of the type's mass
 * ({@link Elements#atomicNumberFromMass}). The box edge vectors become the structure's cell, periodic along all
 * axes (the LAMMPS default boundary; the data file does not record it). Gzip files are read transparently.
 * Errors throw {@link StructureFileException} naming the file, line and what was expected.
 */
public final class LammpsDataReader {
    /** Largest |mass - standard atomic weight| accepted when recognising elements, u. */
    public static final double MASS_TOLERANCE = 0.1;

    private static final List<String> COUNTS = List.of("atoms", "bonds", "angles", "dihedrals", "impropers",
            "atom types", "bond types", "angle types", "dihedral types", "improper types");
    private static final List<String> IGNORED_COUNTS = List.of("extra bond per atom", "extra angle per atom",
            "extra dihedral per atom", "extra improper per atom", "extra special per atom", "ellipsoids", "lines",
            "triangles", "bodies");
    private static final Set<String> SKIPPED_SECTIONS = Set.of("Ellipsoids", "Lines", "Triangles", "Bodies",
            "Atom Type Labels", "Bond Type Labels", "Angle Type Labels", "Dihedral Type Labels",
            "Improper Type Labels", "Pair Coeffs", "PairIJ Coeffs", "Bond Coeffs", "Angle Coeffs", "Dihedral Coeffs",
            "Improper Coeffs", "BondBond Coeffs", "BondAngle Coeffs", "MiddleBondTorsion Coeffs",
            "EndBondTorsion Coeffs", "AngleTorsion Coeffs", "AngleAngleTorsion Coeffs", "BondBond13 Coeffs",
            "AngleAngle Coeffs");
    private static final Set<String> SECTIONS = Set.of("Atoms", "Velocities", "Masses", "Bonds", "Angles",
            "Dihedrals", "Impropers");

    private final LineSource in;
    /** The last line read that may be a section header (its comment can name the atom style). */
    private String currentLine = "";
    private final AtomStyle requestedStyle;
    private final Map<Integer, Integer> typeToZ;

    private final Map<String, Long> counts = new HashMap<>();
    private final double[] lo = {-0.5, -0.5, -0.5}, hi = {0.5, 0.5, 0.5}, tilt = new double[3];
    private double[][] generalCell;
    private double[] generalOrigin;
    private boolean restrictedBox;

    private AtomStyle style;
    private double[] masses;
    private long[] massLine;
    private int[] ids, types, molecules;
    private double[][] pos;
    private double[] charges;
    private int[][] images;
    private Map<Integer, Integer> indexOfId;
    private final int[][][] topology = new int[4][][];

    private LammpsDataReader(LineSource in, AtomStyle style, Map<Integer, Integer> typeToZ) {
        this.in = in;
        this.requestedStyle = style;
        this.typeToZ = typeToZ == null ? Map.of() : typeToZ;
    }

    /**
     * Reads a data file, recognising the atom style from the "Atoms # style" comment or the number of columns
     * and the elements from the masses.
     *
     * @throws StructureFileException        if the file is malformed or the style or elements cannot be told
     * @throws java.io.UncheckedIOException  if the file cannot be read
     */
    public static LammpsData read(Path path) {
        return read(path, null, null);
    }

    /**
     * Reads a data file.
     *
     * @param style   atom style of the Atoms section, or null to take it from the "Atoms # style" comment or the
     *                number of columns (5 or 8: atomic, 7 or 10: full; 6 and 9 are ambiguous)
     * @param typeToZ atomic number of each atom type, or null (or missing types) to recognise them from Masses
     * @throws StructureFileException       if the file is malformed, contradicts {@code style}, or a type's
     *                                      element cannot be told
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static LammpsData read(Path path, AtomStyle style, Map<Integer, Integer> typeToZ) {
        try (LineSource in = LineSource.open(path)) {
            return new LammpsDataReader(in, style, typeToZ).parse();
        }
    }

    /** As {@link #read(Path, AtomStyle, Map)} from a character stream; {@code name} is used in messages. */
    public static LammpsData read(Reader reader, String name, AtomStyle style, Map<Integer, Integer> typeToZ) {
        try (LineSource in = new LineSource(reader, name)) {
            return new LammpsDataReader(in, style, typeToZ).parse();
        }
    }

    private LammpsData parse() {
        in.require("the title line of a LAMMPS data file");
        String line;
        String section = null;
        while ((line = in.next()) != null) {
            currentLine = line;
            String content = stripComment(line);
            if (content.isEmpty()) {
                continue;
            }
            if (isSection(content)) {
                section = content;
                break;
            }
            header(content);
        }
        while (section != null) {
            section = section(section, comment(currentLine));
        }
        return assemble();
    }

    private void header(String content) {
        String[] w = Tokens.split(content);
        for (String key : COUNTS) {
            if (matches(w, 1, key)) {
                counts.put(key, count(w[0], key));
                return;
            }
        }
        for (String key : IGNORED_COUNTS) {
            if (matches(w, 1, key)) {
                count(w[0], key);
                return;
            }
        }
        String[] axes = {"xlo xhi", "ylo yhi", "zlo zhi"};
        for (int k = 0; k < 3; k++) {
            if (matches(w, 2, axes[k])) {
                lo[k] = real(w[0], axes[k]);
                hi[k] = real(w[1], axes[k]);
                restrictedBox = true;
                return;
            }
        }
        if (matches(w, 3, "xy xz yz")) {
            for (int k = 0; k < 3; k++) {
                tilt[k] = real(w[k], "xy xz yz");
            }
            restrictedBox = true;
            return;
        }
        String[] vecs = {"avec", "bvec", "cvec"};
        for (int k = 0; k < 3; k++) {
            if (matches(w, 3, vecs[k])) {
                if (generalCell == null) {
                    generalCell = new double[][]{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
                }
                for (int c = 0; c < 3; c++) {
                    generalCell[k][c] = real(w[c], vecs[k]);
                }
                return;
            }
        }
        if (matches(w, 3, "abc origin")) {
            generalOrigin = new double[3];
            for (int c = 0; c < 3; c++) {
                generalOrigin[c] = real(w[c], "abc origin");
            }
            return;
        }
        throw in.error("expected a header line such as \"100 atoms\", \"2 atom types\" or \"0.0 10.0 xlo xhi\", "
                + "or a section name such as Masses or Atoms; found \"" + content + "\"");
    }

    private static boolean matches(String[] w, int values, String keyword) {
        String[] k = keyword.split(" ");
        if (w.length != values + k.length) {
            return false;
        }
        for (int i = 0; i < k.length; i++) {
            if (!w[values + i].equals(k[i])) {
                return false;
            }
        }
        return true;
    }

    /** Reads one section (its header line is current) and returns the name of the next section, or null. */
    private String section(String name, String styleComment) {
        if (name.equals("Atoms")) {
            style = atomStyle(styleComment);
        }
        String counted = name.toLowerCase(java.util.Locale.ROOT);
        if (List.of("bonds", "angles", "dihedrals", "impropers").contains(counted) && count(counted) == 0) {
            throw in.error("the file has a " + name + " section but the header announces no " + counted
                    + "; expected a \"N " + counted + "\" header line");
        }
        String blank = in.require("a blank line after the " + name + " section header");
        if (!stripComment(blank).isEmpty()) {
            throw in.error("expected a blank line after the " + name + " section header, found \"" + blank + "\"");
        }
        switch (name) {
            case "Masses" -> masses();
            case "Atoms" -> atoms();
            case "Velocities" -> {
                for (long i = 0; i < count("atoms"); i++) {
                    dataLine("velocity line " + (i + 1) + " of " + count("atoms"));
                }
            }
            case "Bonds" -> topology(0, "bonds", 2);
            case "Angles" -> topology(1, "angles", 3);
            case "Dihedrals" -> topology(2, "dihedrals", 4);
            case "Impropers" -> topology(3, "impropers", 4);
            default -> {
                // force-field or label section: skip its lines up to the next section name
                String line;
                while ((line = in.peek()) != null && !isSection(stripComment(line))) {
                    in.next();
                }
            }
        }
        String line;
        while ((line = in.next()) != null) {
            currentLine = line;
            String content = stripComment(line);
            if (content.isEmpty()) {
                continue;
            }
            if (!isSection(content)) {
                throw in.error("expected a section name (Masses, Atoms, Velocities, Bonds, Angles, ... or a Coeffs "
                        + "section) after the " + name + " section, found \"" + content + "\"");
            }
            return content;
        }
        return null;
    }

    private static boolean isSection(String content) {
        return SECTIONS.contains(content) || SKIPPED_SECTIONS.contains(content);
    }

    private void masses() {
        int nTypes = (int) count("atom types");
        masses = new double[nTypes];
        massLine = new long[nTypes];
        Arrays.fill(masses, Double.NaN);
        for (int i = 0; i < nTypes; i++) {
            String[] w = dataLine("mass line " + (i + 1) + " of " + nTypes + " (\"type mass\")");
            if (w.length != 2) {
                throw in.error("expected 2 columns \"type mass\" in the Masses section, found " + w.length);
            }
            int type = integer(w[0], "an atom type");
            if (type < 1 || type > nTypes) {
                throw in.error("expected an atom type 1.." + nTypes + " in the Masses section, found " + type);
            }
            masses[type - 1] = real(w[1], "mass");
            massLine[type - 1] = in.lineNumber();
            if (!(masses[type - 1] > 0)) {
                throw in.error("expected a positive mass for type " + type + ", found " + w[1]);
            }
        }
    }

    /** The atom style from the "Atoms # style" comment and the requested style (null if neither). */
    private AtomStyle atomStyle(String styleComment) {
        AtomStyle fromComment = null;
        if (!styleComment.isEmpty()) {
            try {
                fromComment = AtomStyle.fromLammpsName(Tokens.split(styleComment)[0]);
            } catch (IllegalArgumentException e) {
                throw in.error(e.getMessage());
            }
        }
        if (requestedStyle != null && fromComment != null && requestedStyle != fromComment) {
            throw in.error("the Atoms section is marked \"# " + styleComment + "\" but atom style "
                    + requestedStyle.lammpsName() + " was requested");
        }
        return requestedStyle != null ? requestedStyle : fromComment;
    }

    private void atoms() {
        int n = (int) count("atoms");
        ids = new int[n];
        types = new int[n];
        molecules = new int[n];
        charges = new double[n];
        pos = new double[n][3];
        images = new int[n][3];
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            String[] w = dataLine("atom line " + (i + 1) + " of " + n);
            if (style == null) {
                style = switch (w.length) {
                    case 5, 8 -> AtomStyle.ATOMIC;
                    case 7, 10 -> AtomStyle.FULL;
                    default -> throw in.error("cannot tell the atom style from " + w.length + " columns (6 or 9 can be "
                            + "charge or molecular); name it in the file (\"Atoms # charge\") or when reading");
                };
            }
            if (w.length != style.columns && w.length != style.columns + 3) {
                throw in.error("expected " + style.columns + " columns for atom style " + style.lammpsName() + " (or "
                        + (style.columns + 3) + " with image flags), found " + w.length);
            }
            ids[i] = integer(w[0], "an atom-ID");
            types[i] = integer(w[style.typeColumn], "an integer atom type");
            if (types[i] < 1 || types[i] > count("atom types")) {
                throw in.error("expected an atom type 1.." + count("atom types") + ", found " + types[i]);
            }
            if (style.hasMolecules()) {
                molecules[i] = integer(w[style.moleculeColumn], "a molecule-ID");
            }
            if (style.hasCharges()) {
                charges[i] = real(w[style.chargeColumn], "charge q");
            }
            for (int c = 0; c < 3; c++) {
                pos[i][c] = real(w[style.xColumn + c], "coordinate " + "xyz".charAt(c));
                if (w.length == style.columns + 3) {
                    images[i][c] = integer(w[style.columns + c], "an integer image flag");
                }
            }
            lines[i] = in.lineNumber();
        }
        sortById(lines);
    }

    /** Sorts atoms by ID (atom-IDs all zero: file order) and indexes them for the topology sections. */
    private void sortById(long[] lines) {
        int n = ids.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        boolean allZero = Arrays.stream(ids).allMatch(id -> id == 0);
        if (!allZero) {
            Arrays.sort(order, (a, b) -> Integer.compare(ids[a], ids[b]));
        }
        indexOfId = new HashMap<>();
        int[] ids2 = new int[n], types2 = new int[n], mol2 = new int[n];
        double[] q2 = new double[n];
        double[][] pos2 = new double[n][];
        int[][] img2 = new int[n][];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            ids2[k] = ids[i];
            types2[k] = types[i];
            mol2[k] = molecules[i];
            q2[k] = charges[i];
            pos2[k] = pos[i];
            img2[k] = images[i];
            if (!allZero && indexOfId.put(ids[i], k) != null) {
                throw new StructureFileException(in.name(), lines[i], "atom-ID " + ids[i] + " appears twice");
            }
        }
        ids = ids2;
        types = types2;
        molecules = mol2;
        charges = q2;
        pos = pos2;
        images = img2;
    }

    private void topology(int kind, String what, int nAtoms) {
        if (ids == null) {
            throw in.error("the " + capitalised(what) + " section must come after the Atoms section");
        }
        int n = (int) count(what);
        int[][] rows = new int[n][1 + nAtoms];
        for (int r = 0; r < n; r++) {
            String[] w = dataLine(what.substring(0, what.length() - 1) + " line " + (r + 1) + " of " + n);
            if (w.length != 2 + nAtoms) {
                throw in.error("expected " + (2 + nAtoms) + " columns (ID type and " + nAtoms + " atom-IDs) in the "
                        + capitalised(what) + " section, found " + w.length);
            }
            rows[r][0] = integer(w[1], "an integer " + what.substring(0, what.length() - 1) + " type");
            if (rows[r][0] < 1) {
                throw in.error("expected a type >= 1, found " + rows[r][0]);
            }
            for (int a = 0; a < nAtoms; a++) {
                int id = integer(w[2 + a], "an atom-ID");
                Integer index = indexOfId.get(id);
                if (index == null) {
                    throw in.error("atom-ID " + id + " is not in the Atoms section");
                }
                rows[r][1 + a] = index;
            }
        }
        topology[kind] = rows;
    }

    private LammpsData assemble() {
        int n = (int) count("atoms");
        if (ids == null) {
            if (n > 0) {
                throw new StructureFileException(in.name(), 0, "the header announces " + n + " atoms but there is no "
                        + "Atoms section");
            }
            ids = new int[0];
            types = new int[0];
            molecules = new int[0];
            charges = new double[0];
            pos = new double[0][];
            images = new int[0][];
            style = requestedStyle != null ? requestedStyle : AtomStyle.ATOMIC;
        }
        String[] names = {"bonds", "angles", "dihedrals", "impropers"};
        for (int k = 0; k < 4; k++) {
            if (topology[k] == null) {
                if (count(names[k]) > 0) {
                    throw new StructureFileException(in.name(), 0, "the header announces " + count(names[k]) + " "
                            + names[k] + " but there is no " + capitalised(names[k]) + " section");
                }
                topology[k] = new int[0][];
            }
        }
        double[][] cell;
        double[] origin;
        if (generalCell != null || generalOrigin != null) {
            if (restrictedBox) {
                throw new StructureFileException(in.name(), 0, "the header mixes a general triclinic box (avec, bvec, "
                        + "cvec, abc origin) with xlo xhi / ylo yhi / zlo zhi / xy xz yz; expected one kind");
            }
            cell = generalCell != null ? generalCell : new double[][]{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
            origin = generalOrigin != null ? generalOrigin : new double[3];
        } else {
            try {
                LammpsBox box = new LammpsBox(lo, hi, tilt);
                cell = box.cell();
                origin = box.lo();
            } catch (IllegalArgumentException e) {
                throw new StructureFileException(in.name(), 0, e.getMessage());
            }
        }
        int nTypes = (int) count("atom types");
        if (masses == null) {
            masses = new double[nTypes];
            massLine = new long[nTypes];
            Arrays.fill(masses, Double.NaN);
        }
        int[] zOfType = new int[nTypes + 1];
        for (int t = 1; t <= nTypes; t++) {
            zOfType[t] = elementOfType(t);
        }
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            z[i] = zOfType[types[i]];
        }
        try {
            Structure s = new Structure(pos, z, cell, new boolean[]{true, true, true});
            return new LammpsData(s, origin, style, ids, types, masses, molecules, charges, images,
                    topology[0], topology[1], topology[2], topology[3]);
        } catch (IllegalArgumentException e) {
            throw new StructureFileException(in.name(), 0, e.getMessage());
        }
    }

    private int elementOfType(int t) {
        Integer z = typeToZ.get(t);
        if (z != null) {
            if (z < 1 || z > Elements.MAX_Z) {
                throw new IllegalArgumentException("the type -> Z map gives Z = " + z + " for type " + t
                        + "; expected 1.." + Elements.MAX_Z);
            }
            return z;
        }
        boolean used = Arrays.stream(types).anyMatch(x -> x == t);
        if (Double.isNaN(masses[t - 1])) {
            if (!used) {
                return 1; // unused type without mass: its element never appears
            }
            throw new StructureFileException(in.name(), 0, "atom type " + t + " has no mass in a Masses section and no "
                    + "entry in the type -> Z map; expected one of them to tell its element");
        }
        try {
            return Elements.atomicNumberFromMass(masses[t - 1], MASS_TOLERANCE);
        } catch (IllegalArgumentException e) {
            throw new StructureFileException(in.name(), massLine[t - 1], "mass of atom type " + t + ": " + e.getMessage());
        }
    }

    /** The next line of a section, comment stripped, split into words; it must not be blank. */
    private String[] dataLine(String expected) {
        String line = in.require(expected);
        String content = stripComment(line);
        if (content.isEmpty()) {
            throw in.error("expected " + expected + ", found a blank line");
        }
        return Tokens.split(content);
    }

    private long count(String key) {
        return counts.getOrDefault(key, 0L);
    }

    private long count(String word, String key) {
        if (!Tokens.isInteger(word) || word.startsWith("-")) {
            throw in.error("expected a non-negative integer count of " + key + ", found \"" + word + "\"");
        }
        try {
            long v = Long.parseLong(word);
            if (v > Integer.MAX_VALUE - 8) {
                throw in.error("count of " + key + " " + word + " is too large");
            }
            return v;
        } catch (NumberFormatException e) {
            throw in.error("count of " + key + " " + word + " is too large");
        }
    }

    private int integer(String word, String expected) {
        if (Tokens.isInteger(word)) {
            try {
                return Integer.parseInt(word);
            } catch (NumberFormatException e) {
                // too large, reported below
            }
        }
        throw in.error("expected " + expected + ", found \"" + word + "\"");
    }

    private double real(String word, String what) {
        try {
            return Tokens.parseReal(word);
        } catch (NumberFormatException e) {
            throw in.error("expected a real number for " + what + ", found \"" + word + "\"");
        }
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).strip();
    }

    private static String comment(String line) {
        int hash = line.indexOf('#');
        return hash >= 0 ? line.substring(hash + 1).strip() : "";
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
