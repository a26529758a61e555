package org.physml.descriptors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text form of the enum-valued descriptor parameters (the radial basis of SOAP, its compression, the policy
 * of Steinhardt for atoms with too few neighbours, ...): the constant's name in lower case with '-' for '_',
 * e.g. {@code "gto"}, {@code "crossover"}. The builders and the JSON of {@link DescriptorRegistry} both read it
 * through {@link #parse}.
 */
public final class ParameterChoice {
    private ParameterChoice() {
    }

    /** The text of a constant: its name in lower case, '_' written as '-'. */
    public static String text(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant whose text ({@link #text}) is {@code given}, ignoring case.
     *
     * @param what the parameter name for the message, e.g. "rbf"
     * @throws IllegalArgumentException if {@code given} is null or names no constant (the message lists them)
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String given, String what) {
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            if (given != null && text(e).equals(given.toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return e;
            }
            allowed.add(text(e));
        }
        throw new IllegalArgumentException("invalid " + what + " '" + given + "'; expected one of " + allowed);
    }
}
