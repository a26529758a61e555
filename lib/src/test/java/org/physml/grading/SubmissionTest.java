package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionTest {
    @Test
    void findsFilesAndOneFolderPerStudent(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("alice.ipynb"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "not a submission");
        Files.createDirectories(dir.resolve("bob smith"));
        Files.writeString(dir.resolve("bob smith/hw.ipynb"), "{}");
        Files.createDirectories(dir.resolve("carol/.ipynb_checkpoints"));
        Files.writeString(dir.resolve("carol/a.ipynb"), "{}");
        Files.writeString(dir.resolve("carol/b.ipynb"), "{}");
        Files.createDirectories(dir.resolve("dave"));
        Files.createDirectories(dir.resolve(".hidden"));
        List<Submission> s = Submission.find(dir);
        assertEquals(List.of("alice", "bob_smith", "carol", "dave"), s.stream().map(Submission::student).toList());
        assertEquals(dir.resolve("alice.ipynb"), s.get(0).file());
        assertEquals(dir.resolve("bob smith/hw.ipynb"), s.get(1).file());
        assertNull(s.get(2).file());
        assertTrue(s.get(2).problem().startsWith("several notebooks in "), s.get(2).problem());
        assertTrue(s.get(3).problem().startsWith("no notebook in "), s.get(3).problem());
        assertEquals(List.of(new Submission("alice", dir.resolve("alice.ipynb"), null)),
                Submission.find(dir.resolve("alice.ipynb")));
    }

    @Test
    void refusesAmbiguousOrMissingInput(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a b.ipynb"), "{}");
        Files.createDirectories(dir.resolve("a_b"));
        Files.writeString(dir.resolve("a_b/x.ipynb"), "{}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Submission.find(dir));
        assertTrue(e.getMessage().startsWith("two submissions have the student id a_b"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Submission.find(dir.resolve("nope")));
        Files.writeString(dir.resolve("x.txt"), "");
        assertThrows(IllegalArgumentException.class, () -> Submission.find(dir.resolve("x.txt")));
    }

    @Test
    void idsAreSafeFolderNames() {
        assertEquals("m.m_ller_2", Submission.id("m.müller/2"));
        assertEquals("_..", Submission.id(".."));
        assertEquals("s123@uni.de", Submission.id("s123@uni.de"));
    }

    @Test
    void symbolicLinksAndOversizedFilesAreRefusedWithAPlainMessage(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("solution.json"), "{\"nbformat\": 4}");
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.createSymbolicLink(inbox.resolve("mallory.ipynb"), secret);
        Files.createDirectories(inbox.resolve("eve"));
        Files.createSymbolicLink(inbox.resolve("eve/hw.ipynb"), secret);
        Files.writeString(inbox.resolve("big.ipynb"), "x".repeat(2048));
        List<Submission> s = Submission.find(inbox);
        assertEquals(List.of("big", "eve", "mallory"), s.stream().map(Submission::student).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.get(2).read(1 << 20));
        assertEquals("the submission mallory.ipynb is a symbolic link; submit the notebook file itself", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.get(1).read(1 << 20));
        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.get(0).read(1024));
        assertTrue(e.getMessage().startsWith("the submission is larger than the limit of 1 kB"), e.getMessage());
        assertEquals(2048, s.get(0).read(4096).length());
    }
}
