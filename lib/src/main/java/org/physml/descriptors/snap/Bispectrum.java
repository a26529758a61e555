package org.physml.descriptors.snap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.physml.descriptors.DifferentiableDescriptor;
import org.physml.descriptors.ParameterisedDescriptor;
import org.physml.structure.LocalEnvironment;

/**
 * SNAP bispectrum components B_{j1 j2 j} of an atom's neighbourhood, exactly as LAMMPS's
 * {@code compute sna/atom} defines them (Thompson, Swiler, Trott, Foiles and Tucker, J. Comput. Phys. 285, 316
 * (2015); Bartok, Payne, Kondor and Csanyi, Phys. Rev. Lett. 104, 136403 (2010)).
 *
 * <p>Each neighbour k of species Z_k within the pair cutoff R_ik = rcutfac (R_i + R_k) is mapped onto the
 * 3-sphere by theta0 = rfac0 pi (r - rmin0)/(R_ik - rmin0) and enters the density
 * u^j = I + sum_k f_c(r_k) w_k U^j(theta0, theta, phi) with the switching function
 * f_c = (cos(pi (r - rmin0)/(R_ik - rmin0)) + 1)/2 (switchflag 1) or 1 (switchflag 0); the centre contributes
 * the identity with weight 1. The bispectrum is
 * B_{j1 j2 j} = sum conj(u^j_{m m'}) H u^{j1}_{m1 m1'} u^{j2}_{m2 m2'} with Clebsch-Gordan couplings H
 * (the u^j and B_{j1 j2 j} equations of the LAMMPS compute sna/atom documentation). bzeroflag 1 subtracts the
 * value of an atom without neighbours, j + 1;
 * bnormflag 1 divides B by j + 1 (and the free-atom value becomes 1). quadraticflag 1 appends the K(K+1)/2
 * products B_l B_m (l &lt;= m, upper triangle row by row, with 1/2 on the diagonal).
 *
 * <p>Labels are doubled: j1, j2, j in 0..twojmax are twice the angular momenta. Columns: for
 * j1 = 0..twojmax, j2 = 0..j1, j = j1 - j2..min(twojmax, j1 + j2) step 2, keep j &gt;= j1 (the LAMMPS order),
 * K = m(m+1)(2m+1)/6 for even twojmax = 2(m-1) and m(m+1)(m+2)/3 for odd twojmax = 2m - 1 (LAMMPS
 * documentation of compute sna/atom, "Output info"): 30 for twojmax 6, 55 for 8.
 *
 * <p>Neighbour selection: a neighbour counts if 1e-20 &lt; |r|^2 &lt; R_ik^2 (as in LAMMPS); {@link #cutoff()} is the
 * largest pair cutoff, so environments built with it contain every contributing neighbour. The multi-element
 * "chem" variant and wselfallflag of LAMMPS are not implemented.
 *
 * <p>Instances are immutable and thread-safe; index tables and Clebsch-Gordan coefficients are built once per
 * instance, scratch arrays once per thread.
 */
