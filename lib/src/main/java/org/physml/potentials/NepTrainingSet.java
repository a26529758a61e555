package org.physml.potentials;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.physml.descriptors.nep.NepDescriptor;
import org.physml.descriptors.nep.NepParameters;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;

/**
 * Descriptors and descriptor Jacobians of a labelled data set, computed once for training a NEP-style network.
 *
 * <p>Per structure: q_i (length D) of every atom, and for every pair (i, j) of a centre i and an atom j that q_i
 * depends on (its neighbours within the cutoff, and i itself) the block J_{ij}[d][a] = d q_{i,d} / d r_{j,a}
 * (periodic images of j summed; the self block is minus the sum of the neighbour blocks). Then
 * F_j = -sum_i sum_d (dU_i/dq_{i,d}) J_{ij}[d][a]. Pairs are stored grouped by centre i (its self pair first).
 * For the virial, per centre the block V_i[c][d] = sum_k sym(r_ik,a d q_{i,d} / d r_k,b) over its neighbour entries
 * k (periodic images separately, r_ik = r_k - r_i, sym = the mean over (a, b) and (b, a)) for the six components
 * c = (a, b) of {@link LabelledStructure#VIRIAL_COMPONENTS}; the virial of a structure is then
 * W_c = -sum_i sum_d (dU_i/dq_{i,d}) V_i[c][d], minus the derivative of the energy with respect to the symmetric
 * strain (r_ik -&gt; (1 + eps) r_ik). Values are stored as float (the training runs in single precision).
 *
 * <p>The q_scaler of NEP (Fan et al., Phys. Rev. B 104, 104309 (2021), Sec. II.D: q_scaler_d = 1/(max - min)
 * of component d over the training set) is obtained with {@link #qScaler()} from a set computed with an unscaled
 * descriptor and applied with {@link #scaled(double[])} (q and J are linear in the scaler).
 */
public final class NepTrainingSet {
    private final NepParameters parameters;
    private final List<LabelledStructure> data;
    private final List<Item> items;

    /** Precomputed arrays of one structure. */
    static final class Item {
        final int atoms;
        final int[] species;    // [n]
        final float[] q;        // [n * D]
        final int[] pairCentre; // [P], ascending; each centre's self pair first
        final int[] pairAtom;   // [P]
        final float[] jac;      // [P * D * 3]
        final float[] vir;      // [n * 6 * D]

        Item(int atoms, int[] species, float[] q, int[] pairCentre, int[] pairAtom, float[] jac, float[] vir) {
            this.atoms = atoms;
            this.species = species;
            this.q = q;
            this.pairCentre = pairCentre;
            this.pairAtom = pairAtom;
            this.jac = jac;
            this.vir = vir;
        }

        int pairs() {
            return pairCentre.length;
        }
    }

    private NepTrainingSet(NepParameters parameters, List<LabelledStructure> data, List<Item> items) {
        this.parameters = parameters;
        this.data = data;
        this.items = items;
    }

