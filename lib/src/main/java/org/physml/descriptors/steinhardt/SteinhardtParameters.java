package org.physml.descriptors.steinhardt;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.physml.descriptors.DescriptorParameters;
import org.physml.structure.Elements;
import org.physml.structure.NeighbourList;

/**
 * The parameters of {@link Steinhardt}, as the keywords of LAMMPS's {@code compute orientorder/atom} (registered
 * as {@code "steinhardt"}). Degree lists are in output order; an empty list asks for none of that family.
 *
 * @param rCut                  neighbour cutoff r_cut, Angstrom (neighbours strictly closer), positive and finite
 * @param nearestNeighbours     N of the N nearest neighbours within r_cut (LAMMPS {@code nnn N}), or 0 for every
 *                              neighbour within r_cut ({@code nnn NULL})
 * @param neighbourSpecies      atomic numbers of the neighbours that count, ascending; empty for all species
 * @param insufficientNeighbours what atoms with fewer than N neighbours get
 * @param q                     degrees l of q_l, each 0..{@value Steinhardt#MAX_L}
 * @param qBar                  degrees of the neighbour-averaged qbar_l
 * @param w                     degrees of w_l
 * @param wBar                  degrees of wbar_l
 * @param wHat                  degrees of the normalised what_l
 * @param wHatBar               degrees of whatbar_l
 * @param components            l of the 2(2l+1) normalised components q_lm/|q_l| (LAMMPS {@code components l}), or
 *                              -1 for none
 */
public record SteinhardtParameters(double rCut, int nearestNeighbours, List<Integer> neighbourSpecies,
                                   InsufficientNeighbours insufficientNeighbours, List<Integer> q, List<Integer> qBar,
                                   List<Integer> w, List<Integer> wBar, List<Integer> wHat, List<Integer> wHatBar,
                                   int components) implements DescriptorParameters {

    /**
     * @throws IllegalArgumentException on a value outside the ranges above, a missing list, or when no feature is
     *                                  requested
     */
    public SteinhardtParameters {
        NeighbourList.checkCutoff(rCut);
        if (nearestNeighbours < 0) {
            throw new IllegalArgumentException("the number of nearest neighbours must be >= 1 (0 for all), got "
                    + nearestNeighbours);
        }
        Objects.requireNonNull(insufficientNeighbours, "insufficient_neighbours ('zero' or 'throw')");
        neighbourSpecies = neighbourSpecies == null || neighbourSpecies.isEmpty() ? List.of()
                : Arrays.stream(Elements.sortedSpecies(neighbourSpecies.stream().mapToInt(Integer::intValue)
                .toArray())).boxed().toList();
        q = degrees("q", q);
        qBar = degrees("q_bar", qBar);
        w = degrees("w", w);
        wBar = degrees("w_bar", wBar);
        wHat = degrees("w_hat", wHat);
        wHatBar = degrees("w_hat_bar", wHatBar);
        if (components < -1 || components > Steinhardt.MAX_L) {
            throw new IllegalArgumentException("components: degree l = " + components + " is outside 0.."
                    + Steinhardt.MAX_L + " (-1 for none)");
        }
        if (q.size() + qBar.size() + w.size() + wBar.size() + wHat.size() + wHatBar.size() == 0 && components < 0) {
            throw new IllegalArgumentException("no feature requested: give degrees to q, qBar, w, wBar, wHat, "
                    + "wHatBar or components");
        }
    }

    private static List<Integer> degrees(String what, List<Integer> l) {
        if (l == null) {
            throw new IllegalArgumentException(what + ": give a list of degrees (empty for none)");
        }
        for (Integer v : l) {
            if (v == null || v < 0 || v > Steinhardt.MAX_L) {
                throw new IllegalArgumentException(what + ": degree l = " + v + " is outside 0.." + Steinhardt.MAX_L);
            }
        }
        return List.copyOf(l);
    }

    /** The Steinhardt descriptor of these parameters. */
    @Override
    public Steinhardt create() {
        return new Steinhardt(this);
    }
}
