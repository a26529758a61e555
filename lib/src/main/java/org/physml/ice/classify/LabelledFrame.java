package org.physml.ice.classify;

import java.util.Objects;

import org.physml.structure.Structure;

/**
 * One frame of a labelled data set: the atoms and where they come from.
 *
 * @param structure  the atoms (water: O and H), cell and periodicity; Angstrom
 * @param label      class of every molecule of the frame, e.g. "ice_Ih" or "liquid"
 * @param run        id of the simulation run the frame belongs to, e.g. "Ih_a"
 * @param frameInRun 0-based position of the frame in its run, in time order
 * @param time       simulation time of the frame within its run, ps
 */
public record LabelledFrame(Structure structure, String label, String run, int frameInRun, double time) {

    /** @throws IllegalArgumentException if the label or run is blank or frameInRun is negative */
    public LabelledFrame {
        Objects.requireNonNull(structure, "structure");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a labelled frame needs a class label, got '" + label + "'");
        }
        if (run == null || run.isBlank()) {
            throw new IllegalArgumentException("a labelled frame needs a run id, got '" + run + "'");
        }
        if (frameInRun < 0) {
            throw new IllegalArgumentException("frameInRun must be >= 0, got " + frameInRun);
        }
    }
}
