package org.physml.kernels;

/**
 * The normalised dot-product kernel of SOAP-GAP, k(p, p') = delta^2 (p^ . p'^)^zeta with p^ = p / |p| (A. P.
 * Bartok, R. Kondor and G. Csanyi, Phys. Rev. B 87, 184115 (2013); zeta = 4 as in Y. Zuo et al., J. Phys. Chem. A
 * 124, 731 (2020), Eq. 6). On unit vectors k lies in [0, delta^2] for even zeta, k(p, p) = delta^2 is the prior
 * variance of one atomic energy, and vectors orthogonal to all others are "far away" (k = 0).
 *
 * <p>Inputs must already be unit vectors ({@link #normalise}). Immutable.
 *
 * @param zeta  exponent zeta &gt;= 1
 * @param delta prior standard deviation delta of an atomic energy, eV, &gt; 0
 */
public record DotProductKernel(int zeta, double delta) {
    /** @throws IllegalArgumentException if zeta &lt; 1 or delta is not positive */
    public DotProductKernel {
        if (zeta < 1) {
            throw new IllegalArgumentException("zeta must be at least 1, got " + zeta);
        }
        if (!(delta > 0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("delta must be a positive energy (eV), got " + delta);
        }
    }

    /** k(p, p') of two unit vectors of the same length, eV^2. */
    public double value(double[] p, double[] q) {
        double d = 0;
        for (int i = 0; i < p.length; i++) {
            d += p[i] * q[i];
        }
        return delta * delta * Math.pow(d, zeta);
    }

    /**
     * p / |p| (a new array).
     *
     * @throws IllegalArgumentException if p is zero or not finite
     */
    public static double[] normalise(double[] p) {
        double n = 0;
        for (double v : p) {
            n += v * v;
        }
        n = Math.sqrt(n);
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("cannot normalise a vector of norm " + n);
        }
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] / n;
        }
        return out;
    }
}
