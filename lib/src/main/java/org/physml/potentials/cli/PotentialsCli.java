package org.physml.potentials.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.physml.CoursePaths;
import org.physml.md.MdResults;
import org.physml.md.SiliconMd;
import org.physml.potentials.ErrorMetrics;
import org.physml.potentials.EvaluationCost;
import org.physml.potentials.LabelledStructure;
import org.physml.potentials.LinearSnap;
import org.physml.potentials.MlearnReader;
import org.physml.potentials.ModelErrors;
import org.physml.potentials.NepPotential;
import org.physml.potentials.NepPotentialFile;
import org.physml.potentials.NepSetup;
import org.physml.potentials.NepTrainer;
import org.physml.potentials.NepTrainingConfig;
import org.physml.potentials.NepTrainingSet;
import org.physml.potentials.Potential;
import org.physml.potentials.PublishedModels;
import org.physml.potentials.SnapCutoffSelection;
import org.physml.potentials.SnapSetup;
import org.physml.potentials.Virials;
import org.physml.structure.Elements;
import org.physml.structure.Structure;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The heavy, shipped computations of notebook 10: {@code ./physml potentials train-nep ...} trains a NEP-style
 * network on an mlearn training set, {@code ./physml potentials mlearn-table ...} evaluates the published models
 * of Zuo et al. and the course's fits on the mlearn training and test sets and writes the table as JSON
 * ({@link ModelErrors}), {@code ./physml potentials md ...} runs molecular dynamics of the 64-atom Si cell with the
 * published SNAP and the course's NEP-style model ({@link SiliconMd}, {@link MdResults}).
 */
@Command(name = "potentials", mixinStandardHelpOptions = true,
        description = "Train and evaluate the ML potentials of notebook 10 on the mlearn data.",
        subcommands = {PotentialsCli.TrainNep.class, PotentialsCli.MlearnTable.class, PotentialsCli.Md.class})
