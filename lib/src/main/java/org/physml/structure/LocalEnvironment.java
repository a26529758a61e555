package org.physml.structure;

/**
 * The neighbourhood of one centre atom: every atom (including periodic images) within a radius of it,
 * the centre itself excluded.
 *
 * <p>All arrays have one entry per neighbour, in the same order. A neighbour that appears several times
 * (several periodic images of one atom within the radius, possible in cells smaller than twice the radius)
 * appears once per image. The arrays are owned by this object and must not be modified.
 *
 * @param centre         index of the centre atom in its structure
 * @param centreZ        atomic number of the centre atom
 * @param neighbourIndex index in the structure of each neighbour (the atom, not the image), length m
 * @param neighbourZ     atomic number of each neighbour, length m
 * @param r              vectors r_j - r_centre including the periodic image shift, shape [m][3], Angstrom
 * @param distance       |r_j - r_centre|, length m, Angstrom
 */
public record LocalEnvironment(int centre, int centreZ, int[] neighbourIndex, int[] neighbourZ,
                               double[][] r, double[] distance) {

    /** Number of neighbours m. */
    public int size() {
        return distance.length;
    }
}
