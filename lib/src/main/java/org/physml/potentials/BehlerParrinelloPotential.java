package org.physml.potentials;

import java.util.List;
import java.util.stream.IntStream;

import org.physml.structure.Elements;
import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * A Behler-Parrinello neural-network potential of one element (J. Behler and M. Parrinello, Phys. Rev. Lett. 98,
 * 146401 (2007)) evaluated as n2p2 does: E = sum_i [NN(x_i) + E_atom], with x_i the symmetry functions
 * {@link BehlerSymmetryFunction} of atom i scaled to [S_min, S_max] by n2p2's {@code scale_symmetry_functions}
 * rule x = S_min + (S_max - S_min) (G - G_min)/(G_max - G_min) (n2p2 {@code SymFnc::ScalingType ST_SCALE}) with
 * G_min, G_max of the training set ({@code scaling.data}), NN the element's {@link AtomicNetwork} and E_atom the
 * {@code atom_energy} offset added per atom (n2p2 keyword documentation). Forces
 * F_j = -sum_i sum_t dE_i/dx_it dx_it/dG_it dG_it/dr_j analytically.
 *
 * <p>Units: symmetry-function parameters in Angstrom (a reader converts them); the network and E_atom in the
 * model's energy unit, converted to eV by {@code energyUnit} (eV per model unit, e.g. 27.2114 for Hartree).
 * Immutable and thread-safe. Read n2p2 files with {@link N2p2ModelFiles}.
 */
public final class BehlerParrinelloPotential implements Potential {
    private final int z;
    private final BehlerSymmetryFunction[] sf;
    private final double[] gMin, gMax;
    private final double sMin, sMax;
    private final AtomicNetwork network;
    private final double atomEnergy, energyUnit, cutoff;

