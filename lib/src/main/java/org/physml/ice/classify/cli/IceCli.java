package org.physml.ice.classify.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import org.physml.CoursePaths;
import org.physml.descriptors.cli.CliRunner;
import org.physml.ice.classify.MoleculeLabeller;
import org.physml.ice.classify.WaterMolecules;
import org.physml.structure.io.Frame;
import org.physml.structure.io.LammpsData;
import org.physml.structure.io.LammpsDataReader;
import org.physml.structure.io.StructureFormat;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Command line of the ice-phase classifier: {@code ./physml ice classify FILE...} labels every water molecule of
 * extended-XYZ, LAMMPS data or LAMMPS dump files with the study's stored networks ({@link MoleculeLabeller}).
 */
@Command(name = "ice", mixinStandardHelpOptions = true, description = "The ice-phase classifier.",
        subcommands = {IceCli.Classify.class, StudyCommand.class})
public final class IceCli implements Runnable {
    /**
     * The default network: the best of the v2 study (notebooks/data/ice-models-v2/results.json: 96.2 % balanced
     * accuracy on the test runs, out-of-distribution detection of ices II and VII and vacancy-rich ice Ih 98-100 %).
     */
    static final String DEFAULT_DESCRIPTOR = "SOAP large + first-shell average";

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and returns the exit code (0 success, 1 bad input, 2 usage error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return CliRunner.run(new IceCli(), args, out, err);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** One labelled molecule of the JSON output. */
    record MoleculeOut(int atom, String label, double probability, double oodScore, boolean ood) {
    }

    /** One frame of the JSON output. */
    record FrameOut(String file, int frame, int molecules, Map<String, Double> fractions, double oodFraction,
                    List<MoleculeOut> labels) {
    }

    /** The JSON output. */
    record Output(String descriptor, String models, double oodThreshold, double oodQuantile, List<FrameOut> frames) {
    }

    @Command(name = "classify", mixinStandardHelpOptions = true,
            description = "Label every water molecule of structure files with the stored ice-phase networks: per"
                    + " molecule the class, its probability and the out-of-distribution flag; per frame the class"
                    + " fractions. Atoms must be O and H only, every H within 1.25 A of one O.")
    static final class Classify implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE",
                description = "extended XYZ (.xyz, .extxyz, .gz), LAMMPS data or LAMMPS dump files")
        List<Path> inputs;

        @Option(names = "--format", description = "extxyz, lammps-data or lammps-dump (default: from the file name)")
        String format;

        @Option(names = "--type-map", description = "LAMMPS atom types to elements, e.g. 1=O,2=H")
        String typeMap;

        @Option(names = "--descriptor", defaultValue = DEFAULT_DESCRIPTOR,
                description = "descriptor of the network (default: ${DEFAULT-VALUE})")
        String descriptor;

        @Option(names = "--models",
                description = "folder of the stored networks (default: notebooks/data/ice-models-v2)")
        Path models;

        @Option(names = "--data", description = "the data set the networks were trained on (default: data/ice-v2)")
        Path data;

        @Option(names = "--split", description = "split file of that data set (default without --data:"
                + " tools/icedata/split-v2.tsv; with --data: the v1 split, last run of each class held out)")
        Path split;

        @Option(names = "--cache", description = "descriptor and OOD cache (default: build/cache/ice)")
        Path cache;

        @Option(names = "--ood-quantile", defaultValue = "0.99",
                description = "OOD threshold: this quantile of the validation scores (default: ${DEFAULT-VALUE})")
        double quantile;

        @Option(names = "--json", description = "write JSON instead of text")
        boolean json;

