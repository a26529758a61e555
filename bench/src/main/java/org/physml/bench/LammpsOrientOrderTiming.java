package org.physml.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.physml.structure.Structure;
import org.physml.structure.io.AtomStyle;
import org.physml.structure.io.LammpsData;
import org.physml.structure.io.LammpsDataWriter;

/**
 * Times LAMMPS {@code compute orientorder/atom} (Steinhardt q_l, w_l, what_l) on a structure, one process on
 * one thread: a run of N steps that evaluates the compute at every step (thermo output of its sum), minus the
 * same run without the compute. The compute builds its own ("occasional") full neighbour list at every
 * invocation, so the difference is end to end, neighbour search included; the atoms do not move (no
 * integrator), and the pair style {@code zero} only supplies the cutoff the compute needs.
 */
final class LammpsOrientOrderTiming {
    private static final Pattern LOOP = Pattern.compile("Loop time of ([0-9.eE+-]+) on 1 procs for (\\d+) steps");
    private static final Pattern VERSION = Pattern.compile("^LAMMPS \\((.*)\\)");

    private LammpsOrientOrderTiming() {
    }

    /** Microseconds per atom and evaluation, the steps timed and the LAMMPS version string. */
    record Result(double microsPerAtom, int steps, String version) {
    }

    /**
     * @param s       structure of one species (written as atom type 1)
     * @param degrees the degrees l of q_l, w_l and what_l
     * @param nnn     nearest neighbours kept (LAMMPS {@code nnn})
     * @param rCut    cutoff, Angstrom
     * @param steps   evaluations timed
     * @return the timing, or null if no LAMMPS binary ({@code $LMP}, {@code lmp} or {@code lmp_serial}) is found
     * @throws IllegalStateException if LAMMPS fails or its log has no loop time
     */
    static Result run(Structure s, int[] degrees, int nnn, double rCut, int steps) {
        String lmp = binary();
        if (lmp == null) {
            return null;
        }
        try {
            Path dir = Files.createTempDirectory("physml-orientorder");
            try {
                LammpsDataWriter.write(dir.resolve("cell.data"), LammpsData.of(s, AtomStyle.ATOMIC));
                String degreeList = Arrays.stream(degrees).mapToObj(Integer::toString).collect(Collectors.joining(" "));
                String compute = String.format("compute q all orientorder/atom degrees %d %s nnn %d cutoff %.6f"
                        + " wl yes wl/hat yes%ncompute s all reduce sum c_q[1]%nthermo_style custom step c_s%n",
                        degrees.length, degreeList, nnn, rCut);
                Run with = run(lmp, dir, "with", input(rCut, compute, steps));
                Run without = run(lmp, dir, "without", input(rCut, "thermo_style custom step pe\n", steps));
                double micros = 1e6 * (with.loopSeconds() - without.loopSeconds()) / steps / s.size();
                return new Result(micros, steps, with.version());
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String input(double rCut, String compute, int steps) {
        return String.format("units metal%natom_style atomic%nboundary p p p%nread_data cell.data%n"
                + "pair_style zero %.6f%npair_coeff * *%nneighbor 0.5 bin%nneigh_modify delay 0 every 100000 check no%n"
                + "%sthermo 1%nrun 1%nrun %d%n", rCut, compute, steps);
    }

    private record Run(double loopSeconds, String version) {
    }

    /** Runs one input; the loop time of its last run. */
    private static Run run(String lmp, Path dir, String name, String input) throws IOException {
        Path in = dir.resolve("in." + name);
        Files.writeString(in, input);
        ProcessBuilder pb = new ProcessBuilder(lmp, "-in", in.getFileName().toString(), "-log", "log." + name,
                "-screen", "none").directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("OMP_NUM_THREADS", "1");
        pb.redirectOutput(dir.resolve("out." + name).toFile());
        try {
            int rc = pb.start().waitFor();
            List<String> log = Files.readAllLines(dir.resolve("log." + name));
            double loop = Double.NaN;
            String version = "";
            for (String line : log) {
                Matcher m = LOOP.matcher(line);
                if (m.find()) {
                    loop = Double.parseDouble(m.group(1));
                }
                Matcher v = VERSION.matcher(line);
                if (v.find()) {
                    version = v.group(1);
                }
            }
            if (rc != 0 || Double.isNaN(loop)) {
                throw new IllegalStateException("LAMMPS (" + lmp + ") failed on " + in + " (exit " + rc
                        + "); last lines of its log:\n" + String.join("\n", log.subList(Math.max(0, log.size() - 10),
                        log.size())));
            }
            return new Run(loop, version);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while LAMMPS ran " + in, e);
        }
    }

    private static String binary() {
        String env = System.getenv("LMP");
        List<String> names = env != null && !env.isBlank() ? List.of(env) : List.of("lmp", "lmp_serial");
        for (String name : names) {
            if (name.contains("/")) {
                if (Files.isExecutable(Path.of(name))) {
                    return name;
                }
                continue;
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }
}
