package org.physml.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

class MeasuredConductivityReaderTest {
    private static final String HEADER = "thickness_nm,T_K,k_W_mK,source\n";

    @TempDir
    Path tmp;

    private Path write(String name, String content) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    private IllegalArgumentException bad(String name, String content) throws IOException {
        Path f = write(name, content);
        return assertThrows(IllegalArgumentException.class, () -> MeasuredConductivityReader.read(f));
    }

    @Test
    void readsTheShippedFile() throws IOException {
        Table t = MeasuredConductivityReader.read(TestData.measuredFile());
        assertEquals(12, t.rowCount());
        assertEquals(java.util.List.of("thickness_nm", "T_K", "k_W_mK", "source"), t.columnNames());
        long bulk = t.doubleColumn("thickness_nm").asList().stream().filter(d -> Double.isInfinite(d)).count();
        assertEquals(8, bulk);
        assertEquals(17.5, t.doubleColumn("thickness_nm").get(0), 0.0);
        assertEquals(19.0, t.doubleColumn("k_W_mK").get(0), 0.0);
        assertEquals("FerrandoVillalba2014", t.stringColumn("source").get(0));
        for (int i = 0; i < t.rowCount(); i++) {
            assertTrue(t.doubleColumn("k_W_mK").get(i) > 0 && t.doubleColumn("T_K").get(i) > 0);
        }
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndLineNumbersStayPhysical() throws IOException {
        Path f = write("ok.csv", "# comment\n\n" + HEADER + "# another\n20,300,22.5,Key_1\n\ninf,300,148,Bulk\n");
        Table t = MeasuredConductivityReader.read(f);
        assertEquals(2, t.rowCount());
        assertEquals(22.5, t.doubleColumn(2).get(0), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, t.doubleColumn(0).get(1), 0.0);

        // the bad value sits on physical line 6 (after two comments and a blank line)
        IllegalArgumentException e = bad("bad.csv", "# c\n\n" + HEADER + "# c\n20,300,22.5,K\n20,300,abc,K\n");
        assertTrue(e.getMessage().startsWith("bad.csv:6:"), e.getMessage());
        assertTrue(e.getMessage().contains("k_W_mK") && e.getMessage().contains("abc"), e.getMessage());
    }

    @Test
    void malformedRowsReportFileAndLine() throws IOException {
        IllegalArgumentException e = bad("fields.csv", HEADER + "20,300,22.5\n");
        assertTrue(e.getMessage().startsWith("fields.csv:2:") && e.getMessage().contains("expected 4"), e.getMessage());
        e = bad("extra.csv", HEADER + "20,300,22.5,K,x\n");
        assertTrue(e.getMessage().startsWith("extra.csv:2:"), e.getMessage());
        e = bad("neg.csv", HEADER + "20,300,22.5,K\n20,-4,22.5,K\n");
        assertTrue(e.getMessage().startsWith("neg.csv:3:") && e.getMessage().contains("T_K"), e.getMessage());
        e = bad("zero.csv", HEADER + "0,300,22.5,K\n");
        assertTrue(e.getMessage().startsWith("zero.csv:2:") && e.getMessage().contains("thickness_nm"),
                e.getMessage());
        e = bad("nan.csv", HEADER + "20,300,NaN,K\n");
        assertTrue(e.getMessage().startsWith("nan.csv:2:"), e.getMessage());
        e = bad("empty.csv", HEADER + "20,,22.5,K\n");
        assertTrue(e.getMessage().startsWith("empty.csv:2:"), e.getMessage());
        e = bad("key.csv", HEADER + "20,300,22.5,Liu & Asheghi\n");
        assertTrue(e.getMessage().startsWith("key.csv:2:") && e.getMessage().contains("source"), e.getMessage());
        e = bad("quote.csv", HEADER + "20,300,22.5,\"K\"\n");
        assertTrue(e.getMessage().startsWith("quote.csv:2:"), e.getMessage());
    }

    @Test
    void wrongOrMissingHeaderIsReported() throws IOException {
        IllegalArgumentException e = bad("hdr.csv", "# c\nthickness,T,k,source\n20,300,22.5,K\n");
        assertTrue(e.getMessage().startsWith("hdr.csv:2:") && e.getMessage().contains("expected"), e.getMessage());
        e = bad("none.csv", "# only comments\n\n");
        assertTrue(e.getMessage().startsWith("none.csv:") && e.getMessage().contains("header"), e.getMessage());
    }
}
