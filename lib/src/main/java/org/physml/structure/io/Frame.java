package org.physml.structure.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.physml.structure.Structure;

/**
 * One configuration read from or written to a structure file: the {@link Structure}, per-frame information
 * and per-atom arrays.
 *
 * <p>{@code info} holds the key=value pairs of an extended-XYZ comment line other than Lattice, Properties and
 * pbc (e.g. {@code energy} in eV, {@code config_type}, {@code stress}), or the TIMESTEP of a LAMMPS dump, in
 * file order. Value types: {@link Long} (integers), {@link Double}, {@link Boolean}, {@link String},
 * {@code long[]}, {@code double[]}, {@code boolean[]}, {@code double[3][3]} (for the keys stress, virial and
 * Lattice, Fortran order in the file as ASE writes it) and {@link com.google.gson.JsonElement} (values written by
 * ASE as {@code _JSON ...}). Writers also accept Integer, Float and int[].
 *
 * <p>{@code arrays} holds the per-atom columns other than species, pos and Z (e.g. {@code forces}, shape [n][3],
 * eV/A), named as in the file, in file order.
 *
 * @param structure the atoms
 * @param info      per-frame values, unmodifiable, insertion ordered
 * @param arrays    per-atom values, unmodifiable, insertion ordered; each has one row per atom
 */
public record Frame(Structure structure, Map<String, Object> info, Map<String, AtomArray> arrays) {

    /**
     * @throws IllegalArgumentException if an array does not have one row per atom
     */
    public Frame {
        Objects.requireNonNull(structure, "structure");
        info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
        arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
        for (Map.Entry<String, AtomArray> e : arrays.entrySet()) {
            if (e.getValue().size() != structure.size()) {
                throw new IllegalArgumentException("per-atom array '" + e.getKey() + "' has " + e.getValue().size()
                        + " rows for " + structure.size() + " atoms");
            }
        }
    }

    /** A frame with no info and no per-atom arrays. */
    public static Frame of(Structure structure) {
        return new Frame(structure, Map.of(), Map.of());
    }

    /** This frame with one more (or a replaced) info entry. */
    public Frame withInfo(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(info);
        copy.put(key, value);
        return new Frame(structure, copy, arrays);
    }

    /** This frame with one more (or a replaced) per-atom array. */
    public Frame withArray(String name, AtomArray array) {
        Map<String, AtomArray> copy = new LinkedHashMap<>(arrays);
        copy.put(name, array);
        return new Frame(structure, info, copy);
    }

    /**
     * A real per-atom array, shape [n][k].
     *
     * @throws IllegalArgumentException if there is no array of that name or it is not of type R
     */
    public double[][] reals(String name) {
        if (array(name) instanceof AtomArray.Reals r) {
            return r.values();
        }
        throw wrongType(name, 'R');
    }

    /**
     * An integer per-atom array, shape [n][k].
     *
     * @throws IllegalArgumentException if there is no array of that name or it is not of type I
     */
    public long[][] integers(String name) {
        if (array(name) instanceof AtomArray.Integers r) {
            return r.values();
        }
        throw wrongType(name, 'I');
    }

    /**
     * A string per-atom array, shape [n][k].
     *
     * @throws IllegalArgumentException if there is no array of that name or it is not of type S
     */
    public String[][] strings(String name) {
        if (array(name) instanceof AtomArray.Strings r) {
            return r.values();
        }
        throw wrongType(name, 'S');
    }

    /**
     * A per-frame number (e.g. {@code energy}) as a double.
     *
     * @throws IllegalArgumentException if the key is missing or its value is not a number
     */
    public double number(String key) {
        Object v = info.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("info '" + key + "' is " + (v == null ? "missing" : "not a number: " + v)
                + "; keys present: " + info.keySet());
    }

    private AtomArray array(String name) {
        AtomArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no per-atom array '" + name + "'; arrays present: " + arrays.keySet());
        }
        return a;
    }

    private IllegalArgumentException wrongType(String name, char expected) {
        return new IllegalArgumentException("per-atom array '" + name + "' has type " + arrays.get(name).type()
                + ", expected " + expected);
    }
}
