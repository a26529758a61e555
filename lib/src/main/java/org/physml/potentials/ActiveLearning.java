package org.physml.potentials;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.physml.descriptors.snap.Bispectrum;

/**
 * A learning curve made by active learning with a linear SNAP committee, against the same curve with structures
 * added at random. Starting from {@code initial} random structures of a pool of labelled structures, each round
 * fits the model (one linear SNAP on the current training set) and records its test errors, then adds
 * {@code perRound} structures of the rest of the pool: those with the largest committee force deviation
 * ({@link SnapCommittee#forceDeviation}, {@link Strategy#DISAGREEMENT}) or random ones ({@link Strategy#RANDOM}).
 * The pool stands in for the structures an exploration (MD) would propose and the DFT labels are revealed when a
 * structure is added, as in DP-GEN's explore-label-train loop (arXiv:1910.12690).
 *
 * @param fitter        the fitter of the models (weights, ridge)
 * @param bispectrum    the bispectrum of the models
 * @param species       the species of the models
 * @param initial       structures in the first training set, &gt;= 1
 * @param perRound      structures added per round, &gt;= 1
 * @param rounds        number of additions, &gt;= 0 (the curve has rounds + 1 points)
 * @param committeeSize members of the committee, &gt;= 2
 */
public record ActiveLearning(LinearSnapFitter fitter, Bispectrum bispectrum, int[] species, int initial, int perRound,
                             int rounds, int committeeSize) {

    /** How the structures of a round are chosen. */
    public enum Strategy {
        /** the largest committee force deviation first */
        DISAGREEMENT,
        /** uniformly at random */
        RANDOM
    }

    /**
     * One point of a learning curve.
     *
     * @param trainingStructures size of the training set
     * @param test               errors of the model fitted on it, on the test set ({@link ErrorMetrics}: energy
     *                           per atom in meV/atom, force components in eV/Angstrom)
     * @param added              pool indices of the structures added after this point (empty for the last)
     */
    public record Point(int trainingStructures, ErrorMetrics test, List<Integer> added) {
    }

    /** @throws IllegalArgumentException for out-of-range sizes */
    public ActiveLearning {
        if (initial < 1 || perRound < 1 || rounds < 0 || committeeSize < 2) {
            throw new IllegalArgumentException("need initial >= 1, perRound >= 1, rounds >= 0, committeeSize >= 2;"
                    + " got " + initial + ", " + perRound + ", " + rounds + ", " + committeeSize);
        }
        species = species.clone();
    }

    /**
     * The learning curve of one strategy and seed. The initial set depends on the seed only, so both strategies
     * start from the same structures for the same seed.
     *
     * @param pool         the labelled structures to choose from
     * @param poolFeatures their rows ({@link LinearSnapFitter#features}), same order
     * @param test         the test structures
     * @param testFeatures their rows
     * @throws IllegalArgumentException if the lists do not match or the pool is smaller than
     *                                  initial + rounds x perRound
     */
    public List<Point> run(List<LabelledStructure> pool, List<SnapFeatures> poolFeatures,
                           List<LabelledStructure> test, List<SnapFeatures> testFeatures, Strategy strategy,
                           long seed) {
        if (pool.size() != poolFeatures.size() || test.size() != testFeatures.size() || test.isEmpty()) {
            throw new IllegalArgumentException("need one feature set per structure and a non-empty test set");
        }
        int needed = initial + rounds * perRound;
        if (pool.size() < needed) {
            throw new IllegalArgumentException("the pool has " + pool.size() + " structures; " + initial + " + "
                    + rounds + " x " + perRound + " = " + needed + " are needed");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Integer> order = shuffled(pool.size(), rng);
        List<Integer> train = new ArrayList<>(order.subList(0, initial));
        List<Integer> rest = new ArrayList<>(order.subList(initial, order.size()));
        SplittableRandom pick = rng.split();
        List<Point> curve = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            List<LabelledStructure> d = train.stream().map(pool::get).toList();
            List<SnapFeatures> f = train.stream().map(poolFeatures::get).toList();
            LinearSnap model = fitter.fit(bispectrum, species, d, f);
            ErrorMetrics err = Predictions.of(test, testFeatures.stream().map(model::compute).toList()).metrics();
            List<Integer> added = List.of();
            if (round < rounds) {
                if (strategy == Strategy.RANDOM) {
                    added = new ArrayList<>(rest.subList(0, perRound));   // rest is already in random order
                } else {
                    SnapCommittee c = SnapCommittee.fit(fitter, bispectrum, species, d, f, committeeSize,
                            pick.nextLong());
                    double[] dev = new double[pool.size()];
                    for (int k : rest) {
                        dev[k] = c.forceDeviation(poolFeatures.get(k));
                    }
                    added = rest.stream().sorted(Comparator.comparingDouble((Integer k) -> -dev[k])
                            .thenComparingInt(k -> k)).limit(perRound).toList();
                }
                train.addAll(added);
                rest.removeAll(added);
            }
            curve.add(new Point(train.size() - added.size(), err, added));
        }
        return curve;
    }

    private static List<Integer> shuffled(int n, SplittableRandom rng) {
        List<Integer> out = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Integer t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    @Override
    public int[] species() {
        return species.clone();
    }
}
