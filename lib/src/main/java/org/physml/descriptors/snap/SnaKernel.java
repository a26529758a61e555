package org.physml.descriptors.snap;

/**
 * The numerical core of the SNAP bispectrum of one centre (Thompson et al., J. Comput. Phys. 285, 316
 * (2015); formulas and conventions as in the LAMMPS compute sna/atom documentation and src/ML-SNAP/sna.cpp, see
 * {@link Bispectrum}):
 *
 * <ol>
 *   <li>{@link #beginCentre}, {@link #addNeighbour} for every neighbour inside its pair cutoff, then
 *       {@link #finishDensity}: u^j = I (the centre, weight 1) + sum_k f_c(r_k) w_k U^j(r_k);</li>
 *   <li>{@link #computeB}: Z^{j1 j2 j} = CG-coupled products of u and
 *       B_{j1 j2 j} = sum_{ma, mb} conj(u^j_{ma mb}) Z^{j1 j2 j}_{ma mb}, minus the free-atom value
 *       j + 1 when bzeroflag is set;</li>
 *   <li>optionally {@link #neighbourGradient}: d B / d r_k for one neighbour, by the symmetry relation of the
 *       bispectrum used in LAMMPS's SNA::compute_dbidrj, which contracts d u^j with Z^{j1 j2 j}, d u^{j1} with
 *       Z^{j j2 j1} (times (j+1)/(j1+1)) and d u^{j2} with Z^{j j1 j2} (times (j+1)/(j2+1)).</li>
 * </ol>
 *
 * Neighbour vectors passed here follow LAMMPS: r = r_centre - r_neighbour, Angstrom.
 */
final class SnaKernel {
    private final SnaIndex idx;
    private final double rfac0;
    private final double rmin0;
    private final boolean switchOn;
    private final boolean bzero;
    private final boolean bnorm;

    SnaKernel(SnaIndex idx, double rfac0, double rmin0, boolean switchOn, boolean bzero, boolean bnorm) {
        this.idx = idx;
        this.rfac0 = rfac0;
        this.rmin0 = rmin0;
        this.switchOn = switchOn;
        this.bzero = bzero;
        this.bnorm = bnorm;
    }

    /** Resets the density to the centre's own contribution, the identity in every layer (weight 1). */
    void beginCentre(SnaWorkspace ws) {
        for (int j = 0; j <= idx.twojmax; j++) {
            int base = idx.uBlock[j];
            for (int mb = 0; 2 * mb <= j; mb++) {
                int row = base + (j + 1) * mb;
                for (int ma = 0; ma <= j; ma++) {
                    ws.utotR[row + ma] = (ma == mb) ? 1.0 : 0.0;
                    ws.utotI[row + ma] = 0.0;
                }
            }
        }
    }

    /**
     * Adds f_c(r) w U^j(r) of one neighbour (rows 2 mb &lt;= j of every layer).
     *
     * @param x  centre minus neighbour, Angstrom
     * @param r  |(x, y, z)|, Angstrom, in (0, rc)
     * @param rc pair cutoff R, Angstrom
     * @param w  neighbour weight w_k
     */
    void addNeighbour(SnaWorkspace ws, double x, double y, double z, double r, double rc, double w) {
        double theta0 = (r - rmin0) * rfac0 * Math.PI / (rc - rmin0);
        double z0 = r / Math.tan(theta0);
        HypersphericalHarmonics.computeRows(idx, x, y, z, z0, r, ws.ur, ws.ui);
        double s = switching(r, rc) * w;
        double[] ur = ws.ur;
        double[] ui = ws.ui;
        double[] tr = ws.utotR;
        double[] ti = ws.utotI;
        for (int j = 0; j <= idx.twojmax; j++) {
            int start = idx.uBlock[j];
            int end = start + (j + 1) * (j / 2 + 1);
            for (int k = start; k < end; k++) {
                tr[k] += s * ur[k];
                ti[k] += s * ui[k];
            }
        }
    }

    /** Completes the density's rows mb &gt; j/2 by the symmetry of U (see {@link HypersphericalHarmonics}). */
    void finishDensity(SnaWorkspace ws) {
        for (int j = 1; j <= idx.twojmax; j++) {
            HypersphericalHarmonics.mirror(j, idx.uBlock[j], true, ws.utotR, ws.utotI);
        }
    }

    /**
     * Z on {@code table} (into ws.zr, ws.zi) and the linear components into ws.b.
     *
     * @param table {@link SnaIndex#bTable} for B alone, {@link SnaIndex#fullTable} when gradients follow
     */
    void computeB(SnaWorkspace ws, CouplingTable table) {
        table.computeZ(ws.utotR, ws.utotI, bnorm, ws.zr, ws.zi);
        int[][] triples = idx.bTriples;
        for (int l = 0; l < triples.length; l++) {
            int j = triples[l][2];
            int e0 = table.start(triples[l][0], triples[l][1], j);
            double sum = contract(table, e0, CouplingTable.halfBlockSize(j), ws.utotR, ws.utotI, ws.zr, ws.zi);
            double value = 2.0 * sum;
            if (bzero) {
                value -= bnorm ? 1.0 : (j + 1);
            }
            ws.b[l] = value;
        }
    }

