package org.physml.potentials;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.physml.CoursePaths;

/**
 * The published Si and Mo potentials of Y. Zuo et al., "Performance and Cost Assessment of Machine Learning
 * Interatomic Potentials", J. Phys. Chem. A 124, 731 (2020), as shipped in {@code data/mlearn/models/} (from the
 * authors' mlearn repository, BSD-3-Clause; see the README there): linear SNAP, quadratic SNAP and the n2p2
 * Behler-Parrinello network. The GAP models of the paper are not included (no GAP evaluator in the course).
 */
public final class PublishedModels {
    /** The elements with published models. */
    public static final List<String> ELEMENTS = List.of("Si", "Mo");

    /** The kinds of published model, with the folder names of {@code data/mlearn/models/<element>/}. */
    public enum Kind {
        /** Linear SNAP. */
        SNAP("snap", "SNAP (Zuo et al.)"),
        /** Quadratic SNAP. */
        QSNAP("qsnap", "qSNAP (Zuo et al.)"),
        /** Behler-Parrinello NNP (n2p2). */
        NNP("nnp", "NNP (Zuo et al.)");

        private final String folder;
        private final String label;

        Kind(String folder, String label) {
            this.folder = folder;
            this.label = label;
        }

        /** Folder name under {@code data/mlearn/models/<element>/}. */
        public String folder() {
            return folder;
        }

        /** Name for tables and plots. */
        public String label() {
            return label;
        }
    }

    private PublishedModels() {
    }

    /** Folder of a model, {@code data/mlearn/models/<element>/<kind>}. */
    public static Path folder(String element, Kind kind) {
        if (!ELEMENTS.contains(element)) {
            throw new IllegalArgumentException("no published models for '" + element + "'; expected one of "
                    + ELEMENTS);
        }
        return CoursePaths.data("mlearn/models/" + element + "/" + kind.folder());
    }

    /**
     * Loads a published model.
     *
     * @param element "Si" or "Mo"
     * @param kind    the model
     * @throws IOException              if a file cannot be read
     * @throws IllegalArgumentException for another element or a malformed file
     */
    public static Potential load(String element, Kind kind) throws IOException {
        Path dir = folder(element, kind);
        if (kind == Kind.NNP) {
            return N2p2ModelFiles.read(dir, N2p2ModelFiles.MLEARN_CFLENGTH, N2p2ModelFiles.MLEARN_CFENERGY);
        }
        return LammpsSnapFile.read(dir.resolve("SNAPotential.snapparam"), dir.resolve("SNAPotential.snapcoeff"));
    }

    /** Number of fitted parameters (SNAP coefficients, or network weights and biases). */
    public static int parameterCount(Potential p) {
        if (p instanceof LinearSnap s) {
            return s.coefficients().length;
        }
        if (p instanceof BehlerParrinelloPotential b) {
            return b.network().parameterCount();
        }
        throw new IllegalArgumentException("not a published model: " + p);
    }
}