    /**
     * Computes descriptors and Jacobians of every structure (structures in parallel).
     *
     * @param parameters descriptor parameters (usually with q_scaler 1; see {@link #qScaler()})
     * @param data       the labelled structures
     * @throws IllegalArgumentException if the data set is empty or an atom's element is not a species of the model
     */
    public static NepTrainingSet compute(NepParameters parameters, List<LabelledStructure> data) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("the data set is empty");
        }
        NepDescriptor descriptor = new NepDescriptor(parameters);
        Item[] items = new Item[data.size()];
        IntStream.range(0, data.size()).parallel().forEach(k -> items[k] = item(descriptor, data.get(k)));
        return new NepTrainingSet(parameters, List.copyOf(data), List.of(items));
    }

    private static Item item(NepDescriptor descriptor, LabelledStructure d) {
        NepParameters params = descriptor.parameters();
        int n = d.size();
        int dim = descriptor.featureCount();
        int[] species = new int[n];
        for (int i = 0; i < n; i++) {
            species[i] = params.speciesIndex(d.structure().atomicNumber(i));
            if (species[i] < 0) {
                throw new IllegalArgumentException("atom " + i + " has atomic number " + d.structure().atomicNumber(i)
                        + ", not one of the model's species " + params.species());
            }
        }
        NeighbourList nl = NeighbourList.build(d.structure(), descriptor.cutoff());
        float[] q = new float[n * dim];
        double[] vir = new double[n * 6 * dim];
        double[] qi = new double[dim];
        int[] slot = new int[n];
        List<Integer> pairCentre = new ArrayList<>();
        List<Integer> pairAtom = new ArrayList<>();
        List<double[]> pairBlock = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalEnvironment env = nl.environment(i);
            double[][][] dq = descriptor.gradient(env, qi);
            for (int f = 0; f < dim; f++) {
                q[i * dim + f] = (float) qi[f];
            }
            Arrays.fill(slot, -1);
            List<Integer> atoms = new ArrayList<>();
            List<double[]> acc = new ArrayList<>();
            atoms.add(i);
            acc.add(new double[dim * 3]);
            slot[i] = 0;
            double[] self = acc.get(0);
            int[] nbr = env.neighbourIndex();
            for (int k = 0; k < nbr.length; k++) {
                int j = nbr[k];
                if (slot[j] < 0) {
                    slot[j] = atoms.size();
                    atoms.add(j);
                    acc.add(new double[dim * 3]);
                }
                double[] b = acc.get(slot[j]);
                double[] rik = env.r()[k];
                for (int f = 0; f < dim; f++) {
                    for (int a = 0; a < 3; a++) {
                        b[f * 3 + a] += dq[k][f][a];
                        self[f * 3 + a] -= dq[k][f][a];
                    }
                    for (int c = 0; c < 6; c++) {
                        int a = LabelledStructure.VIRIAL_COMPONENTS[c][0];
                        int bb = LabelledStructure.VIRIAL_COMPONENTS[c][1];
                        vir[(i * 6 + c) * dim + f] += 0.5 * (rik[a] * dq[k][f][bb] + rik[bb] * dq[k][f][a]);
                    }
                }
            }
            for (int s = 0; s < atoms.size(); s++) {
                pairCentre.add(i);
                pairAtom.add(atoms.get(s));
                pairBlock.add(acc.get(s));
            }
        }
        int pairs = pairCentre.size();
        int[] pc = new int[pairs];
        int[] pa = new int[pairs];
        float[] jac = new float[pairs * dim * 3];
        for (int w = 0; w < pairs; w++) {
            pc[w] = pairCentre.get(w);
            pa[w] = pairAtom.get(w);
            double[] b = pairBlock.get(w);
            for (int x = 0; x < b.length; x++) {
                jac[w * dim * 3 + x] = (float) b[x];
            }
        }
        float[] virial = new float[vir.length];
        for (int x = 0; x < vir.length; x++) {
            virial[x] = (float) vir[x];
        }
        return new Item(n, species, q, pc, pa, jac, virial);
    }

    /**
     * NEP's q_scaler from this set: 1 / (max - min) of every descriptor component over all atoms (components that
     * never vary get 1).
     */
    public double[] qScaler() {
        int dim = parameters.dimension();
        double[] min = new double[dim];
        double[] max = new double[dim];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (Item it : items) {
            for (int i = 0; i < it.atoms; i++) {
                for (int f = 0; f < dim; f++) {
                    double v = it.q[i * dim + f];
                    min[f] = Math.min(min[f], v);
                    max[f] = Math.max(max[f], v);
                }
            }
        }
        double[] s = new double[dim];
        for (int f = 0; f < dim; f++) {
            double range = max[f] - min[f];
            s[f] = range > 0 ? 1.0 / range : 1.0;
        }
        return s;
    }

    /**
     * The same set with every component d of q and J multiplied by {@code factor[d]}, and descriptor parameters
     * whose q_scaler is the old one times the factor (so that the set matches the returned parameters).
     *
     * @throws IllegalArgumentException if the factor has the wrong length or a non-finite or non-positive entry
     */
    public NepTrainingSet scaled(double[] factor) {
        int dim = parameters.dimension();
        if (factor.length != dim) {
            throw new IllegalArgumentException("expected " + dim + " factors, got " + factor.length);
        }
        double[] old = parameters.qScaler();
        double[] combined = new double[dim];
        for (int f = 0; f < dim; f++) {
            if (!(factor[f] > 0) || !Double.isFinite(factor[f])) {
                throw new IllegalArgumentException("factor " + f + " must be positive and finite, got " + factor[f]);
            }
            combined[f] = old[f] * factor[f];
        }
        List<Item> out = new ArrayList<>(items.size());
        for (Item it : items) {
            float[] q = it.q.clone();
            for (int i = 0; i < it.atoms; i++) {
                for (int f = 0; f < dim; f++) {
                    q[i * dim + f] *= (float) factor[f];
                }
            }
            float[] jac = it.jac.clone();
            for (int p = 0; p < it.pairs(); p++) {
                for (int f = 0; f < dim; f++) {
                    for (int a = 0; a < 3; a++) {
                        jac[(p * dim + f) * 3 + a] *= (float) factor[f];
                    }
                }
            }
            float[] vir = it.vir.clone();
            for (int x = 0; x < vir.length; x++) {
                vir[x] *= (float) factor[x % dim];
            }
            out.add(new Item(it.atoms, it.species, q, it.pairCentre, it.pairAtom, jac, vir));
        }
        return new NepTrainingSet(parameters.toBuilder().qScaler(combined).build(), data, out);
    }

    /** The descriptor parameters the set was computed with (including q_scaler). */
    public NepParameters parameters() {
        return parameters;
    }

    /** The labelled structures, in order. */
    public List<LabelledStructure> data() {
        return data;
    }

    /** Number of structures. */
    public int size() {
        return items.size();
    }

    /** Total number of (centre, atom) Jacobian blocks. */
    public long pairCount() {
        long p = 0;
        for (Item it : items) {
            p += it.pairs();
        }
        return p;
    }

    /** Descriptor of atom i of structure k (a copy, double). */
    public double[] descriptor(int k, int i) {
        int dim = parameters.dimension();
        double[] q = new double[dim];
        for (int f = 0; f < dim; f++) {
            q[f] = items.get(k).q[i * dim + f];
        }
        return q;
    }

    List<Item> items() {
        return Collections.unmodifiableList(items);
    }
}
