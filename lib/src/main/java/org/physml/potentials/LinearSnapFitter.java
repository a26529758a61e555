package org.physml.potentials;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.physml.descriptors.snap.Bispectrum;

/**
 * Weighted least-squares fit of a linear SNAP potential to DFT energies and forces (Thompson et al.,
 * J. Comput. Phys. 285, 316 (2015), Sec. 3; the same linear system as FitSNAP and mlearn).
 *
 * <p>The system has one energy row per structure and one row per force component:
 * <pre>
 *   (w_E / N_s) [N_s^t, sum_{i in s, t_i = t} B^i]  . c  =  w_E E_s / N_s        (energy per atom)
 *   w_F [-sum_i dB^i / dr_{j,a}]                    . c  =  w_F F_{j,a}          (force components)
 * </pre>
 * with the column layout of {@link SnapFeatures}; dividing the energy rows by the number of atoms N_s makes
 * large and small cells count alike (w_E is then a weight per eV/atom). An optional ridge term lambda |beta|^2
 * (not applied to the constants beta_0^t) adds the rows sqrt(lambda) e_k. The system is solved by Householder
 * QR (Commons Math {@link QRDecomposition}), i.e. min |W (A c - y)|^2 + lambda |beta|^2.
 */
public final class LinearSnapFitter {
    private final double energyWeight;
    private final double forceWeight;
    private final double ridge;

    /**
     * @param energyWeight w_E &gt; 0, weight of the per-atom energy rows (1/(eV/atom))
     * @param forceWeight  w_F &gt;= 0, weight of the force rows (1/(eV/Angstrom))
     * @param ridge        lambda &gt;= 0, ridge penalty on beta (not on beta_0), in units of the weighted residual^2
     * @throws IllegalArgumentException if a weight is negative or not finite, or w_E = 0
     */
    public LinearSnapFitter(double energyWeight, double forceWeight, double ridge) {
        if (!(energyWeight > 0) || !Double.isFinite(energyWeight)) {
            throw new IllegalArgumentException("energy weight w_E must be a positive finite number, got "
                    + energyWeight);
        }
        if (!(forceWeight >= 0) || !Double.isFinite(forceWeight)) {
            throw new IllegalArgumentException("force weight w_F must be a finite number >= 0, got " + forceWeight);
        }
        if (!(ridge >= 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge lambda must be a finite number >= 0, got " + ridge);
        }
        this.energyWeight = energyWeight;
        this.forceWeight = forceWeight;
        this.ridge = ridge;
    }

    /** The rows of every structure of a data set (computed once, reusable for several fits). */
    public static List<SnapFeatures> features(Bispectrum b, int[] species, List<LabelledStructure> data) {
        List<SnapFeatures> out = new ArrayList<>(data.size());
        for (LabelledStructure d : data) {
            out.add(SnapFeatures.compute(b, species, d.structure()));
        }
        return out;
    }

    /**
     * Computes the rows and fits.
     *
     * @throws IllegalArgumentException if the data set is empty or contains an unknown species
     * @throws IllegalStateException    if the system is rank deficient (e.g. a species absent from the data and
     *                                  no ridge term)
     */
    public LinearSnap fit(Bispectrum b, int[] species, List<LabelledStructure> data) {
        return fit(b, species, data, features(b, species, data));
    }

    /**
     * Fits with precomputed rows ({@link #features}); {@code features.get(k)} must belong to {@code data.get(k)}.
     *
     * @throws IllegalArgumentException if the lists are empty or of different lengths, or a row has the wrong
     *                                  length
     * @throws IllegalStateException    if the system is rank deficient
     */
    public LinearSnap fit(Bispectrum b, int[] species, List<LabelledStructure> data, List<SnapFeatures> features) {
        if (data.isEmpty() || data.size() != features.size()) {
            throw new IllegalArgumentException("need one feature set per structure and at least one structure, got "
                    + data.size() + " structures and " + features.size() + " feature sets");
        }
        int cols = SnapFeatures.columnCount(b, species);
        int k = b.featureCount();
        int rows = 0;
        for (int s = 0; s < data.size(); s++) {
            if (features.get(s).energyRowView().length != cols) {
                throw new IllegalArgumentException("feature set " + s + " has " + features.get(s).energyRowView().length
                        + " columns, expected " + cols);
            }
            rows += 1 + (forceWeight > 0 ? 3 * data.get(s).size() : 0);
        }
        int ridgeRows = ridge > 0 ? species.length * k : 0;
        double[][] a = new double[rows + ridgeRows][];
        double[] y = new double[rows + ridgeRows];
        int r = 0;
        for (int s = 0; s < data.size(); s++) {
            LabelledStructure d = data.get(s);
            SnapFeatures f = features.get(s);
            double w = energyWeight / d.size();
            a[r] = scaled(f.energyRowView(), w);
            y[r++] = w * d.energy();
            if (forceWeight > 0) {
                double[][] fr = f.forceRowsView();
                double[][] ref = d.forces();
                for (int j = 0; j < d.size(); j++) {
                    for (int c = 0; c < 3; c++) {
                        a[r] = scaled(fr[3 * j + c], forceWeight);
                        y[r++] = forceWeight * ref[j][c];
                    }
                }
            }
        }
        double sq = Math.sqrt(ridge);
        for (int t = 0; t < species.length && ridgeRows > 0; t++) {
            for (int l = 0; l < k; l++) {
                a[r] = new double[cols];
                a[r][t * (k + 1) + 1 + l] = sq;
                y[r++] = 0.0;
            }
        }
        RealVector c;
        try {
            c = new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-12).getSolver()
                    .solve(new ArrayRealVector(y, false));
        } catch (SingularMatrixException e) {
            throw new IllegalStateException("the SNAP least-squares system (" + a.length + " x " + cols
                    + ") is rank deficient; add a ridge term or check that every species occurs in the data", e);
        }
        return new LinearSnap(b, species, c.toArray());
    }

