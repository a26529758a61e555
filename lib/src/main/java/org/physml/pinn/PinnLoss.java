package org.physml.pinn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The PINN loss for T_t = a T_xx (Raissi, Perdikaris &amp; Karniadakis, J. Comput. Phys. 378, 686-707 (2019)):
 * <pre>
 *   L = L_pde + lambda_bc L_bc + lambda_ic L_ic,
 *   L_pde = mean over collocation points of (T_t - a T_xx)^2,
 *   L_bc  = mean over boundary points of (T(t, x_b) - T_bc)^2,
 *   L_ic  = mean over initial points of (T(0, x) - T_ic)^2.
 * </pre>
 * The static methods evaluate each term on given arrays (of any function: a network's outputs or an exact
 * solution). {@link #addTo} builds the same total loss into a SameDiff graph, with one weight per point so
 * that collocation, boundary and initial points share one batch: w_pde = 1/N_pde on collocation points,
 * w_value = lambda_bc/N_bc on boundary points and lambda_ic/N_ic on initial points, zero elsewhere;
 * L = sum_i w_pde,i r_i^2 + sum_i w_value,i (T_i - T_target,i)^2 with r = T_t - a T_xx.
 */
public final class PinnLoss {
    /** Placeholder names of the graph loss (each shape [N]). */
    public static final String TARGET = "T_target";
    public static final String W_PDE = "w_pde";
    public static final String W_VALUE = "w_value";
    /** Output names: the residual r = T_t - a T_xx ([N]) and the scalar total loss. */
    public static final String RESIDUAL = "residual";
    public static final String LOSS = "loss";

    private PinnLoss() {
    }

    /**
     * L_pde = mean_i (T_t,i - a T_xx,i)^2.
     *
     * @throws IllegalArgumentException if the arrays differ in length or are empty, or a is not finite
     */
    public static double pde(double[] dTdt, double[] d2Tdx2, double a) {
        check(dTdt, d2Tdx2);
        if (!Double.isFinite(a)) {
            throw new IllegalArgumentException("diffusivity a must be finite, got " + a);
        }
        double s = 0;
        for (int i = 0; i < dTdt.length; i++) {
            double r = dTdt[i] - a * d2Tdx2[i];
            s += r * r;
        }
        return s / dTdt.length;
    }

    /** L_bc = mean_i (T_i - T_bc,i)^2 over boundary points. @throws IllegalArgumentException as {@link #pde} */
    public static double boundary(double[] temperature, double[] boundaryValues) {
        return meanSquaredMismatch(temperature, boundaryValues);
    }

    /** L_ic = mean_i (T_i - T_ic,i)^2 over initial points. @throws IllegalArgumentException as {@link #pde} */
    public static double initial(double[] temperature, double[] initialValues) {
        return meanSquaredMismatch(temperature, initialValues);
    }

    /** L_pde + lambda_bc L_bc + lambda_ic L_ic. */
    public static double total(double lossPde, double lossBc, double lossIc, double lambdaBc, double lambdaIc) {
        return lossPde + lambdaBc * lossBc + lambdaIc * lossIc;
    }

    private static double meanSquaredMismatch(double[] u, double[] v) {
        check(u, v);
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            double e = u[i] - v[i];
            s += e * e;
        }
        return s / u.length;
    }

    private static void check(double[] u, double[] v) {
        if (u == null || v == null || u.length != v.length || u.length == 0) {
            throw new IllegalArgumentException("arrays must have the same non-zero length, got "
                    + (u == null ? "null" : u.length) + " and " + (v == null ? "null" : v.length));
        }
    }

    /** Placeholder names of the unbatched graph loss: scaled boundary/initial inputs [M, 2] and targets [M]. */
    static final String INPUT_BC = "xt_bc";
    static final String TARGET_BC = "T_bc";
    static final String INPUT_IC = "xt_ic";
    static final String TARGET_IC = "T_ic";
    /** Output names of the unbatched graph loss: the network at the boundary and initial points. */
    static final String OUT_BC = "T_at_bc";
    static final String OUT_IC = "T_at_ic";

    /**
     * The same total loss built without batching, for comparison of the op count and cost: the
     * {@link ForwardDerivativeMlp} inputs hold only collocation points, and boundary and initial points go
     * through two further value-only passes of the network ({@link ForwardDerivativeMlp#valueOnly}).
     */
    static SDVariable addUnbatchedTo(ForwardDerivativeMlp net, double a, double lambdaBc, double lambdaIc) {
        SameDiff sd = net.sameDiff();
        SDVariable r = net.dTdt().sub(RESIDUAL, net.d2Tdx2().mul(a));
        SDVariable tb = net.valueOnly(sd.placeHolder(INPUT_BC, net.dataType(), -1, 2)).rename(OUT_BC);
        SDVariable ti = net.valueOnly(sd.placeHolder(INPUT_IC, net.dataType(), -1, 2)).rename(OUT_IC);
        SDVariable eb = tb.sub(sd.placeHolder(TARGET_BC, net.dataType(), -1));
        SDVariable ei = ti.sub(sd.placeHolder(TARGET_IC, net.dataType(), -1));
        SDVariable loss = r.mul(r).mean().add(eb.mul(eb).mean().mul(lambdaBc)).add(ei.mul(ei).mean().mul(lambdaIc))
                .rename(LOSS);
        sd.setLossVariables(LOSS);
        return loss;
    }

    /**
     * Add the weighted total loss to the network's graph and mark it as the loss variable. Placeholders
     * {@value #TARGET}, {@value #W_PDE}, {@value #W_VALUE} (each [N], in the network's data type).
     *
     * @param net the network (its graph is modified)
     * @param a   thermal diffusivity
     * @return the scalar loss variable {@value #LOSS}
     */
    static SDVariable addTo(ForwardDerivativeMlp net, double a) {
        SameDiff sd = net.sameDiff();
        SDVariable target = sd.placeHolder(TARGET, net.dataType(), -1);
        SDVariable wPde = sd.placeHolder(W_PDE, net.dataType(), -1);
        SDVariable wValue = sd.placeHolder(W_VALUE, net.dataType(), -1);
        SDVariable r = net.dTdt().sub(RESIDUAL, net.d2Tdx2().mul(a));
        SDVariable e = net.temperature().sub(target);
        SDVariable loss = wPde.mul(r).mul(r).sum().add(wValue.mul(e).mul(e).sum()).rename(LOSS);
        sd.setLossVariables(LOSS);
        return loss;
    }
}
