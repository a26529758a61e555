package org.physml.pinn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The PINN loss as a function of the flat parameter vector, for optimisers: one SameDiff forward and
 * backward pass per evaluation gives L, its three components and dL/dtheta. Holds the current training
 * points.
 *
 * <p>{@link Batching#ONE_BATCH} (used for training) runs collocation, boundary and initial points through the
 * network as one batch (collocation first) with per-point loss weights ({@link PinnLoss#addTo});
 * {@link Batching#SEPARATE_PASSES} builds the textbook graph with separate value-only passes for boundary
 * and initial points ({@link PinnLoss#addUnbatchedTo}); both give the same loss and gradient.
 *
 * <p>Memory: ND4J frees an array's native buffer only when the garbage collector collects its Java object.
 * Arrays that SameDiff's session keeps for a while end up in the old generation and are freed only by a
 * full collection, which a small Java heap rarely needs: without intervention the resident memory grew by
 * ~0.6 MB per L-BFGS iteration (measured: 1.0 GB after 1000 to 2.0 GB after 2500 iterations, -Xmx1g, serial
 * GC). A full collection every {@value #GC_EVERY} evaluations keeps it flat (~1.1 GB) for about 1% of the
 * run time.
 */
final class PinnObjective {
    /** Evaluations between forced full garbage collections (see the class comment). */
    static final int GC_EVERY = 250;

    /** How boundary and initial points enter the graph. */
    enum Batching { ONE_BATCH, SEPARATE_PASSES }

    private final ForwardDerivativeMlp net;
    private final double a;
    private final double lambdaBc;
    private final double lambdaIc;
    private final Batching batching;
    private final List<String> outputs;
    private Map<String, INDArray> placeholders;
    private CollocationPoints points;
    private long evaluations;

    /**
     * One evaluation: total loss, its components (each as defined in {@link PinnLoss}) and the gradient. The
     * loss and components are summed in double precision from the network outputs (for a FLOAT network this
     * is much less noisy than the graph's float reduction, which matters for the L-BFGS line search);
     * graphLoss is the graph's own value of the same total.
     */
    record Value(double loss, double lossPde, double lossBc, double lossIc, double graphLoss, double[] gradient) {
    }

    PinnObjective(ForwardDerivativeMlp net, double a, double lambdaBc, double lambdaIc) {
        this(net, a, lambdaBc, lambdaIc, Batching.ONE_BATCH);
    }

    PinnObjective(ForwardDerivativeMlp net, double a, double lambdaBc, double lambdaIc, Batching batching) {
        this.net = net;
        this.a = a;
        this.lambdaBc = lambdaBc;
        this.lambdaIc = lambdaIc;
        this.batching = batching;
        boolean attached = !Double.isNaN(net.lossDiffusivity());
        if (attached && (net.lossDiffusivity() != a || batching != Batching.ONE_BATCH)) {
            throw new IllegalArgumentException("this network's graph already carries the PINN loss for a = "
                    + net.lossDiffusivity() + "; it cannot be trained for a = " + a + " (or with another batching)");
        }
        if (batching == Batching.ONE_BATCH) {
            if (!attached) {
                PinnLoss.addTo(net, a);
            }
            outputs = List.of(PinnLoss.LOSS, ForwardDerivativeMlp.T, ForwardDerivativeMlp.T_T,
                    ForwardDerivativeMlp.T_XX);
        } else {
            PinnLoss.addUnbatchedTo(net, a, lambdaBc, lambdaIc);
            outputs = List.of(PinnLoss.LOSS, ForwardDerivativeMlp.T_T, ForwardDerivativeMlp.T_XX, PinnLoss.OUT_BC,
                    PinnLoss.OUT_IC);
        }
        if (!attached) {
            net.setLossDiffusivity(a);
            createGradientFunctionQuietly(net);
        }
    }

    /**
     * SameDiff 1.0.0-M2.1 prints one "Added differentiated op" line per op to System.out while it builds the
     * backward graph (a leftover debug print); build it once here with System.out muted.
     */
    private static void createGradientFunctionQuietly(ForwardDerivativeMlp net) {
        java.io.PrintStream out = System.out;
        synchronized (System.class) {
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            try {
                net.sameDiff().createGradFunction();
            } finally {
                System.setOut(out);
            }
        }
    }

    ForwardDerivativeMlp network() {
        return net;
    }

    long evaluations() {
        return evaluations;
    }

    CollocationPoints points() {
        return points;
    }

    /** Use these training points from now on. */
    void setPoints(CollocationPoints p) {
        this.placeholders = batching == Batching.ONE_BATCH ? batched(p) : separate(p);
        this.points = p;
    }

    private Map<String, INDArray> batched(CollocationPoints p) {
        int nP = p.xPde().length;
        int nB = p.xBc().length;
        int nI = p.xIc().length;
        int n = nP + nB + nI;
        double[] x = new double[n];
        double[] t = new double[n];
        double[] target = new double[n];
        double[] wPde = new double[n];
        double[] wValue = new double[n];
        System.arraycopy(p.xPde(), 0, x, 0, nP);
        System.arraycopy(p.tPde(), 0, t, 0, nP);
        Arrays.fill(wPde, 0, nP, 1.0 / nP);
        System.arraycopy(p.xBc(), 0, x, nP, nB);
        System.arraycopy(p.tBc(), 0, t, nP, nB);
        System.arraycopy(p.tempBc(), 0, target, nP, nB);
        Arrays.fill(wValue, nP, nP + nB, lambdaBc / nB);
        System.arraycopy(p.xIc(), 0, x, nP + nB, nI); // t = 0
        System.arraycopy(p.tempIc(), 0, target, nP + nB, nI);
        Arrays.fill(wValue, nP + nB, n, lambdaIc / nI);
        Map<String, INDArray> ph = new HashMap<>(net.placeholders(x, t));
        ph.put(PinnLoss.TARGET, vector(target));
        ph.put(PinnLoss.W_PDE, vector(wPde));
        ph.put(PinnLoss.W_VALUE, vector(wValue));
        return ph;
    }

    private Map<String, INDArray> separate(CollocationPoints p) {
        Map<String, INDArray> ph = new HashMap<>(net.placeholders(p.xPde(), p.tPde()));
        int nB = p.xBc().length;
        int nI = p.xIc().length;
        ph.put(PinnLoss.INPUT_BC, matrix(net.scaledInputs(p.xBc(), p.tBc()), nB));
        ph.put(PinnLoss.TARGET_BC, vector(p.tempBc()));
        ph.put(PinnLoss.INPUT_IC, matrix(net.scaledInputs(p.xIc(), new double[nI]), nI));
        ph.put(PinnLoss.TARGET_IC, vector(p.tempIc()));
        return ph;
    }

    private INDArray vector(double[] v) {
        return Nd4j.create(v, new long[]{v.length}, DataType.DOUBLE).castTo(net.dataType());
    }

    private INDArray matrix(double[] rowMajor, int rows) {
        return Nd4j.create(rowMajor, new long[]{rows, 2}, DataType.DOUBLE).castTo(net.dataType());
    }

    /** Loss, components and gradient at the network's current parameters. */
    Value evaluate() {
        evaluations++;
        if (evaluations % GC_EVERY == 0) {
            System.gc();
        }
        OutAndGrad og = net.sameDiff().calculateGradientsAndOutputs(placeholders, outputs, net.parameterNames());
        Map<String, INDArray> out = og.getOutputs();
        double graphLoss = out.get(PinnLoss.LOSS).getDouble(0);
        double[] tt = ForwardDerivativeMlp.toDoubles(out.get(ForwardDerivativeMlp.T_T));
        double[] txx = ForwardDerivativeMlp.toDoubles(out.get(ForwardDerivativeMlp.T_XX));
        int nP = points.xPde().length;
        int nB = points.xBc().length;
        double[] tempBc;
        double[] tempIc;
        if (batching == Batching.ONE_BATCH) {
            double[] temp = ForwardDerivativeMlp.toDoubles(out.get(ForwardDerivativeMlp.T));
            tempBc = Arrays.copyOfRange(temp, nP, nP + nB);
            tempIc = Arrays.copyOfRange(temp, nP + nB, temp.length);
        } else {
            tempBc = ForwardDerivativeMlp.toDoubles(out.get(PinnLoss.OUT_BC));
            tempIc = ForwardDerivativeMlp.toDoubles(out.get(PinnLoss.OUT_IC));
        }
        double lPde = PinnLoss.pde(Arrays.copyOf(tt, nP), Arrays.copyOf(txx, nP), a);
        double lBc = PinnLoss.boundary(tempBc, points.tempBc());
        double lIc = PinnLoss.initial(tempIc, points.tempIc());
        return new Value(PinnLoss.total(lPde, lBc, lIc, lambdaBc, lambdaIc), lPde, lBc, lIc, graphLoss,
                net.flatten(og.getGradients()));
    }

    /** Loss, components and gradient at parameters theta (which become the network's parameters). */
    Value evaluate(double[] theta) {
        net.setParameters(theta);
        return evaluate();
    }
}
