package org.physml.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.physml.descriptors.snap.Bispectrum;

/** The JSON of the descriptor parameters: exact, strict, and with messages that say what is wrong. */
class DescriptorRegistryTest {

    private static Soap soap(double sigma) {
        return Soap.builder().rCut(5).nMax(4).lMax(8).sigma(sigma).species(8, 1).build();
    }

    @Test
    void soapJsonNamesEveryParameterWithTheFieldsSymbols() {
        assertEquals("{\"descriptor\":\"soap\",\"parameters\":{\"r_cut\":5.0,\"n_max\":4,\"l_max\":8,\"sigma\":0.5,"
                + "\"rbf\":\"gto\",\"species\":[1,8],\"average\":\"off\",\"compression\":\"off\"}}",
                soap(0.5).toString());
    }

    @Test
    void parametersDifferingBeyondSixDigitsHaveDifferentJsonAndAreNotEqual() {
        Soap a = soap(0.5);
        Soap b = soap(0.5 + 1e-9);
        assertNotEquals(a.toString(), b.toString());
        assertNotEquals(a, b);
        assertEquals(a, soap(0.5));
        assertEquals(0.5 + 1e-9, ((SoapParameters) DescriptorRegistry.fromJson(b.toString())).sigma());
    }

    @Test
    void nestedParametersCarryTheirTypeNames() {
        Acsf acsf = Acsf.builder().cutoffFunction(CutoffFunction.sigmoid(5.5, 10, 0.5)).species("H", "O")
                .g2Params(new double[][]{{0.01, 0}}).build();
        NeighbourAveraged avg = new NeighbourAveraged(acsf, 8, 5.0);
        String json = avg.toString();
        assertTrue(json.startsWith("{\"descriptor\":\"neighbour-average\",\"parameters\":{\"inner\":{\"descriptor\":"
                + "\"acsf\",\"parameters\":{\"cutoff\":{\"kind\":\"sigmoid\",\"parameters\":{\"r_cut\":5.5,"), json);
        assertEquals(avg, DescriptorRegistry.create(json));
    }

    @Test
    void deeplyNestedJsonIsRefusedWithAMessageNotAStackOverflow() {
        String inner = Acsf.builder().rCut(5).species("O").g2Params(new double[][]{{0.01, 0}}).build().toString();
        String three = inner;
        for (int k = 0; k < 3; k++) {
            three = "{\"descriptor\":\"neighbour-average\",\"parameters\":{\"inner\":" + three
                    + ",\"z\":8,\"r_average\":5.0}}";
        }
        assertEquals(three, DescriptorRegistry.toJson(DescriptorRegistry.fromJson(three)));
        StringBuilder deep = new StringBuilder();
        int levels = 100_000;
        for (int k = 0; k < levels; k++) {
            deep.append("{\"descriptor\":\"neighbour-average\",\"parameters\":{\"inner\":");
        }
        deep.append(inner);
        for (int k = 0; k < levels; k++) {
            deep.append(",\"z\":8,\"r_average\":5.0}}");
        }
        String text = deep.toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DescriptorRegistry.fromJson(text));
        assertTrue(e.getMessage().startsWith("descriptor JSON:") && e.getMessage().contains("nest"),
                e.getMessage());
    }

    @Test
    void unknownDescriptorListsTheRegisteredNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DescriptorRegistry.fromJson("{\"descriptor\":\"soapy\",\"parameters\":{}}"));
        assertTrue(e.getMessage().contains("unknown descriptor 'soapy'"), e.getMessage());
        assertTrue(e.getMessage().contains("bispectrum"), e.getMessage());
    }

    @Test
    void misspelledOrMissingParametersAreNamed() {
        String good = soap(0.5).toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DescriptorRegistry.fromJson(good.replace("\"r_cut\"", "\"r_cutt\"")));
        assertTrue(e.getMessage().contains("unknown parameter(s) [r_cutt]"), e.getMessage());
        assertTrue(e.getMessage().contains("r_cut"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DescriptorRegistry.fromJson(good.replace("\"sigma\":0.5,", "")));
        assertTrue(e.getMessage().contains("missing parameter 'sigma'"), e.getMessage());
    }

    @Test
    void refusedValuesKeepTheRecordsMessage() {
        String good = soap(0.5).toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DescriptorRegistry.fromJson(good.replace("\"l_max\":8", "\"l_max\":21")));
        assertTrue(e.getMessage().contains("l_max = 21"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DescriptorRegistry.fromJson(good.replace("\"gto\"", "\"gaussian\"")));
        assertTrue(e.getMessage().contains("'gaussian'") && e.getMessage().contains("[gto, polynomial]"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DescriptorRegistry.fromJson("{\"descriptor\":"));
        assertTrue(e.getMessage().startsWith("descriptor JSON:"), e.getMessage());
    }

    @Test
    void builderStringsAndIntFlagsBecomeEnumsAndBooleans() {
        Soap s = Soap.builder().rCut(5).nMax(2).lMax(2).species(8).rbf("Polynomial").compression("CROSSOVER")
                .build();
        assertEquals(SoapParameters.Rbf.POLYNOMIAL, s.parameters().rbf());
        assertEquals(SoapParameters.Compression.CROSSOVER, s.parameters().compression());
        Bispectrum b = Bispectrum.builder().rcutfac(1).rfac0(0.99363).twojmax(4).species(14, 2.5, 1).bzeroflag(0)
                .build();
        assertEquals(false, b.parameters().bzeroflag());
        assertTrue(b.toString().contains("\"bzeroflag\":false"), b.toString());
    }

    @Test
    void coulombMatrixRoundTrips() {
        CoulombMatrix cm = new CoulombMatrix(12);
        assertEquals("{\"descriptor\":\"coulomb-matrix\",\"parameters\":{\"n_atoms_max\":12}}", cm.toString());
        assertEquals(cm, DescriptorRegistry.create(cm.toString()));
    }

    @Test
    void everyEntryListsItsParameters() {
        List<String> names = DescriptorRegistry.entry("soap").parameterNames();
        assertEquals(List.of("r_cut", "n_max", "l_max", "sigma", "rbf", "species", "average", "compression"), names);
        assertEquals(10, DescriptorRegistry.entries().size());
        assertEquals(List.of("inner", "species"), DescriptorRegistry.entry("species-subset").parameterNames());
    }
}
