package org.physml.potentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.physml.structure.Structure;

/**
 * An ensemble of NEP-style potentials trained on the same data with different seeds (query by committee): the
 * spread of their predictions is a model-uncertainty estimate that is small where the members were constrained
 * by training data and grows away from it (the notebook plots it against the distance from the training set).
 *
 * <p>Per atom j the force deviation is sigma_j = sqrt( (1/M) sum_m |F_j^m - mean_m F_j^m|^2 ) (eV/Angstrom) over
 * the M members. Immutable.
 */
public final class NepEnsemble {
    private final List<Potential> members;

    /**
     * @throws IllegalArgumentException if fewer than 2 members are given
     */
    public NepEnsemble(List<? extends Potential> members) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least 2 members, got " + members.size());
        }
        this.members = List.copyOf(members);
    }

    /**
     * Trains {@code seeds.length} networks on the same precomputed (scaled) set, one per seed.
     *
     * @throws IllegalArgumentException if fewer than 2 seeds are given
     */
    public static NepEnsemble train(NepTrainingSet set, NepTrainingConfig cfg, long... seeds) {
        if (seeds.length < 2) {
            throw new IllegalArgumentException("an ensemble needs at least 2 seeds, got " + seeds.length);
        }
        List<Potential> m = new ArrayList<>();
        for (long seed : seeds) {
            m.add(NepTrainer.train(set, cfg.withSeed(seed), null).potential());
        }
        return new NepEnsemble(m);
    }

    /** The members. */
    public List<Potential> members() {
        return members;
    }

    /**
     * Per-atom force deviation sigma_j, eV/Angstrom, length n.
     *
     * @throws IllegalArgumentException if the structure contains a species the members do not know
     */
    public double[] forceDeviation(Structure s) {
        Objects.requireNonNull(s, "structure");
        int n = s.size();
        int m = members.size();
        double[][][] f = new double[m][][];
        for (int k = 0; k < m; k++) {
            f[k] = members.get(k).compute(s).forces();
        }
        double[] sigma = new double[n];
        for (int j = 0; j < n; j++) {
            double var = 0;
            for (int c = 0; c < 3; c++) {
                double mean = 0;
                for (int k = 0; k < m; k++) {
                    mean += f[k][j][c];
                }
                mean /= m;
                for (int k = 0; k < m; k++) {
                    double d = f[k][j][c] - mean;
                    var += d * d;
                }
            }
            sigma[j] = Math.sqrt(var / m);
        }
        return sigma;
    }

    /** Standard deviation of the members' energies per atom, eV/atom. */
    public double energyDeviationPerAtom(Structure s) {
        int m = members.size();
        double[] e = new double[m];
        double mean = 0;
        for (int k = 0; k < m; k++) {
            e[k] = members.get(k).energy(s) / s.size();
            mean += e[k];
        }
        mean /= m;
        double var = 0;
        for (double x : e) {
            var += (x - mean) * (x - mean);
        }
        return Math.sqrt(var / m);
    }
}
