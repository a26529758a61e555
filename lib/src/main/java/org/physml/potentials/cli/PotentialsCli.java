package org.physml.potentials.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.physml.CoursePaths;
import org.physml.potentials.ErrorMetrics;
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
import org.physml.potentials.SnapSetup;
import org.physml.structure.Elements;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The heavy, shipped computations of notebook 10: {@code ./physml potentials train-nep ...} trains a NEP-style
 * network on an mlearn training set, {@code ./physml potentials mlearn-table ...} evaluates the published models
 * of Zuo et al. and the course's fits on the mlearn training and test sets and writes the table as JSON
 * ({@link ModelErrors}).
 */
@Command(name = "potentials", mixinStandardHelpOptions = true,
        description = "Train and evaluate the ML potentials of notebook 10 on the mlearn data.",
        subcommands = {PotentialsCli.TrainNep.class, PotentialsCli.MlearnTable.class})
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
                    d.finalLearningRate(), d.lambdaE(), d.lambdaF(), d.lambda1(), d.lambda2(), seed);
            NepTrainer.Result r = NepTrainer.train(set, cfg, (e, l, re, rf) -> System.out.printf(
                    "epoch %d loss %.5f E_rmse %.2f meV/atom F_rmse %.4f eV/A%n", e, l, re, rf));
            ErrorMetrics tr = ErrorMetrics.evaluate(r.potential(), train);
            ErrorMetrics te = ErrorMetrics.evaluate(r.potential(), test);
            System.out.printf("training loop %.1f s%ntrain %s%ntest  %s%n", r.seconds(), tr, te);
            NepPotentialFile.write(r.potential(), "NEP-style " + element + " model of the physml course: ./physml"
                    + " potentials train-nep --element " + element + " --epochs " + epochs + " --neurons " + neurons
                    + " --seed " + seed + ", descriptor NepSetup.singleElement(\"" + element + "\"), config " + cfg
                    + "; train " + tr + "; test " + te + "; training loop " + String.format("%.0f", r.seconds())
                    + " s", output);
            return 0;
        }
    }

    /** The table of published models against the course's fits, as JSON. */
    @Command(name = "mlearn-table", mixinStandardHelpOptions = true,
            description = "Evaluate the published models of Zuo et al. and the course's fits on the mlearn sets.")
    static final class MlearnTable implements Callable<Integer> {
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
            for (String set : List.of("train", "test")) {
                long t0 = System.nanoTime();
                ErrorMetrics m = ErrorMetrics.evaluate(p, set.equals("train") ? train : test);
                rows.add(ModelErrors.of(model, source, element, set, m, parameters));
                System.out.printf("%s %s %s: %s (%.0f s)%n", element, model, set, m, (System.nanoTime() - t0) / 1e9);
            }
        }
    }
}
