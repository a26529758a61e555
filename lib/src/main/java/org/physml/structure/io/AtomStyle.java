package org.physml.structure.io;

import java.util.Locale;

/**
 * LAMMPS atom styles whose Atoms-section lines this library reads and writes (LAMMPS read_data documentation,
 * "Atoms section"): each line is the columns below, optionally followed by three image flags nx ny nz.
 * <ul>
 *   <li>atomic: atom-ID atom-type x y z</li>
 *   <li>charge: atom-ID atom-type q x y z</li>
 *   <li>molecular (also bond, angle): atom-ID molecule-ID atom-type x y z</li>
 *   <li>full: atom-ID molecule-ID atom-type q x y z</li>
 * </ul>
 */
public enum AtomStyle {
    /** atom-ID atom-type x y z. */
    ATOMIC(5, -1, 1, -1, 2),
    /** atom-ID atom-type q x y z. */
    CHARGE(6, -1, 1, 2, 3),
    /** atom-ID molecule-ID atom-type x y z (LAMMPS styles molecular, bond and angle). */
    MOLECULAR(6, 1, 2, -1, 3),
    /** atom-ID molecule-ID atom-type q x y z. */
    FULL(7, 1, 2, 3, 4);

    /** Number of columns without image flags. */
    final int columns;
    /** Column of molecule-ID, -1 if none. */
    final int moleculeColumn;
    /** Column of atom-type. */
    final int typeColumn;
    /** Column of the charge q, -1 if none. */
    final int chargeColumn;
    /** Column of x (y and z follow). */
    final int xColumn;

    AtomStyle(int columns, int moleculeColumn, int typeColumn, int chargeColumn, int xColumn) {
        this.columns = columns;
        this.moleculeColumn = moleculeColumn;
        this.typeColumn = typeColumn;
        this.chargeColumn = chargeColumn;
        this.xColumn = xColumn;
    }

    /** The LAMMPS name, as in "Atoms # full". */
    public String lammpsName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether atoms carry a molecule-ID (and the data file may hold bonds, angles, ...). */
    public boolean hasMolecules() {
        return moleculeColumn >= 0;
    }

    /** Whether atoms carry a charge q. */
    public boolean hasCharges() {
        return chargeColumn >= 0;
    }

    /**
     * The style of a LAMMPS name: atomic, charge, molecular, bond, angle (the last three share one layout) or
     * full.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static AtomStyle fromLammpsName(String name) {
        return switch (name) {
            case "atomic" -> ATOMIC;
            case "charge" -> CHARGE;
            case "molecular", "bond", "angle" -> MOLECULAR;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("atom style '" + name
                    + "' is not supported; expected atomic, charge, molecular, bond, angle or full");
        };
    }
}
