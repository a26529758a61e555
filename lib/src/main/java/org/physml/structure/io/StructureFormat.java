package org.physml.structure.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.physml.structure.Elements;

/**
 * The structure-file formats the course reads, in one place: their command-line names, how a format is told from a
 * file name, and the reader that streams a file's frames. Used by {@code ./physml descriptors} and
 * {@code ./physml ice classify}; parse errors are {@link StructureFileException}s naming the file and line.
 */
public enum StructureFormat {
    /** Extended XYZ (ASE's convention), one frame per block ({@link ExtXyz}); names extxyz, xyz. */
    EXTXYZ("extxyz", "xyz"),
    /** A LAMMPS data file, one frame ({@link LammpsDataReader}); names lammps-data, data. */
    LAMMPS_DATA("lammps-data", "data"),
    /** A LAMMPS text dump, one frame per timestep ({@link LammpsDumpReader}); names lammps-dump, dump. */
    LAMMPS_DUMP("lammps-dump", "dump");

    private final String name;
    private final String alias;

    StructureFormat(String name, String alias) {
        this.name = name;
        this.alias = alias;
    }

    /** The command-line name, e.g. "lammps-data". */
    public String cliName() {
        return name;
    }

    /**
     * The format named on the command line, or told from the file name when {@code name} is null: .xyz and .extxyz
     * are extended XYZ; .data, .lmp and data.* LAMMPS data; .dump, .lammpstrj and dump.* LAMMPS dumps (a trailing
     * .gz is ignored).
     *
     * @throws IllegalArgumentException on an unknown name, or a file name that fits no format
     */
    public static StructureFormat of(String name, Path file) {
        if (name != null) {
            String n = name.toLowerCase(Locale.ROOT);
            for (StructureFormat f : values()) {
                if (f.name.equals(n) || f.alias.equals(n)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown --format '" + name
                    + "'; expected extxyz, lammps-data or lammps-dump");
        }
        String f = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        if (f.endsWith(".xyz") || f.endsWith(".extxyz")) {
            return EXTXYZ;
        }
        if (f.endsWith(".data") || f.endsWith(".lmp") || f.startsWith("data.")) {
            return LAMMPS_DATA;
        }
        if (f.endsWith(".dump") || f.endsWith(".lammpstrj") || f.startsWith("dump.")) {
            return LAMMPS_DUMP;
        }
        throw new IllegalArgumentException("cannot tell the format of " + file
                + " from its name; give --format extxyz, lammps-data or lammps-dump");
    }

    /**
     * Every frame of {@code file}, streamed (close the stream).
     *
     * @param typeToZ LAMMPS atom type to atomic number, or null (data files then need a Masses section, dumps an
     *                element column)
     * @throws StructureFileException on malformed input, naming the file and line
     */
    public Stream<Frame> frames(Path file, Map<Integer, Integer> typeToZ) {
        return switch (this) {
            case EXTXYZ -> ExtXyz.stream(file);
            case LAMMPS_DUMP -> LammpsDumpReader.stream(file, typeToZ);
            case LAMMPS_DATA -> {
                var data = typeToZ == null ? LammpsDataReader.read(file) : LammpsDataReader.read(file, null, typeToZ);
                yield Stream.of(Frame.of(data.structure()));
            }
        };
    }

    /**
     * Parses a LAMMPS type map "1=O,2=H" (element symbols or atomic numbers); null or blank gives null.
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static Map<Integer, Integer> typeMap(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        Map<Integer, Integer> map = new HashMap<>();
        for (String entry : spec.split(",")) {
            String[] kv = entry.trim().split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("--type-map entry '" + entry + "': expected TYPE=ELEMENT, e.g. 1=O");
            }
            try {
                int type = Integer.parseInt(kv[0].trim());
                String el = kv[1].trim();
                int z = el.chars().allMatch(Character::isDigit) ? Integer.parseInt(el) : Elements.atomicNumber(el);
                map.put(type, z);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--type-map entry '" + entry + "': the type must be an integer");
            }
        }
        return map;
    }
}
