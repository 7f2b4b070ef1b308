package dev.clusterspec.emit.talos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.emit.OutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Talos outputs of the examples against reviewed golden files
 * ({@code src/test/resources/golden/talos/<example>/}). After a deliberate change, rewrite them with
 * {@code -Dclusterspec.updateGolden=true} and review the diff.
 */
class TalosGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/talos");

    static List<String> examples() {
        return TalosFixtures.EXAMPLES;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void outputsMatchTheGoldenFiles(String example) throws IOException {
        List<OutputFile> outputs = TalosFixtures.emit(TalosFixtures.example(example));
        Path folder = GOLDEN.resolve(example);
        if (Boolean.getBoolean("clusterspec.updateGolden")) {
            rewrite(folder, outputs);
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .as("golden files of %s", example)
                    .containsExactlyElementsOf(outputs.stream().map(f -> Path.of(f.path()).getFileName().toString()).sorted().toList());
        }
        for (OutputFile output : outputs) {
            Path golden = folder.resolve(Path.of(output.path()).getFileName().toString());
            assertThat(output.text())
                    .as("%s of %s differs from %s (rewrite with -Dclusterspec.updateGolden=true and review)", output.path(), example, golden)
                    .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
    }

    private static void rewrite(Path folder, List<OutputFile> outputs) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> old = Files.list(folder)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(folder);
        for (OutputFile output : outputs) {
            Files.write(folder.resolve(Path.of(output.path()).getFileName().toString()), output.content());
        }
    }
}