    /**
     * The objective of the fit evaluated on a data set: the mean over its rows (one energy row per structure,
     * and one row per force component if w_F &gt; 0) of the squared weighted residuals of the system above,
     * (w_E (E_pred - E_DFT) / N_s)^2 and (w_F (F_pred - F_DFT))^2; dimensionless. Evaluated on structures left out
     * of the fit, it is the validation loss with which {@link SnapCutoffSelection} compares settings.
     *
     * @param features the rows of {@code data} computed with the model's bispectrum and species
     * @throws IllegalArgumentException if the lists are empty or of different lengths, or the rows do not belong
     *                                  to the model
     */
    public double meanSquaredWeightedResidual(LinearSnap model, List<LabelledStructure> data,
                                              List<SnapFeatures> features) {
        if (data.isEmpty() || data.size() != features.size()) {
            throw new IllegalArgumentException("need one feature set per structure and at least one structure, got "
                    + data.size() + " structures and " + features.size() + " feature sets");
        }
        double sum = 0;
        long rows = 0;
        for (int s = 0; s < data.size(); s++) {
            LabelledStructure d = data.get(s);
            Potential.EnergyAndForces p = model.compute(features.get(s));
            double e = energyWeight * (p.energy() - d.energy()) / d.size();
            sum += e * e;
            rows++;
            if (forceWeight > 0) {
                double[][] ref = d.forces();
                for (int j = 0; j < d.size(); j++) {
                    for (int c = 0; c < 3; c++) {
                        double f = forceWeight * (p.forces()[j][c] - ref[j][c]);
                        sum += f * f;
                        rows++;
                    }
                }
            }
        }
        return sum / rows;
    }

    private static double[] scaled(double[] v, double w) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = w * v[i];
        }
        return o;
    }

    /** w_E. */
    public double energyWeight() {
        return energyWeight;
    }

    /** w_F. */
    public double forceWeight() {
        return forceWeight;
    }

    /** lambda. */
    public double ridge() {
        return ridge;
    }
}