    /** sum over the half layout of weight (Re u Re z + Im u Im z), i.e. half of Re sum conj(u) z. */
    private static double contract(CouplingTable t, int e0, int count, double[] ur, double[] ui,
                                   double[] zr, double[] zi) {
        double sum = 0.0;
        int[] jju = t.jju;
        double[] weight = t.weight;
        for (int e = e0; e < e0 + count; e++) {
            int k = jju[e];
            sum += weight[e] * (ur[k] * zr[e] + ui[k] * zi[e]);
        }
        return sum;
    }

    /**
     * d B_l / d(x, y, z) of one neighbour into ws.db[3 l + c]; requires {@link #computeB} on
     * {@link SnaIndex#fullTable} for the same centre. (x, y, z) is centre minus neighbour, so the derivative
     * with respect to the neighbour's position is the negative.
     */
    void neighbourGradient(SnaWorkspace ws, double x, double y, double z, double r, double rc, double w) {
        double rscale0 = rfac0 * Math.PI / (rc - rmin0);
        double theta0 = (r - rmin0) * rscale0;
        double z0 = r / Math.tan(theta0);
        // z0 = r cot(theta0(r)):  dz0/dr = cot(theta0) - r rscale0 / sin^2(theta0)
        double dz0dr = z0 / r - (r * rscale0) * (r * r + z0 * z0) / (r * r);
        HypersphericalHarmonics.computeWithGradient(idx, x, y, z, z0, r, dz0dr, ws.ur, ws.ui, ws.dur, ws.dui);
        double s = switching(r, rc) * w;
        double ds = switchingDerivative(r, rc) * w;
        double[] u = {x / r, y / r, z / r};
        double[] ur = ws.ur;
        double[] ui = ws.ui;
        double[] dur = ws.dur;
        double[] dui = ws.dui;
        // gradient of f_c w U on the rows the contractions read
        for (int j = 0; j <= idx.twojmax; j++) {
            int start = idx.uBlock[j];
            int end = start + (j + 1) * (j / 2 + 1);
            for (int k = start; k < end; k++) {
                for (int c = 0; c < 3; c++) {
                    dur[3 * k + c] = ds * ur[k] * u[c] + s * dur[3 * k + c];
                    dui[3 * k + c] = ds * ui[k] * u[c] + s * dui[3 * k + c];
                }
            }
        }
        CouplingTable t = idx.fullTable;
        int[][] triples = idx.bTriples;
        double[] acc = new double[3];
        for (int l = 0; l < triples.length; l++) {
            int j1 = triples[l][0], j2 = triples[l][1], j = triples[l][2];
            double[] db = ws.db;
            contractGradient(t, t.start(j1, j2, j), j, ws, acc);
            for (int c = 0; c < 3; c++) {
                db[3 * l + c] = 2.0 * acc[c];
            }
            double f1 = bnorm ? 1.0 : (j + 1) / (j1 + 1.0);
            contractGradient(t, t.start(j, j2, j1), j1, ws, acc);
            for (int c = 0; c < 3; c++) {
                db[3 * l + c] += 2.0 * acc[c] * f1;
            }
            double f2 = bnorm ? 1.0 : (j + 1) / (j2 + 1.0);
            contractGradient(t, t.start(j, j1, j2), j2, ws, acc);
            for (int c = 0; c < 3; c++) {
                db[3 * l + c] += 2.0 * acc[c] * f2;
            }
        }
    }

    /** acc[c] = half-layout sum of weight (d Re u . Re z + d Im u . Im z) for the block starting at e0. */
    private static void contractGradient(CouplingTable t, int e0, int jLast, SnaWorkspace ws, double[] acc) {
        acc[0] = 0.0;
        acc[1] = 0.0;
        acc[2] = 0.0;
        int count = CouplingTable.halfBlockSize(jLast);
        for (int e = e0; e < e0 + count; e++) {
            int k = 3 * t.jju[e];
            double w = t.weight[e];
            double zr = ws.zr[e];
            double zi = ws.zi[e];
            for (int c = 0; c < 3; c++) {
                acc[c] += w * (ws.dur[k + c] * zr + ws.dui[k + c] * zi);
            }
        }
    }

    /** f_c(r) = (cos(pi (r - rmin0)/(R - rmin0)) + 1)/2 for rmin0 &lt; r &lt;= R, 1 below rmin0, 0 above R. */
    double switching(double r, double rc) {
        if (!switchOn || r <= rmin0) {
            return 1.0;
        }
        if (r > rc) {
            return 0.0;
        }
        return 0.5 * (Math.cos((r - rmin0) * (Math.PI / (rc - rmin0))) + 1.0);
    }

    /** d f_c / d r, 1/Angstrom. */
    double switchingDerivative(double r, double rc) {
        if (!switchOn || r <= rmin0 || r > rc) {
            return 0.0;
        }
        double k = Math.PI / (rc - rmin0);
        return -0.5 * Math.sin((r - rmin0) * k) * k;
    }
}
