package org.physml.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Gradescope autograder zip of one assignment ({@code ./physml grade export --gradescope NAME}). Gradescope
 * unpacks it to {@code /autograder/source}, runs {@code setup.sh} once as root to build the image, and runs
 * {@code run_autograder} once per submission in a fresh container (Gradescope, "Autograder Specifications",
 * https://gradescope-autograders.readthedocs.io/en/latest/specs/).
 *
 * <p>Contents (paths inside the zip = paths under the course root, so the grader finds them as in a checkout):
 * <ul>
 *   <li>{@code setup.sh}, {@code run_autograder}: from {@code grading/gradescope/}, mode 755;</li>
 *   <li>{@code gradescope.env}: the assignment's name and whether grading may run without the sandbox;</li>
 *   <li>{@code source/NAME.ipynb}: the lecturer's source (solutions and hidden tests), which the grader needs and
 *       the sandbox does not show to the student's code; nothing of {@code solutions/}, {@code exercises/},
 *       {@code grading/fixtures/} or other assignments;</li>
 *   <li>the built course: {@code lib/target/physml-lib.jar}, {@code lib/target/dependency/*.jar},
 *       {@code lib/target/kernel/*.jar}, {@code kernel-patch/target/physml-kernel-patch.jar};</li>
 *   <li>the Python side of the grader: {@link #TOOLS} of {@code tools/};</li>
 *   <li>the course data assignments read (hw09: {@code data/ice}; hw10: {@code data/mlearn},
 *       {@code data/potentials}): every file of {@link #DATA}, shown read-only in the sandbox.</li>
 * </ul>
 * The zip is written with the JDK's zip file system and POSIX permissions, so that unzip restores the
 * executable bit of the two scripts.
 */
public final class GradescopeExport {
    /** Gradescope's two required files, at the root of the zip. */
    public static final String SETUP = "setup.sh";
    public static final String RUN = "run_autograder";
    /** Written by the export: {@code PHYSML_ASSIGNMENT=NAME}, {@code PHYSML_UNSANDBOXED=0|1}. */
    public static final String ENV = "gradescope.env";
    /** Where the two scripts live in the repository. */
    public static final String TEMPLATES = "grading/gradescope";
    /** The files of tools/ the grader runs (the executor imports run_notebooks) or setup.sh runs. */
    static final List<String> TOOLS = List.of("tools/execute_submission.py", "tools/run_notebooks.py",
            "tools/install_kernel.py", "tools/kernel-logging.properties");
    /** The folders of data/ shipped with every assignment (the sandbox shows data/ read-only). */
    static final List<String> DATA = List.of("data/ice", "data/mlearn", "data/potentials");
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> SEARCHABLE = EXECUTABLE;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private GradescopeExport() {
    }

    /**
     * What goes into the zip: zip path to the file under {@code root} it is copied from ({@link #ENV} is
     * generated and not listed).
     *
     * @throws IllegalArgumentException if the assignment's source, a script or a built jar is missing (with the
     *                                  path and what to run)
     */
    public static Map<String, Path> contents(Path root, String assignment) {
        if (!NAME.matcher(assignment).matches()) {
            throw new IllegalArgumentException("not an assignment name: '" + assignment + "'");
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (String script : List.of(SETUP, RUN)) {
            files.put(script, require(root.resolve(TEMPLATES).resolve(script), "the repository's " + TEMPLATES));
        }
        String source = Generator.SOURCE + "/" + assignment + ".ipynb";
        files.put(source, require(root.resolve(source), "an assignment source (see ./physml grade --help)"));
        String build = "run ./physml build";
        for (String jar : List.of("lib/target/physml-lib.jar", "kernel-patch/target/physml-kernel-patch.jar")) {
            files.put(jar, require(root.resolve(jar), build));
        }
        for (String dir : List.of("lib/target/dependency", "lib/target/kernel")) {
            List<Path> jars = jars(root.resolve(dir));
            if (jars.isEmpty()) {
                throw new IllegalArgumentException("no jars in " + root.resolve(dir) + "; " + build);
            }
            jars.forEach(j -> files.put(dir + "/" + j.getFileName(), j));
        }
        for (String tool : TOOLS) {
            files.put(tool, require(root.resolve(tool), "the repository's tools/"));
        }
        for (String dir : DATA) {
            Path d = root.resolve(dir);
            if (!Files.isDirectory(d)) {
                throw new IllegalArgumentException("cannot export: " + d + " is missing (the course data)");
            }
            try (var walk = Files.walk(d)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    files.put(root.relativize(f).toString(), f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + d, e);
            }
        }
        return files;
    }

    /**
     * Write the autograder zip of {@code assignment} to {@code zip} (replaced if it exists).
     *
     * @param unsandboxed whether run_autograder may grade without the sandbox where bubblewrap cannot create its
     *                    namespaces (the student's code can then read the hidden tests and write results.json:
     *                    grading/README.md, Threats)
     * @return the zip's entries in order, with {@link #ENV}
     * @throws IllegalArgumentException if something to ship is missing or the source is not a valid assignment
     * @throws UncheckedIOException     if the zip cannot be written
     */
    public static List<String> write(Path root, String assignment, Path zip, boolean unsandboxed) {
        Map<String, Path> files = contents(root, assignment);
        Assignment.load(files.get(Generator.SOURCE + "/" + assignment + ".ipynb"));   // refuses a broken source
        String env = "# written by ./physml grade export --gradescope " + assignment + "\n"
                + "PHYSML_ASSIGNMENT=" + assignment + "\n"
                + "PHYSML_UNSANDBOXED=" + (unsandboxed ? 1 : 0) + "\n";
        List<String> entries = new ArrayList<>();
        try {
            Path dir = zip.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".gradescope-", ".zip");
            Files.delete(tmp);   // the zip file system creates it
            Map<String, Object> options = Map.of("create", "true", "enablePosixFileAttributes", "true",
                    "useTempFile", Boolean.TRUE);
            try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + tmp.toUri()), options)) {
                for (Map.Entry<String, Path> f : files.entrySet()) {
                    Path dst = fs.getPath(f.getKey());
                    Path parent = dst.getParent();
                    if (parent != null && !Files.exists(parent)) {
                        Files.createDirectories(parent);
                        for (Path q = parent; q != null && q.getNameCount() > 0; q = q.getParent()) {
                            Files.setPosixFilePermissions(q, SEARCHABLE);
                        }
                    }
                    Files.copy(f.getValue(), dst);
                    Files.setPosixFilePermissions(dst, f.getKey().equals(SETUP) || f.getKey().equals(RUN)
                            ? EXECUTABLE : READABLE);
                    entries.add(f.getKey());
                }
                Path e = fs.getPath(ENV);
                Files.writeString(e, env, StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(e, READABLE);
                entries.add(ENV);
            }
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + zip + ": " + e.getMessage(), e);
        }
        return entries;
    }

    /**
     * The course paths a script of the zip refers to as {@code $SOURCE/...} (the folder Gradescope unpacks the zip
     * to); a trailing {@code *} stands for any file in that folder.
     */
    static List<String> referencedPaths(String script) {
        List<String> paths = new ArrayList<>();
        var m = Pattern.compile("\\$(?:\\{SOURCE}|SOURCE)/([A-Za-z0-9_.*/-]+)").matcher(script);
        while (m.find()) {
            String p = m.group(1).replaceAll("[./]+$", "");
            if (!p.isEmpty() && !paths.contains(p)) {
                paths.add(p);
            }
        }
        return paths;
    }

    /**
     * The referenced paths of a script that are not in the zip: neither an entry, nor a folder of entries, nor (for
     * {@code dir/*}) a folder holding at least one entry.
     */
    static List<String> missingReferences(String script, List<String> entries) {
        List<String> missing = new ArrayList<>();
        for (String p : referencedPaths(script)) {
            boolean found;
            if (p.endsWith("/*")) {
                String dir = p.substring(0, p.length() - 1);
                found = entries.stream().anyMatch(e -> e.startsWith(dir) && e.indexOf('/', dir.length()) < 0);
            } else {
                found = entries.contains(p) || entries.stream().anyMatch(e -> e.startsWith(p + "/"));
            }
            if (!found) {
                missing.add(p);
            }
        }
        return missing;
    }

    private static Path require(Path p, String hint) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("cannot export: " + p + " is missing (" + hint + ")");
        }
        return p;
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
