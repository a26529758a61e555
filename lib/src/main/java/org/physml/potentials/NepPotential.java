package org.physml.potentials;

import java.util.Objects;
import java.util.stream.IntStream;

import org.physml.descriptors.nep.NepDescriptor;
import org.physml.descriptors.nep.NepParameters;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * A NEP-style potential: E = sum_i U_i(q_i) with the NEP descriptor q_i ({@link NepDescriptor}, including its
 * q_scaler) and a per-species network ({@link NepNetwork}); forces by the chain rule
 * F_j = -sum_i (dU_i/dq_i) . dq_i/dr_j, with dq_i/dr_j from {@link NepDescriptor#computeWithGradient} for the
 * neighbour entries and dq_i/dr_i = -sum over the entries (Fan et al., Phys. Rev. B 104, 104309 (2021), Eqs. 10-12).
 *
 * <p>Species index t of an atom = position of its element in the descriptor's species list; the network must
 * have as many species and the descriptor's dimension. Immutable and thread-safe.
 */
public final class NepPotential implements Potential {
    private final NepDescriptor descriptor;
    private final NepNetwork network;

    /**
     * @throws IllegalArgumentException if the network's species count or dimension does not match the descriptor
     */
    public NepPotential(NepParameters descriptor, NepNetwork network) {
        this.descriptor = new NepDescriptor(Objects.requireNonNull(descriptor, "descriptor"));
        this.network = Objects.requireNonNull(network, "network");
        if (network.types() != descriptor.speciesCount() || network.dimension() != descriptor.dimension()) {
            throw new IllegalArgumentException("network has " + network.types() + " species and dimension "
                    + network.dimension() + ", descriptor has " + descriptor.speciesCount() + " species and dimension "
                    + descriptor.dimension());
        }
    }

    @Override
    public double cutoff() {
        return descriptor.cutoff();
    }

    /** The descriptor parameters (with q_scaler). */
    public NepParameters parameters() {
        return descriptor.parameters();
    }

    /** The network. */
    public NepNetwork network() {
        return network;
    }

    private int speciesIndex(Structure s, int i) {
        int t = descriptor.parameters().speciesIndex(s.atomicNumber(i));
        if (t < 0) {
            throw new IllegalArgumentException("atom " + i + " has atomic number " + s.atomicNumber(i)
                    + ", not one of the model's species " + descriptor.parameters().species());
        }
        return t;
    }

    /** Site energies U_i, eV, length n. */
    public double[] siteEnergies(Structure s) {
        double[][] q = descriptor.compute(s);
        double[] u = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            u[i] = network.energy(speciesIndex(s, i), q[i], null);
        }
        return u;
    }

    @Override
    public double energy(Structure s) {
        double e = 0;
        for (double u : siteEnergies(s)) {
            e += u;
        }
        return e;
    }

    @Override
    public EnergyAndForces compute(Structure s) {
        int n = s.size();
        int dim = descriptor.featureCount();
        NeighbourList nl = NeighbourList.build(s, descriptor.cutoff());
        double[] u = new double[n];
        // per centre: the energy gradient with respect to each neighbour entry, dU_i/dr_k (eV/Angstrom)
        double[][][] dUdr = new double[n][][];
        IntStream.range(0, n).parallel().forEach(i -> {
            LocalEnvironment env = nl.environment(i);
            double[] q = new double[dim];
            double[][][] dq = descriptor.gradient(env, q);
            double[] g = new double[dim];
            u[i] = network.energy(speciesIndex(s, i), q, g);
            double[][] d = new double[env.size()][3];
            for (int k = 0; k < env.size(); k++) {
                for (int f = 0; f < dim; f++) {
                    d[k][0] += g[f] * dq[k][f][0];
                    d[k][1] += g[f] * dq[k][f][1];
                    d[k][2] += g[f] * dq[k][f][2];
                }
            }
            dUdr[i] = d;
        });
        double e = 0;
        double[][] forces = new double[n][3];
        for (int i = 0; i < n; i++) {
            e += u[i];
            int[] nbr = nl.environment(i).neighbourIndex();
            for (int k = 0; k < nbr.length; k++) {
                for (int a = 0; a < 3; a++) {
                    forces[nbr[k]][a] -= dUdr[i][k][a];
                    forces[i][a] += dUdr[i][k][a];
                }
            }
        }
        return new EnergyAndForces(e, forces);
    }

    @Override
    public String toString() {
        return "NepPotential[" + descriptor.parameters() + ", neurons=" + network.neurons() + "]";
    }
}
