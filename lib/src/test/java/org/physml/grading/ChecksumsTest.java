package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ChecksumsTest {
    private static final CellSpec TEST = CellSpec.test("t1", 2);
    private static final String SRC = "Assertions.assertEquals(4.0, square(2.0), 0.0);\nint k = 1;";

    @Test
    void sha256MatchesTheFips180TestVector() {
        // FIPS 180-2, Appendix B.1: SHA-256("abc")
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Checksums.sha256("abc"));
    }

    @Test
    void whitespaceAnEditorMayChangeDoesNotChangeTheChecksum() {
        String sum = Checksums.of("code", TEST, SRC);
        assertEquals(sum, Checksums.of("code", TEST, SRC.replace("\n", "\r\n")));
        assertEquals(sum, Checksums.of("code", TEST, SRC + "\n\n  \n"));
        assertEquals(sum, Checksums.of("code", TEST, SRC.replace(";\n", ";   \n")));
        assertEquals(sum, Checksums.of("code", TEST.withChecksum("abc"), SRC));
    }

    @Test
    void codeMetadataAndTypeChangesDo() {
        String sum = Checksums.of("code", TEST, SRC);
        assertNotEquals(sum, Checksums.of("code", TEST, SRC.replace("4.0", "5.0")));
        assertNotEquals(sum, Checksums.of("code", TEST, "// " + SRC));
        assertNotEquals(sum, Checksums.of("code", TEST, "  " + SRC));
        assertNotEquals(sum, Checksums.of("code", CellSpec.test("t1", 3), SRC));
        assertNotEquals(sum, Checksums.of("code", CellSpec.test("t2", 2), SRC));
        assertNotEquals(sum, Checksums.of("code", CellSpec.locked("t1"), SRC));
        assertNotEquals(sum, Checksums.of("code", null, SRC));
        assertNotEquals(sum, Checksums.of("markdown", TEST, SRC));
    }

    @Test
    void cellChecksumReadsTheCellsOwnMetadata() {
        Cell c = TestNotebooks.code("x", SRC, TEST);
        assertEquals(Checksums.of("code", TEST, SRC), Checksums.of(c));
        c.metadata().addProperty("physml", "not an object");
        assertEquals(Checksums.of("code", null, SRC), Checksums.of(c));
    }
}
