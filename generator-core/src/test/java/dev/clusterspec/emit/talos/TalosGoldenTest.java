package dev.clusterspec.emit.talos;

import dev.clusterspec.Golden;
import dev.clusterspec.emit.OutputFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Talos outputs of the examples against reviewed golden files ({@code golden/talos/<example>/}).
 * They are kept apart from the examples' whole output: these configs are built from the test
 * fixture's small manifest repo, not the example's, so no generate run writes the same bytes.
 */
class TalosGoldenTest {

    static List<String> examples() {
        return TalosFixtures.EXAMPLES;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void outputsMatchTheGoldenFiles(String example) {
        Map<String, String> files = new TreeMap<>();
        for (OutputFile output : TalosFixtures.emit(TalosFixtures.example(example))) {
            files.put(Path.of(output.path()).getFileName().toString(), output.text());
        }
        Golden.assertFolder("talos/" + example, files);
    }
}
