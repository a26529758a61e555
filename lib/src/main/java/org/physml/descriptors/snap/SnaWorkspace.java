package org.physml.descriptors.snap;

/**
 * Scratch arrays of one thread for {@link Bispectrum}: U of one neighbour and its gradient, the weighted
 * total U of the centre, Z and the linear bispectrum components with their gradient. Not thread-safe; each
 * thread owns one (see {@link Bispectrum}'s ThreadLocal).
 */
final class SnaWorkspace {
    final double[] ur;
    final double[] ui;
    final double[] dur;
    final double[] dui;
    final double[] utotR;
    final double[] utotI;
    final double[] zr;
    final double[] zi;
    /** Linear components B_l after the bzero shift, length K. */
    final double[] b;
    /** d B_l / d r_neighbour for the current neighbour, [3 l + c], length 3 K. */
    final double[] db;

    SnaWorkspace(SnaIndex idx) {
        ur = new double[idx.uSize];
        ui = new double[idx.uSize];
        dur = new double[3 * idx.uSize];
        dui = new double[3 * idx.uSize];
        utotR = new double[idx.uSize];
        utotI = new double[idx.uSize];
        zr = new double[idx.fullTable.size];
        zi = new double[idx.fullTable.size];
        b = new double[idx.featureCount()];
        db = new double[3 * idx.featureCount()];
    }
}
