package org.physml.ice.classify;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.physml.descriptors.NeighbourAveraged;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How many atoms a shell average runs over: the mean number |N(i)| of atoms of the centres' element within r_avg of
 * a centre ({@link NeighbourAveraged}), per class, for several radii. In ice Ih the O-O shells hold 4 oxygens at
 * 2.75 A and 12 more around 4.5 A (notebook 08), so a radius between the shells counts 4 or 16.
 */
public final class ShellSize {
    private ShellSize() {
    }

    /**
     * Mean number of same-element neighbours within each radius of the given centres of one structure (periodic
     * images counted once per image, strict distance &lt; r).
     *
     * @param centres atom indices, all of element z
     * @param radii   radii, Angstrom, each &gt; 0
     * @return shape [radii.length]
     * @throws IllegalArgumentException if a radius is not positive, there are no centres or a centre is not of element
     *                                  z
     */
    public static double[] mean(Structure s, int z, int[] centres, double[] radii) {
        double[] rs = checkRadii(radii);
        if (centres.length == 0) {
            throw new IllegalArgumentException("give at least one centre");
        }
        int[] ofZ = IntStream.range(0, s.size()).filter(i -> s.atomicNumber(i) == z).toArray();
        int[] sub = new int[s.size()];
        java.util.Arrays.fill(sub, -1);
        for (int k = 0; k < ofZ.length; k++) {
            sub[ofZ[k]] = k;
        }
        for (int c : centres) {
            if (c < 0 || c >= s.size() || sub[c] < 0) {
                throw new IllegalArgumentException("centre " + c + " is not an atom of element Z = " + z);
            }
        }
        Structure onlyZ = s.select(ofZ);
        double[] out = new double[rs.length];
        for (int k = 0; k < rs.length; k++) {
            NeighbourList nl = NeighbourList.build(onlyZ, rs[k]);
            for (int c : centres) {
                out[k] += nl.neighbourCount(sub[c]) / (double) centres.length;
            }
        }
        return out;
    }

    /**
     * One row per class: the mean number of same-element neighbours within each radius over the selected centres of
     * every frame of the data set.
     *
     * @param radii radii, Angstrom, each &gt; 0
     * @throws IllegalArgumentException if a radius is not positive
     */
    public static Table table(String title, FrameSource source, CentreSelection selection, double[] radii) {
        double[] rs = checkRadii(radii);
        List<String> classes = source.classes();
        double[][] sum = new double[classes.size()][rs.length];
        long[] n = new long[classes.size()];
        source.forEachFrame(f -> {
            int[] centres = selection.select(f);
            int c = classes.indexOf(f.label());
            double[] m = mean(f.structure(), selection.atomicNumber(), centres, rs);
            for (int k = 0; k < rs.length; k++) {
                sum[c][k] += m[k] * centres.length;
            }
            n[c] += centres.length;
        });
        Table t = Table.create(title, StringColumn.create("class"));
        for (double r : rs) {
            t.addColumns(DoubleColumn.create(String.format(Locale.ROOT, "|N| within %.1f A", r)));
        }
        for (int c = 0; c < classes.size(); c++) {
            t.stringColumn(0).append(classes.get(c));
            for (int k = 0; k < rs.length; k++) {
                t.doubleColumn(k + 1).append(sum[c][k] / n[c]);
            }
        }
        return t;
    }

    /**
     * A copy of candidate radii, checked.
     *
     * @throws IllegalArgumentException if empty, a radius is not positive and finite, or a radius repeats
     */
    static double[] checkRadii(double[] radii) {
        if (radii == null || radii.length == 0) {
            throw new IllegalArgumentException("give at least one averaging radius");
        }
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (double r : radii) {
            if (!(r > 0) || !Double.isFinite(r)) {
                throw new IllegalArgumentException("averaging radius must be a positive number of Angstrom, got " + r);
            }
            if (!seen.add(r)) {
                throw new IllegalArgumentException("averaging radius " + r + " A is given twice in "
                        + java.util.Arrays.toString(radii));
            }
        }
        return radii.clone();
    }
}
