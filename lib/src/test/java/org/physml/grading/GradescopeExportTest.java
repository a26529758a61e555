package org.physml.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradescopeExportTest {
    private static final Path ROOT = NotebookTest.ROOT;
    private static final String HW = "hw02-ftcs";

    @TempDir
    Path tmp;

    /** A course root with the real scripts, tools and source, and stand-in jars (lib/ is not packaged in mvn test). */
    private Path fakeRoot() throws IOException {
        Path r = tmp.resolve("course");
        for (String f : List.of("grading/gradescope/setup.sh", "grading/gradescope/run_autograder",
                "source/" + HW + ".ipynb", "source/hw01-surrogate.ipynb", "solutions/" + HW + ".ipynb")) {
            copy(ROOT.resolve(f), r.resolve(f));
        }
        for (String t : GradescopeExport.TOOLS) {
            copy(ROOT.resolve(t), r.resolve(t));
        }
        for (String d : GradescopeExport.DATA) {
            Files.createDirectories(r.resolve(d));
            Files.writeString(r.resolve(d).resolve("README.md"), "data " + d);
        }
        for (String jar : List.of("lib/target/physml-lib.jar", "lib/target/dependency/gson.jar",
                "lib/target/dependency/nd4j.jar", "lib/target/kernel/rapaio-jupyter-kernel.jar",
                "kernel-patch/target/physml-kernel-patch.jar")) {
            Files.createDirectories(r.resolve(jar).getParent());
            Files.writeString(r.resolve(jar), "jar " + jar);
        }
        return r;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    @Test
    void zipHoldsTheScriptsExecutableTheSourceAndTheBuiltCourseButNoSolutions() throws IOException {
        Path root = fakeRoot();
        Path zip = tmp.resolve("out/hw.zip");
        List<String> entries = GradescopeExport.write(root, HW, zip, false);
        assertTrue(entries.containsAll(List.of("setup.sh", "run_autograder", "gradescope.env", "source/" + HW + ".ipynb",
                "lib/target/physml-lib.jar", "lib/target/dependency/gson.jar", "lib/target/dependency/nd4j.jar",
                "lib/target/kernel/rapaio-jupyter-kernel.jar", "kernel-patch/target/physml-kernel-patch.jar",
                "tools/execute_submission.py", "tools/run_notebooks.py", "tools/install_kernel.py",
                "data/ice/README.md", "data/mlearn/README.md", "data/potentials/README.md")), entries.toString());
        assertEquals(List.of(), GradescopeCheck.checkEntries(HW, entries), "no solutions/, other sources, grading/");
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
                Map.of("enablePosixFileAttributes", "true"))) {
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(fs.getPath("run_autograder"))));
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(fs.getPath("setup.sh"))));
            assertEquals("rw-r--r--", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(fs.getPath("source/" + HW + ".ipynb"))));
            for (String dir : List.of("source", "lib", "lib/target/dependency", "tools")) {
                assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(fs.getPath(dir))),
                        dir);
            }
            String env = Files.readString(fs.getPath("gradescope.env"));
            assertTrue(env.contains("PHYSML_ASSIGNMENT=" + HW + "\n") && env.contains("PHYSML_UNSANDBOXED=0\n"), env);
            assertEquals(Files.readString(root.resolve("source/" + HW + ".ipynb")),
                    Files.readString(fs.getPath("source/" + HW + ".ipynb")));
            assertFalse(Files.exists(fs.getPath("solutions")));
            assertFalse(Files.exists(fs.getPath("source/hw01-surrogate.ipynb")));
        }
        List<String> again = GradescopeExport.write(root, HW, zip, true);
        assertEquals(entries, again, "an existing zip is replaced");
    }

    @Test
    void everyPathTheScriptsNameIsInTheZip() throws IOException {
        Path root = fakeRoot();
        List<String> entries = GradescopeExport.write(root, HW, tmp.resolve("hw.zip"), false);
        for (String script : List.of("setup.sh", "run_autograder")) {
            String text = Files.readString(root.resolve("grading/gradescope").resolve(script));
            assertFalse(GradescopeExport.referencedPaths(text).isEmpty(), script);
            assertEquals(List.of(), GradescopeExport.missingReferences(text, entries), script);
        }
        assertTrue(GradescopeExport.referencedPaths(Files.readString(root.resolve("grading/gradescope/run_autograder")))
                .contains("lib/target/dependency/*"));
        assertEquals(List.of("tools/nope.py", "lib/none/*"), GradescopeExport.missingReferences(
                "python3 \"$SOURCE/tools/nope.py\" \"${SOURCE}/tools/install_kernel.py\" -cp \"$SOURCE/lib/none/*\"",
                entries));
    }

    @Test
    void missingJarsOrSourceAreRefusedWithThePath() throws IOException {
        Path root = fakeRoot();
        Files.delete(root.resolve("kernel-patch/target/physml-kernel-patch.jar"));
        var e = assertThrows(IllegalArgumentException.class, () -> GradescopeExport.contents(root, HW));
        assertTrue(e.getMessage().contains("physml-kernel-patch.jar") && e.getMessage().contains("./physml build"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradescopeExport.contents(root, "hw99"));
        assertTrue(e.getMessage().contains("source/hw99.ipynb"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradescopeExport.contents(root, "../solutions/" + HW));
        assertTrue(e.getMessage().contains("not an assignment name"), e.getMessage());
    }
}
