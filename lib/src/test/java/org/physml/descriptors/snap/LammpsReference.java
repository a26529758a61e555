package org.physml.descriptors.snap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.physml.structure.Structure;

/**
 * The LAMMPS compute sna/atom reference cases under src/test/resources/bispectrum (see make_reference.py and
 * run_lammps.sh there): the case manifest, the structures and the dumped per-atom bispectra.
 */
final class LammpsReference {

    /** One line of cases.txt: a structure, the compute parameters by their LAMMPS names, and the dump file. */
    record Case(String name, String structureFile, String dumpFile, double rcutfac, double rfac0, int twojmax,
                int[] z, double[] radius, double[] weight, double rmin0, int switchflag, int bzeroflag,
                int quadraticflag, int bnormflag) {

        Bispectrum descriptor() {
            Bispectrum.Builder b = Bispectrum.builder().rcutfac(rcutfac).rfac0(rfac0).twojmax(twojmax).rmin0(rmin0)
                    .switchflag(switchflag).bzeroflag(bzeroflag).quadraticflag(quadraticflag).bnormflag(bnormflag);
            for (int k = 0; k < z.length; k++) {
                b.species(z[k], radius[k], weight[k]);
            }
            return b.build();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private LammpsReference() {
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (String line : lines("cases.txt")) {
            String[] t = line.trim().split("\\s+");
            String[] sp = t[6].split(",");
            int[] z = new int[sp.length];
            double[] r = new double[sp.length];
            double[] w = new double[sp.length];
            for (int k = 0; k < sp.length; k++) {
                String[] f = sp[k].split(":");
                z[k] = Integer.parseInt(f[0]);
                r[k] = Double.parseDouble(f[1]);
                w[k] = Double.parseDouble(f[2]);
            }
            out.add(new Case(t[0], t[1], t[2], Double.parseDouble(t[3]), Double.parseDouble(t[4]),
                    Integer.parseInt(t[5]), z, r, w, Double.parseDouble(t[7]), Integer.parseInt(t[8]),
                    Integer.parseInt(t[9]), Integer.parseInt(t[10]), Integer.parseInt(t[11])));
        }
        return out;
    }

    /** A structure file: "cell" 9 numbers (rows), "pbc" 3 flags, "types" Z per LAMMPS type, "atom id type x y z". */
    static Structure structure(String file) {
        double[][] cell = new double[3][3];
        boolean[] pbc = new boolean[3];
        int[] typeZ = null;
        List<double[]> pos = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        for (String line : lines(file)) {
            String[] t = line.trim().split("\\s+");
            switch (t[0]) {
                case "cell" -> {
                    for (int k = 0; k < 9; k++) {
                        cell[k / 3][k % 3] = Double.parseDouble(t[1 + k]);
                    }
                }
                case "pbc" -> {
                    for (int k = 0; k < 3; k++) {
                        pbc[k] = t[1 + k].equals("1");
                    }
                }
                case "types" -> {
                    typeZ = new int[t.length - 1];
                    for (int k = 1; k < t.length; k++) {
                        typeZ[k - 1] = Integer.parseInt(t[k]);
                    }
                }
                case "atom" -> {
                    if (Integer.parseInt(t[1]) != pos.size() + 1) {
                        throw new IllegalStateException(file + ": atom ids must be 1..n in order");
                    }
                    types.add(Integer.parseInt(t[2]));
                    pos.add(new double[]{Double.parseDouble(t[3]), Double.parseDouble(t[4]),
                            Double.parseDouble(t[5])});
                }
                default -> throw new IllegalStateException(file + ": unexpected line " + line);
            }
        }
        int[] z = new int[types.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = typeZ[types.get(i) - 1];
        }
        return new Structure(pos.toArray(new double[0][]), z, cell, pbc);
    }

    /** The compute columns (after id type x y z) of a LAMMPS dump sorted by id, shape [n_atoms][columns]. */
    static double[][] dump(String file) {
        List<String> all = lines(file);
        int header = all.indexOf(all.stream().filter(s -> s.startsWith("ITEM: ATOMS")).findFirst().orElseThrow());
        List<double[]> rows = new ArrayList<>();
        for (String line : all.subList(header + 1, all.size())) {
            String[] t = line.trim().split("\\s+");
            if (Integer.parseInt(t[0]) != rows.size() + 1) {
                throw new IllegalStateException(file + ": expected atom id " + (rows.size() + 1) + " in " + line);
            }
            double[] v = new double[t.length - 5];
            for (int k = 0; k < v.length; k++) {
                v[k] = Double.parseDouble(t[5 + k]);
            }
            rows.add(v);
        }
        return rows.toArray(new double[0][]);
    }

    /** Whether a file of that name exists among the reference resources. */
    static boolean exists(String file) {
        return LammpsReference.class.getResource("/bispectrum/" + file) != null;
    }

    /** Lines of a resource, without comment lines starting with '#' and blank lines. */
    private static List<String> lines(String file) {
        try (InputStream in = LammpsReference.class.getResourceAsStream("/bispectrum/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource bispectrum/" + file);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
