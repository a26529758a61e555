package org.physml.descriptors;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.physml.structure.Elements;

/**
 * The parameters of {@link ConcatenatedDescriptor} (registered as {@code "concatenation"}).
 *
 * @param parts the parts in feature order, at least one
 */
public record ConcatenationParameters(List<Part> parts) implements DescriptorParameters {

    /**
     * One part.
     *
     * @param descriptor the parameters of a local descriptor
     * @param neighbourZ atomic numbers of the neighbours it sees, ascending; empty for all
     */
    public record Part(DescriptorParameters descriptor, List<Integer> neighbourZ) {
        /** @throws IllegalArgumentException if the descriptor is missing or an atomic number is invalid */
        public Part {
            if (descriptor == null) {
                throw new IllegalArgumentException("a concatenation part needs descriptor parameters");
            }
            neighbourZ = neighbourZ == null || neighbourZ.isEmpty() ? List.of()
                    : Arrays.stream(Elements.sortedSpecies(neighbourZ.stream().mapToInt(Integer::intValue)
                    .toArray())).boxed().toList();
        }
    }

    /** @throws IllegalArgumentException if no part is given */
    public ConcatenationParameters {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("a concatenated descriptor needs at least one part");
        }
        parts.forEach(p -> Objects.requireNonNull(p, "part"));
        parts = List.copyOf(parts);
    }

    /**
     * The concatenation of these parameters.
     *
     * @throws IllegalArgumentException if a part is not a {@link LocalDescriptor}
     */
    @Override
    public ConcatenatedDescriptor create() {
        return new ConcatenatedDescriptor(parts.stream().map(p -> {
            AnyDescriptor d = p.descriptor().create();
            if (!(d instanceof LocalDescriptor local)) {
                throw new IllegalArgumentException("a concatenation part must be a local descriptor, got '"
                        + p.descriptor().descriptorName() + "'");
            }
            return new ConcatenatedDescriptor.Part(local, p.neighbourZ().stream().mapToInt(Integer::intValue)
                    .toArray());
        }).toList());
    }
}
