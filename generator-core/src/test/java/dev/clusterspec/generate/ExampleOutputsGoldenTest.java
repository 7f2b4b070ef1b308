package dev.clusterspec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.Examples;
import dev.clusterspec.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled example compiled by the real {@link Generator}: its whole non-secret output against
 * {@code golden/examples/<example>/}, the folder the plugin's integration tests compare the Maven
 * run with too, so each file of it is kept once. The Talos configs stay out: they are secret outputs
 * (and the talosconfig holds a client certificate issued at run time); TalosGoldenTest keeps golden
 * Talos configs of its own.
 */
class ExampleOutputsGoldenTest {

    /** Inside the validity of the reference bundle's OS CA (2023-10-12 to 2033-10-09). */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-01T00:00:00Z"), ZoneOffset.UTC);

    /**
     * Talos's public test bundle, the one the integration tests hand the Maven run: the report
     * states the Talos configs' sizes, which depend on the key material.
     */
    private static final Path BUNDLE = Examples.reference().resolve("talos/stability/secrets.yaml");

    @TempDir
    Path dir;

    static List<String> examples() {
        return Examples.ALL;
    }

    private Map<String, String> nonSecretOutputs(String example, String run) {
        GenerateResult result = new Generator().generate(GenerateRequest.of(Examples.spec(example), BUNDLE, dir.resolve(run)).withForce(true).withClock(CLOCK));
        Map<String, String> files = new TreeMap<>();
        result.files().stream().filter(f -> !f.secret()).forEach(f -> files.put(f.path(), f.text()));
        return files;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void wholeOutputMatchesTheGoldenFolder(String example) {
        Golden.assertFolder("examples/" + example, nonSecretOutputs(example, "first"));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void aSecondRunGivesTheSameBytes(String example) {
        // a fresh load, plan and emit: nothing may depend on identity hash codes or the order of sets
        assertThat(nonSecretOutputs(example, "second")).isEqualTo(nonSecretOutputs(example, "first"));
    }

    @Test
    void everyBundledExampleHasAGoldenFolderAndNoOtherHasOne() throws IOException {
        assertThat(folders(Examples.root().resolve("examples"))).containsExactlyInAnyOrderElementsOf(Examples.ALL);
        assertThat(folders(Golden.root().resolve("examples"))).containsExactlyInAnyOrderElementsOf(Examples.ALL);
    }

    private static List<String> folders(Path parent) throws IOException {
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
        }
    }
}
