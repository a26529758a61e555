package org.physml.descriptors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.physml.structure.Structure;

/**
 * The Coulomb matrix of a molecule and its sorted eigenvalue spectrum (M. Rupp, A. Tkatchenko, K.-R. Mueller and
 * O. A. von Lilienfeld, Phys. Rev. Lett. 108, 058301 (2012)), as DScribe 2.1's
 * {@code CoulombMatrix(n_atoms_max, permutation="eigenspectrum")} computes it:
 * <pre>
 *   M_ii = 0.5 Z_i^2.4,   M_ij = Z_i Z_j / |R_i - R_j|   (i != j)
 * </pre>
 * <b>Units:</b> like DScribe, the distances are taken in Angstrom as given (no conversion to Bohr), so the
 * off-diagonal entries are in e^2/Angstrom and the diagonal is dimensionless. The spectrum is the n eigenvalues
 * of the symmetric n x n matrix, sorted by absolute value in descending order and zero-padded to n_atoms_max.
 *
 * <p>This is a {@link GlobalDescriptor} (one vector per molecule, {@link #compute(Structure)} = the eigenspectrum),
 * not a per-centre {@link Descriptor}.
 * As in DScribe, the cell and periodicity of the structure are ignored: the matrix is built from the positions
 * as given. Immutable and thread-safe.
 */
public final class CoulombMatrix extends ParameterisedDescriptor<CoulombMatrixParameters>
        implements GlobalDescriptor {
    private final int nAtomsMax;

    /**
     * @param nAtomsMax n_atoms_max, the length of the padded spectrum (the largest molecule to be described)
     * @throws IllegalArgumentException if nAtomsMax &lt; 1
     */
    public CoulombMatrix(int nAtomsMax) {
        super(new CoulombMatrixParameters(nAtomsMax));
        this.nAtomsMax = nAtomsMax;
    }

    /** n_atoms_max: number of features. */
    @Override
    public int featureCount() {
        return nAtomsMax;
    }

    /** Names "CM eigenvalue 0" .. "CM eigenvalue n_atoms_max-1" (0 = largest |eigenvalue|). */
    @Override
    public List<String> featureNames() {
        List<String> n = new ArrayList<>(nAtomsMax);
        for (int k = 0; k < nAtomsMax; k++) {
            n.add("CM eigenvalue " + k);
        }
        return Collections.unmodifiableList(n);
    }

    /**
     * The (unpadded) Coulomb matrix, shape [n][n], diagonal dimensionless, off-diagonal e^2/Angstrom.
     *
     * @throws IllegalArgumentException if two atoms share a position
     */
    public double[][] matrix(Structure s) {
        int n = s.size();
        double[][] p = s.positionsView();
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            int zi = s.atomicNumber(i);
            m[i][i] = 0.5 * Math.pow(zi, 2.4);
            for (int j = 0; j < i; j++) {
                double dx = p[i][0] - p[j][0], dy = p[i][1] - p[j][1], dz = p[i][2] - p[j][2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (!(r > 0)) {
                    throw new IllegalArgumentException("atoms " + j + " and " + i + " share the position "
                            + Arrays.toString(p[i]) + "; the Coulomb matrix needs distinct positions");
                }
                double v = zi * s.atomicNumber(j) / r;
                m[i][j] = v;
                m[j][i] = v;
            }
        }
        return m;
    }

    /**
     * The eigenvalue spectrum of the Coulomb matrix, sorted by absolute value (descending) and zero-padded,
     * length n_atoms_max.
     *
     * @throws IllegalArgumentException if the structure has more than n_atoms_max atoms, no atom, or two atoms
     *                                  sharing a position
     */
    public double[] eigenspectrum(Structure s) {
        return compute(s);
    }

    /**
     * The descriptor of one molecule: its {@link #eigenspectrum(Structure)}, length n_atoms_max.
     *
     * @throws IllegalArgumentException as {@link #eigenspectrum(Structure)}
     */
    @Override
    public double[] compute(Structure s) {
        int n = s.size();
        if (n == 0) {
            throw new IllegalArgumentException("the Coulomb matrix of an empty structure is undefined");
        }
        if (n > nAtomsMax) {
            throw new IllegalArgumentException("structure has " + n + " atoms but n_atoms_max is " + nAtomsMax);
        }
        double[] eig = new EigenDecomposition(new Array2DRowRealMatrix(matrix(s), false)).getRealEigenvalues();
        Double[] boxed = new Double[n];
        for (int k = 0; k < n; k++) {
            boxed[k] = eig[k];
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(Math.abs(b), Math.abs(a)));
        double[] out = new double[nAtomsMax];
        for (int k = 0; k < n; k++) {
            out[k] = boxed[k];
        }
        return out;
    }

    /**
     * Spectra of several structures in parallel, shape [structures.size()][n_atoms_max].
     *
     * @throws IllegalArgumentException as {@link #eigenspectrum(Structure)}
     */
    public double[][] eigenspectra(List<Structure> structures) {
        double[][] out = new double[structures.size()][];
        IntStream.range(0, out.length).parallel().forEach(k -> out[k] = eigenspectrum(structures.get(k)));
        return out;
    }

    /**
     * The distance between two molecules of Rupp et al. (2012): the Euclidean norm of the difference of their
     * sorted, zero-padded eigenvalue spectra, d(M, M') = sqrt(sum_k (eps_k - eps'_k)^2) (units of the matrix
     * entries). It is zero for the same molecule moved, rotated or renumbered; it is a pseudo-distance (two
     * different molecules may share a spectrum).
     *
     * @param a spectrum of {@link #eigenspectrum}, length n_atoms_max
     * @param b another spectrum of the same length
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double distance(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("spectra of different length (" + a.length + " and " + b.length
                    + "): compute both with the same n_atoms_max");
        }
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(sum);
    }
}
