package org.physml.ice.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physml.ice.IcePhase;
import org.physml.ice.data.Manifest;
import org.physml.structure.io.ExtXyz;
import org.physml.structure.io.Frame;

class IceDataSourceTest {

    /** A manifest listing liquid before ice Ih: the source still puts Ih first, and reads run_id and time_ps. */
    @Test
    void readsTheManifestLayout(@TempDir Path dir) {
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("liquid", "liquid.extxyz.gz");
        classes.put("ice_Ih", "ice_Ih.extxyz.gz");
        new Manifest("test", "TIP4P/2005", "none", 4, Map.of(), classes, List.of()).write(dir);
        List<Frame> ih = new ArrayList<>();
        for (Frame f : SyntheticIceData.crystalRun(IcePhase.IH, "ice_Ih", "Ih_a", 16, 2, 0.1, 1)) {
            ih.add(Frame.of(f.structure()).withInfo("label", "ice_Ih").withInfo("run_id", "Ih_a")
                    .withInfo("time_ps", 1.0 + ih.size()));
        }
        List<Frame> liquid = new ArrayList<>();
        for (Frame f : SyntheticIceData.liquidRun("liquid_a", 16, 1, 2)) {
            liquid.add(Frame.of(f.structure()).withInfo("label", "liquid").withInfo("run_id", "liquid_a")
                    .withInfo("time_ps", 1.0));
        }
        ExtXyz.write(dir.resolve("ice_Ih.extxyz.gz"), ih);
        ExtXyz.write(dir.resolve("liquid.extxyz.gz"), liquid);
        ExtXyzFrameSource src = IceDataSource.open(dir);
        assertEquals(List.of("ice_Ih", "liquid"), src.classes());
        List<LabelledFrame> frames = new ArrayList<>();
        src.forEachFrame(frames::add);
        assertEquals(3, frames.size());
        assertEquals("Ih_a", frames.get(1).run());
        assertEquals(2.0, frames.get(1).time());
        assertEquals(1, frames.get(1).frameInRun());
        assertEquals("liquid_a", frames.get(2).run());
        assertThrows(IllegalArgumentException.class, () -> IceDataSource.open(dir.resolve("missing")));
    }
}
