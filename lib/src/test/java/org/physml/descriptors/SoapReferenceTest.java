package org.physml.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.Gson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.physml.structure.Structure;

/**
 * Compares {@link Soap} with an independent implementation of the DScribe 2.1 SOAP conventions in
 * numpy/scipy (not DScribe's own output: DScribe cannot be installed on the build machines) ({@code src/test/resources/descriptors/soap/soap_reference.py}, which produced
 * {@code soap_reference.json}): scipy's spherical harmonics and modified spherical Bessel functions,
 * scipy's {@code sqrtm(inv(S))} for beta (as DScribe), explicit image enumeration for periodic cells.
 * Molecule, rattled periodic diamond Si (cell smaller than the cutoff, so several images of each atom),
 * a triclinic two-species slab; GTO and polynomial bases; compression off and crossover; inner and outer
 * averages.
 */
class SoapReferenceTest {

    /** One case of the JSON file. */
    static final class Case {
        StructureJson structure;
        Params params;
        double[][] per_atom;
        double[] inner;
        double[] outer;
    }

    static final class StructureJson {
        String name;
        double[][] positions;
        int[] numbers;
        double[][] cell;
        boolean[] pbc;
    }

    static final class Params {
        String rbf;
        double r_cut;
        int n_max;
        int l_max;
        double sigma;
        int[] species;
        String compression;
    }

    static Stream<Arguments> cases() throws Exception {
        try (Reader r = new InputStreamReader(SoapReferenceTest.class.getResourceAsStream(
                "/descriptors/soap/soap_reference.json"), StandardCharsets.UTF_8)) {
            Case[] all = new Gson().fromJson(r, Case[].class);
            List<Arguments> args = new ArrayList<>();
            for (Case c : all) {
                args.add(Arguments.of(c.structure.name + " / " + c.params.rbf + " n_max " + c.params.n_max
                        + " l_max " + c.params.l_max + " " + c.params.compression, c));
            }
            return args.stream();
        }
    }

    private static Soap soap(Params p, String average) {
        return Soap.builder().rbf(p.rbf).rCut(p.r_cut).nMax(p.n_max).lMax(p.l_max).sigma(p.sigma)
                .species(p.species).compression(p.compression).average(average).build();
    }

    /**
     * Relative tolerance: 1e-9 of the vector's largest entry; 1e-5 for the polynomial basis at n_max 8,
     * r_cut 5, whose overlap matrix has condition number 1e16 (beta itself is uncertain at about 5e-6
     * whichever way it is computed in double precision).
     */
    private static double tolerance(Params p) {
        return p.rbf.equals("polynomial") && p.n_max >= 8 ? 1e-5 : 1e-9;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void perAtomSpectraMatch(String name, Case c) {
        Structure s = new Structure(c.structure.positions, c.structure.numbers, c.structure.cell, c.structure.pbc);
        Soap soap = soap(c.params, "off");
        double[][] got = soap.compute(s);
        assertEquals(c.per_atom.length, got.length);
        for (int i = 0; i < got.length; i++) {
            assertVectorClose(c.per_atom[i], got[i], tolerance(c.params), name + " atom " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void averagesMatch(String name, Case c) {
        Structure s = new Structure(c.structure.positions, c.structure.numbers, c.structure.cell, c.structure.pbc);
        assertVectorClose(c.inner, soap(c.params, "inner").computeAverage(s)[0], tolerance(c.params),
                name + " inner");
        assertVectorClose(c.outer, soap(c.params, "outer").computeAverage(s)[0], tolerance(c.params),
                name + " outer");
    }

    static void assertVectorClose(double[] expected, double[] actual, double rel, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0.0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 0, what + ": reference is all zero");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], rel * scale, what + ": feature " + k);
        }
    }
}
