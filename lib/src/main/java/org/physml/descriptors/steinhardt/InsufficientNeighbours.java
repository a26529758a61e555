package org.physml.descriptors.steinhardt;

/**
 * What {@link Steinhardt} does with an atom that has fewer neighbours within r_cut than it needs (fewer than N for
 * "N nearest neighbours", none at all for "all neighbours within r_cut").
 */
public enum InsufficientNeighbours {
    /**
     * All features of the atom are 0 (LAMMPS compute orientorder/atom: "The value of Q_l is set to zero ... for
     * atoms that have less than nnn neighbors within the distance cutoff"). In the neighbour average of another
     * atom such an atom contributes q_lm = 0 (it still counts in the 1/(N+1) normalisation).
     */
    ZERO,
    /** Throw an {@link IllegalArgumentException} naming the atom (the behaviour of the reference code of
     *  Faure Beaulieu et al., which asserts that enough neighbours exist). */
    THROW
}
