package org.physml.descriptors;

/**
 * A radial weight f(R) of a neighbour at distance R (Angstrom) that vanishes beyond a finite radius, with its
 * derivative df/dR (1/Angstrom). Symmetry functions multiply every neighbour's contribution by such a weight so
 * that only the local environment counts.
 *
 * <p>Three forms are provided, each a small immutable record created through a validating factory:
 * <ul>
 *   <li>{@link #cosine(double)}: Behler's cosine cutoff f_c(R) = 0.5 (cos(pi R / R_c) + 1) for R &lt;= R_c,
 *       0 beyond (J. Behler, J. Chem. Phys. 134, 074106 (2011); the form DScribe's ACSF uses).
 *       Both f_c and df_c/dR go to 0 at R_c.</li>
 *   <li>{@link #sigmoid(double, double, double)}: f_c(R) = 1 / (1 + exp(alpha (R - R_c + eps_c))) for
 *       R &lt; R_c, 0 beyond. It is NOT continuous at R_c: it jumps from 1 / (1 + exp(alpha eps_c)) to 0
 *       (small only if alpha eps_c is large).</li>
 *   <li>{@link #smoothWindow(double, double, double)}: the window f_b(R) of the ice-structure symmetry
 *       functions: cos^2(nu (R - a_l)) on (a_l - pi/(2 nu), a_l), 1 on [a_l, a_r),
 *       cos^2(nu (R - a_r)) on [a_r, a_r + pi/(2 nu)), 0 elsewhere. f_b and df_b/dR are continuous
 *       everywhere.</li>
 * </ul>
 *
 * <p>Source of the sigmoid and window forms: the symmetry functions used for local structure detection in
 * liquid water and ice by P. Geiger and C. Dellago, J. Chem. Phys. 139, 164105 (2013). The text of that paper
 * could not be consulted for this implementation (no equation number can be given); the forms implemented are
 * those of the project specification, and they agree term by term with an independent third-party
 * implementation of the same set of eight symmetry functions (found by code search, repository not named by
 * the index).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface CutoffFunction
        permits CutoffFunction.Cosine, CutoffFunction.Sigmoid, CutoffFunction.SmoothWindow {

    /** Value f(R) at distance {@code r} (Angstrom); dimensionless, 0 for r beyond {@link #rCut()}. */
    double value(double r);

    /** Derivative df/dR at distance {@code r}, 1/Angstrom; 0 beyond {@link #rCut()}. */
    double derivative(double r);

    /** Radius beyond which f is identically 0, Angstrom; neighbour searches use it. */
    double rCut();

    /**
     * Behler's cosine cutoff f_c(R) = 0.5 (cos(pi R / r_cut) + 1) for R &lt;= r_cut, 0 beyond
     * (Behler, J. Chem. Phys. 134, 074106 (2011)).
     *
     * @param rCut cutoff radius r_cut, Angstrom, positive and finite
     * @throws IllegalArgumentException if rCut is not a positive finite number
     */
    static Cosine cosine(double rCut) {
        return new Cosine(rCut);
    }

    /**
     * Sigmoid cutoff f_c(R) = 1 / (1 + exp(alpha (R - r_cut + eps_c))) for R &lt; r_cut, 0 for R &gt;= r_cut
     * (Geiger and Dellago, J. Chem. Phys. 139, 164105 (2013); see the interface documentation).
     *
     * @param rCut  cutoff radius r_cut, Angstrom, positive and finite
     * @param alpha steepness alpha, 1/Angstrom, positive and finite
     * @param epsC  shift eps_c of the midpoint below r_cut, Angstrom, finite (the midpoint f = 1/2 lies at
     *              R = r_cut - eps_c)
     * @throws IllegalArgumentException on a non-positive or non-finite rCut or alpha, or a non-finite epsC
     */
    static Sigmoid sigmoid(double rCut, double alpha, double epsC) {
        return new Sigmoid(rCut, alpha, epsC);
    }

    /**
     * The smooth window f_b(R) (Geiger and Dellago, J. Chem. Phys. 139, 164105 (2013); see the interface
     * documentation): rises as cos^2 from 0 at a_l - pi/(2 nu) to 1 at a_l, stays 1 up to a_r and falls as
     * cos^2 to 0 at a_r + pi/(2 nu).
     *
     * @param nu ramp wave number nu, 1/Angstrom, positive and finite (each ramp is pi/(2 nu) wide)
     * @param aL left edge a_l of the plateau, Angstrom, finite
     * @param aR right edge a_r of the plateau, Angstrom, finite, &gt;= a_l
     * @throws IllegalArgumentException on a non-positive nu, non-finite values or a_r &lt; a_l
     */
    static SmoothWindow smoothWindow(double nu, double aL, double aR) {
        return new SmoothWindow(nu, aL, aR);
    }

    /** See {@link CutoffFunction#cosine(double)}. */
    record Cosine(double rCut) implements CutoffFunction {
        /** @throws IllegalArgumentException if rCut is not a positive finite number */
        public Cosine {
            if (!(rCut > 0) || !Double.isFinite(rCut)) {
                throw new IllegalArgumentException("r_cut of the cosine cutoff must be a positive finite number of"
                        + " Angstrom, got " + rCut);
            }
        }

        @Override
        public double value(double r) {
            return r <= rCut ? 0.5 * (Math.cos(Math.PI * r / rCut) + 1.0) : 0.0;
        }

        @Override
        public double derivative(double r) {
            return r <= rCut ? -0.5 * Math.PI / rCut * Math.sin(Math.PI * r / rCut) : 0.0;
        }
    }

    /** See {@link CutoffFunction#sigmoid(double, double, double)}. */
    record Sigmoid(double rCut, double alpha, double epsC) implements CutoffFunction {
        /** @throws IllegalArgumentException on a non-positive or non-finite rCut or alpha, or a non-finite epsC */
        public Sigmoid {
            if (!(rCut > 0) || !Double.isFinite(rCut)) {
                throw new IllegalArgumentException("r_cut of the sigmoid cutoff must be a positive finite number of"
                        + " Angstrom, got " + rCut);
            }
            if (!(alpha > 0) || !Double.isFinite(alpha)) {
                throw new IllegalArgumentException("alpha of the sigmoid cutoff must be a positive finite number of"
                        + " 1/Angstrom, got " + alpha);
            }
            if (!Double.isFinite(epsC)) {
                throw new IllegalArgumentException("eps_c of the sigmoid cutoff must be finite, got " + epsC);
            }
        }

        @Override
        public double value(double r) {
            return r < rCut ? 1.0 / (1.0 + Math.exp(alpha * (r - rCut + epsC))) : 0.0;
        }

        @Override
        public double derivative(double r) {
            if (!(r < rCut)) {
                return 0.0;
            }
            double s = value(r);
            return -alpha * s * (1.0 - s);
        }
    }

    /** See {@link CutoffFunction#smoothWindow(double, double, double)}. */
    record SmoothWindow(double nu, double aL, double aR) implements CutoffFunction {
        /** @throws IllegalArgumentException on a non-positive nu, non-finite values or a_r &lt; a_l */
        public SmoothWindow {
            if (!(nu > 0) || !Double.isFinite(nu)) {
                throw new IllegalArgumentException("nu of the smooth window must be a positive finite number of"
                        + " 1/Angstrom, got " + nu);
            }
            if (!Double.isFinite(aL) || !Double.isFinite(aR)) {
                throw new IllegalArgumentException("a_l and a_r of the smooth window must be finite, got a_l = "
                        + aL + ", a_r = " + aR);
            }
            if (aR < aL) {
                throw new IllegalArgumentException("the smooth window needs a_l <= a_r, got a_l = " + aL
                        + " > a_r = " + aR);
            }
            if (!(aR + Math.PI / (2 * nu) > 0)) {
                throw new IllegalArgumentException("the smooth window must be non-zero somewhere at R > 0, but it"
                        + " ends at a_r + pi/(2 nu) = " + (aR + Math.PI / (2 * nu)) + " Angstrom");
            }
        }

        /** Lower end a_l - pi/(2 nu) of the support, Angstrom. */
        public double rMin() {
            return aL - Math.PI / (2 * nu);
        }

        /** Upper end a_r + pi/(2 nu) of the support, Angstrom. */
        @Override
        public double rCut() {
            return aR + Math.PI / (2 * nu);
        }

        @Override
        public double value(double r) {
            if (r > rMin() && r < aL) {
                double c = Math.cos(nu * (r - aL));
                return c * c;
            }
            if (r >= aL && r < aR) {
                return 1.0;
            }
            if (r >= aR && r < rCut()) {
                double c = Math.cos(nu * (r - aR));
                return c * c;
            }
            return 0.0;
        }

        @Override
        public double derivative(double r) {
            // d/dR cos^2(nu (R - a)) = -nu sin(2 nu (R - a))
            if (r > rMin() && r < aL) {
                return -nu * Math.sin(2 * nu * (r - aL));
            }
            if (r >= aR && r < rCut()) {
                return -nu * Math.sin(2 * nu * (r - aR));
            }
            return 0.0;
        }
    }
}
