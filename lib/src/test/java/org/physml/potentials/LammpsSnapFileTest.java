package org.physml.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physml.descriptors.snap.Bispectrum;
import org.physml.structure.Rattle;
import org.physml.structure.Structure;
import org.physml.structure.io.LammpsDataReader;

/** The published SNAP and qSNAP models of Zuo et al. read from LAMMPS's files and evaluated by the library. */
class LammpsSnapFileTest {
    private static final Path REF = Path.of("src/test/resources/snap-potential");

    @TempDir
    Path tmp;

    /**
     * Energies and forces of four mlearn test structures with the four published SNAP files equal those of LAMMPS's
     * pair_style snap (29 Sep 2021, ML-SNAP; inputs and script in src/test/resources/snap-potential).
     */
    @Test
    void publishedModelsReproduceLammpsPairSnap() throws IOException {
        int cases = 0;
        for (String element : PublishedModels.ELEMENTS) {
            for (PublishedModels.Kind kind : List.of(PublishedModels.Kind.SNAP, PublishedModels.Kind.QSNAP)) {
                Potential p = PublishedModels.load(element, kind);
                for (int i : element.equals("Si") ? new int[]{9, 19} : new int[]{0, 3}) {
                    String name = element + "_" + kind.folder() + "_test" + i;
                    Structure s = LammpsDataReader.read(REF.resolve(element + "_test" + i + ".data")).structure();
                    Potential.EnergyAndForces ef = p.compute(s);
                    String energyLine = Files.readString(REF.resolve(name + ".energy")).strip();
                    double e = Double.parseDouble(energyLine.substring("energy ".length()));
                    assertEquals(e, ef.energy(), 1e-10 * Math.abs(e), name + " energy (eV)");
                    List<String> dump = Files.readAllLines(REF.resolve(name + ".dump"));
                    List<String> rows = dump.subList(dump.indexOf("ITEM: ATOMS id fx fy fz") + 1, dump.size());
                    assertEquals(s.size(), rows.size(), name + " atoms in the dump");
                    for (String row : rows) {
                        String[] w = row.trim().split("\\s+");
                        int id = Integer.parseInt(w[0]) - 1;
                        for (int a = 0; a < 3; a++) {
                            assertEquals(Double.parseDouble(w[a + 1]), ef.forces()[id][a], 1e-10,
                                    name + " force on atom " + (id + 1) + ", axis " + a);
                        }
                    }
                    cases++;
                }
            }
        }
        assertEquals(8, cases);
    }

    /**
     * The quadratic energy by hand from LAMMPS's documented formula E_i = beta_0 + beta . B + 1/2 B^T alpha B, with
     * alpha symmetric and the file listing its upper triangle row by row, from the linear bispectrum alone.
     */
    @Test
    void quadraticEnergyFollowsTheDocumentedCoefficientLayout() throws IOException {
        LinearSnap q = (LinearSnap) PublishedModels.load("Mo", PublishedModels.Kind.QSNAP);
        Bispectrum qb = q.bispectrum();
        Bispectrum linear = Bispectrum.builder().rcutfac(qb.parameters().rcutfac()).rfac0(qb.parameters().rfac0()).twojmax(qb.parameters().twojmax())
                .rmin0(qb.parameters().rmin0()).bzeroflag(qb.parameters().bzeroflag() ? 1 : 0).species(42, qb.radius(42), qb.weight(42)).build();
        int k = linear.featureCount();
        double[] c = q.coefficients();
        double[][] alpha = new double[k][k];
        int at = 1 + k;
        for (int l = 0; l < k; l++) {
            for (int m = l; m < k; m++) {
                alpha[l][m] = c[at];
                alpha[m][l] = c[at];
                at++;
            }
        }
        assertEquals(c.length, at);
        Structure s = PotentialTestData.molybdenumTest().get(5).structure();
        double e = 0;
        for (double[] b : linear.compute(s)) {
            e += c[0];
            for (int l = 0; l < k; l++) {
                e += c[1 + l] * b[l];
                for (int m = 0; m < k; m++) {
                    e += 0.5 * b[l] * alpha[l][m] * b[m];
                }
            }
        }
        assertEquals(e, q.energy(s), 1e-9 * Math.abs(e));
    }

    /** Forces of the quadratic model equal minus the central finite difference of its energy. */
    @Test
    void quadraticForcesAreMinusTheEnergyGradient() throws IOException {
        Potential q = PublishedModels.load("Mo", PublishedModels.Kind.QSNAP);
        Structure s = Rattle.gaussian(PotentialTestData.molybdenumTest().get(3).structure(), 0.05, 2);
        double[][] f = q.compute(s).forces();
        double h = 1e-4;
        for (int j : new int[]{0, 30}) {
            for (int a = 0; a < 3; a++) {
                double fd = -(q.energy(LinearSnapTest.displaced(s, j, a, h))
                        - q.energy(LinearSnapTest.displaced(s, j, a, -h))) / (2 * h);
                assertEquals(fd, f[j][a], 1e-6 * (1 + Math.abs(fd)), "atom " + j + " axis " + a);
            }
        }
    }

    @Test
    void malformedFilesAreRejectedWithFileAndLine() throws IOException {
        Path dir = PublishedModels.folder("Mo", PublishedModels.Kind.SNAP);
        String param = Files.readString(dir.resolve("SNAPotential.snapparam"));
        String coeff = Files.readString(dir.resolve("SNAPotential.snapcoeff"));
        expect(param.replace("twojmax 6", "twojmax 6 7"), coeff, "p.snapparam line 2", "keyword value");
        expect(param.replace("rfac0", "rfacO"), coeff, "p.snapparam line 3", "unknown SNAP keyword 'rfacO'");
        expect(param.replace("diagonalstyle 3", "diagonalstyle 2"), coeff, "p.snapparam line 5", "diagonalstyle 3");
        expect(param.replace("quadraticflag 0", "quadraticflag 1"), coeff, "c.snapcoeff line 1", "expected 496");
        expect(param.replace("rcutfac 4.6", ""), coeff, "p.snapparam", "'rcutfac' is missing");
        expect(param, coeff.replace("1 31", "1 30"), "c.snapcoeff line 1", "expected 31");
        expect(param, coeff.replace("Mo 0.5 1", "Mx 0.5 1"), "c.snapcoeff line 2", "chemical symbol");
        expect(param, coeff.replace("0.02178925465143394", "0.0217x"), "c.snapcoeff line 4", "coefficient 2");
        String[] lines = coeff.split("\n");
        expect(param, String.join("\n", java.util.Arrays.copyOf(lines, lines.length - 1)), "c.snapcoeff",
                "end of file");
    }

    private void expect(String param, String coeff, String where, String what) throws IOException {
        Files.writeString(tmp.resolve("p.snapparam"), param);
        Files.writeString(tmp.resolve("c.snapcoeff"), coeff);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LammpsSnapFile.read(tmp.resolve("p.snapparam"), tmp.resolve("c.snapcoeff")));
        assertTrue(e.getMessage().startsWith(where), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }
}
