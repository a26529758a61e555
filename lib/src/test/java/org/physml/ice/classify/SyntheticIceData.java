package org.physml.ice.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.physml.ice.IceBuilder;
import org.physml.ice.IcePhase;
import org.physml.ice.WaterModel;
import org.physml.structure.Structure;
import org.physml.structure.io.ExtXyz;
import org.physml.structure.io.Frame;

/**
 * Small labelled water data sets for the tests: builder crystals with Gaussian displacements of every atom
 * (a stand-in for thermal motion) and a "liquid-like" box of randomly placed, randomly oriented rigid molecules
 * (random sequential addition with an O-O distance of at least 2.5 A). Written as extended XYZ with the info
 * keys label, run, time (ps), T (K), P (bar) and density (g/cm^3).
 */
public final class SyntheticIceData {
    private SyntheticIceData() {
    }

    /** Frames of one crystal run: {@code frames} independent displacement draws of one proton arrangement. */
    static List<Frame> crystalRun(IcePhase phase, String label, String run, int molecules, int frames, double sigma,
                                  long seed) {
        Structure ideal = IceBuilder.of(phase).atLeast(molecules).seed(seed).build().structure();
        SplittableRandom rng = new SplittableRandom(seed * 31 + 7);
        List<Frame> out = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            out.add(frame(displaced(ideal, sigma, rng), label, run, f));
        }
        return out;
    }

    /** Frames of a liquid-like run: independent random boxes of n molecules at 1 g/cm^3. */
    static List<Frame> liquidRun(String run, int molecules, int frames, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Frame> out = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            out.add(frame(randomWater(molecules, 1.0, rng), "liquid", run, f));
        }
        return out;
    }

    static Structure displaced(Structure s, double sigma, SplittableRandom rng) {
        double[][] p = s.positions();
        for (double[] x : p) {
            for (int k = 0; k < 3; k++) {
                x[k] += sigma * gaussian(rng);
            }
        }
        return new Structure(p, s.atomicNumbers(), s.cell(), s.pbc());
    }

    /** Random rigid TIP4P/2005-geometry molecules in a cubic box of the given density (g/cm^3). */
    public static Structure randomWater(int molecules, double density, SplittableRandom rng) {
        double massG = molecules * 18.015 * 1.66053906660e-24;
        double edge = Math.cbrt(massG / density * 1e24);
        WaterModel w = WaterModel.TIP4P_2005;
        double half = Math.toRadians(w.angleHOH() / 2);
        List<double[]> oxygens = new ArrayList<>();
        double[][] p = new double[3 * molecules][];
        int[] z = new int[3 * molecules];
        int placed = 0, tries = 0;
        while (placed < molecules) {
            if (++tries > 1_000_000) {
                throw new IllegalStateException("cannot place " + molecules + " molecules");
            }
            double[] o = {edge * rng.nextDouble(), edge * rng.nextDouble(), edge * rng.nextDouble()};
            boolean clash = false;
            for (double[] q : oxygens) {
                double d2 = 0;
                for (int k = 0; k < 3; k++) {
                    double d = o[k] - q[k];
                    d -= edge * Math.rint(d / edge);
                    d2 += d * d;
                }
                if (d2 < 2.5 * 2.5) {
                    clash = true;
                    break;
                }
            }
            if (clash) {
                continue;
            }
            oxygens.add(o);
            double[] u = unit(rng), v = unit(rng);
            double[] b = cross(u, v);
            double nb = Math.sqrt(dot(b, b));
            for (int k = 0; k < 3; k++) {
                b[k] /= nb;
            }
            double[] c = cross(u, b);
            p[3 * placed] = o;
            p[3 * placed + 1] = new double[3];
            p[3 * placed + 2] = new double[3];
            for (int k = 0; k < 3; k++) {
                p[3 * placed + 1][k] = o[k] + w.rOH() * (Math.cos(half) * u[k] + Math.sin(half) * c[k]);
                p[3 * placed + 2][k] = o[k] + w.rOH() * (Math.cos(half) * u[k] - Math.sin(half) * c[k]);
            }
            z[3 * placed] = 8;
            z[3 * placed + 1] = 1;
            z[3 * placed + 2] = 1;
            placed++;
        }
        return new Structure(p, z, new double[][]{{edge, 0, 0}, {0, edge, 0}, {0, 0, edge}},
                new boolean[]{true, true, true});
    }

    static Frame frame(Structure s, String label, String run, int index) {
        return Frame.of(s).withInfo("label", label).withInfo("run", run).withInfo("time", (double) index)
                .withInfo("T", 80.0).withInfo("P", 1.0)
                .withInfo("density", org.physml.structure.Composition.density(s));
    }

    /** Writes each run to its own file {@code dir/<run>.extxyz.gz}; returns the files. */
    static List<Path> write(Path dir, List<List<Frame>> runs) {
        List<Path> files = new ArrayList<>();
        for (List<Frame> run : runs) {
            Path f = dir.resolve(run.get(0).info().get("run") + ".extxyz.gz");
            ExtXyz.write(f, run);
            files.add(f);
        }
        return files;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double[] unit(SplittableRandom rng) {
        double[] u = {gaussian(rng), gaussian(rng), gaussian(rng)};
        double n = Math.sqrt(dot(u, u));
        for (int k = 0; k < 3; k++) {
            u[k] /= n;
        }
        return u;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[]{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
