package org.physml.ice.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.physml.ice.IceBuilder;
import org.physml.ice.IcePhase;
import org.physml.ice.WaterSystem;
import org.physml.structure.Structure;

/**
 * Water structures of none of the nine classes of the data set, to test an out-of-distribution score
 * ({@link OodDetector}): ices II and VII (crystals the data set does not hold) and ice Ih with random vacancies (a
 * defective crystal of a known phase), all built by {@link IceBuilder}.
 *
 * <p>A perfect crystal would be easier to single out than any simulated frame, so every molecule is displaced
 * rigidly (O and both H by the same vector) by a Gaussian of standard deviation {@code sigma} per Cartesian axis,
 * a stand-in for thermal motion; molecules keep their TIP4P/2005 geometry.
 */
public final class UnknownStructures {
    private UnknownStructures() {
    }

    /**
     * The three unknown structures, keyed "ice_II", "ice_VII" and "ice_Ih_vacancies" (a fraction
     * {@code vacancyFraction} of the molecules removed at random).
     *
     * @param molecules       at least this many molecules per crystal before vacancies
     * @param sigma           rigid displacement per axis, Angstrom, &gt;= 0
     * @param vacancyFraction fraction of molecules removed from ice Ih, in [0, 1)
     * @param seed            seed of the proton arrangements, displacements and vacancies
     * @throws IllegalArgumentException for out-of-range parameters
     */
    public static Map<String, Structure> standard(int molecules, double sigma, double vacancyFraction, long seed) {
        Map<String, Structure> out = new LinkedHashMap<>();
        out.put("ice_II", jittered(IceBuilder.of(IcePhase.II).atLeast(molecules).seed(seed).build(), sigma, 0, seed));
        out.put("ice_VII", jittered(IceBuilder.of(IcePhase.VII).atLeast(molecules).seed(seed).build(), sigma, 0,
                seed + 1));
        out.put("ice_Ih_vacancies", jittered(IceBuilder.of(IcePhase.IH).atLeast(molecules).seed(seed).build(), sigma,
                vacancyFraction, seed + 2));
        return out;
    }

    /**
     * The molecules of {@code w} displaced rigidly by N(0, sigma^2) per axis, a random fraction of them removed.
     *
     * @throws IllegalArgumentException if sigma &lt; 0 or the fraction is outside [0, 1)
     */
    public static Structure jittered(WaterSystem w, double sigma, double vacancyFraction, long seed) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a finite number >= 0 Angstrom, got " + sigma);
        }
        if (!(vacancyFraction >= 0 && vacancyFraction < 1)) {
            throw new IllegalArgumentException("vacancy fraction must be in [0, 1), got " + vacancyFraction);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Structure s = w.structure();
        int nMol = w.moleculeCount();
        double[][] r = s.positions();
        List<Integer> keep = new ArrayList<>();
        java.util.Random gauss = new java.util.Random(rng.nextLong());
        for (int m = 0; m < nMol; m++) {
            double[] shift = {sigma * gauss.nextGaussian(), sigma * gauss.nextGaussian(), sigma * gauss.nextGaussian()};
            for (int a = 3 * m; a < 3 * m + 3; a++) {
                for (int k = 0; k < 3; k++) {
                    r[a][k] += shift[k];
                }
            }
            if (rng.nextDouble() >= vacancyFraction) {
                keep.add(3 * m);
                keep.add(3 * m + 1);
                keep.add(3 * m + 2);
            }
        }
        Structure moved = new Structure(r, s.atomicNumbers(), s.cell(), s.pbc());
        return moved.select(keep.stream().mapToInt(Integer::intValue).toArray());
    }
}
