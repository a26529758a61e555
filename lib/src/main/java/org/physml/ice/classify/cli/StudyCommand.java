package org.physml.ice.classify.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;


import org.physml.CoursePaths;
import org.physml.ice.classify.ClassImportance;
import org.physml.ice.classify.ClassifierResults;
import org.physml.ice.classify.DescriptorMatrix;
import org.physml.ice.classify.DescriptorSpec;
import org.physml.ice.classify.FeatureCache;
import org.physml.ice.classify.FeatureGroupShare;
import org.physml.ice.classify.FrameSource;
import org.physml.ice.classify.IceDataSource;
import org.physml.ice.classify.IceDescriptors;
import org.physml.ice.classify.IceStudy;
import org.physml.ice.classify.ModelStore;
import org.physml.ice.classify.SeedStudy;
import org.physml.ice.classify.SplitFile;
import org.physml.ice.classify.StudyChoices;
import org.physml.ice.classify.UnknownStructures;
import org.physml.structure.Structure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./physml ice study}: the v2 classifier study ({@link SeedStudy}) for every descriptor of
 * {@link IceDescriptors#study()} (or those named): descriptors computed or read from the cache, learning rate
 * chosen on the validation runs, networks trained with several seeds (or read from the model folder), results
 * written after each descriptor so that an interrupted run keeps what it finished. Next to the results JSON it
 * writes {@code choices.json} (the validation accuracy of each learning rate) and, for the descriptors with G8
 * features, {@code feature-groups.json} ({@link FeatureGroupShare}: the G8 share of each class's attribution).
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Train and score the ice-phase networks of the v2 study: learning rate chosen on the"
                + " validation runs, several seeds, out-of-distribution figures; writes the results JSON.")
final class StudyCommand implements Callable<Integer> {
    @Option(names = "--data", description = "data set (default: data/ice-v2)")
    Path data;

    @Option(names = "--split", description = "split file (default: tools/icedata/split-v2.tsv)")
    Path split;

    @Option(names = "--models", description = "folder of the stored networks (default: notebooks/data/ice-models-v2)")
    Path models;

    @Option(names = "--cache", description = "descriptor cache (default: build/cache/ice)")
    Path cache;

    @Option(names = "--results", description = "results JSON (default: <models>/results.json)")
    Path results;

    @Option(names = "--seeds", split = ",", description = "training seeds (default: ${DEFAULT-VALUE})")
    long[] seeds = {1, 2, 3};

    @Option(names = "--learning-rates", split = ",",
            description = "candidate Adam step sizes, chosen on the validation runs (default: ${DEFAULT-VALUE})")
    double[] learningRates = {1e-3, 3e-4};

    @Option(names = "--descriptor", description = "only these descriptors (names of IceDescriptors.study())")
    List<String> only;

    @Option(names = "--quantile", description = "OOD threshold quantile of the validation scores"
            + " (default: ${DEFAULT-VALUE})")
    double quantile = 0.99;

    @Option(names = "--unknown-molecules", description = "molecules per unknown crystal (default: ${DEFAULT-VALUE})")
    int unknownMolecules = 300;

    @Option(names = "--without", paramLabel = "FAMILY", description = "ablation: train without the features of"
            + " this family (names starting with FAMILY[ or avg FAMILY[, e.g. G8); rows are named '<descriptor>"
            + " without FAMILY', the unknown structures are skipped")
    String without;

    @Spec
    CommandSpec spec;

    /** Geiger and Dellago's G8 features (names "G8[...]", plain or averaged). */
    private static final java.util.function.Predicate<String> G8 = family("G8");

    /** The features of a family: names "FAMILY[...]" or, averaged, "avg FAMILY[...]". */
    private static java.util.function.Predicate<String> family(String name) {
        return n -> n.startsWith(name + "[") || n.startsWith("avg " + name + "[");
    }
    /** Test molecules per class and integration steps of the G8 share (as notebook 09's importance map). */
    private static final int IG_MOLECULES = 30, IG_STEPS = 100;

    /** The unknown structures of the study: ices II and VII, ice Ih with 25 % vacancies; sigma 0.1 A, seed 5 (as README.md). */
    static Map<String, Structure> unknownStructures(int molecules) {
        return UnknownStructures.standard(molecules, 0.1, 0.25, 5);
    }

    @Override
    public Integer call() {
        Path root = CoursePaths.root();
        Path dataDir = data != null ? data : root.resolve("data/ice-v2");
        Path splitFile = split != null ? split : root.resolve("tools/icedata/split-v2.tsv");
        Path modelDir = models != null ? models : root.resolve("notebooks/data/ice-models-v2");
        Path out = results != null ? results : modelDir.resolve("results.json");
        PrintWriter err = spec.commandLine().getErr();
        List<DescriptorSpec> specs = new ArrayList<>(selected());
        IceStudy study = IceStudy.standard().withSplitFile(SplitFile.read(splitFile));
        SeedStudy seedStudy = new SeedStudy(study, learningRates, seeds, quantile);
        FrameSource source = IceDataSource.open(dataDir);
        List<DescriptorMatrix> ms = new ArrayList<>(new FeatureCache(cache != null ? cache : root.resolve("build/cache/ice"))
                .computeIfAbsent(source, study.centres(), specs, (f, n) -> {
                    err.printf(Locale.ROOT, "\rdescriptors: %d frames, %d environments", f, n);
                    err.flush();
                }));
        err.println();
        ModelStore store = new ModelStore(List.of(modelDir), modelDir);
        Map<String, Structure> unknown = unknownStructures(unknownMolecules);
        List<ClassifierResults.Row> rows = new ArrayList<>();
        List<FeatureGroupShare> groups = new ArrayList<>();
        if (without != null) {   // the ablation: same rows, same split, the family's columns removed
            java.util.function.Predicate<String> dropped = family(without);
            for (int k = 0; k < specs.size(); k++) {
                DescriptorSpec s = new DescriptorSpec(specs.get(k).name() + " without " + without,
                        specs.get(k).descriptor());
                specs.set(k, s);
                ms.set(k, ms.get(k).selectFeatures(dropped.negate(), s.name()));
            }
            unknown = Map.of();   // their descriptors would have the removed columns
        }
        for (int k = 0; k < specs.size(); k++) {
            SeedStudy.Outcome o = seedStudy.run(specs.get(k), ms.get(k), source, store, unknown, msg -> {
                err.println(msg);
                err.flush();
            });
            rows.add(o.row());
            // merged into the file as it is now: parallel study processes on other descriptors keep their entries
            StudyChoices.record(out.toAbsolutePath().getParent(), o.row().descriptor(),
                    new StudyChoices.Choice(o.learningRate(), o.validationByRate()));
            new ClassifierResults(root.relativize(dataDir.toAbsolutePath()) + " (v2)", "by run: "
                    + root.relativize(splitFile.toAbsolutePath()), rows).write(out);
            if (ms.get(k).featureNames().stream().anyMatch(G8)) {
                // the reference study's claim that a symmetry function (G8) singles out MDA: IG share per class
                ClassImportance imp = ClassImportance.of(o.bySeed().get(0), ms.get(k), IG_MOLECULES, IG_STEPS, 7);
                groups.add(FeatureGroupShare.of(o.row().descriptor(), imp, "G8", G8));
                FeatureGroupShare.write(out.resolveSibling("feature-groups.json"), groups);
            }
            ClassifierResults.Row r = o.row();
            spec.commandLine().getOut().printf(Locale.ROOT, "%-40s %4d features  %.2f +- %.2f %%  ensemble %s"
                    + "  false alarms %.1f %%%n", r.descriptor(), r.features(), 100 * r.balancedAccuracyMean(),
                    100 * r.balancedAccuracySd(), r.ensemble() == null ? "-"
                            : String.format(Locale.ROOT, "%.2f %%", 100 * r.ensemble().balancedAccuracy()),
                    100 * r.ood().falseAlarmRate());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private List<DescriptorSpec> selected() {
        List<DescriptorSpec> all = IceDescriptors.study();
        if (only == null || only.isEmpty()) {
            return all;
        }
        List<DescriptorSpec> out = new ArrayList<>();
        for (String name : only) {
            out.add(all.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown descriptor '" + name + "'; expected one of "
                            + all.stream().map(DescriptorSpec::name).toList())));
        }
        return out;
    }
}
