package org.physml.bench;

import java.util.Random;

import org.nd4j.linalg.activations.Activation;
import org.physml.surrogate.MlpRegressor;
import org.physml.surrogate.SiliconFilmConductivity;
import org.physml.surrogate.ThermalDatasetBuilder;
import org.physml.surrogate.ThermalSurrogate;

import tech.tablesaw.api.Table;

/**
 * Speed of the thermal-conductivity surrogate (notebook 01) against the kinetic-theory model it replaces,
 * both measured in this run: microseconds per sample for the model (the baseline) and for the 3-64-64-1
 * network at several batch sizes, and the speed-up ratios.
 */
final class SurrogateBenchmark {
    private SurrogateBenchmark() {
    }

    static void main(String[] args) {
        SiliconFilmConductivity model = new SiliconFilmConductivity();
        Table data = new ThermalDatasetBuilder(model).build(400, 1);
        MlpRegressor net = new MlpRegressor(3, new int[]{64, 64}, Activation.TANH, 3e-3, 1);
        double[][] x = ThermalSurrogate.inputs(data);
        double[] y = ThermalSurrogate.targets(data);
        net.fit(x, y, x, y, 5, 32, null);

        Random rnd = new Random(7);
        int nModel = 500;
        double[][] inputs = new double[nModel][3];
        for (double[] row : inputs) {
            row[0] = Math.pow(10, 1 + 3 * rnd.nextDouble());
            row[1] = rnd.nextDouble();
            row[2] = 100 + 400 * rnd.nextDouble();
        }
        double modelSeconds = Timing.medianSeconds(() -> {
            for (double[] in : inputs) {
                model.inPlane(in[0], in[1], in[2]);
            }
        }, 1, 5) / nModel;
        System.out.printf("%-32s %14s %12s%n", "variant", "us per sample", "speed-up");
        System.out.printf("%-32s %14.2f %12s%n", "model (baseline)", 1e6 * modelSeconds, "1.0");
        for (int batch : new int[]{1, 100, 10_000}) {
            double[][] xb = new double[batch][];
            for (int i = 0; i < batch; i++) {
                double[] in = inputs[i % nModel];
                xb[i] = ThermalSurrogate.inputs(in[0], in[1], in[2]);
            }
            int repeats = batch == 1 ? 200 : 20;
            double s = Timing.medianSeconds(() -> net.predict(xb), 5, repeats) / batch;
            System.out.printf("%-32s %14.2f %12.1f%n", "surrogate, batch " + batch, 1e6 * s, modelSeconds / s);
        }
    }
}
