package org.physml.ice;

/**
 * The ice phases the builder knows, each described by a data file {@code org/physml/ice/<name>.json} that cites
 * the source of every number (see {@link IceCrystal}).
 */
public enum IcePhase {
    /** Hexagonal ice Ih, P6_3/mmc, 4 molecules per cell. */
    IH("Ih"),
    /** Cubic ice Ic, Fd-3m, 8 molecules per cell. */
    IC("Ic"),
    /** Ice II, R-3 (rhombohedral axes), 12 molecules per cell. */
    II("II"),
    /** Ice III, P4_12_12, 12 molecules per cell. */
    III("III"),
    /** Ice V, A2/a, 28 molecules per cell. */
    V("V"),
    /** Ice VI, P4_2/nmc, 10 molecules per cell, two interpenetrating networks. */
    VI("VI"),
    /** Ice VII, Pn-3m, 2 molecules per cubic cell (16 in the 2x2x2 cell of its two diamond networks). */
    VII("VII");

    private final String label;
    private volatile IceCrystal crystal;

    IcePhase(String label) {
        this.label = label;
    }

    /** The phase's name as written in the literature, e.g. "Ih". */
    public String label() {
        return label;
    }

    /** The phase's crystal data, read from its data file on first use. */
    public IceCrystal crystal() {
        IceCrystal c = crystal;
        if (c == null) {
            c = IceCrystal.fromResource("org/physml/ice/" + label + ".json");
            crystal = c;
        }
        return c;
    }

    /**
     * The phase with the given literature name, case-insensitive ("Ih", "ic", "VII").
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static IcePhase fromLabel(String name) {
        for (IcePhase p : values()) {
            if (p.label.equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown ice phase '" + name + "'; expected one of Ih, Ic, II, III, V, VI, VII");
    }
}