public final class Bispectrum extends ParameterisedDescriptor<BispectrumParameters>
        implements DifferentiableDescriptor {
    private static final int MAX_Z = 118;
    /** Largest accepted twojmax: beyond it the Racah-formula Clebsch-Gordan coefficients lose digits. */
    public static final int MAX_TWOJMAX = 24;

    private final double rcutfac;
    private final double rfac0;
    private final int twojmax;
    private final double rmin0;
    private final double[] radius = new double[MAX_Z + 1];
    private final double[] weight = new double[MAX_Z + 1];
    private final int[] species;
    private final double cutoff;
    private final SnaIndex index;
    private final SnaKernel kernel;
    private final int linearCount;
    private final int featureCount;
    private final List<String> names;
    private final ThreadLocal<SnaWorkspace> workspace;

    Bispectrum(BispectrumParameters p) {
        super(p);
        rcutfac = p.rcutfac();
        rfac0 = p.rfac0();
        twojmax = p.twojmax();
        rmin0 = p.rmin0();
        Arrays.fill(radius, Double.NaN);
        Arrays.fill(weight, Double.NaN);
        double rMax = 0.0;
        species = new int[p.species().size()];
        for (int k = 0; k < species.length; k++) {
            BispectrumParameters.Species e = p.species().get(k);
            species[k] = e.z();
            radius[e.z()] = e.radius();
            weight[e.z()] = e.weight();
            rMax = Math.max(rMax, e.radius());
        }
        cutoff = 2.0 * rMax * rcutfac;
        index = new SnaIndex(twojmax);
        kernel = new SnaKernel(index, rfac0, rmin0, p.switchflag(), p.bzeroflag(), p.bnormflag());
        linearCount = index.featureCount();
        featureCount = p.quadraticflag() ? linearCount + linearCount * (linearCount + 1) / 2 : linearCount;
        names = Collections.unmodifiableList(buildNames());
        workspace = ThreadLocal.withInitial(() -> new SnaWorkspace(index));
    }

    /** A builder with the LAMMPS defaults rmin0 0, switchflag 1, bzeroflag 1, quadraticflag 0, bnormflag 0. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Number of linear bispectrum components K for a given twojmax (LAMMPS documentation of compute sna/atom):
     * m(m+1)(2m+1)/6 with m = twojmax/2 + 1 for even twojmax, m(m+1)(m+2)/3 with m = (twojmax+1)/2 for odd.
     *
     * @throws IllegalArgumentException if twojmax &lt; 0
     */
    public static int componentCount(int twojmax) {
        if (twojmax < 0) {
            throw new IllegalArgumentException("twojmax must be >= 0, got " + twojmax);
        }
        if (twojmax % 2 == 0) {
            int m = twojmax / 2 + 1;
            return m * (m + 1) * (2 * m + 1) / 6;
        }
        int m = (twojmax + 1) / 2;
        return m * (m + 1) * (m + 2) / 3;
    }

    /** Number of linear components K (equal to {@link #featureCount()} unless quadraticflag is 1). */
    public int linearCount() {
        return linearCount;
    }

    /**
     * Names "B_{j1,j2,j}" with doubled labels (e.g. B_{1,1,2}); with quadraticflag, then "0.5*B_a*B_a" and
     * "B_a*B_b" in LAMMPS order.
     */
    @Override
    public List<String> featureNames() {
        return names;
    }

    /**
     * Column of the linear component B_{j1 j2 j}, given with doubled labels as LAMMPS and {@link #featureNames()}
     * write them (2j1, 2j2, 2j).
     *
     * @throws IllegalArgumentException if this (2j1, 2j2, 2j) is not a component for twojmax (the message shows the
     *                                  first names)
     */
    public int column(int twoJ1, int twoJ2, int twoJ) {
        return column("B_{" + twoJ1 + "," + twoJ2 + "," + twoJ + "}");
    }

    /** The largest pair cutoff rcutfac (R_i + R_j) over the configured species, Angstrom. */
    @Override
    public double cutoff() {
        return cutoff;
    }

    /**
     * Pair cutoff R_ij = rcutfac (R_i + R_j), Angstrom.
     *
     * @throws IllegalArgumentException if either species is not configured
     */
    public double pairCutoff(int zi, int zj) {
        return rcutfac * (radiusOf(zi) + radiusOf(zj));
    }

    /** The (j1, j2, j) labels (doubled) of the K linear components, shape [K][3], in column order. */
    public int[][] indices() {
        int[][] copy = new int[linearCount][];
        for (int l = 0; l < linearCount; l++) {
            copy[l] = index.bTriples[l].clone();
        }
        return copy;
    }

    /**
     * Features of one centre.
     *
     * @param env neighbours of the centre (at least those within {@link #cutoff()}), centre excluded
     * @param out receives the features, length {@link #featureCount()}
     * @throws IllegalArgumentException if out has the wrong length, or the centre or a neighbour has an
     *                                  atomic number without configured R_i and w_i
     */
    @Override
    public void compute(LocalEnvironment env, double[] out) {
        checkLength(out);
        SnaWorkspace ws = workspace.get();
        accumulateDensity(env, ws);
        kernel.computeB(ws, index.bTable);
        writeFeatures(ws.b, out);
    }

    /**
     * Features of one centre and their gradients with respect to every neighbour's position:
     * {@code grad[k][l][c] = d out[l] / d r_k,c}, where r_k is the position of the k-th entry of {@code env}
     * (one entry per periodic image). Neighbours outside their pair cutoff have zero gradient. The gradient
     * with respect to the centre's own position is minus the sum over k.
     *
     * @param out  receives the features, length {@link #featureCount()}
     * @param grad receives the gradient, shape [env.size()][featureCount()][3], 1/Angstrom
     * @throws IllegalArgumentException on wrong shapes or unconfigured species
     */
    @Override
    public void computeWithGradient(LocalEnvironment env, double[] out, double[][][] grad) {
        checkLength(out);
        if (grad.length != env.size()) {
            throw new IllegalArgumentException("grad has " + grad.length + " rows, expected one per neighbour ("
                    + env.size() + ")");
        }
        for (double[][] g : grad) {
            if (g.length != featureCount || (featureCount > 0 && g[0].length != 3)) {
                throw new IllegalArgumentException("each grad[k] must have shape [" + featureCount + "][3]");
            }
        }
        SnaWorkspace ws = workspace.get();
        accumulateDensity(env, ws);
        kernel.computeB(ws, index.fullTable);
        writeFeatures(ws.b, out);
        double ri = radiusOf(env.centreZ());
        double[] b = ws.b;
        double[] db = ws.db;
        for (int k = 0; k < env.size(); k++) {
            double[][] g = grad[k];
            for (double[] row : g) {
                Arrays.fill(row, 0.0);
            }
            int zk = env.neighbourZ()[k];
            double rc = rcutfac * (ri + radiusOf(zk));
            double[] v = env.r()[k];
            double x = -v[0], y = -v[1], z = -v[2];
            double rsq = x * x + y * y + z * z;
            if (!(rsq < rc * rc && rsq > 1e-20)) {
                continue;
            }
            kernel.neighbourGradient(ws, x, y, z, Math.sqrt(rsq), rc, weight[zk]);
            // the kernel differentiates with respect to r_centre - r_k: flip the sign
            for (int l = 0; l < linearCount; l++) {
                for (int c = 0; c < 3; c++) {
                    g[l][c] = -db[3 * l + c];
                }
            }
            if (parameters().quadraticflag()) {
                int q = linearCount;
                for (int l = 0; l < linearCount; l++) {
                    for (int m = l; m < linearCount; m++) {
                        for (int c = 0; c < 3; c++) {
                            g[q][c] = (l == m) ? b[l] * g[l][c] : b[l] * g[m][c] + b[m] * g[l][c];
                        }
                        q++;
                    }
                }
            }
        }
    }

    private void accumulateDensity(LocalEnvironment env, SnaWorkspace ws) {
        double ri = radiusOf(env.centreZ());
        kernel.beginCentre(ws);
        int[] nz = env.neighbourZ();
        double[][] r = env.r();
        for (int k = 0; k < nz.length; k++) {
            double rc = rcutfac * (ri + radiusOf(nz[k]));
            // LAMMPS's sign convention: centre minus neighbour
            double x = -r[k][0], y = -r[k][1], z = -r[k][2];
            double rsq = x * x + y * y + z * z;
            if (rsq < rc * rc && rsq > 1e-20) {
                kernel.addNeighbour(ws, x, y, z, Math.sqrt(rsq), rc, weight[nz[k]]);
            }
        }
        kernel.finishDensity(ws);
    }

    private void writeFeatures(double[] b, double[] out) {
        System.arraycopy(b, 0, out, 0, linearCount);
        if (parameters().quadraticflag()) {
            int q = linearCount;
            for (int l = 0; l < linearCount; l++) {
                out[q++] = 0.5 * b[l] * b[l];
                for (int m = l + 1; m < linearCount; m++) {
                    out[q++] = b[l] * b[m];
                }
            }
        }
    }

    private void checkLength(double[] out) {
        if (out.length != featureCount) {
            throw new IllegalArgumentException("out has length " + out.length + ", expected featureCount() = "
                    + featureCount);
        }
    }

    private double radiusOf(int z) {
        if (z < 1 || z > MAX_Z || Double.isNaN(radius[z])) {
            throw new IllegalArgumentException("atomic number " + z + " has no radius R_i and weight w_i; configured "
                    + "species are " + Arrays.toString(species));
        }
        return radius[z];
    }

    private List<String> buildNames() {
        List<String> n = new ArrayList<>(featureCount);
        for (int[] t : index.bTriples) {
            n.add("B_{" + t[0] + "," + t[1] + "," + t[2] + "}");
        }
        if (parameters().quadraticflag()) {
            for (int l = 0; l < linearCount; l++) {
                n.add("0.5*" + n.get(l) + "*" + n.get(l));
                for (int m = l + 1; m < linearCount; m++) {
                    n.add(n.get(l) + "*" + n.get(m));
                }
            }
        }
        return n;
    }

    /** Configured atomic numbers, ascending. */
    public int[] species() {
        return species.clone();
    }

    /** Radius R_i of species z, Angstrom. @throws IllegalArgumentException if z is not configured */
    public double radius(int z) {
        return radiusOf(z);
    }

    /** Weight w_i of species z. @throws IllegalArgumentException if z is not configured */
    public double weight(int z) {
        radiusOf(z);
        return weight[z];
    }

    /**
     * Parameters by their LAMMPS names ({@code compute sna/atom rcutfac rfac0 twojmax R_1 ... w_1 ... keyword
     * value ...}). rcutfac, rfac0, twojmax and at least one species are required; everything is validated by
     * {@link #build()}.
     */
    public static final class Builder {
        private double rcutfac = Double.NaN;
        private double rfac0 = Double.NaN;
        private int twojmax = -1;
        private double rmin0 = 0.0;
        private int switchflag = 1;
        private int bzeroflag = 1;
        private int quadraticflag = 0;
        private int bnormflag = 0;
        private final Map<Integer, double[]> species = new TreeMap<>();

        private Builder() {
        }

        /** Scale factor of the pair cutoffs R_ij = rcutfac (R_i + R_j), &gt; 0. */
        public Builder rcutfac(double rcutfac) {
            this.rcutfac = rcutfac;
            return this;
        }

        /** Distance-to-angle factor, 0 &lt; rfac0 &lt; 1 (LAMMPS documentation). */
        public Builder rfac0(double rfac0) {
            this.rfac0 = rfac0;
            return this;
        }

        /** Band limit 2 J_max, 0..{@link #MAX_TWOJMAX}. */
        public Builder twojmax(int twojmax) {
            this.twojmax = twojmax;
            return this;
        }

        /**
         * Radius R_i (Angstrom, &gt; 0) and neighbour weight w_i (finite) of the species with atomic number z.
         * Setting a species twice replaces its values.
         */
        public Builder species(int z, double radius, double weight) {
            if (z < 1 || z > MAX_Z) {
                throw new IllegalArgumentException("atomic number must be in 1.." + MAX_Z + ", got " + z);
            }
            species.put(z, new double[]{radius, weight});
            return this;
        }

        /** Inner distance of the radius-to-angle map, Angstrom, &gt;= 0 (default 0). */
        public Builder rmin0(double rmin0) {
            this.rmin0 = rmin0;
            return this;
        }

        /** 1: cosine switching function f_c (default); 0: none. */
        public Builder switchflag(int switchflag) {
            this.switchflag = switchflag;
            return this;
        }

        /** 1: subtract the free-atom bispectrum (default); 0: do not. */
        public Builder bzeroflag(int bzeroflag) {
            this.bzeroflag = bzeroflag;
            return this;
        }

        /** 1: append the quadratic products of the components; 0: linear only (default). */
        public Builder quadraticflag(int quadraticflag) {
            this.quadraticflag = quadraticflag;
            return this;
        }

        /** 1: divide B_{j1 j2 j} by j + 1; 0: do not (default). */
        public Builder bnormflag(int bnormflag) {
            this.bnormflag = bnormflag;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the offending parameter, its value and the expected range
         */
        public Bispectrum build() {
            List<BispectrumParameters.Species> list = new ArrayList<>();
            species.forEach((z, rw) -> list.add(new BispectrumParameters.Species(z, rw[0], rw[1])));
            return new BispectrumParameters(rcutfac, rfac0, twojmax, rmin0, flag("switchflag", switchflag),
                    flag("bzeroflag", bzeroflag), flag("quadraticflag", quadraticflag), flag("bnormflag", bnormflag),
                    list).create();
        }

        private static boolean flag(String name, int value) {
            checkFlag(name, value);
            return value == 1;
        }

        private static void checkFlag(String name, int value) {
            if (value != 0 && value != 1) {
                throw new IllegalArgumentException(name + " must be 0 or 1, got " + value);
            }
        }
    }
}
