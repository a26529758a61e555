package org.physml.descriptors.steinhardt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.physml.structure.Structure;
import org.physml.structure.io.Frame;
import org.physml.structure.io.LammpsDumpReader;

/**
 * One LAMMPS compute orientorder/atom reference case of src/test/resources/steinhardt (inputs in.NAME, dumps
 * NAME.dump written by run_lammps.sh with LAMMPS 29 Sep 2021 update 2). The compute arguments, the group and the
 * {@code neigh_modify exclude type} pairs are read from the input file itself, the structure and the per-atom
 * values from the dump (positions as LAMMPS used them, 17 significant digits).
 *
 * @param name      case name
 * @param args      keyword/value arguments of the compute command
 * @param groupType LAMMPS type of the compute group, or 0 for group all
 * @param excluded  excluded type pairs of neigh_modify, each as {i, j}
 * @param frame     the dumped snapshot
 */
record LammpsCase(String name, String args, int groupType, List<int[]> excluded, Frame frame) {
    /** LAMMPS type -> Z for all cases (type 1 oxygen, type 2 hydrogen in the water-like case). */
    static final Map<Integer, Integer> TYPE_Z = Map.of(1, 8, 2, 1);

    static Path directory() {
        URL url = LammpsCase.class.getResource("/steinhardt");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<LammpsCase> all() {
        try (Stream<Path> files = Files.list(directory())) {
            List<LammpsCase> out = new ArrayList<>();
            for (Path in : files.filter(p -> p.getFileName().toString().startsWith("in.")).sorted().toList()) {
                out.add(read(in));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LammpsCase named(String name) {
        return read(directory().resolve("in." + name));
    }

    private static LammpsCase read(Path in) {
        String name = in.getFileName().toString().substring(3);
        String args = null;
        int groupType = 0;
        String groupName = "all";
        List<int[]> excluded = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(in)) {
                String[] t = line.trim().split("\\s+");
                if (t[0].equals("group") && t[2].equals("type")) {
                    groupName = t[1];
                    groupType = Integer.parseInt(t[3]);
                } else if (t[0].equals("neigh_modify")) {
                    for (int k = 1; k + 3 < t.length + 1; k++) {
                        if (t[k].equals("exclude") && t[k + 1].equals("type")) {
                            excluded.add(new int[]{Integer.parseInt(t[k + 2]), Integer.parseInt(t[k + 3])});
                        }
                    }
                } else if (t[0].equals("compute")) {
                    if (!t[3].equals("orientorder/atom") || !t[2].equals(groupName)) {
                        throw new IllegalStateException(in + ": unexpected compute line " + line);
                    }
                    args = line.trim().split("orientorder/atom", 2)[1].trim();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (args == null) {
            throw new IllegalStateException(in + " has no compute orientorder/atom line");
        }
        List<Frame> frames = LammpsDumpReader.read(in.resolveSibling(name + ".dump"), TYPE_Z);
        return new LammpsCase(name, args, groupType, excluded, frames.get(0));
    }

    Structure structure() {
        return frame.structure();
    }

    /** LAMMPS type of each atom. */
    int[] types() {
        long[][] t = frame.integers("type");
        return IntStream.range(0, t.length).map(i -> (int) t[i][0]).toArray();
    }

    /** Atoms of the compute group. */
    int[] centres() {
        int[] types = types();
        return IntStream.range(0, types.length).filter(i -> groupType == 0 || types[i] == groupType).toArray();
    }

    /** The descriptor: the compute arguments, plus a neighbour-species filter if neigh_modify excludes types. */
    Steinhardt descriptor() {
        Steinhardt.Builder b = LammpsOrientOrder.builder(args);
        if (!excluded.isEmpty()) {
            if (groupType == 0) {
                throw new IllegalStateException(name + ": type exclusions are only mapped for a one-type group");
            }
            Set<Integer> allowed = new HashSet<>(TYPE_Z.keySet());
            for (int[] pair : excluded) {
                if (pair[0] == groupType) {
                    allowed.remove(pair[1]);
                }
                if (pair[1] == groupType) {
                    allowed.remove(pair[0]);
                }
            }
            b.neighbourSpecies(allowed.stream().mapToInt(TYPE_Z::get).toArray());
        }
        return b.build();
    }

    /** The dumped compute columns c_q[1..], shape [n_atoms][columns]. */
    double[][] reference() {
        int n = structure().size();
        List<double[][]> cols = new ArrayList<>();
        for (int k = 1; frame.arrays().containsKey("c_q[" + k + "]"); k++) {
            cols.add(frame.reals("c_q[" + k + "]"));
        }
        double[][] out = new double[n][cols.size()];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < cols.size(); k++) {
                out[i][k] = cols.get(k)[i][0];
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
