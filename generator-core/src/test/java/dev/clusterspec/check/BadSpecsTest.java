package dev.clusterspec.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.SpecProblemsException;

/**
 * Each file in {@code bad-specs/} is a broken spec that ends with the exact errors it must give,
 * as {@code # expect: line:col: error: message} lines (at the end, so they shift no line numbers).
 * {@code -Dclusterspec.updateGolden=true} rewrites them from what the validator says: review the diff.
 */
class BadSpecsTest {

    private static final Path FOLDER = Path.of("src/test/resources/bad-specs");
    private static final String EXPECT = "# expect: ";

    static Stream<Path> badSpecs() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void givesItsExactDiagnostics(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> expected = text.lines().filter(l -> l.startsWith(EXPECT)).map(l -> l.substring(EXPECT.length())).toList();

        SpecProblemsException problems = (SpecProblemsException) org.assertj.core.api.Assertions
                .catchThrowableOfType(SpecProblemsException.class, () -> new SpecValidator().validate(file));
        assertThat(problems).as("%s must be rejected", file.getFileName()).isNotNull();
        String prefix = file.toString() + ":";
        List<String> actual = problems.diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> {
                    assertThat(d.toString()).startsWith(prefix);
                    return d.toString().substring(prefix.length());
                })
                .toList();

        if (Golden.updating()) {
            String body = String.join("\n", text.lines().filter(l -> !l.startsWith(EXPECT)).toList());
            StringBuilder out = new StringBuilder(body).append('\n');
            actual.forEach(a -> out.append(EXPECT).append(a).append('\n'));
            Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(expected).as("%s has expectations", file.getFileName()).isNotEmpty();
        assertThat(actual).as(file.getFileName().toString()).containsExactlyElementsOf(expected);
        assertThat(actual).allSatisfy(a -> assertThat(a).doesNotContain("SECRETVALUE").doesNotContain("Exception"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void neverEscapesAsAnotherException(Path file) {
        assertThatThrownBy(() -> new SpecValidator().validate(file)).isExactlyInstanceOf(SpecProblemsException.class);
    }
}
