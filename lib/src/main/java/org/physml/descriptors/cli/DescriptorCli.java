package org.physml.descriptors.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.physml.descriptors.Acsf;
import org.physml.descriptors.AnyDescriptor;
import org.physml.descriptors.DescriptorRegistry;
import org.physml.descriptors.SoapParameters;
import org.physml.descriptors.CoulombMatrix;
import org.physml.descriptors.Descriptor;
import org.physml.descriptors.Soap;
import org.physml.descriptors.nep.NepDescriptor;
import org.physml.descriptors.nep.NepModelFile;
import org.physml.descriptors.nep.NepParameters;
import org.physml.descriptors.snap.Bispectrum;
import org.physml.descriptors.steinhardt.LammpsOrientOrder;
import org.physml.descriptors.steinhardt.Steinhardt;
import org.physml.structure.Elements;
import org.physml.structure.Structure;
import org.physml.structure.io.Frame;
import org.physml.structure.io.StructureFormat;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Command-line descriptors: {@code ./physml descriptors NAME [options] FILE...} computes a descriptor for every
 * frame of extended-XYZ or LAMMPS data/dump files and writes one row per centre atom (text or .npy). Parameters
 * are named as in DScribe (ACSF, SOAP), LAMMPS compute sna/atom (bispectrum) and NEP (nep.txt).
 * {@code --help} on any subcommand lists its options.
 */
@Command(name = "descriptors", mixinStandardHelpOptions = true,
        description = "Compute atomic-environment descriptors for every frame of structure files.",
        subcommands = {DescriptorCli.AcsfCommand.class, DescriptorCli.BispectrumCommand.class,
                DescriptorCli.NepCommand.class, DescriptorCli.SoapCommand.class, DescriptorCli.SteinhardtCommand.class,
                DescriptorCli.CoulombCommand.class, DescriptorCli.JsonCommand.class, DescriptorCli.ListCommand.class})