public final class PotentialsCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and returns the exit code (0 success, 1 bad input, 2 usage error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new PotentialsCli());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof IOException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static List<LabelledStructure> data(String element, String set) throws IOException {
        return MlearnReader.read(CoursePaths.data("mlearn/" + element + "/"
                + (set.equals("train") ? "training" : "test") + ".json.gz"));
    }

    /** Trains a NEP-style network ({@link NepSetup#singleElement}) and writes it with {@link NepPotentialFile}. */
    @Command(name = "train-nep", mixinStandardHelpOptions = true,
            description = "Train a NEP-style network on data/mlearn/<element>/training.json.gz.")
    static final class TrainNep implements Callable<Integer> {
        @Option(names = "--element", required = true, description = "Si or Mo")
        String element;
        @Option(names = "--epochs", defaultValue = "100", description = "epochs (default ${DEFAULT-VALUE})")
        int epochs;
        @Option(names = "--neurons", defaultValue = "30", description = "hidden neurons H (default ${DEFAULT-VALUE})")
        int neurons;
        @Option(names = "--seed", defaultValue = "42", description = "seed (default ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--virial-weight", defaultValue = "0",
                description = "lambda_v, weight of the virial RMSE per atom in the loss (default ${DEFAULT-VALUE}: "
                        + "virials not fitted)")
        double virialWeight;
        @Option(names = "--train-c",
                description = "train the radial expansion coefficients c of the descriptor with the network (as"
                        + " GPUMD does) instead of keeping them at the identity")
        boolean trainC;
        @Option(names = {"-o", "--output"}, required = true, description = "output JSON file")
        Path output;

        @Override
        public Integer call() throws IOException {
            Elements.atomicNumber(element);
            List<LabelledStructure> train = data(element, "train");
            List<LabelledStructure> test = data(element, "test");
            NepTrainingSet raw = NepTrainingSet.compute(NepSetup.singleElement(element), train);
            NepTrainingSet set = raw.scaled(raw.qScaler());
            NepTrainingConfig d = NepTrainingConfig.defaults();
            NepTrainingConfig cfg = new NepTrainingConfig(neurons, epochs, d.batchSize(), d.learningRate(),
                    d.finalLearningRate(), d.lambdaE(), d.lambdaF(), virialWeight, d.lambda1(), d.lambda2(), seed,
                    trainC);
            NepTrainer.Result r = NepTrainer.train(set, cfg, (e, l, re, rf) -> System.out.printf(
                    "epoch %d loss %.5f E_rmse %.2f meV/atom F_rmse %.4f eV/A%n", e, l, re, rf));
            ErrorMetrics tr = ErrorMetrics.evaluate(r.potential(), train);
            ErrorMetrics te = ErrorMetrics.evaluate(r.potential(), test);
            String virials = String.format(java.util.Locale.ROOT, "virial RMSE %.1f meV/atom (train), %.1f (test)",
                    Virials.rmsePerAtom(r.potential(), train), Virials.rmsePerAtom(r.potential(), test));
            System.out.printf("training loop %.1f s%ntrain %s%ntest  %s%n%s%n", r.seconds(), tr, te, virials);
            NepPotentialFile.write(r.potential(), "NEP-style " + element + " model of the physml course: ./physml"
                    + " potentials train-nep --element " + element + " --epochs " + epochs + " --neurons " + neurons
                    + " --seed " + seed + (virialWeight > 0 ? " --virial-weight " + virialWeight : "")
                    + (trainC ? " --train-c" : "")
                    + ", descriptor NepSetup.singleElement(\"" + element + "\"), config " + cfg
                    + "; train " + tr + "; test " + te + "; " + virials + "; training loop "
                    + String.format("%.0f", r.seconds()) + " s", output);
            return 0;
        }
    }

    /** The table of published models against the course's fits, as JSON. */
    @Command(name = "mlearn-table", mixinStandardHelpOptions = true,
            description = "Evaluate the published models of Zuo et al. and the course's fits on the mlearn sets.")
    static final class MlearnTable implements Callable<Integer> {
        /**
         * Candidate cutoffs of the course's quadratic SNAP, Angstrom: those of Zuo et al.'s four published SNAP
         * files (Si 4.9 and 4.8, Mo 4.6 and 5.2, {@code data/mlearn/models}) and of the course's linear fits (5.0),
         * and one beyond.
         */
        static final double[] QSNAP_CUTOFFS = {4.6, 4.8, 4.9, 5.0, 5.2, 5.6};
        /** One training structure in this many validates the cutoff. */
        static final int VALIDATION_EVERY = 5;

        @Option(names = {"-o", "--output"}, required = true, description = "output JSON file")
        Path output;
        @Option(names = "--elements", split = ",", defaultValue = "Si,Mo",
                description = "elements to evaluate (default ${DEFAULT-VALUE}); rows of other elements already in"
                        + " the output file are kept")
        List<String> elements;

        @Override
        public Integer call() throws IOException {
            List<ModelErrors> rows = new ArrayList<>();
            for (String element : elements) {
                List<LabelledStructure> train = data(element, "train");
                List<LabelledStructure> test = data(element, "test");
                for (PublishedModels.Kind kind : PublishedModels.Kind.values()) {
                    Potential p = PublishedModels.load(element, kind);
                    add(rows, kind.label(), ModelErrors.PUBLISHED, element, p, PublishedModels.parameterCount(p),
                            train, test);
                }
                int z = Elements.atomicNumber(element);
                for (int twojmax : new int[]{4, 6, 8}) {
                    LinearSnap snap = SnapSetup.fitter().fit(SnapSetup.singleElement(z, 5.0, twojmax),
                            new int[]{z}, train);
                    add(rows, "SNAP 2J_max = " + twojmax + " (fitted here)", ModelErrors.COURSE, element, snap,
                            snap.coefficients().length, train, test);
                }
                for (int twojmax : new int[]{6, 8}) {
                    System.out.printf("%s qSNAP 2J_max = %d: r_cut chosen on one training structure in %d%n",
                            element, twojmax, VALIDATION_EVERY);
                    SnapCutoffSelection.Result q = SnapCutoffSelection.select(new int[]{z},
                            c -> SnapSetup.singleElement(z, c, twojmax, true), QSNAP_CUTOFFS, SnapSetup.fitter(),
                            train, VALIDATION_EVERY, c -> System.out.printf("  r_cut %.1f A: validation %s, loss %.4g%n",
                                    c.cutoff(), c.validation(), c.validationLoss()));
                    add(rows, String.format(java.util.Locale.ROOT, "qSNAP 2J_max = %d, r_cut %.1f A (fitted here)",
                            twojmax, q.cutoff()), ModelErrors.COURSE, element, q.model(),
                            q.model().coefficients().length, train, test);
                }
                String nepFile = "potentials/" + element + "/nep-" + element.toLowerCase() + "-h30-seed42.json";
                NepPotential nep = NepPotentialFile.read(CoursePaths.data(nepFile));
                add(rows, "NEP-style H = 30 (trained here)", ModelErrors.COURSE, element, nep,
                        nep.network().parameterCount(), train, test);
            }
            if (java.nio.file.Files.exists(output)) {
                List<ModelErrors> kept = new ArrayList<>();
                for (ModelErrors r : ModelErrors.read(output)) {
                    if (!elements.contains(r.element())) {
                        kept.add(r);
                    }
                }
                kept.addAll(rows);
                rows = kept;
            }
            ModelErrors.write(rows, output);
            System.out.println("wrote " + rows.size() + " rows to " + output);
            return 0;
        }

        private static void add(List<ModelErrors> rows, String model, String source, String element, Potential p,
                                int parameters, List<LabelledStructure> train, List<LabelledStructure> test) {
            List<ErrorMetrics> metrics = new ArrayList<>();
            for (String set : List.of("train", "test")) {
                long t0 = System.nanoTime();
                ErrorMetrics m = ErrorMetrics.evaluate(p, set.equals("train") ? train : test);
                metrics.add(m);
                System.out.printf("%s %s %s: %s (%.0f s)%n", element, model, set, m, (System.nanoTime() - t0) / 1e9);
            }
            // timed after the evaluation above has warmed the JIT up on hundreds of structures
            List<Structure> timing = test.subList(0, Math.min(5, test.size())).stream()
                    .map(LabelledStructure::structure).toList();
            double cost = EvaluationCost.secondsPerAtom(p, timing, 10);
            rows.add(ModelErrors.of(model, source, element, "train", metrics.get(0), parameters, cost));
            rows.add(ModelErrors.of(model, source, element, "test", metrics.get(1), parameters, cost));
        }
    }

    /** Molecular dynamics of the 64-atom diamond Si cell of the mlearn data with ML potentials, as JSON. */
    @Command(name = "md", mixinStandardHelpOptions = true,
            description = "Berendsen equilibration then NVE velocity Verlet of the 64-atom Si cell of the mlearn data:"
                    + " energy drift per model and temperature, g(r) against the data set's AIMD snapshots.")
    static final class Md implements Callable<Integer> {
        @Option(names = "--models", split = ",", defaultValue = "snap,nep",
                description = "snap (Zuo et al.'s linear SNAP), qsnap, nnp (published), nep (the course's NEP-style"
                        + " H = 30 model); default ${DEFAULT-VALUE}. Runs of other models or temperatures already in"
                        + " the output file are kept; the file is written after every run")
        List<String> models;
        @Option(names = "--temperatures", split = ",", defaultValue = "300,1518",
                description = "target temperatures T_0, K (default ${DEFAULT-VALUE}: two of the AIMD temperatures of"
                        + " the data set)")
        List<Double> temperatures;
        @Option(names = "--dt", defaultValue = "1.0", description = "time step, fs (default ${DEFAULT-VALUE})")
        double dt;
        @Option(names = "--equilibration-steps", defaultValue = "1000",
                description = "Berendsen steps (default ${DEFAULT-VALUE})")
        int equilibrationSteps;
        @Option(names = "--tau", defaultValue = "100", description = "Berendsen coupling time, fs"
                + " (default ${DEFAULT-VALUE})")
        double tau;
        @Option(names = "--steps", defaultValue = "4000", description = "NVE steps (default ${DEFAULT-VALUE})")
        int steps;
        @Option(names = "--sample-every", defaultValue = "10",
                description = "NVE steps between recorded frames (default ${DEFAULT-VALUE})")
        int sampleEvery;
        @Option(names = "--r-max", defaultValue = "6.0", description = "g(r) range, A (default ${DEFAULT-VALUE})")
        double rMax;
        @Option(names = "--bins", defaultValue = "120", description = "g(r) bins (default ${DEFAULT-VALUE})")
        int bins;
        @Option(names = "--seed", defaultValue = "1", description = "seed of the initial velocities"
                + " (default ${DEFAULT-VALUE})")
        long seed;
        @Option(names = {"-o", "--output"}, required = true, description = "output JSON file")
        Path output;

        @Override
        public Integer call() throws IOException {
            SiliconMd.Settings settings = new SiliconMd.Settings(dt, equilibrationSteps, tau, steps, sampleEvery, rMax,
                    bins, seed);
            List<Potential> potentials = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String m : models) {
                switch (m) {
                    case "snap", "qsnap", "nnp" -> {
                        PublishedModels.Kind kind = PublishedModels.Kind.valueOf(m.toUpperCase());
                        potentials.add(PublishedModels.load("Si", kind));
                        names.add(kind.label());
                    }
                    case "nep" -> {
                        potentials.add(NepPotentialFile.read(CoursePaths.data("potentials/Si/nep-si-h30-seed42.json")));
                        names.add("NEP-style H = 30 (trained here)");
                    }
                    default -> throw new IllegalArgumentException("unknown model '" + m
                            + "'; expected snap, qsnap, nnp or nep");
                }
            }
            for (double t : temperatures) {
                if (!(t > 0) || !Double.isFinite(t)) {
                    throw new IllegalArgumentException("temperatures must be finite and > 0 K, got " + t);
                }
            }
            List<LabelledStructure> train = data("Si", "train");
            List<LabelledStructure> test = data("Si", "test");
            LabelledStructure ground = train.stream().filter(d -> d.description().equals("Ground state crystal"))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "data/mlearn/Si/training.json.gz: no structure described as 'Ground state crystal'"));
            List<MdResults.Reference> references = new ArrayList<>();
            for (double t : temperatures) {
                references.add(SiliconMd.reference("AIMD-NVT " + (int) t + " K (mlearn Si, DFT)",
                        List.of("training", "test"), List.of(train, test), t, rMax, bins));
            }
            String description = "./physml potentials md, settings " + settings + ". Start: the 'Ground state"
                    + " crystal' of data/mlearn/Si/training.json.gz (64-atom diamond Si, a = "
                    + String.format("%.4f", ground.structure().cell()[0][0] / 2) + " A, DFT of Zuo et al., J. Phys."
                    + " Chem. A 124, 731 (2020)); the AIMD reference cells have the same lattice. Maxwell-Boltzmann"
                    + " velocities at T_0 (seeded, zero momentum), Berendsen thermostat, then NVE velocity Verlet;"
                    + " g(r) over the NVE frames.";
            List<MdResults.Run> runs = new ArrayList<>();
            for (double t : temperatures) {
                for (int k = 0; k < potentials.size(); k++) {
                    long t0 = System.nanoTime();
                    MdResults.Run run = SiliconMd.run(names.get(k), potentials.get(k), ground.structure(), t, settings,
                            status -> System.out.print("\r" + status + "          "));
                    runs.add(run);
                    System.out.printf("%n%s at %.0f K: mean T %.0f K, drift %.3f meV/atom/ns, E_tot std %.4f"
                            + " meV/atom, %.1f ms/step (%.0f s)%n", run.model(), t, run.meanTemperature(),
                            run.driftMeVPerAtomPerNs(), run.energyStdMeVPerAtom(), run.msPerStep(),
                            (System.nanoTime() - t0) / 1e9);
                    merge(output, description, runs, references);
                }
            }
            System.out.println("wrote " + runs.size() + " runs to " + output);
            return 0;
        }

        /**
         * Writes the runs so far into the output file, keeping the runs (other model or temperature) and references
         * (other temperature) already in it, under a lock file in java.io.tmpdir: several invocations (e.g. one per
         * model) may write to the same file, each after every finished run.
         */
        private static void merge(Path output, String description, List<MdResults.Run> runs,
                                  List<MdResults.Reference> references) throws IOException {
            Path parent = output.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path lock = Path.of(System.getProperty("java.io.tmpdir"), "physml-md-"
                    + Integer.toHexString(output.toAbsolutePath().normalize().toString().hashCode()) + ".lock");
            try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                List<MdResults.Run> allRuns = new ArrayList<>();
                List<MdResults.Reference> allRefs = new ArrayList<>();
                if (Files.exists(output)) {
                    MdResults old = MdResults.read(output);
                    for (MdResults.Run r : old.runs()) {
                        if (runs.stream().noneMatch(x -> x.model().equals(r.model())
                                && x.targetTemperature() == r.targetTemperature())) {
                            allRuns.add(r);
                        }
                    }
                    for (MdResults.Reference r : old.references()) {
                        if (references.stream().noneMatch(x -> x.temperature() == r.temperature())) {
                            allRefs.add(r);
                        }
                    }
                }
                allRuns.addAll(runs);
                allRefs.addAll(references);
                new MdResults(description, allRuns, allRefs).write(output);
            }
        }
    }
}
