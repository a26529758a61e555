package org.physml.potentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.physml.CoursePaths;

/** Loads the shipped mlearn data once per test JVM. */
final class PotentialTestData {
    private static List<LabelledStructure> siTraining;
    private static List<LabelledStructure> siTest;
    private static List<LabelledStructure> moTest;
    private static List<LabelledStructure> moTraining;

    private PotentialTestData() {
    }

    static synchronized List<LabelledStructure> siliconTraining() {
        if (siTraining == null) {
            siTraining = read("mlearn/Si/training.json.gz");
        }
        return siTraining;
    }

    static synchronized List<LabelledStructure> molybdenumTraining() {
        if (moTraining == null) {
            moTraining = read("mlearn/Mo/training.json.gz");
        }
        return moTraining;
    }

    static synchronized List<LabelledStructure> molybdenumTest() {
        if (moTest == null) {
            moTest = read("mlearn/Mo/test.json.gz");
        }
        return moTest;
    }

    static synchronized List<LabelledStructure> siliconTest() {
        if (siTest == null) {
            siTest = read("mlearn/Si/test.json.gz");
        }
        return siTest;
    }

    private static List<LabelledStructure> read(String rel) {
        try {
            return MlearnReader.read(CoursePaths.data(rel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