    /**
     * @param z          atomic number of the element
     * @param functions  symmetry functions in the network's input order (Angstrom units)
     * @param gMin       G_min per function (from the training set)
     * @param gMax       G_max per function, &gt; G_min
     * @param sMin       S_min of the scaling
     * @param sMax       S_max of the scaling, &gt; S_min
     * @param network    the element's network, one input per function
     * @param atomEnergy E_atom, model energy unit
     * @param energyUnit eV per model energy unit, &gt; 0
     * @throws IllegalArgumentException on inconsistent lengths, G_max &lt;= G_min, S_max &lt;= S_min or
     *                                  energyUnit &lt;= 0
     */
    public BehlerParrinelloPotential(int z, List<BehlerSymmetryFunction> functions, double[] gMin, double[] gMax,
                                     double sMin, double sMax, AtomicNetwork network, double atomEnergy,
                                     double energyUnit) {
        int n = functions.size();
        if (n == 0 || gMin.length != n || gMax.length != n || network.inputCount() != n) {
            throw new IllegalArgumentException("expected " + n + " symmetry functions, G_min, G_max and network"
                    + " inputs; got " + gMin.length + ", " + gMax.length + " and " + network.inputCount());
        }
        for (int t = 0; t < n; t++) {
            if (!(gMax[t] > gMin[t])) {
                throw new IllegalArgumentException("symmetry function " + (t + 1) + ": G_max " + gMax[t]
                        + " must exceed G_min " + gMin[t]);
            }
        }
        if (!(sMax > sMin) || !(energyUnit > 0)) {
            throw new IllegalArgumentException("expected S_max > S_min and a positive energy unit, got " + sMin
                    + ", " + sMax + ", " + energyUnit);
        }
        Elements.symbol(z);
        this.z = z;
        this.sf = functions.toArray(new BehlerSymmetryFunction[0]);
        this.gMin = gMin.clone();
        this.gMax = gMax.clone();
        this.sMin = sMin;
        this.sMax = sMax;
        this.network = network;
        this.atomEnergy = atomEnergy;
        this.energyUnit = energyUnit;
        double rc = 0;
        for (BehlerSymmetryFunction f : sf) {
            rc = Math.max(rc, f.rc());
        }
        this.cutoff = rc;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    /** The symmetry functions in input order (Angstrom units). */
    public List<BehlerSymmetryFunction> symmetryFunctions() {
        return List.of(sf);
    }

    /** The element's network. */
    public AtomicNetwork network() {
        return network;
    }

    /**
     * The raw (unscaled) symmetry functions of every atom, shape [n][number of functions].
     *
     * @throws IllegalArgumentException if an atom is not of this potential's element
     */
    public double[][] symmetryFunctionValues(Structure s) {
        check(s);
        NeighbourList nl = NeighbourList.build(s, cutoff);
        double[][] g = new double[s.size()][];
        IntStream.range(0, s.size()).parallel().forEach(i -> g[i] = values(nl.environment(i)));
        return g;
    }

    @Override
    public EnergyAndForces compute(Structure s) {
        check(s);
        NeighbourList nl = NeighbourList.build(s, cutoff);
        int n = s.size();
        double[] e = new double[n];
        double[][][] grad = new double[n][][];
        IntStream.range(0, n).parallel().forEach(i -> {
            LocalEnvironment env = nl.environment(i);
            double[] dEdG = new double[sf.length];
            e[i] = atomEnergy(values(env), dEdG);
            grad[i] = gradient(env, dEdG);
        });
        double[][] f = new double[n][3];
        double energy = 0;
        for (int i = 0; i < n; i++) {
            energy += e[i];
            int[] nbr = nl.environment(i).neighbourIndex();
            for (int q = 0; q < nbr.length; q++) {
                for (int c = 0; c < 3; c++) {
                    f[nbr[q]][c] -= grad[i][q][c];
                    f[i][c] += grad[i][q][c];      // dE_i/dr_i = -sum_q dE_i/dr_q
                }
            }
        }
        return new EnergyAndForces(energy, f);
    }

    private void check(Structure s) {
        for (int i = 0; i < s.size(); i++) {
            if (s.atomicNumber(i) != z) {
                throw new IllegalArgumentException("atom " + i + " has atomic number " + s.atomicNumber(i)
                        + "; this potential knows only " + Elements.symbol(z));
            }
        }
    }

    /** E_i in eV and dE_i/dG_t (eV) from the raw symmetry functions. */
    private double atomEnergy(double[] g, double[] dEdG) {
        double[] x = new double[g.length];
        for (int t = 0; t < g.length; t++) {
            x[t] = sMin + (sMax - sMin) * (g[t] - gMin[t]) / (gMax[t] - gMin[t]);
        }
        double y = network.evaluate(x, dEdG);
        for (int t = 0; t < g.length; t++) {
            dEdG[t] *= energyUnit * (sMax - sMin) / (gMax[t] - gMin[t]);
        }
        return (y + atomEnergy) * energyUnit;
    }

    /** Raw symmetry functions of one centre. */
    private double[] values(LocalEnvironment env) {
        double[] g = new double[sf.length];
        double[] d = env.distance();
        double[][] r = env.r();
        int m = env.size();
        for (int t = 0; t < sf.length; t++) {
            BehlerSymmetryFunction f = sf[t];
            if (f.type() == 2) {
                for (int q = 0; q < m; q++) {
                    double x = d[q] - f.rs();
                    g[t] += Math.exp(-f.eta() * x * x) * f.fc(d[q]);
                }
            }
        }
        for (int j = 0; j < m; j++) {
            for (int k = j + 1; k < m; k++) {
                Triplet p = new Triplet(r[j], d[j], r[k], d[k]);
                for (int t = 0; t < sf.length; t++) {
                    if (sf[t].type() == 3) {
                        g[t] += p.term(sf[t], null, null, 0);
                    }
                }
            }
        }
        return g;
    }

    /** dE_i/dr_q for every neighbour entry q of the centre, shape [m][3]. */
    private double[][] gradient(LocalEnvironment env, double[] dEdG) {
        double[] d = env.distance();
        double[][] r = env.r();
        int m = env.size();
        double[][] grad = new double[m][3];
        for (int t = 0; t < sf.length; t++) {
            BehlerSymmetryFunction f = sf[t];
            if (f.type() == 2) {
                for (int q = 0; q < m; q++) {
                    double x = d[q] - f.rs();
                    double ex = Math.exp(-f.eta() * x * x);
                    double dg = ex * (-2 * f.eta() * x * f.fc(d[q]) + f.dfc(d[q])) * dEdG[t] / d[q];
                    for (int c = 0; c < 3; c++) {
                        grad[q][c] += dg * r[q][c];
                    }
                }
            }
        }
        for (int j = 0; j < m; j++) {
            for (int k = j + 1; k < m; k++) {
                Triplet p = new Triplet(r[j], d[j], r[k], d[k]);
                for (int t = 0; t < sf.length; t++) {
                    if (sf[t].type() == 3 && dEdG[t] != 0) {
                        p.term(sf[t], grad[j], grad[k], dEdG[t]);
                    }
                }
            }
        }
        return grad;
    }

    /** Geometry of one neighbour pair (j, k) of the centre: a = r_ij, b = r_ik, c = b - a = r_jk. */
    private static final class Triplet {
        final double[] a, b;
        final double rij, rik, rjk, cos;

        Triplet(double[] a, double rij, double[] b, double rik) {
            this.a = a;
            this.b = b;
            this.rij = rij;
            this.rik = rik;
            double dx = b[0] - a[0], dy = b[1] - a[1], dz = b[2] - a[2];
            this.rjk = Math.sqrt(dx * dx + dy * dy + dz * dz);
            this.cos = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) / (rij * rik);
        }

        /**
         * The type-3 term of this pair; if gj is not null, adds w dT/dr_j to gj and w dT/dr_k to gk instead
         * (r_j = r_i + a, r_k = r_i + b with the centre fixed).
         */
        double term(BehlerSymmetryFunction f, double[] gj, double[] gk, double w) {
            double rc = f.rc();
            if (rij >= rc || rik >= rc || rjk >= rc) {
                return 0;
            }
            double p = 1 + f.lambda() * cos;
            if (p <= 0) {
                return 0;
            }
            double zeta = f.zeta(), eta = f.eta(), rs = f.rs();
            double norm = Math.pow(2, 1 - zeta);
            double pz1 = Math.pow(p, zeta - 1);
            double ang = norm * pz1 * p;
            double xij = rij - rs, xik = rik - rs, xjk = rjk - rs;
            double ex = Math.exp(-eta * (xij * xij + xik * xik + xjk * xjk));
            double fij = f.fc(rij), fik = f.fc(rik), fjk = f.fc(rjk);
            double fcut = fij * fik * fjk;
            if (gj == null) {
                return ang * ex * fcut;
            }
            double dTdcos = norm * zeta * f.lambda() * pz1 * ex * fcut;
            double dTdrij = ang * ex * (-2 * eta * xij * fcut + f.dfc(rij) * fik * fjk);
            double dTdrik = ang * ex * (-2 * eta * xik * fcut + fij * f.dfc(rik) * fjk);
            double dTdrjk = ang * ex * (-2 * eta * xjk * fcut + fij * fik * f.dfc(rjk));
            double inv = 1 / (rij * rik);
            for (int c = 0; c < 3; c++) {
                double cc = (b[c] - a[c]) / rjk;
                double dcosA = b[c] * inv - cos * a[c] / (rij * rij);
                double dcosB = a[c] * inv - cos * b[c] / (rik * rik);
                gj[c] += w * (dTdcos * dcosA + dTdrij * a[c] / rij - dTdrjk * cc);
                gk[c] += w * (dTdcos * dcosB + dTdrik * b[c] / rik + dTdrjk * cc);
            }
            return 0;
        }
    }
}
