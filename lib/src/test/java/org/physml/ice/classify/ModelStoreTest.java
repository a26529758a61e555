package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    /** A stored network, read back, gives the same test confusion matrix and learning curve as when trained. */
    @Test
    void storedModelReproducesTheEvaluation(@TempDir Path dir) {
        DescriptorMatrix m = RunSplitTest.matrix();
        Set<String> test = RunSplit.lastRunOfEachClass(m);
        PhaseClassifier.Config cfg = PhaseClassifier.Config.standard(3).withEpochs(20, 5);
        DescriptorEvaluation trained = DescriptorEvaluation.run(m, test, 0.2, 0, cfg, null);
        assertTrue(trained.trainedNow());
        ModelStore store = new ModelStore(List.of(dir.resolve("shipped"), dir.resolve("local")), dir.resolve("local"));
        String key = ModelStore.key("features-key", test, 0.2, 0, cfg);
        assertTrue(store.load("test", key).isEmpty());
        store.store("test", key, trained.classifier());
        PhaseClassifier loaded = store.load("test", key).orElseThrow();
        DescriptorEvaluation again = DescriptorEvaluation.of(m, RunSplit.of(m, test, 0.2), loaded, false);
        assertFalse(again.trainedNow());
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(trained.test().counts()[t], again.test().counts()[t]);
        }
        assertEquals(trained.classifier().history(), loaded.history());
        // every ingredient of the training changes the key
        assertNotEquals(key, ModelStore.key("other-features", test, 0.2, 0, cfg));
        assertNotEquals(key, ModelStore.key("features-key", Set.of("ice_b"), 0.2, 0, cfg));
        assertNotEquals(key, ModelStore.key("features-key", test, 0.25, 0, cfg));
        assertNotEquals(key, ModelStore.key("features-key", test, 0.2, 10, cfg));
        assertNotEquals(key, ModelStore.key("features-key", test, 0.2, 0, PhaseClassifier.Config.standard(4)));
    }
}
