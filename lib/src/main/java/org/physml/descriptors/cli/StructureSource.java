package org.physml.descriptors.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.physml.structure.Elements;
import org.physml.structure.io.ExtXyz;
import org.physml.structure.io.Frame;
import org.physml.structure.io.LammpsDataReader;
import org.physml.structure.io.LammpsDumpReader;

/** Reads the frames of an input file for the command line: extended XYZ, LAMMPS data or LAMMPS dump. */
public final class StructureSource {
    /** The input formats. */
    public enum Format { EXTXYZ, LAMMPS_DATA, LAMMPS_DUMP }

    private StructureSource() {
    }

    /** The format named on the command line, or guessed from the file name when {@code name} is null. */
    public static Format format(String name, Path file) {
        if (name != null) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "extxyz", "xyz" -> Format.EXTXYZ;
                case "lammps-data", "data" -> Format.LAMMPS_DATA;
                case "lammps-dump", "dump" -> Format.LAMMPS_DUMP;
                default -> throw new IllegalArgumentException("unknown --format '" + name
                        + "'; expected extxyz, lammps-data or lammps-dump");
            };
        }
        String f = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        if (f.endsWith(".xyz") || f.endsWith(".extxyz")) {
            return Format.EXTXYZ;
        }
        if (f.endsWith(".data") || f.endsWith(".lmp") || f.startsWith("data.")) {
            return Format.LAMMPS_DATA;
        }
        if (f.endsWith(".dump") || f.endsWith(".lammpstrj") || f.startsWith("dump.")) {
            return Format.LAMMPS_DUMP;
        }
        throw new IllegalArgumentException("cannot tell the format of " + file
                + " from its name; give --format extxyz, lammps-data or lammps-dump");
    }

    /**
     * Parses a LAMMPS type map "1=O,2=H" (element symbols or atomic numbers).
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

    /** Every frame of {@code file}, streamed (close the stream). */
    public static Stream<Frame> frames(Path file, Format format, Map<Integer, Integer> typeToZ) {
        return switch (format) {
            case EXTXYZ -> ExtXyz.stream(file);
            case LAMMPS_DUMP -> LammpsDumpReader.stream(file, typeToZ);
            case LAMMPS_DATA -> {
                var data = typeToZ == null ? LammpsDataReader.read(file) : LammpsDataReader.read(file, null, typeToZ);
                yield Stream.of(Frame.of(data.structure()));
            }
        };
    }
}
