package org.physml.descriptors.nep;

/**
 * The NEP radial basis: f_k(r) = (T_k(x) + 1) / 2 f_c(r) with x = 2 (r / r_c - 1)^2 - 1, k = 0..N_bas, where
 * T_k are Chebyshev polynomials of the first kind and f_c(r) = cos(pi r / r_c) / 2 + 1/2 for r &lt; r_c, 0
 * beyond (Z. Fan et al., J. Phys.: Condens. Matter 34, 125902 (2022), Eqs. 3-5; NEP_CPU {@code find_fn},
 * {@code find_fc}). The T_k come from the recurrence T_{k+1} = 2 x T_k - T_{k-1}, their derivatives from
 * T_k' = k U_{k-1} with U the Chebyshev polynomials of the second kind (same recurrence).
 *
 * <p>r is in Angstrom; derivatives are per Angstrom.
 */
public final class NepRadialBasis {
    private NepRadialBasis() {
    }

    /** Cutoff function f_c(r) = cos(pi r / r_c) / 2 + 1/2 for r &lt; r_c, else 0 (dimensionless). */
    public static double cutoffFunction(double r, double rc) {
        return r < rc ? 0.5 * Math.cos(Math.PI * r / rc) + 0.5 : 0.0;
    }

    /**
     * Values f_k(r), k = 0..basisSize, written to {@code f[0..basisSize]}; all zero for r &ge; r_c.
     *
     * @param basisSize N_bas &ge; 0
     * @param rc        cutoff r_c, Angstrom
     * @param r         distance, Angstrom
     * @param f         receives the values, length &ge; basisSize + 1
     */
    public static void values(int basisSize, double rc, double r, double[] f) {
        if (r >= rc) {
            java.util.Arrays.fill(f, 0, basisSize + 1, 0.0);
            return;
        }
        double fc = 0.5 * Math.cos(Math.PI * r / rc) + 0.5;
        double y = r / rc - 1.0;
        double x = 2.0 * y * y - 1.0;
        double half = 0.5 * fc;
        double t0 = 1.0;
        double t1 = x;
        f[0] = fc;
        if (basisSize >= 1) {
            f[1] = (x + 1.0) * half;
        }
        for (int k = 2; k <= basisSize; k++) {
            double t2 = 2.0 * x * t1 - t0;
            f[k] = (t2 + 1.0) * half;
            t0 = t1;
            t1 = t2;
        }
    }

    /**
     * Values f_k(r) and derivatives df_k/dr, k = 0..basisSize; both zero for r &ge; r_c (f_k and its first
     * derivative vanish continuously at r_c).
     *
     * @param f  receives f_k, length &ge; basisSize + 1
     * @param fp receives df_k/dr in 1/Angstrom, length &ge; basisSize + 1
     */
    public static void valuesAndDerivatives(int basisSize, double rc, double r, double[] f, double[] fp) {
        if (r >= rc) {
            java.util.Arrays.fill(f, 0, basisSize + 1, 0.0);
            java.util.Arrays.fill(fp, 0, basisSize + 1, 0.0);
            return;
        }
        double arg = Math.PI * r / rc;
        double fc = 0.5 * Math.cos(arg) + 0.5;
        double fcp = -0.5 * Math.PI / rc * Math.sin(arg);
        double y = r / rc - 1.0;
        double x = 2.0 * y * y - 1.0;
        double dxdr = 4.0 * y / rc;
        // k = 0: T_0 = 1, f_0 = f_c
        f[0] = fc;
        fp[0] = fcp;
        if (basisSize == 0) {
            return;
        }
        double t0 = 1.0;
        double t1 = x;
        double u0 = 1.0;        // U_0
        double u1 = 2.0 * x;    // U_1
        f[1] = 0.5 * (x + 1.0) * fc;
        fp[1] = 0.5 * dxdr * fc + 0.5 * (x + 1.0) * fcp;
        for (int k = 2; k <= basisSize; k++) {
            double t2 = 2.0 * x * t1 - t0;
            double tp = k * u1;  // T_k' = k U_{k-1}
            f[k] = 0.5 * (t2 + 1.0) * fc;
            fp[k] = 0.5 * tp * dxdr * fc + 0.5 * (t2 + 1.0) * fcp;
            double u2 = 2.0 * x * u1 - u0;
            t0 = t1;
            t1 = t2;
            u0 = u1;
            u1 = u2;
        }
    }
}