        @Option(names = "--summary", description = "per frame only the class fractions, no line per molecule")
        boolean summary;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path root = CoursePaths.root();
            for (Path in : inputs) {
                if (!Files.isRegularFile(in)) {
                    throw new IllegalArgumentException("input file not found: " + in);
                }
            }
            Path modelDir = models != null ? models : root.resolve("notebooks/data/ice-models-v2");
            Path splitFile = split != null ? split : data == null ? root.resolve("tools/icedata/split-v2.tsv") : null;
            PrintWriter out = spec.commandLine().getOut();
            List<FrameOut> frames = new ArrayList<>();
            MoleculeLabeller labeller = null;
            Map<Integer, Integer> typeToZ = StructureFormat.typeMap(typeMap);
            for (Path in : inputs) {
                StructureFormat f = StructureFormat.of(format, in);
                int[] frameNo = {0};
                long[] firstLine = {1};
                try (Stream<Frame> stream = frames(in, f, typeToZ)) {
                    for (Frame frame : (Iterable<Frame>) stream::iterator) {
                        WaterMolecules w = molecules(in, f, frame, frameNo[0], firstLine[0]);
                        if (labeller == null) {   // opened after the first frame passed: bad input fails fast
                            labeller = MoleculeLabeller.open(data != null ? data : root.resolve("data/ice-v2"),
                                    modelDir, cache != null ? cache : root.resolve("build/cache/ice"), descriptor,
                                    splitFile,
                                    quantile, msg -> spec.commandLine().getErr().println(msg));
                            if (!json) {
                                out.printf(Locale.ROOT, "# descriptor %s, networks %s, OOD threshold %.4g (quantile"
                                        + " %s of the validation scores)%n", labeller.spec().name(), modelDir,
                                        labeller.detector().threshold(), quantile);
                            }
                        }
                        FrameOut fo = label(labeller, in, frame, frameNo[0], w);
                        firstLine[0] += frame.structure().size() + 2;
                        if (json) {
                            frames.add(fo);
                        } else {
                            printText(out, fo);
                        }
                        frameNo[0]++;
                    }
                }
            }
            if (labeller == null) {
                throw new IllegalArgumentException("no frame in " + inputs);
            }
            if (json) {
                Gson gson = new GsonBuilder().setPrettyPrinting()
                        .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();
                out.println(gson.toJson(new Output(labeller.spec().name(), modelDir.toString(),
                        labeller.detector().threshold(), quantile, frames)));
            }
            out.flush();
            return 0;
        }

        /** The frames of a file; a LAMMPS data file keeps its atom-IDs in an "id" array for messages. */
        private static Stream<Frame> frames(Path in, StructureFormat f, Map<Integer, Integer> typeToZ) {
            if (f != StructureFormat.LAMMPS_DATA) {
                return f.frames(in, typeToZ);
            }
            LammpsData d = typeToZ == null ? LammpsDataReader.read(in) : LammpsDataReader.read(in, null, typeToZ);
            long[] ids = new long[d.ids().length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = d.ids()[i];
            }
            return Stream.of(Frame.of(d.structure()).withArray("id",
                    org.physml.structure.io.AtomArray.of(ids)));
        }

        /** The molecules of a frame; errors name the file, frame, atom and (extended XYZ) line or atom-ID. */
        private static WaterMolecules molecules(Path in, StructureFormat f, Frame frame, int frameNo,
                                                long firstLine) {
            long[][] ids = frame.arrays().containsKey("id") ? frame.integers("id") : null;
            IntFunction<String> atom = i -> {
                String base = in + ", frame " + frameNo + ": atom " + i;
                if (f == StructureFormat.EXTXYZ) {
                    return base + " (line " + (firstLine + 2 + i) + ")";
                }
                return ids != null ? base + " (atom-ID " + ids[i][0] + ")" : base;
            };
            try {
                return WaterMolecules.assemble(frame.structure(), atom);
            } catch (IllegalArgumentException e) {
                String msg = e.getMessage();
                throw new IllegalArgumentException(msg.startsWith(in.toString()) ? msg
                        : in + ", frame " + frameNo + ": " + msg, e);
            }
        }

        private FrameOut label(MoleculeLabeller labeller, Path in, Frame frame, int frameNo, WaterMolecules w) {
            MoleculeLabeller.Labels lab;
            try {
                lab = labeller.label(frame.structure(), w.oxygens());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(in + ", frame " + frameNo + ": cannot compute the descriptor "
                        + labeller.spec().name() + ": " + e.getMessage(), e);
            }
            List<MoleculeOut> mols = new ArrayList<>();
            if (!summary) {
                for (int k = 0; k < lab.size(); k++) {
                    mols.add(new MoleculeOut(lab.oxygens()[k], lab.classes().get(lab.classId()[k]),
                            lab.probability()[k], lab.oodScore()[k], lab.ood()[k]));
                }
            }
            return new FrameOut(in.toString(), frameNo, lab.size(), new LinkedHashMap<>(lab.fractions()),
                    lab.oodFraction(), mols);
        }

        private static void printText(PrintWriter out, FrameOut fo) {
            out.printf(Locale.ROOT, "# file %s, frame %d: %d molecules, %.1f %% out of distribution%n", fo.file(),
                    fo.frame(), fo.molecules(), 100 * fo.oodFraction());
            StringBuilder b = new StringBuilder("# fractions:");
            fo.fractions().forEach((c, v) -> b.append(String.format(Locale.ROOT, " %s %.4f", c, v)));
            out.println(b);
            if (!fo.labels().isEmpty()) {
                out.println("# atom class probability ood_score ood");
                for (MoleculeOut m : fo.labels()) {
                    out.printf(Locale.ROOT, "%d %s %.4f %.4g %s%n", m.atom(), m.label(), m.probability(),
                            m.oodScore(), m.ood() ? "yes" : "no");
                }
            }
        }
    }
}