public final class DescriptorCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and returns the exit code (0 success, 1 bad input, 2 usage error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return CliRunner.run(new DescriptorCli(), args, out, err);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Options shared by every descriptor: input, output, centres, threads. */
    static final class Common {
        @Parameters(arity = "0..*", paramLabel = "FILE", description = "extended XYZ (.xyz, .extxyz, .gz), LAMMPS data or dump files")
        List<Path> inputs = List.of();

        @Option(names = "--print-parameters", description = "print the descriptor's parameters as JSON (the input of"
                + " 'descriptors json') and stop")
        boolean printParameters;

        @Option(names = "--format", description = "extxyz, lammps-data or lammps-dump (default: from the file name)")
        String format;

        @Option(names = "--type-map", description = "LAMMPS atom types to elements, e.g. 1=O,2=H")
        String typeMap;

        @Option(names = "--centres", split = ",", description = "element symbols of the centre atoms (default: all atoms)")
        List<String> centres;

        @Option(names = {"-o", "--output"}, description = "output file: .npy for NumPy, anything else for text (default: standard output)")
        Path output;

        @Option(names = "--index", description = "prefix each text row with the frame and atom index")
        boolean index;

        @Option(names = "--threads", description = "worker threads (default: all cores)")
        int threads = Runtime.getRuntime().availableProcessors();

        @Spec
        CommandSpec spec;

        /** Writes the matrix to --output, or as text to the command line's standard output. */
        void write(List<double[]> rows, List<int[]> index, List<String> names) throws java.io.IOException {
            if (output == null) {
                MatrixWriter.write(rows, this.index ? index : null, names, null, spec.commandLine().getOut());
                return;
            }
            if (output.getFileName().toString().endsWith(".npy")) {
                MatrixWriter.write(rows, null, names, output, null);
                return;
            }
            try (var text = new java.io.PrintWriter(Files.newBufferedWriter(output))) {
                MatrixWriter.write(rows, this.index ? index : null, names, output, text);
            }
        }
    }

    /** Computes a per-centre descriptor for every frame and writes the matrix. */
    abstract static class DescriptorCommand implements Callable<Integer> {
        @Mixin
        Common common;

        abstract Descriptor descriptor() throws java.io.IOException;

        /** Rows of one frame: one per centre (the default), or fewer for averaging descriptors. */
        double[][] computeFrame(Descriptor d, Structure s, int[] centres) {
            return d.compute(s, centres);
        }

        /** Whether the rows of a frame are per centre (true) or one per frame (false). */
        boolean perCentre() {
            return true;
        }

        @Override
        public Integer call() throws Exception {
            if (common.threads < 1) {
                throw new IllegalArgumentException("--threads must be >= 1, got " + common.threads);
            }
            Descriptor d = descriptor();
            if (common.printParameters) {
                common.spec.commandLine().getOut().println(DescriptorRegistry.toPrettyJson(d.parameters()));
                return 0;
            }
            if (common.inputs.isEmpty()) {
                throw new IllegalArgumentException("give at least one structure FILE");
            }
            Map<Integer, Integer> typeToZ = StructureFormat.typeMap(common.typeMap);
            boolean rowPerCentre = perCentre();
            int[] centreZ = common.centres == null ? null
                    : common.centres.stream().mapToInt(Elements::atomicNumber).toArray();
            List<double[]> rows = new ArrayList<>();
            List<int[]> index = new ArrayList<>();
            ForkJoinPool pool = new ForkJoinPool(common.threads);
            int frameNo = 0;
            try {
                for (Path in : common.inputs) {
                    if (!Files.isRegularFile(in)) {
                        throw new IllegalArgumentException("input file not found: " + in);
                    }
                    var format = StructureFormat.of(common.format, in);
                    try (Stream<Frame> frames = format.frames(in, typeToZ)) {
                        for (Frame f : (Iterable<Frame>) frames::iterator) {
                            Structure s = f.structure();
                            int[] centres = IntStream.range(0, s.size())
                                    .filter(i -> centreZ == null || Arrays.stream(centreZ).anyMatch(z -> z == s.atomicNumber(i)))
                                    .toArray();
                            double[][] m = pool.submit(() -> computeFrame(d, s, centres)).get();
                            for (int k = 0; k < m.length; k++) {
                                rows.add(m[k]);
                                index.add(new int[]{frameNo, rowPerCentre ? centres[k] : -1});
                            }
                            frameNo++;
                        }
                    }
                }
            } catch (java.util.concurrent.ExecutionException e) {
                // ForkJoinPool re-wraps the task's exception: report the innermost message.
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                throw root instanceof IllegalArgumentException iae ? new IllegalArgumentException(iae.getMessage(), iae) : e;
            } finally {
                pool.shutdown();
            }
            common.write(rows, index, d.featureNames());
            return 0;
        }
    }

    @Command(name = "acsf", mixinStandardHelpOptions = true,
            description = "Atom-centred symmetry functions, DScribe 2.1 numbers and feature order.")
    static final class AcsfCommand extends DescriptorCommand {
        @Option(names = "--r-cut", required = true, description = "cutoff radius r_cut (Angstrom)")
        double rCut;
        @Option(names = "--species", required = true, split = ",", description = "element symbols, e.g. H,O")
        List<String> species;
        @Option(names = "--g2", description = "G2 parameters eta,R_s (1/A^2, A); repeat the option for several")
        List<String> g2 = List.of();
        @Option(names = "--g3", split = ",", description = "G3 parameters kappa (1/A), comma-separated")
        List<Double> g3 = List.of();
        @Option(names = "--g4", description = "G4 parameters eta,zeta,lambda; repeat the option for several")
        List<String> g4 = List.of();
        @Option(names = "--g5", description = "G5 parameters eta,zeta,lambda; repeat the option for several")
        List<String> g5 = List.of();

        @Override
        Descriptor descriptor() throws java.io.IOException {
            return Acsf.builder().rCut(rCut).species(species.toArray(String[]::new))
                    .g2Params(rows("--g2", g2, 2)).g3Params(g3.stream().mapToDouble(Double::doubleValue).toArray())
                    .g4Params(rows("--g4", g4, 3)).g5Params(rows("--g5", g5, 3)).build();
        }
    }

    @Command(name = "soap", mixinStandardHelpOptions = true,
            description = "SOAP power spectrum, DScribe 2.1 conventions (GTO or polynomial radial basis).")
    static final class SoapCommand extends DescriptorCommand {
        @Option(names = "--r-cut", required = true, description = "cutoff radius r_cut (Angstrom)")
        double rCut;
        @Option(names = "--n-max", required = true, description = "number of radial basis functions n_max")
        int nMax;
        @Option(names = "--l-max", required = true, description = "maximum degree l_max of the spherical harmonics")
        int lMax;
        @Option(names = "--sigma", defaultValue = "1.0", description = "Gaussian width sigma (Angstrom, default ${DEFAULT-VALUE})")
        double sigma;
        @Option(names = "--rbf", defaultValue = "gto", description = "radial basis: gto or polynomial (default ${DEFAULT-VALUE})")
        String rbf;
        @Option(names = "--species", required = true, split = ",", description = "element symbols, e.g. H,O")
        List<String> species;
        @Option(names = "--average", defaultValue = "off", description = "off, inner or outer (one row per frame when averaged)")
        String average;
        @Option(names = "--compression", defaultValue = "off", description = "off or crossover")
        String compression;

        @Override
        Descriptor descriptor() {
            return Soap.builder().rCut(rCut).nMax(nMax).lMax(lMax).sigma(sigma).rbf(rbf)
                    .species(species.stream().mapToInt(Elements::atomicNumber).toArray())
                    .average(average).compression(compression).build();
        }

        @Override
        double[][] computeFrame(Descriptor d, Structure s, int[] centres) {
            return perCentre() ? d.compute(s, centres) : ((Soap) d).computeAverage(s, centres);
        }

        @Override
        boolean perCentre() {
            return "off".equals(average);
        }
    }

    @Command(name = "steinhardt", mixinStandardHelpOptions = true,
            description = "Steinhardt order parameters as LAMMPS compute orientorder/atom (q_l, w_l, w_l hat) and their"
                    + " neighbour averages.")
    static final class SteinhardtCommand extends DescriptorCommand {
        @Option(names = "--lammps", description = "LAMMPS orientorder/atom keywords, e.g. \"nnn 12 cutoff 3.5 degrees 4 4 6 8 10 wl yes\"")
        String lammps;
        @Option(names = "--preset", description = "faure-beaulieu-2024: q_l l = 3..12, averages and w_l hat, 16 nearest O (J. Chem. Phys. 160, 081101)")
        String preset;
        @Option(names = "--neighbour-species", split = ",", description = "only these elements count as neighbours, e.g. O")
        List<String> neighbourSpecies;

        @Override
        Descriptor descriptor() {
            if ((lammps == null) == (preset == null)) {
                throw new IllegalArgumentException("give exactly one of --lammps \"...\" or --preset faure-beaulieu-2024");
            }
            if (preset != null) {
                if (!preset.equals("faure-beaulieu-2024")) {
                    throw new IllegalArgumentException("unknown --preset '" + preset + "'; expected faure-beaulieu-2024");
                }
                return Steinhardt.faureBeaulieu2024();
            }
            var b = LammpsOrientOrder.builder(lammps);
            if (neighbourSpecies != null) {
                b.neighbourSpecies(neighbourSpecies.stream().mapToInt(Elements::atomicNumber).toArray());
            }
            return b.build();
        }
    }

    @Command(name = "bispectrum", mixinStandardHelpOptions = true,
            description = "SNAP bispectrum components as LAMMPS compute sna/atom defines them.")
    static final class BispectrumCommand extends DescriptorCommand {
        @Option(names = "--rcutfac", required = true, description = "cutoff scale: R = rcutfac (R_i + R_j)")
        double rcutfac;
        @Option(names = "--rfac0", defaultValue = "0.99363", description = "rfac0 (default ${DEFAULT-VALUE})")
        double rfac0;
        @Option(names = "--twojmax", required = true, description = "2 J_max")
        int twojmax;
        @Option(names = "--species", required = true, description = "ELEMENT:R_i:w_i, repeat for each species, e.g. Si:0.5:1")
        List<String> species;
        @Option(names = "--rmin0", defaultValue = "0")
        double rmin0;
        @Option(names = "--switchflag", defaultValue = "1")
        int switchflag;
        @Option(names = "--bzeroflag", defaultValue = "1")
        int bzeroflag;
        @Option(names = "--quadraticflag", defaultValue = "0")
        int quadraticflag;
        @Option(names = "--bnormflag", defaultValue = "0")
        int bnormflag;

        @Override
        Descriptor descriptor() throws java.io.IOException {
            var b = Bispectrum.builder().rcutfac(rcutfac).rfac0(rfac0).twojmax(twojmax).rmin0(rmin0)
                    .switchflag(switchflag).bzeroflag(bzeroflag).quadraticflag(quadraticflag).bnormflag(bnormflag);
            for (String s : species) {
                String[] p = s.split(":");
                if (p.length != 3) {
                    throw new IllegalArgumentException("--species '" + s + "': expected ELEMENT:R_i:w_i, e.g. Si:0.5:1");
                }
                b.species(Elements.atomicNumber(p[0]), number("--species R_i", p[1]), number("--species w_i", p[2]));
            }
            return b.build();
        }
    }

    @Command(name = "nep", mixinStandardHelpOptions = true,
            description = "NEP descriptor (NEP_CPU numbers): from a nep.txt model, or from parameters with random c.")
    static final class NepCommand extends DescriptorCommand {
        @Option(names = "--model", description = "nep.txt model file (takes the descriptor section: cutoffs, n_max, basis_size, l_max, c, q_scaler)")
        Path model;
        @Option(names = "--species", split = ",", description = "element symbols (without --model)")
        List<String> species;
        @Option(names = "--cutoff", split = ",", description = "radial,angular cutoff (A), e.g. 5,4")
        double[] cutoff;
        @Option(names = "--n-max", split = ",", description = "n_max radial,angular, e.g. 4,4")
        int[] nMax;
        @Option(names = "--basis-size", split = ",", description = "basis_size radial,angular, e.g. 8,8")
        int[] basisSize;
        @Option(names = "--l-max", split = ",", description = "l_max 3-body,4-body,5-body, e.g. 4,2,1")
        int[] lMax;
        @Option(names = "--seed", defaultValue = "1", description = "seed of the random coefficients c (without --model)")
        long seed;

        @Override
        Descriptor descriptor() throws java.io.IOException {
            if (model != null) {
                return new NepDescriptor(NepModelFile.read(model).descriptor());
            }
            if (species == null) {
                throw new IllegalArgumentException("give --model nep.txt, or --species and the other parameters");
            }
            var b = NepParameters.builder(species.toArray(String[]::new));
            if (cutoff != null) {
                pairOf("--cutoff", cutoff.length);
                b.cutoff(cutoff[0], cutoff[1]);
            }
            if (nMax != null) {
                pairOf("--n-max", nMax.length);
                b.nMax(nMax[0], nMax[1]);
            }
            if (basisSize != null) {
                pairOf("--basis-size", basisSize.length);
                b.basisSize(basisSize[0], basisSize[1]);
            }
            if (lMax != null) {
                if (lMax.length != 3) {
                    throw new IllegalArgumentException("--l-max takes 3 values (3-body,4-body,5-body), got " + lMax.length);
                }
                b.lMax(lMax[0], lMax[1], lMax[2]);
            }
            return new NepDescriptor(b.randomCoefficients(seed).build());
        }

        private static void pairOf(String option, int n) {
            if (n != 2) {
                throw new IllegalArgumentException(option + " takes 2 values (radial,angular), got " + n);
            }
        }
    }

    @Command(name = "coulomb", mixinStandardHelpOptions = true,
            description = "Sorted eigenvalue spectrum of the Coulomb matrix, one row per frame (molecules).")
    static final class CoulombCommand implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--n-atoms-max", required = true, description = "length of the zero-padded spectrum")
        int nAtomsMax;

        @Override
        public Integer call() throws Exception {
            CoulombMatrix cm = new CoulombMatrix(nAtomsMax);
            if (common.printParameters) {
                common.spec.commandLine().getOut().println(DescriptorRegistry.toPrettyJson(cm.parameters()));
                return 0;
            }
            if (common.inputs.isEmpty()) {
                throw new IllegalArgumentException("give at least one structure FILE");
            }
            Map<Integer, Integer> typeToZ = StructureFormat.typeMap(common.typeMap);
            List<double[]> rows = new ArrayList<>();
            List<int[]> index = new ArrayList<>();
            for (Path in : common.inputs) {
                try (Stream<Frame> frames = StructureFormat.of(common.format, in).frames(in, typeToZ)) {
                    for (Frame f : (Iterable<Frame>) frames::iterator) {
                        index.add(new int[]{rows.size(), -1});
                        rows.add(cm.eigenspectrum(f.structure()));
                    }
                }
            }
            common.write(rows, index, cm.featureNames());
            return 0;
        }
    }

    @Command(name = "json", mixinStandardHelpOptions = true,
            description = "Any registered per-atom descriptor from its parameters as JSON ({\"descriptor\": NAME,"
                    + " \"parameters\": {...}}; 'descriptors list' names them, --print-parameters on a descriptor's"
                    + " command writes one).")
    static final class JsonCommand extends DescriptorCommand {
        @Option(names = "--parameters", required = true, paramLabel = "JSON|FILE",
                description = "the parameters: JSON text starting with '{', or a .json file")
        String parameters;

        /** Largest parameter file read, bytes: a descriptor's JSON is a few hundred. */
        static final long MAX_PARAMETER_BYTES = 1 << 20;
        /** The descriptor, read and built once. */
        private Descriptor parsed;

        @Override
        Descriptor descriptor() throws java.io.IOException {
            if (parsed == null) {
                parsed = parse();
            }
            return parsed;
        }

        private Descriptor parse() throws java.io.IOException {
            String text = parameters.strip();
            if (!text.startsWith("{")) {
                Path file = Path.of(text);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("--parameters: '" + text + "' is neither JSON text (starting"
                            + " with '{') nor an existing file");
                }
                if (Files.size(file) > MAX_PARAMETER_BYTES) {
                    throw new IllegalArgumentException("--parameters: " + file + " has " + Files.size(file)
                            + " bytes; a descriptor's parameters take far less than " + MAX_PARAMETER_BYTES);
                }
                text = Files.readString(file);
            }
            AnyDescriptor d = DescriptorRegistry.create(text);
            if (!(d instanceof Descriptor perAtom)) {
                throw new IllegalArgumentException("'" + d.parameters().descriptorName() + "' describes a whole"
                        + " molecule, not each atom: use 'descriptors coulomb'");
            }
            return perAtom;
        }

        @Override
        double[][] computeFrame(Descriptor d, Structure s, int[] centres) {
            return averaged(d) ? ((Soap) d).computeAverage(s, centres) : d.compute(s, centres);
        }

        @Override
        boolean perCentre() {
            try {
                return !averaged(descriptor());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static boolean averaged(Descriptor d) {
            return d instanceof Soap soap && soap.parameters().average() != SoapParameters.Average.OFF;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The registered descriptors and their parameter names (for 'descriptors json').")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            for (DescriptorRegistry.Entry e : DescriptorRegistry.entries()) {
                out.printf("%-18s %s%n%-18s parameters: %s%n", e.name(), e.summary(), "",
                        String.join(", ", e.parameterNames()));
            }
            return 0;
        }
    }

    static double[][] rows(String option, List<String> specs, int width) {
        double[][] out = new double[specs.size()][];
        for (int i = 0; i < specs.size(); i++) {
            String[] p = specs.get(i).split(",");
            if (p.length != width) {
                throw new IllegalArgumentException(option + " '" + specs.get(i) + "': expected " + width
                        + " comma-separated numbers");
            }
            out[i] = new double[width];
            for (int k = 0; k < width; k++) {
                out[i][k] = number(option, p[k]);
            }
        }
        return out;
    }

    static double number(String what, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a number");
        }
    }
}
