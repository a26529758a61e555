package org.physml.descriptors.steinhardt;

import java.util.Arrays;

/**
 * Builds a {@link Steinhardt} from the keyword/value arguments of a LAMMPS {@code compute ID group
 * orientorder/atom ...} command, so that LAMMPS inputs can be ported verbatim and the columns come out in the
 * LAMMPS order.
 *
 * <p>Keywords (LAMMPS documentation of compute orientorder/atom, version 29 Sep 2021): {@code cutoff R}
 * (required here: LAMMPS defaults to the pair-style cutoff, which does not exist outside LAMMPS), {@code nnn N}
 * or {@code nnn NULL} (default 12), {@code degrees n l_1 ... l_n} (default 5 4 6 8 10 12), {@code wl yes/no},
 * {@code wl/hat yes/no} (both over the same degrees), {@code components l} (l must be one of the degrees, as
 * LAMMPS requires) and {@code chunksize n} (accepted and validated; it only splits the KOKKOS computation into
 * passes and does not change any number).
 */
public final class LammpsOrientOrder {

    private LammpsOrientOrder() {
    }

    /**
     * @param args the keyword/value part of the compute command, e.g.
     *             {@code "nnn 12 cutoff 3.5 degrees 2 4 6 wl yes wl/hat yes components 6"}
     * @return the descriptor with {@link InsufficientNeighbours#ZERO} (the LAMMPS behaviour)
     * @throws IllegalArgumentException on an unknown keyword, a missing or invalid value, a missing cutoff, or a
     *                                  components degree that is not among the degrees
     */
    public static Steinhardt parse(String args) {
        return builder(args).build();
    }

    /**
     * The builder that {@link #parse(String)} completes, for adding settings LAMMPS expresses elsewhere (e.g.
     * {@link Steinhardt.Builder#neighbourSpecies(int...)} for a {@code neigh_modify exclude type} setup).
     *
     * @throws IllegalArgumentException as {@link #parse(String)}
     */
    public static Steinhardt.Builder builder(String args) {
        String[] t = args.trim().split("\\s+");
        Steinhardt.Builder b = Steinhardt.builder();
        int[] degrees = {4, 6, 8, 10, 12};
        boolean wl = false, wlHat = false, cutoff = false;
        int components = -1;
        int i = 0;
        while (i < t.length && !t[0].isEmpty()) {
            String key = t[i];
            switch (key) {
                case "nnn" -> {
                    String v = value(t, i, key);
                    if (v.equals("NULL")) {
                        b.allNeighbours();
                    } else {
                        b.nearestNeighbours(integer(v, key));
                    }
                    i += 2;
                }
                case "degrees" -> {
                    int n = integer(value(t, i, key), key);
                    if (n <= 0 || i + 2 + n > t.length) {
                        throw new IllegalArgumentException("degrees: expected a positive count followed by that many "
                                + "degrees in \"" + args + "\"");
                    }
                    degrees = new int[n];
                    for (int k = 0; k < n; k++) {
                        degrees[k] = integer(t[i + 2 + k], key);
                    }
                    i += 2 + n;
                }
                case "wl" -> {
                    wl = yesNo(value(t, i, key), key);
                    i += 2;
                }
                case "wl/hat" -> {
                    wlHat = yesNo(value(t, i, key), key);
                    i += 2;
                }
                case "components" -> {
                    components = integer(value(t, i, key), key);
                    i += 2;
                }
                case "cutoff" -> {
                    String v = value(t, i, key);
                    try {
                        b.rCut(Double.parseDouble(v));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("cutoff: expected a number, got \"" + v + "\"");
                    }
                    cutoff = true;
                    i += 2;
                }
                case "chunksize" -> {
                    if (integer(value(t, i, key), key) <= 0) {
                        throw new IllegalArgumentException("chunksize must be positive in \"" + args + "\"");
                    }
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown compute orientorder/atom keyword \"" + key
                        + "\" in \"" + args + "\"; expected nnn, degrees, wl, wl/hat, components, cutoff or chunksize");
            }
        }
        if (!cutoff) {
            throw new IllegalArgumentException("give the cutoff keyword (LAMMPS would take the pair-style cutoff) in \""
                    + args + "\"");
        }
        b.q(degrees);
        if (wl) {
            b.w(degrees);
        }
        if (wlHat) {
            b.wHat(degrees);
        }
        if (components >= 0) {
            int c = components;
            if (Arrays.stream(degrees).noneMatch(l -> l == c)) {
                throw new IllegalArgumentException("components " + c + " is not among the degrees "
                        + Arrays.toString(degrees));
            }
            b.components(c);
        }
        return b;
    }

    private static String value(String[] t, int i, String key) {
        if (i + 1 >= t.length) {
            throw new IllegalArgumentException("keyword " + key + " needs a value");
        }
        return t[i + 1];
    }

    private static int integer(String v, String key) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected an integer, got \"" + v + "\"");
        }
    }

    private static boolean yesNo(String v, String key) {
        return switch (v) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException(key + ": expected yes or no, got \"" + v + "\"");
        };
    }
}
