package org.physml.descriptors.steinhardt;

import org.physml.structure.LocalEnvironment;
import org.physml.structure.NeighbourList;
import org.physml.structure.Structure;

/**
 * Neighbour lists for "the N nearest neighbours within r_cut" when r_cut is much larger than the N-th neighbour
 * distance (e.g. the 10.6 A candidate radius of {@link Steinhardt#faureBeaulieu2024()}, where an atom has about
 * 150 candidates for 16 neighbours).
 *
 * <p>The search first uses a radius r_0 &lt; r_cut at which an atom has about 2N neighbours of the allowed species
 * on average, r_0 = (3 (2N) / (4 pi rho))^{1/3} with rho their number density; an atom with fewer than N
 * neighbours within r_0 is looked up again in the full r_cut list, which is built only if some atom needs it. This
 * does not change any result: when at least N neighbours lie within r_0, every atom outside r_0 is farther than
 * all of them, so the N nearest are the same, and since both lists order neighbours by atom index and image shift
 * the tie rule of {@link NeighbourSelection} picks the same atoms. For "all neighbours", non-periodic structures,
 * or when r_0 would exceed 0.8 r_cut, r_cut is used directly.
 *
 * <p>Thread-safe.
 */
final class CandidateSearch {
    private static final double FILL = 2.0;
    private static final double MAX_FRACTION = 0.8;

    private final Structure structure;
    private final double rCut;
    private final double radius;
    private final NeighbourList list;
    private volatile NeighbourList full;

    /**
     * @param nearest  N, or 0 for all neighbours within r_cut
     * @param allowedZ allowed neighbour species indexed by Z, or null for all
     */
    CandidateSearch(Structure s, double rCut, int nearest, boolean[] allowedZ) {
        this.structure = s;
        this.rCut = rCut;
        this.radius = reducedRadius(s, rCut, nearest, allowedZ);
        this.list = NeighbourList.build(s, radius);
    }

    private static double reducedRadius(Structure s, double rCut, int nearest, boolean[] allowedZ) {
        boolean[] pbc = s.pbc();
        if (nearest == 0 || !(pbc[0] && pbc[1] && pbc[2])) {
            return rCut;
        }
        long count = 0;
        for (int i = 0; i < s.size(); i++) {
            if (allowedZ == null || allowedZ[s.atomicNumber(i)]) {
                count++;
            }
        }
        if (count == 0) {
            return rCut;
        }
        double rho = count / Math.abs(s.volume());
        double r0 = Math.cbrt(3.0 * FILL * nearest / (4.0 * Math.PI * rho));
        return r0 < MAX_FRACTION * rCut ? r0 : rCut;
    }

    /** Search radius of {@link #environment(int)}, Angstrom (&lt;= r_cut). */
    double radius() {
        return radius;
    }

    /** Whether {@link #environment(int)} comes from a radius below r_cut. */
    boolean reduced() {
        return radius < rCut;
    }

    /** Neighbours of atom i within {@link #radius()}. */
    LocalEnvironment environment(int i) {
        return list.environment(i);
    }

    /** Neighbours of atom i within r_cut (builds the r_cut list on first use). */
    LocalEnvironment fullEnvironment(int i) {
        if (!reduced()) {
            return list.environment(i);
        }
        NeighbourList f = full;
        if (f == null) {
            synchronized (this) {
                f = full;
                if (f == null) {
                    f = NeighbourList.build(structure, rCut);
                    full = f;
                }
            }
        }
        return f.environment(i);
    }
}
