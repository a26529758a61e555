package org.physml.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.physml.descriptors.Soap;
import org.physml.potentials.LabelledStructure;
import org.physml.structure.Structure;

/**
 * A GAP-style energy model: a {@link SparseGaussianProcess} on per-atom SOAP vectors for total energies per
 * structure (A. P. Bartok et al., Phys. Rev. Lett. 104, 136403 (2010); SOAP kernel as in Y. Zuo et al., J. Phys.
 * Chem. A 124, 731 (2020), Eq. 6):
 * <pre>
 *   E_s = N_s e_0 + sum_{i in s} eps(p^_i),    K(s, s') = sum_{i in s} sum_{j in s'} delta^2 (p^_i . p^_j)^zeta
 * </pre>
 * i.e. the kernel of <b>per-atom SOAP vectors summed</b> over both structures (not the kernel of the averaged
 * vector), so the energy is extensive. p^ is the unit-normalised SOAP vector of an atom.
 * Rules of this class (choices of the course, stated so they can be changed):
 * <ul>
 *   <li>e_0 = mean DFT energy per atom of the training structures (the GP models the rest);</li>
 *   <li>delta = standard deviation of the training energies per atom about e_0 (prior scale of eps);</li>
 *   <li>expected error sigma_s = sigma_E sqrt(N_s) for a structure of N_s atoms (independent atomic errors of
 *       sigma_E each);</li>
 *   <li>sparse points: M environments of the training structures by {@link FarthestPointSampling}, starting from
 *       the first atom of the first structure.</li>
 * </ul>
 */
public final class SoapGap {
    private final Soap soap;
    private final double e0;
    private final SparseGaussianProcess gp;

    private SoapGap(Soap soap, double e0, SparseGaussianProcess gp) {
        this.soap = soap;
        this.e0 = e0;
        this.gp = gp;
    }

    /**
     * Unit-normalised per-atom SOAP vectors of each structure, [structures][atoms][features] (in parallel).
     */
    public static List<double[][]> environments(Soap soap, List<Structure> structures) {
        List<double[][]> out = new ArrayList<>(structures.size());
        double[][][] tmp = new double[structures.size()][][];
        IntStream.range(0, tmp.length).parallel().forEach(s -> {
            Structure st = structures.get(s);
            double[][] p = soap.compute(st, IntStream.range(0, st.size()).toArray());
            for (int i = 0; i < p.length; i++) {
                p[i] = DotProductKernel.normalise(p[i]);
            }
            tmp[s] = p;
        });
        for (double[][] t : tmp) {
            out.add(t);
        }
        return out;
    }

    /**
     * Fits the model with the rules of the class comment.
     *
     * @param soap   the descriptor (its species must cover the structures)
     * @param envs   {@link #environments} of the training structures
     * @param data   the training structures with their DFT energies (same order as envs)
     * @param zeta   kernel exponent (4 in GAP/Zuo et al.)
     * @param m      number of sparse points, 1 .. number of training atoms
     * @param sigmaE expected error per atom, eV, &gt; 0
     * @throws IllegalArgumentException if the sizes disagree or a parameter is out of range
     */
    public static SoapGap fit(Soap soap, List<double[][]> envs, List<LabelledStructure> data, int zeta, int m,
                              double sigmaE) {
        int n = data.size();
        if (envs.size() != n || n < 2) {
            throw new IllegalArgumentException("need the environments of each of at least two structures, got " + n
                    + " structures and " + envs.size() + " environment sets");
        }
        double e0 = data.stream().mapToDouble(LabelledStructure::energyPerAtom).average().orElseThrow();
        double var = data.stream().mapToDouble(d -> Math.pow(d.energyPerAtom() - e0, 2)).sum() / (n - 1);
        DotProductKernel kernel = new DotProductKernel(zeta, Math.sqrt(var));
        double[] y = new double[n];
        double[] sigma = new double[n];
        for (int s = 0; s < n; s++) {
            y[s] = data.get(s).energy() - data.get(s).size() * e0;
            sigma[s] = sigmaE * Math.sqrt(data.get(s).size());
        }
        double[][] all = envs.stream().flatMap(java.util.Arrays::stream).toArray(double[][]::new);
        int[] idx = FarthestPointSampling.select(all, m, 0);
        double[][] sparse = new double[m][];
        for (int j = 0; j < m; j++) {
            sparse[j] = all[idx[j]];
        }
        return new SoapGap(soap, e0, SparseGaussianProcess.fit(kernel, envs, y, sigma, sparse));
    }

    /** Predicted total energies of structures given their {@link #environments}, eV. */
    public double[] energies(List<double[][]> envs) {
        double[] e = gp.predict(envs);
        for (int s = 0; s < e.length; s++) {
            e[s] += envs.get(s).length * e0;
        }
        return e;
    }

    /** Predicted total energy of one structure, eV. */
    public double energy(Structure s) {
        return energies(environments(soap, List.of(s)))[0];
    }

    /** e_0, eV/atom. */
    public double e0() {
        return e0;
    }

    /** The underlying process. */
    public SparseGaussianProcess process() {
        return gp;
    }

    /** Mean absolute error of the energy per atom against the DFT labels, meV/atom. */
    public double energyMae(List<double[][]> envs, List<LabelledStructure> data) {
        double[] e = energies(envs);
        double sum = 0;
        for (int s = 0; s < e.length; s++) {
            sum += Math.abs(e[s] - data.get(s).energy()) / data.get(s).size();
        }
        return 1000 * sum / e.length;
    }
}
