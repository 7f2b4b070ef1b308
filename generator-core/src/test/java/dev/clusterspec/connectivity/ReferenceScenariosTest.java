package dev.clusterspec.connectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the analyser over every scenario folder of the independent reference analyser's test set
 * (shared reference data, {@code netpol-analyzer/}) and compares the text output byte for byte.
 * Scenarios are discovered from the folder, so a scenario added there is checked without a code change.
 */
class ReferenceScenariosTest {
    private static final int EXPECTED_SCENARIOS = 21;

    static Path referenceRoot() {
        String root = System.getProperty("clusterspec.reference");
        assertThat(root).as("system property clusterspec.reference (set by surefire)").isNotNull();
        return Path.of(root).resolve("netpol-analyzer");
    }

    static List<Path> scenarios() throws IOException {
        try (Stream<Path> dirs = Files.list(referenceRoot().resolve("scenarios"))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void allScenariosHaveAnExpectation() throws IOException {
        List<Path> scenarios = scenarios();
        assertThat(scenarios).hasSize(EXPECTED_SCENARIOS);
        for (Path scenario : scenarios) {
            assertThat(expectedFile(scenario)).exists();
        }
    }

    @TestFactory
    Stream<DynamicTest> matchesReferenceOutput() throws IOException {
        return scenarios().stream().map(scenario -> DynamicTest.dynamicTest(scenario.getFileName().toString(), () -> {
            String expected = Files.readString(expectedFile(scenario), StandardCharsets.UTF_8);
            ConnectivityResult result = ConnectivityAnalyzer.analyzeDirectory(scenario);
            assertThat(result.toText()).isEqualTo(expected);
        }));
    }

    private static Path expectedFile(Path scenario) {
        return referenceRoot().resolve("expected").resolve(scenario.getFileName() + ".txt");
    }
}
