package org.physml.potentials;

import java.nio.file.Path;
import java.util.List;

import org.physml.CoursePaths;

/**
 * Command-line training of the shipped NEP-style Si model (test scope):
 * {@code java -cp <test classpath> org.physml.potentials.TrainSiliconNep <epochs> <output.json> [neurons [seed]]}.
 * Trains {@link NepSetup#silicon()} with {@link NepTrainingConfig#defaults()} (epochs, and optionally the number
 * of hidden neurons and the seed, replaced) on the mlearn Si training set, prints the learning curve and
 * train/test errors, and writes the model with {@link NepPotentialFile}.
 */
public final class TrainSiliconNep {
    private TrainSiliconNep() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        List<LabelledStructure> train = MlearnReader.read(CoursePaths.data("mlearn/Si/training.json.gz"));
        List<LabelledStructure> test = MlearnReader.read(CoursePaths.data("mlearn/Si/test.json.gz"));
        long t0 = System.nanoTime();
        NepTrainingSet raw = NepTrainingSet.compute(NepSetup.silicon(), train);
        NepTrainingSet set = raw.scaled(raw.qScaler());
        System.out.printf("descriptors and Jacobians: %.1f s, %d blocks%n", (System.nanoTime() - t0) / 1e9,
                set.pairCount());
        NepTrainingConfig d = NepTrainingConfig.defaults().withEpochs(epochs);
        int neurons = args.length > 2 ? Integer.parseInt(args[2]) : d.neurons();
        long seed = args.length > 3 ? Long.parseLong(args[3]) : d.seed();
        NepTrainingConfig cfg = new NepTrainingConfig(neurons, d.epochs(), d.batchSize(), d.learningRate(),
                d.finalLearningRate(), d.lambdaE(), d.lambdaF(), d.lambda1(), d.lambda2(), seed);
        NepTrainer.Result r = NepTrainer.train(set, cfg, (e, l, re, rf) ->
                System.out.printf("epoch %d loss %.5f E_rmse %.2f meV/atom F_rmse %.4f eV/A%n", e, l, re, rf));
        ErrorMetrics tr = ErrorMetrics.evaluate(r.potential(), train);
        ErrorMetrics te = ErrorMetrics.evaluate(r.potential(), test);
        System.out.printf("training loop %.1f s%ntrain %s%ntest  %s%n", r.seconds(), tr, te);
        NepPotentialFile.write(r.potential(), "NEP-style Si model of the physml course: "
                + "org.physml.potentials.TrainSiliconNep " + String.join(" ", args) + ", config " + cfg
                + "; train " + tr + "; test " + te + "; training loop " + String.format("%.0f", r.seconds()) + " s",
                out);
    }
}
