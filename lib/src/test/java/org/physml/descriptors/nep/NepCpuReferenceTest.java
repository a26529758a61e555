package org.physml.descriptors.nep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.physml.structure.Structure;

/**
 * Number-by-number comparison with NEP_CPU's own output. Reference files (resources
 * descriptors/nep/nep_cpu_test_qnep, see the README there): the NEP4 model nep.txt (Te, Pb; cutoff 8/4,
 * n_max 4 4, basis_size 8 8, l_max 4 2 0) of brucefan1983/NEP_CPU test_qnep/ at commit b8ae3459, its 250-atom
 * PbTe structure, and rows of the descriptor.out that NEP_CPU's find_descriptor wrote for it (q_scaler applied).
 */
class NepCpuReferenceTest {
    private static final String DIR = "/descriptors/nep/nep_cpu_test_qnep/";

    private static Reader resource(String name) {
        InputStream in = NepCpuReferenceTest.class.getResourceAsStream(DIR + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + DIR + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static List<String> lines(String name) throws IOException {
        try (java.io.BufferedReader r = new java.io.BufferedReader(resource(name))) {
            List<String> out = new ArrayList<>();
            String s;
            while ((s = r.readLine()) != null) {
                out.add(s);
            }
            return out;
        }
    }

    /** The extended-XYZ structure (columns: species, 3 force components, 3 position components). */
    private static Structure structure() throws IOException {
        List<String> l = lines("structure.xyz");
        int n = Integer.parseInt(l.get(0).strip());
        String lattice = l.get(1).split("\"")[1];
        String[] v = lattice.strip().split("\\s+");
        double[][] cell = new double[3][3];
        for (int i = 0; i < 9; i++) {
            cell[i / 3][i % 3] = Double.parseDouble(v[i]);
        }
        double[][] pos = new double[n][3];
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            String[] t = l.get(2 + i).strip().split("\\s+");
            z[i] = org.physml.structure.Elements.atomicNumber(t[0]);
            for (int a = 0; a < 3; a++) {
                pos[i][a] = Double.parseDouble(t[4 + a]);
            }
        }
        return new Structure(pos, z, cell, new boolean[]{true, true, true});
    }

    @Test
    void descriptorsMatchNepCpuOutput() throws IOException {
        NepModel model;
        try (Reader r = resource("nep.txt")) {
            model = NepModelFile.parse(r, "nep.txt");
        }
        NepParameters p = model.descriptor();
        assertEquals(30, p.dimension());
        assertEquals(8.0, p.rcRadial(1));
        NepDescriptor nep = new NepDescriptor(p);
        Structure s = structure();
        assertEquals(250, s.size());

        List<String> ref = new ArrayList<>();
        for (String line : lines("descriptor_selected.out")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                ref.add(line);
            }
        }
        int[] centres = new int[ref.size()];
        double[][] expected = new double[ref.size()][];
        for (int k = 0; k < ref.size(); k++) {
            String[] t = ref.get(k).strip().split("\\s+");
            centres[k] = Integer.parseInt(t[0]);
            expected[k] = new double[t.length - 1];
            for (int d = 1; d < t.length; d++) {
                expected[k][d - 1] = Double.parseDouble(t[d]);
            }
        }
        double[][] actual = nep.compute(s, centres);
        double worst = 0;
        for (int k = 0; k < centres.length; k++) {
            assertEquals(30, expected[k].length);
            for (int d = 0; d < 30; d++) {
                // NEP_CPU printed 15 significant digits
                double tol = 1e-12 + 1e-11 * Math.abs(expected[k][d]);
                worst = Math.max(worst, Math.abs(actual[k][d] - expected[k][d]) / (1e-12 + Math.abs(expected[k][d])));
                assertEquals(expected[k][d], actual[k][d], tol, "atom " + centres[k] + ", component " + d);
            }
        }
        System.out.printf("NEP_CPU reference: worst relative deviation %.2e over %d atoms%n", worst, centres.length);
    }
}
