package org.physml.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox every process of one submission runs in: Debian's bubblewrap ({@code bwrap}) started through
 * util-linux's {@code setpriv} (an unprivileged user id per parallel job slot) and {@code prlimit}.
 *
 * <p>Inside: new user, PID, network, IPC, UTS and cgroup namespaces ({@code --unshare-all}: no network, only a
 * private loopback); the first process is PID 1 of its namespace ({@code --as-pid-1}), so when it ends the kernel
 * kills every process the student started, {@code setsid} or not; {@code --die-with-parent} ends the sandbox when
 * the grader dies, even by SIGKILL; {@code --new-session} (no terminal). The file system is a fresh tmpfs root
 * holding read-only binds of {@code /usr} (JDK, Python, Jupyter), a few files of {@code /etc} the JDK needs and
 * the course paths given (the library jars, the kernel, tools/, the kernelspec); a private {@code /tmp} of
 * {@link #TMP_BYTES}, {@code /dev/shm} of {@link #SHM_BYTES} and the one writable folder {@link #WORK_DIR} of
 * {@link #WORK_BYTES}, all tmpfs that vanish with the sandbox. The repository itself (source/, solutions/,
 * grading output, other submissions) is not there. Limits per process (prlimit): {@link #NPROC} processes and
 * threads for the slot's user, files of at most {@link #FSIZE_BYTES}, CPU time, no core files, and the address
 * space of {@link ExecutionLimits#addressSpace()}.
 *
 * <p>Input and output go through the sandbox's stdin and stdout only; the grader writes every report after the
 * sandbox has ended.
 */
public final class Sandbox {
    /** The student's writable folder inside the sandbox. */
    public static final String WORK_DIR = "/home/student";
    /** /tmp, also HOME: JavaCPP unpacks ND4J there (libnd4jcpu.so alone is 323 MB). */
    static final long TMP_BYTES = 1L << 30;
    static final long SHM_BYTES = 64L << 20;
    static final long WORK_BYTES = 64L << 20;
    static final long FSIZE_BYTES = 512L << 20;
    /** Processes plus threads of the slot's user: a JVM kernel uses about 40, the test JShell two JVMs ~60. */
    static final int NPROC = 300;
    /** First unprivileged user id of the job slots (slot k runs as FIRST_UID + k). */
    public static final int FIRST_UID = 64000;
    /** Highest number of slots (so user ids stay below 65534, nobody). */
    public static final int MAX_SLOTS = 1000;
    private static final List<String> ETC = List.of("/etc/alternatives", "/etc/java-17-openjdk", "/etc/ld.so.cache",
            "/etc/fonts", "/etc/localtime");

    private final boolean enabled;
    private final List<Path> readOnly;
    /** Where each read-only path is bound from: itself, or a world-readable copy (see {@link #visibleSource}). */
    private final Map<Path, Path> sources = new LinkedHashMap<>();
    private final String why;

    private Sandbox(boolean enabled, List<Path> readOnly, String why) {
        this.enabled = enabled;
        this.readOnly = List.copyOf(readOnly);
        this.why = why;
        if (enabled) {
            for (Path p : this.readOnly) {
                Path abs = p.toAbsolutePath().normalize();
                sources.put(abs, visibleSource(abs));
            }
        }
    }

    /**
     * The path the sandbox user can bind {@code path} from. The sandbox runs as an unprivileged user, so a
     * course checkout below a folder that others cannot enter (a home folder of mode 700, say) is invisible to it:
     * such a path is copied once into a world-readable folder under /var/tmp (deleted when the grader exits) and
     * bound from there at its original path.
     *
     * @throws IllegalStateException if the copy cannot be made
     */
    static Path visibleSource(Path path) {
        if (!Files.exists(path) || worldReadable(path)) {
            return path;
        }
        try {
            synchronized (Sandbox.class) {
                if (staging == null) {
                    staging = Files.createTempDirectory(Path.of("/var/tmp"), "physml-sandbox-");
                    Path dir = staging;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                }
            }
            Path copy = staging.resolve(path.toString().substring(1));
            try (var walk = Files.walk(path)) {
                for (Path src : walk.toList()) {
                    Path dst = copy.resolve(path.relativize(src).toString());
                    if (Files.isDirectory(src)) {
                        Files.createDirectories(dst);
                    } else {
                        Files.createDirectories(dst.getParent());
                        Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            try (var walk = Files.walk(staging)) {
                for (Path q : walk.toList()) {
                    Files.setPosixFilePermissions(q, PosixFilePermissions.fromString(
                            Files.isDirectory(q) || Files.isExecutable(q) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make " + path + " readable for the sandbox user: "
                    + e.getMessage(), e);
        }
    }

    private static Path staging;

    /** Whether others can reach {@code path}: every parent folder searchable, the path itself readable. */
    static boolean worldReadable(Path path) {
        try {
            for (Path a = path.getParent(); a != null; a = a.getParent()) {
                if (!Files.getPosixFilePermissions(a).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return Files.getPosixFilePermissions(path).contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            // best effort at exit
        }
    }

    /**
     * The sandbox with these course paths visible read-only (at the same absolute paths), after a probe that
     * starts {@code true} in it.
     *
     * @throws IllegalStateException if bwrap, setpriv or prlimit is missing or the probe fails (namespaces cannot
     *                               be created here: no user namespaces, a container without the rights,
     *                               seccomp); the message quotes bwrap's own error
     */
    public static Sandbox probe(List<Path> readOnly) {
        Sandbox s = new Sandbox(true, readOnly, null);
        for (String tool : List.of("bwrap", "setpriv", "prlimit")) {
            if (which(tool) == null) {
                throw new IllegalStateException(tool + " is not installed (Debian packages bubblewrap, util-linux);"
                        + " ./physml setup installs them as root");
            }
        }
        List<String> cmd = s.command(List.of("/usr/bin/true"), 0, ExecutionLimits.DEFAULT);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the sandbox probe did not finish in 60 s: " + String.join(" ", cmd));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new IllegalStateException("bubblewrap cannot create its namespaces here (probe exit status "
                        + p.exitValue() + ": " + out + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the sandbox probe: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing the sandbox", e);
        }
        return s;
    }

    /** No sandbox: commands run as they are, as the grader's user (only for trusted submissions). */
    public static Sandbox none(String why) {
        return new Sandbox(false, List.of(), why);
    }

    /** Whether commands are sandboxed. */
    public boolean enabled() {
        return enabled;
    }

    /** A line for reports: how submissions were isolated. */
    public String describe() {
        return enabled ? "bubblewrap sandbox (no network, own PID namespace, private /tmp, unprivileged user)"
                : "NOT SANDBOXED (" + why + "): the student's code ran with the grader's rights";
    }

    /**
     * The command line that runs {@code inner} in this sandbox as job slot {@code slot}; {@code inner} as is when
     * the sandbox is off. {@code inner} runs in {@link #WORK_DIR} with HOME=/tmp (JavaCPP unpacks ND4J's ~100 MB
     * of native libraries under HOME) and a minimal environment.
     *
     * @throws IllegalArgumentException if the slot is outside 0 .. MAX_SLOTS - 1
     */
    public List<String> command(List<String> inner, int slot, ExecutionLimits limits) {
        return command(inner, slot, limits, true);
    }

    /**
     * As {@link #command(List, int, ExecutionLimits)}; with {@code asPid1} false, bubblewrap's own init is PID 1
     * and reaps orphaned processes (a JVM as PID 1 does not, and unreaped processes count against the process
     * limit), at the price that processes in the sandbox can see and signal {@code inner}: for the test
     * controller, whose student code runs in a nested PID namespace anyway.
     */
    public List<String> command(List<String> inner, int slot, ExecutionLimits limits, boolean asPid1) {
        if (slot < 0 || slot >= MAX_SLOTS) {
            throw new IllegalArgumentException("sandbox slot must be in 0.." + (MAX_SLOTS - 1) + ", got " + slot);
        }
        if (!enabled) {
            return List.copyOf(inner);
        }
        int uid = FIRST_UID + slot;
        long cpu = 2L * limits.notebookTimeoutSeconds() + 600;
        List<String> c = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
                "prlimit", "--nproc=" + NPROC, "--fsize=" + FSIZE_BYTES, "--cpu=" + cpu, "--core=0"));
        if (!limits.addressSpace().equals("unlimited")) {
            c.add("--as=" + ExecutionLimits.bytes(limits.addressSpace()));
        }
        c.addAll(List.of("--", "bwrap", "--unshare-all", "--die-with-parent", "--new-session"));
        if (asPid1) {
            c.add("--as-pid-1");
        }
        c.addAll(List.of("--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib",
                "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/sbin", "/sbin"));
        for (String etc : ETC) {
            if (Files.exists(Path.of(etc))) {
                c.addAll(List.of("--ro-bind", etc, etc));
            }
        }
        // the private /tmp first: a course checkout below /tmp is then bound on top of it, not hidden by it
        c.addAll(List.of("--proc", "/proc", "--dev", "/dev",
                "--size", Long.toString(TMP_BYTES), "--tmpfs", "/tmp",
                "--size", Long.toString(SHM_BYTES), "--tmpfs", "/dev/shm"));
        sources.forEach((dest, src) -> c.addAll(List.of("--ro-bind", src.toString(), dest.toString())));
        c.addAll(List.of("--size", Long.toString(WORK_BYTES), "--tmpfs", WORK_DIR,
                "--chdir", WORK_DIR, "--clearenv",
                "--setenv", "HOME", "/tmp",
                // the sandbox user has no passwd entry, so Java's user.home would be "?" (in the 64 MB folder)
                "--setenv", "JAVA_TOOL_OPTIONS", "-Duser.home=/tmp", "--setenv", "PATH", "/usr/bin:/bin",
                "--setenv", "LANG", "C.UTF-8", "--setenv", "JUPYTER_RUNTIME_DIR", "/tmp/jupyter-runtime",
                "--setenv", "PHYSML_SANDBOX", "1", "--"));
        c.addAll(inner);
        return c;
    }

    private static Path which(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
